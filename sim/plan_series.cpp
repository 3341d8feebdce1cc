#include "sim/plan_series.h"

#include "sim/trial.h"

namespace mineflow {

std::vector<PolicyDays> plan_daily_series(const RunPlan& plan, std::uint64_t seed,
                                          std::uint64_t trial) {
  std::vector<PolicyDays> out;
  TrialScratch scratch;
  draw_occurrences(plan.scenario.events, plan.scenario.horizon_days, seed, trial,
                   scratch.occurrences);
  for (const PolicyRun& run : plan.policies) {
    const Variant& variant = plan.variants[run.variant];
    build_supply_profile(*variant.model, scratch.occurrences, seed, trial, scratch.profile_scratch,
                         scratch.profile);
    DailySeries days(*variant.model, scratch.profile);
    TrialMetrics metrics = apply_stocks(*variant.model, scratch.profile, variant.stocks, &days);
    out.push_back({run.policy.name, days.days(), metrics});
  }
  return out;
}

}  // namespace mineflow
