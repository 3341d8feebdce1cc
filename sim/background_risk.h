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

}  // namespace mineflow
