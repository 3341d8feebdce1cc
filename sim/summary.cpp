#include "sim/summary.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace mineflow {
namespace {

double quantile_sorted(const std::vector<double>& sorted, double p) {
  double h = static_cast<double>(sorted.size() - 1) * p;
  auto lo = static_cast<std::size_t>(std::floor(h));
  if (lo + 1 >= sorted.size()) return sorted.back();
  return sorted[lo] + (h - static_cast<double>(lo)) * (sorted[lo + 1] - sorted[lo]);
}

}  // namespace

MetricSummary summarize(std::span<const double> values, bool higher_is_worse) {
  MetricSummary out;
  const std::size_t n = values.size();
  if (n == 0) return out;
  double sum = 0.0;
  for (double v : values) sum += v;
  out.mean = sum / static_cast<double>(n);
  double squares = 0.0;
  for (double v : values) squares += (v - out.mean) * (v - out.mean);
  out.sd = n > 1 ? std::sqrt(squares / static_cast<double>(n - 1)) : 0.0;
  out.se = out.sd / std::sqrt(static_cast<double>(n));
  std::vector<double> sorted(values.begin(), values.end());
  std::sort(sorted.begin(), sorted.end());
  out.q50 = quantile_sorted(sorted, 0.50);
  out.q90 = quantile_sorted(sorted, 0.90);
  out.q95 = quantile_sorted(sorted, 0.95);
  out.q99 = quantile_sorted(sorted, 0.99);
  auto tail = static_cast<std::size_t>(std::ceil(0.05 * static_cast<double>(n)));
  double tail_sum = 0.0;
  for (std::size_t i = 0; i < tail; ++i) {
    tail_sum += higher_is_worse ? sorted[n - 1 - i] : sorted[i];
  }
  out.cvar95 = tail_sum / static_cast<double>(tail);
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
