#pragma once
// The report's daily charts across trials (issue 25): instead of one random path (trial 0), the
// daily mean of every quantity and the median with the 5-95 % band of the stock levels and the
// price, over the first trials of the scenario's seed (the trials `mineflow run --trials 1
// --seed S` would draw one by one). A deterministic scenario keeps its one path.

#include <cstdint>

#include "sim/run_plan.h"
#include "tools/report/scenario_charts.h"

namespace mineflow::report {

// Trials behind the daily bands: the 5 % and 95 % quantiles of 400 trials move by about one
// trial's rank (sqrt(0.05 x 0.95 x 400) = 4.4 of 400), enough for a band drawn at chart scale,
// at a fraction of a second per scenario.
inline constexpr std::uint64_t kBandTrials = 400;

// Fills mean_days and the bands of every policy of `out` (in the plan's order) from trials
// [0, min(trials, kBandTrials)); sets out.band_trials. Serial: same bits every run.
void add_daily_bands(const RunPlan& plan, std::uint64_t seed, std::uint64_t trials,
                     MineralScenario& out);

}  // namespace mineflow::report
