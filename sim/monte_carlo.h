#pragma once
// The Monte Carlo driver: trials in parallel (the trial loop, sim/trial_loop.h), each trial's
// draws from (seed, trial), results written per trial index into preallocated arrays, so any
// thread count gives the same bits.
//
// Memory: one double per metric per variant per trial, kept for exact quantiles:
// 8 B x 7 metrics x variants x trials (1e6 trials, 2 variants: 112 MB), plus one working copy
// of one metric per summarising thread (8 MB per 1e6 trials each). The arrays are allocated
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

namespace mineflow {

// Bytes run_monte_carlo keeps on a process that holds `trials` x `variants` (the root holds
// every trial, another rank its block): one double per metric per variant per trial (exact
// quantiles), plus one copy of a metric per summarising thread (`threads`, 0: all cores).
std::uint64_t monte_carlo_memory_bytes(std::uint64_t trials, std::size_t variants, int threads = 1);

// Per-trial values of trials [first, first + count) (all trials unless the run is split).
// Every slot is written by its trial; an interrupted run's result is zero-filled (discarded).
class MonteCarloResult {
 public:
  MonteCarloResult(std::size_t variants, TrialRange range)
      : variants_(variants),
        range_(range),
        values_(std::make_unique_for_overwrite<double[]>(variants * kMetricCount * range.size())) {
    prefer_huge_pages(values_.get(), variants * kMetricCount * range.size() * sizeof(double));
  }
  MonteCarloResult(std::size_t variants, std::uint64_t trials)
      : MonteCarloResult(variants, TrialRange{0, trials}) {}
  std::uint64_t trials() const { return range_.size(); }
  std::size_t variants() const { return variants_; }
  std::span<const double> values(std::size_t variant, Metric metric) const {
    return {values_.get() + offset(variant, metric), range_.size()};
  }
  std::span<double> series(std::size_t variant, Metric metric) {
    return {values_.get() + offset(variant, metric), range_.size()};
  }
  void store(std::size_t variant, std::uint64_t trial, const TrialMetrics& metrics) {
    for (std::size_t m = 0; m < kMetricCount; ++m) {
      values_[offset(variant, static_cast<Metric>(m)) + (trial - range_.begin)] = metrics[m];
    }
  }
  // As a TrialStore (sim/trial_loop.h): one trial of every variant; every series to gather.
  void store_trial(std::uint64_t trial, const std::vector<TrialMetrics>& metrics) {
    for (std::size_t v = 0; v < metrics.size(); ++v) store(v, trial, metrics[v]);
  }
  std::vector<std::span<double>> trial_series() {
    std::vector<std::span<double>> out;
    for (std::size_t v = 0; v < variants_; ++v) {
      for (std::size_t m = 0; m < kMetricCount; ++m)
        out.push_back(series(v, static_cast<Metric>(m)));
    }
    return out;
  }

 private:
  std::size_t offset(std::size_t variant, Metric metric) const {
    return (variant * kMetricCount + index(metric)) * range_.size();
  }
  std::size_t variants_;
  TrialRange range_;
  std::unique_ptr<double[]> values_;
};

// Every trial, or with options.split this rank's block: the root then returns all trials
// (gathered), another rank an empty result (0 trials).
MonteCarloResult run_monte_carlo(const std::vector<EventSpec>& events, double horizon_days,
                                 const std::vector<Variant>& variants,
                                 const MonteCarloOptions& options);

// work(i) for i in [0, n) on up to `threads` workers (0: all cores), in a scoped arena. The
// callers make each i write only its own slot, so results never depend on the thread count.
void for_each_parallel(std::size_t n, int threads, const std::function<void(std::size_t)>& work);

// Every metric's summary and P(any shortage) for each variant, the (variant, metric) pairs in
// parallel; each summary is serial over its values, so the bits never depend on `threads`.
struct VariantSummary {
  std::array<MetricSummary, kMetricCount> metrics;
  Proportion any_shortage;
};
// What a variant's summary holds: every statistic, or only what a policy's no-stockpile
// reference is reported by (the moments of unmet_t and P(any shortage)), every other statistic
// NaN: its quantiles over every metric were most of a run's summary work.
enum class SummaryScope { full, unmet_moments };
// `scope`: one per variant (empty: every variant full).
std::vector<VariantSummary> summarize_variants(const MonteCarloResult& result, int threads,
                                               const std::vector<SummaryScope>& scope = {});

}  // namespace mineflow
