#pragma once
// "Background risk": every supplier country of the focal economy carries a hazard of losing
// its exports, derived from its stability score w (0..10, higher = less stable):
//   rate(w) = rate_at_5 x 2^((w - 5) / doubling_points)   per year
// With the defaults (0.1 / yr at w = 5, doubling every 2 points) Australia (w ~ 2.0) gets
// 0.035 / yr, China (w ~ 5.9) 0.14 / yr and DR Congo (w ~ 8.2) 0.30 / yr. docs/engine.md.

#include <string>
#include <vector>

#include "graph/build_graph.h"
#include "graph/country_table.h"
#include "sim/hazard_model.h"
#include "sim/scenario.h"

namespace mineflow {

double background_hazard_per_year(double stability_0to10, const BackgroundRisk& risk);

// One exports_of event per supplier country (imports of either class in `mineral`, plus every
// country a policy diversifies to or adds capacity in), in iso3 order. OTH, and a country
// without a score for the year, take risk.other_score_0to10.
std::vector<EventSpec> background_events(const MineralGraph& mineral,
                                         const std::vector<PolicySet>& policies,
                                         const CountryTable& countries, StabilityMeasure measure,
                                         int year, const BackgroundRisk& risk);

// The two-class model (docs/hazard.md): one event per (node, class) for every mine and refine
// node of the graph with a world share, in graph order: `policy_<ISO>_<stage>` (not on the
// focal economy's own nodes) and `operational_<ISO>_<stage>`, each an EventTarget::Kind::node.
// World share = the node's capacity over its stage's total; refine nodes without capacities
// take the focal economy's refined-import shares (the engine's stand-in for world refining).
// OTH is split into equal pieces no larger than the smallest named share at its stage: its
// policy rate is the pieces' summed rate and a policy event removes one piece's severity.
struct HazardNode {
  std::string country;
  Stage stage = Stage::mine;
  double world_share = 0.0;
};
std::vector<HazardNode> hazard_nodes(const MineralGraph& mineral);

std::vector<EventSpec> hazard_events(const MineralGraph& mineral, const CountryTable& countries,
                                     StabilityMeasure measure, int year, const HazardModel& hazard);

}  // namespace mineflow
