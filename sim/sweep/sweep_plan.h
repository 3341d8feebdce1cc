#pragma once
// What the stockpile command and the report both do before a stockpile-days sweep: choose the
// policy whose release, delay and refill levers the sweep uses, make its run plan, and the
// default grid (recycling shares 0 and the graph's current share).

#include <optional>
#include <string>
#include <vector>

#include "sim/run_plan.h"
#include "sim/sweep/stockpile_sweep.h"

namespace mineflow {

// `wanted`, else the scenario's first policy with a stockpile, else its first, else "none".
std::string sweep_policy(const Scenario& scenario, const std::optional<std::string>& wanted);

struct SweepPlan {
  RunPlan plan;
  std::string policy;
  SweepGrid grid;
  // Points into `plan`: use it while this SweepPlan lives where it is.
  SweepSetup setup() const;
};

SweepPlan make_sweep_plan(const Scenario& scenario, const MineralGraph& base,
                          const std::vector<PriceSeries>& prices, const CountryTable& countries,
                          const IndicatorSettings& settings,
                          const std::optional<std::string>& wanted_policy);

}  // namespace mineflow
