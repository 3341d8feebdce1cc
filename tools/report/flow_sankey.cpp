#include "tools/report/flow_sankey.h"

#include <algorithm>
#include <map>
#include <numeric>

#include "graph/number_format.h"
#include "tools/io/text_escape.h"
#include "tools/report/palette.h"

namespace mineflow::report {

namespace {

std::string_view stage_colour(FlowStage stage) {
  switch (stage) {
    case FlowStage::mine:
      return kOkabeOrange;
    case FlowStage::refine:
      return kOkabeBlue;
    case FlowStage::focal_imports:
      return kOkabeSkyBlue;
    case FlowStage::demand:
      return kOkabeBlack;
    case FlowStage::in_use:
      return kOkabePurple;
    case FlowStage::end_of_life:
      return kOkabeVermillion;
    case FlowStage::recycling:
      return kOkabeGreen;
  }
  return kOkabeBlack;
}

// Builds nodes keyed by a string so each graph node (or synthetic node) appears once.
class SankeyBuilder {
 public:
  std::size_t node(const std::string& key, const std::string& label, FlowStage stage,
                   int rank = 0) {
    auto [it, added] = index_.try_emplace(key, chart_.nodes.size());
    if (added) {
      chart_.nodes.push_back(
          {label, static_cast<std::size_t>(stage), std::string(stage_colour(stage))});
      rank_.push_back(rank);
    }
    return it->second;
  }
  void link(std::size_t from, std::size_t to, double value) {
    if (value > 0.0) chart_.links.push_back({from, to, value, ""});
  }
  // Orders each column: rank first (focal nodes on top, OTH last), then larger flows first.
  SankeyChart finish() {
    std::vector<double> through(chart_.nodes.size(), 0.0);
    std::vector<double> in(chart_.nodes.size(), 0.0);
    for (const SankeyLink& link : chart_.links) {
      through[link.from] += link.value;
      in[link.to] += link.value;
    }
    for (std::size_t n = 0; n < through.size(); ++n) through[n] = std::max(through[n], in[n]);
    std::vector<std::size_t> order(chart_.nodes.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
      if (rank_[a] != rank_[b]) return rank_[a] < rank_[b];
      return through[a] > through[b];
    });
    std::vector<std::size_t> new_index(order.size());
    SankeyChart sorted = chart_;
    sorted.nodes.clear();
    for (std::size_t i = 0; i < order.size(); ++i) {
      new_index[order[i]] = i;
      sorted.nodes.push_back(chart_.nodes[order[i]]);
    }
    for (SankeyLink& link : sorted.links) {
      link.from = new_index[link.from];
      link.to = new_index[link.to];
    }
    return sorted;
  }
  SankeyChart& chart() { return chart_; }

 private:
  SankeyChart chart_;
  std::map<std::string, std::size_t> index_;
  std::vector<int> rank_;
};

}  // namespace

