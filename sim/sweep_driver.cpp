#include "sim/sweep_driver.h"

namespace mineflow {

// The engine's parallel loop (sim/monte_carlo.cpp, the only oneTBB file) with the sweep's
// smaller per-trial storage.
SweepValues run_sweep_trials(const std::vector<EventSpec>& events, double horizon_days,
                             const std::vector<Variant>& variants,
                             const MonteCarloOptions& options) {
  SweepValues values(variants.size(), options.trials);
  run_trials(events, horizon_days, variants, options,
             [&values](std::uint64_t trial, const std::vector<TrialMetrics>& metrics) {
               for (std::size_t v = 0; v < metrics.size(); ++v) values.store(v, trial, metrics[v]);
             });
  return values;
}

}  // namespace mineflow
