#pragma once
// Evaluates policy mixes by Monte Carlo on common random numbers: every mix of one scenario is
// a stock-pass variant of the model of its structural levels (the scenario's model, or its
// structural_variant for diversification and smelter capacity: sim/optimise/structural_levers.h),
// run through the stockpile sweep's driver (sim/sweep/sweep_driver.h) on the same (seed, trial
// index) streams, with the supply profiles of each model's first pass kept for its later ones
// (sim/profile_cache.h). Results are
// cached by mix, so a search that asks twice pays once. Same inputs + seed give the same bits at
// any thread count (the driver's fixed blocks, per-cell statistics computed serially).

#include <atomic>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <vector>

#include "sim/optimise/policy_mix.h"
#include "sim/profile_cache.h"
#include "sim/sweep/stockpile_sweep.h"

namespace mineflow {

struct MixCell {
  PolicyMix mix;
  MixCost cost;
  SweepCell stats;  // the metrics with their SE (its days and recycling share are the mix's)
  // Expected demand not served, t: unmet + priced out by the clearing market (= unmet_t under
  // rationing; docs/market.md). The budget's loss.
  Estimate not_served_t;
};

struct EvaluatorOptions {
  std::uint64_t trials = 10000;
  std::uint64_t seed = 1;
  int threads = 0;
  // (pass number from 1, trials done, trials per pass); from worker threads.
  std::function<void(int, std::uint64_t, std::uint64_t)> progress;
  const std::atomic<bool>* cancel = nullptr;  // once true, results are incomplete
};

class MixEvaluator {
 public:
  // `setup` (its stock levers are the base; the mix overwrites days, recycling and substitution)
  // must outlive the evaluator.
  MixEvaluator(const SweepSetup& setup, MixBasis basis, LeverCosts costs, EvaluatorOptions options);
  // The cells of `mixes`, in order; the ones not yet evaluated run in one pass.
  std::vector<MixCell> evaluate(const std::vector<PolicyMix>& mixes);
  const MixBasis& basis() const { return basis_; }
  const LeverCosts& costs() const { return costs_; }
  const EvaluatorOptions& options() const { return options_; }
  int passes() const { return passes_; }
  // Every mix evaluated so far, ordered by mix.
  const std::map<PolicyMix, MixCell>& evaluated() const { return cache_; }

 private:
  const SweepSetup& setup_;
  MixBasis basis_;
  LeverCosts costs_;
  EvaluatorOptions options_;
  // Per structural level (diversified, smelter added): its model (null: the setup's) and the
  // profiles kept for it.
  struct Structure {
    std::unique_ptr<Model> model;
    std::optional<ProfileCache> profiles;
  };
  std::map<std::pair<double, double>, Structure> structures_;
  std::map<PolicyMix, MixCell> cache_;
  int passes_ = 0;
};

}  // namespace mineflow
