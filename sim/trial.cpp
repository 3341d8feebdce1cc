#include "sim/trial.h"

namespace mineflow {

void run_trial(const std::vector<EventSpec>& events, double horizon_days,
               std::span<const Variant> variants, std::uint64_t seed, std::uint64_t trial,
               TrialScratch& scratch, std::span<TrialMetrics> out) {
  draw_occurrences(events, horizon_days, seed, trial, scratch.occurrences);
  const Model* built_for = nullptr;
  const Model* previous = nullptr;
  for (std::size_t v = 0; v < variants.size(); ++v) {
    if (variants[v].model != built_for) {
      built_for = variants[v].model;
      // The price path depends only on the price constants: draw it once per trial.
      bool reuse = previous != nullptr && same_price_process(*previous, *built_for);
      build_supply_profile(*built_for, scratch.occurrences, seed, trial, scratch.profile_scratch,
                           scratch.profile, reuse);
      previous = built_for;
    }
    out[v] = apply_stocks(*built_for, scratch.profile, variants[v].stocks);
  }
}

}  // namespace mineflow
