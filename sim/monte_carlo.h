#pragma once
// The Monte Carlo driver: trials in parallel (the trial loop, sim/trial_loop.h), each trial's
// draws from (seed, trial), results written per trial index into preallocated arrays, so any
// thread count gives the same bits.
//
// Memory: one double per kept metric per variant per trial, kept for exact quantiles:
// 8 B x 13 metrics x variants x trials (1e6 trials, 2 full variants: 208 MB; a policy's
// reference keeps 1 metric, sim/variant_scope.h), plus one working copy of one metric per
// summarising thread (8 MB per 1e6 trials each). The arrays are allocated
// untouched and first written by the thread that runs each trial (parallel first touch).
//
// Across processes (options.split, sim/trial_split.h): each rank runs and holds only its block
// of trials; the root gathers every block (it holds the whole arrays) and alone summarises.

#include <array>
#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <span>
#include <vector>

#include "sim/summary.h"
#include "sim/trial.h"
#include "sim/trial_loop.h"
#include "sim/trial_split.h"
#include "sim/variant_scope.h"

namespace mineflow {

// Bytes run_monte_carlo keeps on a process that holds `trials` of `series` per-trial series
// (sim/variant_scope.h: kept_series; the root holds every trial, another rank its block): one
// double per series per trial (exact quantiles), plus one copy of a series per summarising
// thread (`threads`, 0: all cores).
std::uint64_t monte_carlo_memory_bytes(std::uint64_t trials, std::size_t series, int threads = 1);

// Per-trial values of trials [first, first + count) (all trials unless the run is split), of
// every metric of a full variant and of unmet_t alone of an unmet_only one (`scope`, one per
// variant; empty: every variant full). Every slot is written by its trial; an interrupted run's
// result is zero-filled (discarded).
class MonteCarloResult {
 public:
  MonteCarloResult(std::size_t variants, TrialRange range, std::vector<VariantScope> scope = {});
  MonteCarloResult(std::size_t variants, std::uint64_t trials)
      : MonteCarloResult(variants, TrialRange{0, trials}) {}
  std::uint64_t trials() const { return range_.size(); }
  std::size_t variants() const { return variants_; }
  VariantScope scope(std::size_t variant) const { return scope_[variant]; }
  bool holds(std::size_t variant, Metric metric) const {
    return slot_[variant * kMetricCount + index(metric)] != kDropped;
  }
  // Throws InternalError for a series the run did not keep (!holds).
  std::span<const double> values(std::size_t variant, Metric metric) const {
    return {values_.get() + offset(variant, metric), range_.size()};
  }
  std::span<double> series(std::size_t variant, Metric metric) {
    return {values_.get() + offset(variant, metric), range_.size()};
  }
  void store(std::size_t variant, std::uint64_t trial, const TrialMetrics& metrics) {
    const std::uint64_t at = trial - range_.begin;
    for (std::size_t m = 0; m < kMetricCount; ++m) {
      const std::size_t slot = slot_[variant * kMetricCount + m];
      if (slot != kDropped) values_[slot * range_.size() + at] = metrics[m];
    }
  }
  // As a TrialStore (sim/trial_loop.h): one trial of every variant; every series to gather.
  void store_trial(std::uint64_t trial, const std::vector<TrialMetrics>& metrics) {
    for (std::size_t v = 0; v < metrics.size(); ++v) store(v, trial, metrics[v]);
  }
  std::vector<std::span<double>> trial_series() {
    std::vector<std::span<double>> out;
    for (std::size_t s = 0; s < series_; ++s) {
      out.push_back({values_.get() + s * range_.size(), range_.size()});
    }
    return out;
  }

 private:
  static constexpr std::size_t kDropped = static_cast<std::size_t>(-1);
  std::size_t offset(std::size_t variant, Metric metric) const;
  std::size_t variants_;
  TrialRange range_;
  std::vector<VariantScope> scope_;
  std::vector<std::size_t> slot_;  // per (variant, metric): its series, or kDropped
  std::size_t series_ = 0;
  std::unique_ptr<double[]> values_;
};

// Every trial, or with options.split this rank's block: the root then returns all trials
// (gathered), another rank an empty result (0 trials). `scope`: MonteCarloResult's.
MonteCarloResult run_monte_carlo(const std::vector<EventSpec>& events, double horizon_days,
                                 const std::vector<Variant>& variants,
                                 const MonteCarloOptions& options,
                                 const std::vector<VariantScope>& scope = {});

// work(i) for i in [0, n) on up to `threads` workers (0: all cores), in a scoped arena. The
// callers make each i write only its own slot, so results never depend on the thread count.
void for_each_parallel(std::size_t n, int threads, const std::function<void(std::size_t)>& work);

// Every metric's summary and P(any shortage) for each variant, the (variant, metric) pairs in
// parallel; each summary is serial over its values, so the bits never depend on `threads`. An
// unmet_only variant (result.scope) gets the moments of unmet_t and P(any shortage), every other
// statistic NaN.
struct VariantSummary {
  std::array<MetricSummary, kMetricCount> metrics;
  Proportion any_shortage;
};
std::vector<VariantSummary> summarize_variants(const MonteCarloResult& result, int threads);

}  // namespace mineflow
