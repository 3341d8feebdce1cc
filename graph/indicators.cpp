#include "graph/indicators.h"

#include <map>

#include "graph/number_format.h"

namespace mineflow {

std::string_view to_string(IndicatorId id) {
  switch (id) {
    case IndicatorId::reserve_concentration:
      return "reserve_concentration";
    case IndicatorId::production_concentration:
      return "production_concentration";
    case IndicatorId::concentrate_import_stability:
      return "concentrate_import_stability";
    case IndicatorId::refined_import_stability:
      return "refined_import_stability";
    case IndicatorId::price_volatility:
      return "price_volatility";
    case IndicatorId::scrap_recycling:
      return "scrap_recycling";
  }
  return "unknown";
}

std::optional<IndicatorId> parse_indicator(std::string_view text) {
  for (IndicatorId id : kAllIndicators) {
    if (to_string(id) == text) return id;
  }
  return std::nullopt;
}

std::string_view display_name(IndicatorId id) {
  switch (id) {
    case IndicatorId::reserve_concentration:
      return "Reserve concentration";
    case IndicatorId::production_concentration:
      return "Production concentration";
    case IndicatorId::concentrate_import_stability:
      return "Import stability (concentrate)";
    case IndicatorId::refined_import_stability:
      return "Import stability (refined)";
    case IndicatorId::price_volatility:
      return "Price volatility";
    case IndicatorId::scrap_recycling:
      return "Scrap recycling";
  }
  return "unknown";
}

namespace {

// Shares of a set of flows (or stocks) by the country of the node at one end, in node-id order.
std::vector<Share> shares_by_country(const SupplyGraph& graph,
                                     const std::vector<std::pair<NodeId, double>>& amounts) {
  std::map<NodeId, double> by_node;
  double total = 0.0;
  for (const auto& [node, amount] : amounts) {
    by_node[node] += amount;
    total += amount;
  }
  std::vector<Share> shares;
  if (total <= 0.0) return shares;
  for (const auto& [node, amount] : by_node) {
    shares.push_back(Share{graph.node_at(node).country, amount / total});
  }
  return shares;
}

std::string convention_note(const ExpandedShares& expanded) {
  if (expanded.other_pieces == 0) return "";
  if (expanded.lower_bound) {
    return "; OTH split into " + std::to_string(expanded.other_pieces) + " equal piece" +
           (expanded.other_pieces == 1 ? "" : "s") + " (lower bound vs OTH as one block)";
  }
  return "; OTH as one block (upper bound)";
}

std::string block_basis(const Breakdown* block) {
  if (block == nullptr) return "";
  std::string text = block->describe();
  if (!block->source.empty()) text += ", " + block->source;
  return text;
}

IndicatorValue concentration(IndicatorId id, const SupplyGraph& graph,
                             const std::vector<std::pair<NodeId, double>>& amounts,
                             const Breakdown* block, const RatingThresholds& thresholds,
                             const IndicatorSettings& settings) {
  IndicatorValue out{id, std::nullopt, Rating::not_applicable, "HHI 0-10000", "", false, ""};
  std::vector<Share> shares = shares_by_country(graph, amounts);
  if (shares.empty()) {
    out.basis = "no data";
    return out;
  }
  ExpandedShares expanded = expand_other(shares, settings.other_convention);
  out.value = hhi_0to10000(shares, settings.other_convention);
  out.lower_bound = expanded.lower_bound;
  out.rating = rate(thresholds.concentration_hhi, out.value);
  out.basis = block_basis(block) + convention_note(expanded);
  return out;
}

IndicatorValue import_stability(IndicatorId id, const MineralGraph& mineral, FlowKind kind,
                                const Breakdown* block, const CountryTable& countries,
                                const RatingThresholds& thresholds,
                                const IndicatorSettings& settings) {
  const SupplyGraph& graph = mineral.graph;
  IndicatorValue out{id, std::nullopt, Rating::not_applicable, "score 0-10", "", false, ""};
  std::vector<std::pair<NodeId, double>> amounts;
  for (EdgeId edge : graph.edges_of_kind(kind)) {
    amounts.emplace_back(graph.edge_at(edge).from, graph.edge_at(edge).flow_t_per_yr);
  }
  std::vector<Share> shares = shares_by_country(graph, amounts);
  if (shares.empty()) {
    out.basis = "no " +
                std::string(kind == FlowKind::concentrate_import ? "concentrate" : "refined") +
                " imports into " + mineral.focal_economy;
    return out;
  }
  auto score_of = [&](const std::string& iso3) {
    // validate_mineral guarantees the code is known; a missing score for the year is bad input.
    if (auto score = countries.score(iso3, settings.stability_measure, settings.stability_year)) {
      return *score;
    }
    throw InputError(block != nullptr ? block->where : SourceRef{}, "country " + iso3,
                     "no " + std::string(to_string(settings.stability_measure)) + " score for " +
                         std::to_string(settings.stability_year),
                     "a stability score in countries.yaml for every import supplier");
  };
  ExpandedShares expanded = expand_other(shares, settings.other_convention);
  out.value = stability_weighted_hhi(shares, settings.other_convention, score_of,
                                     settings.other_stability_0to10);
  out.lower_bound = expanded.lower_bound;
  out.rating = rate(thresholds.import_stability, out.value);
  out.basis = block_basis(block) + "; w = " + std::string(to_string(settings.stability_measure)) +
              " " + std::to_string(settings.stability_year) + convention_note(expanded);
  if (expanded.other_pieces > 0) {
    out.basis += ", OTH w = " + format_number(settings.other_stability_0to10);
  }
  return out;
}

IndicatorValue volatility(const std::vector<PriceSeries>& prices,
                          const RatingThresholds& thresholds, const IndicatorSettings& settings) {
  IndicatorValue out{IndicatorId::price_volatility,
                     std::nullopt,
                     Rating::not_applicable,
                     settings.volatility_measure == VolatilityMeasure::cv_annual
                         ? "CV of annual prices"
                         : "sd of annual log returns",
                     "no price series",
                     false,
                     ""};
  for (const PriceSeries& series : prices) {
    if (!series.primary) continue;
    auto result = price_volatility(series, settings.volatility_measure,
                                   settings.volatility_window_years, settings.volatility_min_years);
    if (!result) {
      out.basis = series.name + ": fewer than " + std::to_string(settings.volatility_min_years) +
                  " complete years";
      return out;
    }
    out.value = result->value;
    out.rating = rate(thresholds.price_volatility, out.value);
    out.basis = result->basis;
  }
  return out;
}

IndicatorValue scrap_recycling(const MineralGraph& mineral, const RatingThresholds& thresholds) {
  IndicatorValue out{IndicatorId::scrap_recycling,
                     std::nullopt,
                     Rating::not_applicable,
                     "share of demand",
                     "",
                     false,
                     ""};
  const SupplyGraph& graph = mineral.graph;
  if (!mineral.basis.secondary_share) {
    out.basis = mineral.basis.secondary_source + " for " + mineral.focal_economy;
    return out;
  }
  double secondary_t = 0.0;
  for (EdgeId edge : graph.edges_of_kind(FlowKind::secondary)) {
    secondary_t += graph.edge_at(edge).flow_t_per_yr;
  }
  double demand_t = graph.inflow_t_per_yr(mineral.demand);
  out.value = demand_t > 0.0 ? secondary_t / demand_t : 0.0;
  out.rating = rate(thresholds.scrap_recycling, out.value);
  out.basis = mineral.basis.secondary_source;
  if (mineral.basis.secondary_quality) {
    out.quality = quality_token(*mineral.basis.secondary_quality, mineral.focal_economy);
  }
  return out;
}

}  // namespace

std::vector<IndicatorValue> compute_indicators(const MineralGraph& mineral,
                                               const std::vector<PriceSeries>& prices,
                                               const CountryTable& countries,
                                               const RatingThresholds& thresholds,
                                               const IndicatorSettings& settings) {
  const SupplyGraph& graph = mineral.graph;
  std::vector<std::pair<NodeId, double>> reserves;
  for (NodeId node : graph.nodes_of_stage(Stage::reserve)) {
    reserves.emplace_back(node, graph.node_at(node).stock_t);
  }
  std::vector<std::pair<NodeId, double>> production;
  // Mine output is the production dataset; suppliers named only in the import data (their
  // output sits inside the dataset's OTH) have none and do not enter the HHI.
  for (NodeId node : graph.nodes_of_stage(Stage::mine)) {
    production.emplace_back(node, graph.node_at(node).output_t_per_yr);
  }
  return {
      concentration(IndicatorId::reserve_concentration, graph, reserves, mineral.basis.reserves,
                    thresholds, settings),
      concentration(IndicatorId::production_concentration, graph, production,
                    mineral.basis.production, thresholds, settings),
      import_stability(IndicatorId::concentrate_import_stability, mineral,
                       FlowKind::concentrate_import, mineral.basis.concentrate_imports, countries,
                       thresholds, settings),
      import_stability(IndicatorId::refined_import_stability, mineral, FlowKind::refined_import,
                       mineral.basis.refined_imports, countries, thresholds, settings),
      volatility(prices, thresholds, settings),
      scrap_recycling(mineral, thresholds),
  };
}

}  // namespace mineflow
