#include "sim/summary.h"

#include <algorithm>
#include <cmath>

namespace mineflow {
namespace {

constexpr double kTailShare = 0.05;  // CVaR95

std::size_t tail_count(std::size_t n) {
  return static_cast<std::size_t>(std::ceil(kTailShare * static_cast<double>(n)));
}

// Type-7 quantile by selection (O(n) per order statistic instead of a full sort). Any selection
// order gives the same order statistics, so the bits never depend on the work split.
double quantile(std::vector<double>& work, double p) {
  const std::size_t n = work.size();
  double h = static_cast<double>(n - 1) * p;
  auto lo = static_cast<std::size_t>(std::floor(h));
  auto lo_it = work.begin() + static_cast<std::ptrdiff_t>(lo);
  std::nth_element(work.begin(), lo_it, work.end());
  double low = *lo_it;
  double high = lo + 1 < n ? *std::min_element(lo_it + 1, work.end()) : low;
  return low + (h - static_cast<double>(lo)) * (high - low);
}

// Sum of the worst `tail` values, added in ascending order (a fixed order whatever the
// selection left); `boundary` receives the least bad of them (the VaR).
double tail_sum(std::vector<double>& work, std::size_t tail, bool higher_is_worse,
                double* boundary) {
  const std::size_t n = work.size();
  auto first = work.begin();
  auto last = work.end();
  if (higher_is_worse) {
    first = work.begin() + static_cast<std::ptrdiff_t>(n - tail);
    std::nth_element(work.begin(), first, work.end());
  } else {
    last = work.begin() + static_cast<std::ptrdiff_t>(tail);
    std::nth_element(work.begin(), last, work.end());
  }
  std::sort(first, last);
  double sum = 0.0;
  for (auto it = first; it != last; ++it) sum += *it;
  if (boundary != nullptr) *boundary = higher_is_worse ? *first : *(last - 1);
  return sum;
}

}  // namespace

Moments moments(std::span<const double> values) {
  Moments out;
  const std::size_t n = values.size();
  if (n == 0) return out;
  double sum = 0.0;
  for (double v : values) sum += v;
  out.mean = sum / static_cast<double>(n);
  double squares = 0.0;
  for (double v : values) squares += (v - out.mean) * (v - out.mean);
  out.sd = n > 1 ? std::sqrt(squares / static_cast<double>(n - 1)) : 0.0;
  out.se = out.sd / std::sqrt(static_cast<double>(n));
  return out;
}

MetricSummary summarize(std::span<const double> values, bool higher_is_worse) {
  MetricSummary out;
  const std::size_t n = values.size();
  if (n == 0) return out;
  Moments m = moments(values);
  out.mean = m.mean;
  out.sd = m.sd;
  out.se = m.se;
  std::vector<double> work(values.begin(), values.end());
  out.q50 = quantile(work, 0.50);
  out.q90 = quantile(work, 0.90);
  out.q95 = quantile(work, 0.95);
  out.q99 = quantile(work, 0.99);
  const std::size_t tail = tail_count(n);
  out.cvar95 = tail_sum(work, tail, higher_is_worse, nullptr) / static_cast<double>(tail);
  return out;
}

double quantile_of(std::span<const double> values, double p, std::vector<double>& scratch) {
  if (values.empty()) return 0.0;
  scratch.assign(values.begin(), values.end());
  return quantile(scratch, p);
}

double cvar95_of(std::span<const double> values, bool higher_is_worse,
                 std::vector<double>& scratch) {
  if (values.empty()) return 0.0;
  scratch.assign(values.begin(), values.end());
  const std::size_t tail = tail_count(values.size());
  return tail_sum(scratch, tail, higher_is_worse, nullptr) / static_cast<double>(tail);
}

Estimate cvar95_upper(std::span<const double> values, std::vector<double>& scratch) {
  Estimate out;
  const std::size_t n = values.size();
  if (n == 0) return out;
  scratch.assign(values.begin(), values.end());
  const std::size_t tail = tail_count(n);
  double var = 0.0;
  out.value = tail_sum(scratch, tail, true, &var) / static_cast<double>(tail);
  double excess_sum = 0.0;
  for (double v : values) excess_sum += std::max(v - var, 0.0);
  double excess_mean = excess_sum / static_cast<double>(n);
  double squares = 0.0;
  for (double v : values) {
    double d = std::max(v - var, 0.0) - excess_mean;
    squares += d * d;
  }
  double sd = n > 1 ? std::sqrt(squares / static_cast<double>(n - 1)) : 0.0;
  double alpha = static_cast<double>(tail) / static_cast<double>(n);
  out.se = sd / (alpha * std::sqrt(static_cast<double>(n)));
  return out;
}

Proportion share_positive(std::span<const double> values) {
  Proportion out;
  if (values.empty()) return out;
  std::size_t count = 0;
  for (double v : values) count += v > 0.0 ? 1 : 0;
  double n = static_cast<double>(values.size());
  out.p = static_cast<double>(count) / n;
  out.se = std::sqrt(out.p * (1.0 - out.p) / n);
  return out;
}

}  // namespace mineflow
