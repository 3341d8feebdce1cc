#pragma once
// The daily time series of one trial under every policy of a run plan, on the same draws: what
// `mineflow run` prints for deterministic scenarios and what the report charts.

#include <cstdint>
#include <string>
#include <vector>

#include "sim/daily_series.h"
#include "sim/run_plan.h"
#include "sim/trial_metrics.h"

namespace mineflow {

struct PolicyDays {
  std::string name;  // the policy
  std::vector<DayRecord> days;
  TrialMetrics metrics{};
};

// One entry per policy, in the plan's order.
std::vector<PolicyDays> plan_daily_series(const RunPlan& plan, std::uint64_t seed,
                                          std::uint64_t trial = 0);

}  // namespace mineflow
