#include "sim/sweep/sweep_driver.h"

namespace mineflow {

// The engine's parallel loop (sim/monte_carlo.cpp, the only oneTBB file) with the sweep's
// smaller per-trial storage.
SweepValues run_sweep_trials(const std::vector<EventSpec>& events, double horizon_days,
                             const std::vector<Variant>& variants,
                             const MonteCarloOptions& options) {
  const TrialLayout layout = trial_layout(options);
  SweepValues values(variants.size(), layout.held);
  run_trials(events, horizon_days, variants, options, layout.run,
             [&values](std::uint64_t trial, const std::vector<TrialMetrics>& metrics) {
               for (std::size_t v = 0; v < metrics.size(); ++v) values.store(v, trial, metrics[v]);
             });
  std::vector<std::span<double>> series;
  for (std::size_t v = 0; v < variants.size(); ++v) {
    series.push_back(values.unmet_t_series(v));
    series.push_back(values.spell_series(v));
  }
  complete_series(options, series);
  if (!layout.holds_all) return SweepValues(variants.size(), TrialRange{});
  return values;
}

}  // namespace mineflow
