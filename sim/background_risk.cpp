#include "sim/background_risk.h"

#include <cmath>
#include <set>

namespace mineflow {

double background_hazard_per_year(double stability_0to10, const BackgroundRisk& risk) {
  return risk.rate_at_5_per_year * std::exp2((stability_0to10 - 5.0) / risk.doubling_points);
}

std::vector<EventSpec> background_events(const MineralGraph& mineral,
                                         const std::vector<PolicySet>& policies,
                                         const CountryTable& countries, StabilityMeasure measure,
                                         int year, const BackgroundRisk& risk) {
  std::set<std::string> suppliers;
  const SupplyGraph& graph = mineral.graph;
  for (FlowKind kind : {FlowKind::concentrate_import, FlowKind::refined_import}) {
    for (EdgeId id : graph.edges_of_kind(kind)) {
      suppliers.insert(graph.node_at(graph.edge_at(id).from).country);
    }
  }
  for (const PolicySet& policy : policies) {
    for (const Diversification& move : policy.diversification) suppliers.insert(move.country);
    for (const CapacityAdded& added : policy.capacity_added) {
      if (added.country != mineral.focal_economy) suppliers.insert(added.country);
    }
  }
  std::vector<EventSpec> events;
  for (const std::string& country : suppliers) {
    double score = risk.other_score_0to10;
    if (country != "OTH") {
      if (auto found = countries.score(country, measure, year)) score = *found;
    }
    EventSpec spec;
    spec.id = "background_" + country;
    spec.hazard_per_year = background_hazard_per_year(score, risk);
    spec.duration_days = risk.duration_days;
    spec.severity = risk.severity;
    EventTarget target;
    target.kind = EventTarget::Kind::exports_of;
    target.country = country;
    spec.targets.push_back(target);
    events.push_back(std::move(spec));
  }
  return events;
}

}  // namespace mineflow
