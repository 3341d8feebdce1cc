#pragma once
// Runs a disruption scenario for the report: each policy's deterministic daily run (trial 0 of
// the scenario's seed, as `mineflow run --trials 1` draws it) and `trials` Monte Carlo trials,
// the indicators after each policy and the residual import risk. Same inputs, same bits.

#include <cstdint>
#include <string>

#include "graph/build_graph.h"
#include "graph/rating.h"
#include "sim/scenario.h"
#include "tools/report/radar_chart.h"
#include "tools/report/scenario_charts.h"
#include "tools/report/stockpile_chart.h"

namespace mineflow::report {

// Trials per scenario in `mineflow report`: enough for smooth exceedance curves down to ~1e-3,
// a fraction of a second per bundled scenario.
inline constexpr long long kReportTrials = 5000;

// `base` is the graph of the scenario's mineral (`data`), built with the report's settings.
MineralScenario run_scenario_for_report(const Scenario& scenario, const MineralData& data,
                                        const MineralGraph& base, const CountryTable& countries,
                                        const RatingThresholds& thresholds,
                                        const IndicatorSettings& settings, std::uint64_t trials,
                                        const std::string& mineral_name);

// The stockpile-days sweep of `scenario` as `mineflow stockpile` runs it by default: the levers
// of its first policy with a stockpile, recycling shares 0 and the mineral's current share, the
// target p_shortage<=0.05, `trials` trials of the scenario's seed.
MineralSweep run_sweep_for_report(const Scenario& scenario, const MineralData& data,
                                  const MineralGraph& base, const CountryTable& countries,
                                  const IndicatorSettings& settings, std::uint64_t trials,
                                  const std::string& mineral_name);

// The radar's "after" polygon (the headline policy's indicators) and residual-risk diamonds on
// the two import-stability axes.
void add_policy_layers(RadarChart& chart, const MineralScenario& scenario,
                       const RatingThresholds& thresholds, Lang lang);

}  // namespace mineflow::report
