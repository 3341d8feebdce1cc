#pragma once
// Summary statistics over per-trial values, computed in trial-index order so the result is the
// same bits whatever the thread count: every sum runs over the values in trial order (or in
// sorted order for tails), never in an order that depends on how work was split. The run's
// summaries and the stockpile sweep's cell statistics both use these (one definition of mean,
// SE and CVaR95). Each call is serial; callers run many of them in parallel
// (sim/monte_carlo.h: summarize_variants, for_each_parallel).

#include <cstddef>
#include <span>
#include <vector>

namespace mineflow {

// An estimate and its Monte Carlo standard error.
struct Estimate {
  double value = 0.0;
  double se = 0.0;
};

struct Moments {
  double mean = 0.0;
  double sd = 0.0;  // sample standard deviation (n - 1)
  double se = 0.0;  // Monte Carlo standard error of the mean, sd / sqrt(n)
};
Moments moments(std::span<const double> values);

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

// summarize's order statistics one at a time, for callers that compute them apart (in
// parallel): each is exact, so any split gives summarize's bits. `scratch` is working memory.
double quantile_of(std::span<const double> values, double p, std::vector<double>& scratch);
double cvar95_of(std::span<const double> values, bool higher_is_worse,
                 std::vector<double>& scratch);

// CVaR95 (summarize's definition, highest values worst) with the asymptotic standard error
// sd((X - VaR)+) / (alpha sqrt(n)) of the CVaR estimator (Hong & Liu 2009). `scratch` is reused
// working memory (one copy of the values).
Estimate cvar95_upper(std::span<const double> values, std::vector<double>& scratch);

struct Proportion {
  double p = 0.0;
  double se = 0.0;  // sqrt(p (1 - p) / n)
};
// Share of values above zero.
Proportion share_positive(std::span<const double> values);

}  // namespace mineflow
