#pragma once
// Node criticality (docs/network.md): every mine and refining node of the world tiers is made
// to fail alone (fixed start, duration and severity) on top of the scenario's own events, on
// the same trials (common random numbers: the added event draws from its own stream, so every
// other event's draws are unchanged), and ranked by the focal economy's expected unmet demand.

#include <functional>
#include <string>
#include <vector>

#include "sim/monte_carlo.h"
#include "sim/run_plan.h"

namespace mineflow {

struct CriticalityOptions {
  double start_day = 0.0;
  double duration_days = 90.0;
  double severity = 1.0;
};

struct NodeCriticality {
  std::string country;
  Stage stage = Stage::mine;
  double baseline_share = 0.0;    // the node's share of world output at its stage
  double expected_unmet_t = 0.0;  // with the node failing
  double se_t = 0.0;              // Monte Carlo standard error of that mean
  double added_unmet_t = 0.0;     // over the scenario without the failure, same trials
  double added_se_t = 0.0;        // standard error of the paired difference
  double p_shortage = 0.0;        // share of trials with unmet demand
};

struct CriticalityResult {
  std::string policy;
  double annual_demand_t = 0.0;  // of the policy's model (after substitution: not applied here)
  double baseline_unmet_t = 0.0;
  double baseline_se_t = 0.0;
  // Clearing market: every "unmet" figure is demand not served (unmet + priced out) and
  // P(shortage) the share of trials with any; under rationing the two are the same.
  bool clearing = false;
  std::vector<NodeCriticality> nodes;  // worst first (expected unmet, then country, stage)
};

// The failure of one node as criticality adds it to a scenario: fixed start, duration and
// severity (so it draws nothing and every other event keeps its random stream).
EventSpec node_failure_event(const std::string& country, Stage stage,
                             const CriticalityOptions& failure);

// `plan` must hold exactly one policy (its variant is the one evaluated). Cancellation as in
// run_monte_carlo: when options.cancel reads true the result is incomplete. Split across
// processes (options.split) as run_monte_carlo is, trial blocks per rank for every node run:
// the root returns the same bits as one process; another rank's statistics are all zero.
// `node_done(k, n)` is called after each of the n + 1 runs (the first without a failure).
CriticalityResult rank_nodes(const RunPlan& plan, const MonteCarloOptions& options,
                             const CriticalityOptions& failure,
                             const std::function<void(std::size_t, std::size_t)>& node_done = {});

}  // namespace mineflow
