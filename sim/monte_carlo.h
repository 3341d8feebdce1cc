#pragma once
// The Monte Carlo driver: trials in parallel (oneTBB, in a scoped arena of `threads`), each
// trial's draws from (seed, trial), results written per trial index into preallocated arrays,
// so any thread count gives the same bits.
//
// Memory: one double per metric per variant per trial, kept for exact quantiles:
// 8 B x 7 metrics x variants x trials (1e6 trials, 2 variants: 112 MB), plus one sorted copy of
// one metric (8 MB per 1e6 trials) while summarising.

#include <atomic>
#include <cstdint>
#include <functional>
#include <span>
#include <vector>

#include "sim/trial.h"

namespace mineflow {

struct MonteCarloOptions {
  std::uint64_t trials = 10000;
  std::uint64_t seed = 1;
  int threads = 0;  // 0: all the cores TBB may use
  // Called with the number of trials finished so far, from worker threads, at most once per
  // block; must be thread-safe. Empty: no reports.
  std::function<void(std::uint64_t)> progress;
  // Polled before each block of trials; once it reads true the remaining blocks are skipped and
  // the result is incomplete (the caller must discard it). Null: never cancelled.
  const std::atomic<bool>* cancel = nullptr;
};

// Bytes run_monte_carlo keeps for `trials` x `variants`: one double per metric per variant per
// trial (exact quantiles), plus one copy of a metric while summarising.
std::uint64_t monte_carlo_memory_bytes(std::uint64_t trials, std::size_t variants);

inline constexpr std::uint64_t kTrialBlock = 256;  // trials per task

class MonteCarloResult {
 public:
  MonteCarloResult(std::size_t variants, std::uint64_t trials)
      : trials_(trials), values_(variants * kMetricCount * trials, 0.0) {}
  std::uint64_t trials() const { return trials_; }
  std::span<const double> values(std::size_t variant, Metric metric) const {
    return {values_.data() + offset(variant, metric), trials_};
  }
  void store(std::size_t variant, std::uint64_t trial, const TrialMetrics& metrics) {
    for (std::size_t m = 0; m < kMetricCount; ++m) {
      values_[offset(variant, static_cast<Metric>(m)) + trial] = metrics[m];
    }
  }

 private:
  std::size_t offset(std::size_t variant, Metric metric) const {
    return (variant * kMetricCount + index(metric)) * trials_;
  }
  std::uint64_t trials_;
  std::vector<double> values_;
};

// Receives each trial's metrics (one per variant); called from worker threads, each trial
// exactly once, so it must only write to storage owned by that trial index.
using TrialSink = std::function<void(std::uint64_t trial, const std::vector<TrialMetrics>&)>;

// The parallel loop every Monte Carlo run shares: fixed blocks of trials in a scoped arena, each
// trial's draws from (seed, trial), cancellation and progress between blocks.
void run_trials(const std::vector<EventSpec>& events, double horizon_days,
                const std::vector<Variant>& variants, const MonteCarloOptions& options,
                const TrialSink& sink);

MonteCarloResult run_monte_carlo(const std::vector<EventSpec>& events, double horizon_days,
                                 const std::vector<Variant>& variants,
                                 const MonteCarloOptions& options);

}  // namespace mineflow