SankeyChart material_flow_sankey(const MineralGraph& mineral, const std::string& title, Lang lang,
                                 const std::optional<UseSideFlows>& use_side) {
  const SupplyGraph& graph = mineral.graph;
  const std::string& focal = mineral.focal_economy;
  SankeyBuilder b;
  b.chart().title = title;
  b.chart().unit = phrase("flow_unit", lang);
  for (FlowStage stage : kFlowStages) b.chart().column_labels.push_back(stage_label(stage, lang));

  auto country_rank = [](const std::string& country) { return country == "OTH" ? 2 : 1; };
  auto foreign = [&](NodeId id, FlowStage stage) {
    const Node& node = graph.node_at(id);
    return b.node(graph.label(id), node.country, stage, country_rank(node.country));
  };
  std::size_t demand =
      b.node("demand", phrase("demand_node", lang) + " (" + focal + ")", FlowStage::demand);
  // Recycled material sits at the bottom of its column, so its loop back to demand runs
  // straight down into the lane without crossing the not-recovered node.
  auto recycled = [&] {
    return b.node("recycled", phrase("recycled_node", lang), FlowStage::recycling, 2);
  };
  double eol_in = 0.0;
  double recovered = 0.0;
  std::size_t imports = 0;
  bool has_imports = false;
  double imports_total = 0.0;
  for (const Edge& edge : graph.edges()) {
    if (!(edge.flow_t_per_yr > 0.0)) continue;  // a zero share draws nothing
    switch (edge.kind) {
      case FlowKind::production:
      case FlowKind::market_feed:
      case FlowKind::rest_of_world:
      case FlowKind::market_balance:
        break;  // world market: out of the focal economy's picture
      case FlowKind::feed:
        break;  // drawn with the refined imports: the tier behind them
      case FlowKind::concentrate_import: {
        std::size_t smelter =
            b.node("smelter", focal + " " + phrase("smelting_node", lang), FlowStage::refine);
        b.link(foreign(edge.from, FlowStage::mine), smelter, edge.flow_t_per_yr);
        break;
      }
      case FlowKind::domestic_refining: {
        std::size_t smelter =
            b.node("smelter", focal + " " + phrase("smelting_node", lang), FlowStage::refine);
        b.link(smelter, demand, edge.flow_t_per_yr);
        break;
      }
      case FlowKind::refined_import: {
        if (!has_imports) {
          imports =
              b.node("imports", phrase("refined_imports_node", lang), FlowStage::focal_imports);
          has_imports = true;
        }
        b.link(foreign(edge.from, FlowStage::refine), imports, edge.flow_t_per_yr);
        imports_total += edge.flow_t_per_yr;
        // The tier behind: the part of the refiner's feed that the focal economy's imports
        // stand for, by mine country or the world ore market (docs/network.md).
        double feed_t = 0.0;
        for (EdgeId in : graph.in_edges(edge.from)) feed_t += graph.edge_at(in).flow_t_per_yr;
        for (EdgeId in : graph.in_edges(edge.from)) {
          const Edge& feed = graph.edge_at(in);
          double part = feed_t > 0.0 ? edge.flow_t_per_yr * feed.flow_t_per_yr / feed_t : 0.0;
          if (!(part > 0.0)) continue;
          std::size_t source =
              feed.kind == FlowKind::feed
                  ? foreign(feed.from, FlowStage::mine)
                  : b.node("concentrate_market", phrase("concentrate_market_node", lang),
                           FlowStage::mine, 3);
          b.link(source, foreign(edge.from, FlowStage::refine), part);
        }
        break;
      }
      case FlowKind::use: {
        if (use_side) break;  // drawn from the stock-flow model's year below
        Stage to = graph.node_at(edge.to).stage;
        if (to == Stage::in_use) {
          b.link(demand, b.node("in_use", phrase("in_use_node", lang), FlowStage::in_use),
                 edge.flow_t_per_yr);
        } else {
          b.link(b.node("in_use", phrase("in_use_node", lang), FlowStage::in_use),
                 b.node("eol", phrase("end_of_life_node", lang), FlowStage::end_of_life),
                 edge.flow_t_per_yr);
          eol_in += edge.flow_t_per_yr;
        }
        break;
      }
      case FlowKind::recovery:
        if (use_side) break;
        b.link(b.node("eol", phrase("end_of_life_node", lang), FlowStage::end_of_life), recycled(),
               edge.flow_t_per_yr);
        recovered += edge.flow_t_per_yr;
        break;
      case FlowKind::secondary:
        if (use_side) break;
        b.link(recycled(), demand, edge.flow_t_per_yr);
        break;
      case FlowKind::stockpile_release:
        b.link(b.node(graph.label(edge.from), graph.label(edge.from), FlowStage::focal_imports),
               demand, edge.flow_t_per_yr);
        break;
    }
  }
  if (has_imports) b.link(imports, demand, imports_total);
  if (use_side) {
    std::size_t in_use = b.node("in_use", phrase("in_use_node", lang), FlowStage::in_use);
    std::size_t eol = b.node("eol", phrase("end_of_life_node", lang), FlowStage::end_of_life);
    b.link(demand, in_use, use_side->demand_t_per_yr);
    b.link(in_use, eol, use_side->end_of_life_t_per_yr);
    b.link(eol, recycled(), use_side->secondary_supply_t_per_yr);
    b.link(recycled(), demand, use_side->secondary_supply_t_per_yr);
    eol_in = use_side->end_of_life_t_per_yr;
    recovered = use_side->secondary_supply_t_per_yr;
  }
  // What leaves use and is not recovered (lost, exported as scrap, or simply not measured).
  if (eol_in - recovered > 0.0) {
    b.link(b.node("eol", phrase("end_of_life_node", lang), FlowStage::end_of_life),
           b.node("not_recovered", phrase("not_recovered_node", lang), FlowStage::recycling, 1),
           eol_in - recovered);
  }
  SankeyChart chart = b.finish();
  // The not-recovered node is a sink, not a stage: grey.
  for (SankeyNode& node : chart.nodes) {
    if (node.label == phrase("not_recovered_node", lang)) node.colour = "#999999";
  }
  return chart;
}

std::optional<UseSideFlows> use_side_in_reference_year(const MineralStockFlow& model) {
  if (!model.reference_year) return std::nullopt;
  int t = *model.reference_year - model.base.first_year;
  if (t < 0 || t >= model.base.years) return std::nullopt;  // the loader rules this out
  auto at = [t](const std::vector<double>& series) { return series[static_cast<std::size_t>(t)]; };
  UseSideFlows flows;
  flows.year = *model.reference_year;
  flows.demand_t_per_yr = at(demand_t_per_yr(model.base));
  flows.end_of_life_t_per_yr = at(end_of_life_outflow_t_per_yr(model.base));
  flows.secondary_supply_t_per_yr = at(secondary_supply_t_per_yr(model.base));
  return flows;
}

std::string flows_csv(const std::vector<NamedGraph>& graphs) {
  std::string out = "mineral,edge,from,from_stage,to,to_stage,kind,flow_t_per_yr\n";
  for (const NamedGraph& named : graphs) {
    const SupplyGraph& graph = named.graph->graph;
    for (EdgeId id = 0; id < graph.edge_count(); ++id) {
      const Edge& edge = graph.edge_at(id);
      out += io::csv_field(named.mineral) + "," + std::to_string(id) + "," +
             io::csv_field(graph.label(edge.from)) + "," +
             std::string(to_string(graph.node_at(edge.from).stage)) + "," +
             io::csv_field(graph.label(edge.to)) + "," +
             std::string(to_string(graph.node_at(edge.to).stage)) + "," +
             std::string(to_string(edge.kind)) + "," + format_number(edge.flow_t_per_yr) + "\n";
    }
  }
  return out;
}

}  // namespace mineflow::report
