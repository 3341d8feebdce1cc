// With sim/trial_loop.cpp, the engine's oneTBB files (docs/limits.md, ThreadSanitizer scope).
#include "sim/monte_carlo.h"

#include <algorithm>
#include <limits>
#include <string>
#include <utility>

#include <oneapi/tbb/blocked_range.h>
#include <oneapi/tbb/parallel_for.h>
#include <oneapi/tbb/task_arena.h>

#include "sim/internal_error.h"

namespace mineflow {
namespace {

int arena_threads(int threads) {
  return threads > 0 ? threads : tbb::task_arena::automatic;
}

}  // namespace

MonteCarloResult::MonteCarloResult(std::size_t variants, TrialRange range,
                                   std::vector<VariantScope> scope)
    : variants_(variants), range_(range), scope_(std::move(scope)) {
  if (scope_.empty()) scope_.assign(variants, VariantScope::full);
  if (scope_.size() != variants) {
    throw InternalError("MonteCarloResult: " + std::to_string(scope_.size()) + " scopes for " +
                        std::to_string(variants) + " variants");
  }
  slot_.assign(variants * kMetricCount, kDropped);
  for (std::size_t v = 0; v < variants; ++v) {
    for (std::size_t m = 0; m < kMetricCount; ++m) {
      if (scope_[v] == VariantScope::full || static_cast<Metric>(m) == Metric::unmet_t) {
        slot_[v * kMetricCount + m] = series_++;
      }
    }
  }
  values_ = std::make_unique_for_overwrite<double[]>(series_ * range.size());
  prefer_huge_pages(values_.get(), series_ * range.size() * sizeof(double));
}

std::size_t MonteCarloResult::offset(std::size_t variant, Metric metric) const {
  const std::size_t slot = slot_[variant * kMetricCount + index(metric)];
  if (slot == kDropped) {
    throw InternalError("MonteCarloResult: variant " + std::to_string(variant) + " keeps " +
                        "unmet_t alone, not metric " + std::to_string(index(metric)));
  }
  return slot * range_.size();
}

MonteCarloResult run_monte_carlo(const std::vector<EventSpec>& events, double horizon_days,
                                 const std::vector<Variant>& variants,
                                 const MonteCarloOptions& options,
                                 const std::vector<VariantScope>& scope) {
  return collect_trials<MonteCarloResult>(events, horizon_days, variants, options,
                                          [&variants, &scope](TrialRange held) {
                                            return MonteCarloResult(variants.size(), held, scope);
                                          });
}

void for_each_parallel(std::size_t n, int threads, const std::function<void(std::size_t)>& work) {
  tbb::task_arena arena(arena_threads(threads));
  arena.execute([&] {
    tbb::parallel_for(
        tbb::blocked_range<std::size_t>(0, n, 1),
        [&](const tbb::blocked_range<std::size_t>& range) {
          for (std::size_t i = range.begin(); i != range.end(); ++i) work(i);
        },
        tbb::simple_partitioner());
  });
}

std::vector<VariantSummary> summarize_variants(const MonteCarloResult& result, int threads) {
  std::vector<VariantSummary> out(result.variants());
  auto full = [&](std::size_t v) { return result.scope(v) == VariantScope::full; };
  // The (variant, metric) series summarised: every metric of a full variant, unmet_t alone
  // (its moments) of the others, whose other statistics stay NaN.
  std::vector<std::size_t> series;
  for (std::size_t v = 0; v < out.size(); ++v) {
    if (!full(v)) {
      constexpr double kNan = std::numeric_limits<double>::quiet_NaN();
      out[v].metrics.fill({kNan, kNan, kNan, kNan, kNan, kNan, kNan, kNan});
      out[v].any_shortage = {kNan, kNan};
    }
    for (std::size_t m = 0; m < kMetricCount; ++m) {
      if (full(v) || static_cast<Metric>(m) == Metric::unmet_t)
        series.push_back(v * kMetricCount + m);
    }
  }
  const auto workers =
      static_cast<std::size_t>(threads > 0 ? threads : tbb::this_task_arena::max_concurrency());
  // At least twice as many threads as series: each series' statistics become jobs of their own
  // (moments and P(shortage), 4 quantiles, CVaR95), each on its own copy: 6 ways wider for about
  // 1.6x the work (each selection starts afresh; bench/README.md "Scaling"), so it pays only
  // with threads to spare. Every statistic is exact, so either split gives the same bits.
  const bool per_statistic = workers >= 2 * series.size();
  const std::size_t per_series = per_statistic ? 6 : 1;
  const double quantile_p[4] = {0.50, 0.90, 0.95, 0.99};
  for_each_parallel(series.size() * per_series, threads, [&](std::size_t job) {
    const std::size_t s = series[job / per_series];
    const std::size_t v = s / kMetricCount;
    const std::size_t m = s % kMetricCount;
    const auto metric = static_cast<Metric>(m);
    std::span<const double> values = result.values(v, metric);
    MetricSummary& summary = out[v].metrics[m];
    const std::size_t part = job % per_series;
    if (!full(v) && part != 0) return;  // an unmet_only variant: the moments alone
    if (full(v) && !per_statistic) {
      summary = summarize(values, higher_is_worse(metric));
    } else if (part == 0) {
      Moments moment = moments(values);
      summary.mean = moment.mean;
      summary.sd = moment.sd;
      summary.se = moment.se;
    } else if (std::vector<double> scratch; part == 5) {
      summary.cvar95 = cvar95_of(values, higher_is_worse(metric), scratch);
    } else {
      double q = quantile_of(values, quantile_p[part - 1], scratch);
      (part == 1   ? summary.q50
       : part == 2 ? summary.q90
       : part == 3 ? summary.q95
                   : summary.q99) = q;
    }
    if (metric == Metric::unmet_t && part == 0) out[v].any_shortage = share_positive(values);
  });
  return out;
}

std::uint64_t monte_carlo_memory_bytes(std::uint64_t trials, std::size_t series, int threads) {
  const auto copies = static_cast<std::uint64_t>(std::min<std::size_t>(
      series,
      static_cast<std::size_t>(threads > 0 ? threads : tbb::this_task_arena::max_concurrency())));
  return trials * sizeof(double) * (static_cast<std::uint64_t>(series) + copies);
}

}  // namespace mineflow
