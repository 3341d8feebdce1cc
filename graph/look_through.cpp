#include "graph/look_through.h"

#include <map>

#include "graph/number_format.h"

namespace mineflow {

LookThrough look_through_import_stability(const MineralGraph& mineral,
                                          const CountryTable& countries,
                                          const RatingThresholds& thresholds,
                                          const IndicatorSettings& settings) {
  const SupplyGraph& graph = mineral.graph;
  LookThrough out;
  out.value.id = IndicatorId::refined_import_stability;
  out.value.unit = "score 0-10";
  // The market's composition: what each mine sells on it.
  std::map<std::string, double> market_sales;
  double market_total = 0.0;
  for (EdgeId id : graph.edges_of_kind(FlowKind::production)) {
    const Edge& edge = graph.edge_at(id);
    market_sales[graph.node_at(edge.from).country] += edge.flow_t_per_yr;
    market_total += edge.flow_t_per_yr;
  }
  std::map<std::string, double> by_mine;
  double imports_total = 0.0;
  std::vector<std::string> unfed;
  for (EdgeId id : graph.edges_of_kind(FlowKind::refined_import)) {
    const Edge& edge = graph.edge_at(id);
    const std::string& refiner = graph.node_at(edge.from).country;
    double feed_t = 0.0;
    for (EdgeId in : graph.in_edges(edge.from)) feed_t += graph.edge_at(in).flow_t_per_yr;
    imports_total += edge.flow_t_per_yr;
    if (feed_t <= 0.0) {
      by_mine[refiner] += edge.flow_t_per_yr;
      unfed.push_back(refiner);
      continue;
    }
    for (EdgeId in : graph.in_edges(edge.from)) {
      const Edge& feed = graph.edge_at(in);
      double part = edge.flow_t_per_yr * feed.flow_t_per_yr / feed_t;
      if (feed.kind == FlowKind::feed) {
        by_mine[graph.node_at(feed.from).country] += part;
      } else if (feed.kind == FlowKind::market_feed && market_total > 0.0) {
        for (const auto& [country, sales] : market_sales)
          by_mine[country] += part * sales / market_total;
      }
    }
  }
  if (imports_total <= 0.0) {
    out.value.basis = "no refined imports into " + mineral.focal_economy;
    return out;
  }
  for (const auto& [country, t] : by_mine) {
    if (t > 0.0) out.shares.push_back(Share{country, t / imports_total});
  }
  // Mine countries outside the stability table (World Mining Data names small producers such
  // as Kosovo) take the OTH score, and the basis names them.
  std::vector<std::string> unscored;
  auto score_of = [&](const std::string& iso3) {
    if (auto score = countries.score(iso3, settings.stability_measure, settings.stability_year)) {
      return *score;
    }
    unscored.push_back(iso3);
    return settings.other_stability_0to10;
  };
  ExpandedShares expanded = expand_other(out.shares, settings.other_convention);
  out.value.value = stability_weighted_hhi(out.shares, settings.other_convention, score_of,
                                           settings.other_stability_0to10);
  out.value.lower_bound = expanded.lower_bound;
  out.value.rating = rate(thresholds.import_stability, out.value.value);
  out.value.basis =
      "look-through of refined imports to mine countries (beyond the strategy's six); " +
      mineral.network.describe() + "; w = " + std::string(to_string(settings.stability_measure)) +
      " " + std::to_string(settings.stability_year);
  if (!unscored.empty()) {
    std::string list;
    for (const std::string& c : unscored) list += (list.empty() ? "" : " ") + c;
    out.value.basis +=
        "; no stability score, OTH w = " + format_number(settings.other_stability_0to10) + ": " +
        list;
  }
  if (!unfed.empty()) {
    std::string list;
    for (const std::string& c : unfed) list += (list.empty() ? "" : " ") + c;
    out.value.basis += "; no feed data, attributed to the refiner's own country: " + list;
  }
  return out;
}

std::optional<IndicatorValue> look_through_indicator(const MineralGraph& mineral,
                                                     const CountryTable& countries,
                                                     const RatingThresholds& thresholds,
                                                     const IndicatorSettings& settings) {
  if (!mineral.network.present) return std::nullopt;
  return look_through_import_stability(mineral, countries, thresholds, settings).value;
}

}  // namespace mineflow
