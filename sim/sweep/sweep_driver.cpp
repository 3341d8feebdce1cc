#include "sim/sweep/sweep_driver.h"

namespace mineflow {

SweepValues run_sweep_trials(const std::vector<EventSpec>& events, double horizon_days,
                             const std::vector<Variant>& variants,
                             const MonteCarloOptions& options) {
  return collect_trials<SweepValues>(
      events, horizon_days, variants, options,
      [&variants](TrialRange held) { return SweepValues(variants.size(), held); });
}

}  // namespace mineflow
