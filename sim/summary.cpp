#include "sim/summary.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace mineflow {
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
  // Selection instead of a full sort: O(n) per order statistic. The input is in trial order,
  // so the selected values and the tail sum are the same bits at any thread count.
  std::vector<double> work(values.begin(), values.end());
  auto order_statistic_pair = [&](double p, double* q) {
    double h = static_cast<double>(n - 1) * p;
    auto lo = static_cast<std::size_t>(std::floor(h));
    auto lo_it = work.begin() + static_cast<std::ptrdiff_t>(lo);
    std::nth_element(work.begin(), lo_it, work.end());
    double low = *lo_it;
    double high = lo + 1 < n ? *std::min_element(lo_it + 1, work.end()) : low;
    *q = low + (h - static_cast<double>(lo)) * (high - low);
  };
  order_statistic_pair(0.50, &out.q50);
  order_statistic_pair(0.90, &out.q90);
  order_statistic_pair(0.95, &out.q95);
  order_statistic_pair(0.99, &out.q99);
  auto tail = static_cast<std::size_t>(std::ceil(0.05 * static_cast<double>(n)));
  double tail_sum = 0.0;
  if (higher_is_worse) {
    auto cut = work.begin() + static_cast<std::ptrdiff_t>(n - tail);
    std::nth_element(work.begin(), cut, work.end());
    std::sort(cut, work.end());  // a fixed summation order
    for (auto it = cut; it != work.end(); ++it) tail_sum += *it;
  } else {
    auto cut = work.begin() + static_cast<std::ptrdiff_t>(tail);
    std::nth_element(work.begin(), cut, work.end());
    std::sort(work.begin(), cut);
    for (auto it = work.begin(); it != cut; ++it) tail_sum += *it;
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
