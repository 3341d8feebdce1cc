#pragma once
// Summary statistics over per-trial values, computed in trial-index order so the result is the
// same bits whatever the thread count.

#include <span>

namespace mineflow {

struct MetricSummary {
  double mean = 0.0;
  double sd = 0.0;  // sample standard deviation (n - 1)
  double se = 0.0;  // Monte Carlo standard error of the mean, sd / sqrt(n)
  double q50 = 0.0;
  double q90 = 0.0;
  double q95 = 0.0;
  double q99 = 0.0;
  double cvar95 = 0.0;  // mean of the worst ceil(5% n) trials
};

// Quantiles by linear interpolation between order statistics (Hyndman-Fan type 7).
MetricSummary summarize(std::span<const double> values, bool higher_is_worse);

struct Proportion {
  double p = 0.0;
  double se = 0.0;  // sqrt(p (1 - p) / n)
};
// Share of values above zero.
Proportion share_positive(std::span<const double> values);

}  // namespace mineflow
