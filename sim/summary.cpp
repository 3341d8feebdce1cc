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

// Exact order statistics of `work`, asked for in ascending rank order, by progressive selection:
// each selection runs only over what lies above the rank selected before it (every value there
// is at least as large as every value below), so the four quantiles and the tail boundary cost
// about one selection over the whole buffer and a few over shrinking remainders, instead of one
// over the whole buffer each. Exact order statistics are the same numbers whatever the
// selection order, so every result is bit-identical to selecting each one afresh.
class Selector {
 public:
  explicit Selector(std::vector<double>& work) : work_(work) {}

  // The rank-th smallest value (0-based). Ranks must not decrease from call to call; a repeat
  // of the last rank costs nothing.
  double at(std::size_t rank) {
    if (rank >= from_) {
      std::nth_element(work_.begin() + static_cast<std::ptrdiff_t>(from_),
                       work_.begin() + static_cast<std::ptrdiff_t>(rank), work_.end());
      from_ = rank + 1;
    }
    return work_[rank];
  }
  // The (rank + 1)-th smallest value right after at(rank): the least value above it (no
  // reordering). Requires rank + 1 < size.
  double after(std::size_t rank) const {
    return *std::min_element(work_.begin() + static_cast<std::ptrdiff_t>(rank + 1), work_.end());
  }

 private:
  std::vector<double>& work_;
  std::size_t from_ = 0;  // values below this index are settled: none exceeds any value above
};

// Type-7 quantile p by the selector (quantile's arithmetic, so the same bits).
double quantile(Selector& select, std::size_t n, double p) {
  double h = static_cast<double>(n - 1) * p;
  auto lo = static_cast<std::size_t>(std::floor(h));
  double low = select.at(lo);
  double high = lo + 1 < n ? select.after(lo) : low;
  return low + (h - static_cast<double>(lo)) * (high - low);
}

// The four quantiles and the CVaR95 of summarize from one progressive selection over `work`
// (a copy of the values, reordered here).
void quantiles_and_cvar(std::vector<double>& work, bool higher_is_worse, MetricSummary& out) {
  const std::size_t n = work.size();
  const std::size_t tail = tail_count(n);
  // The tail boundary: the first rank of the worst `tail` values (highest worst), or one past
  // the last (lowest worst); selecting it puts exactly those values on its side.
  const std::size_t boundary = higher_is_worse ? n - tail : tail;
  constexpr double kP[4] = {0.50, 0.90, 0.95, 0.99};
  double* q[4] = {&out.q50, &out.q90, &out.q95, &out.q99};
  Selector select(work);
  bool boundary_done = boundary >= n;  // tail == n (n == 1, lowest worst): nothing to select
  for (std::size_t k = 0; k < 4; ++k) {
    const auto lo = static_cast<std::size_t>(std::floor(static_cast<double>(n - 1) * kP[k]));
    if (!boundary_done && boundary <= lo) {
      select.at(boundary);
      boundary_done = true;
    }
    *q[k] = quantile(select, n, kP[k]);
  }
  if (!boundary_done) select.at(boundary);
  // Later selections only reorder values within the boundary's side, so the tail is in place.
  auto first = work.begin();
  auto last = work.end();
  if (higher_is_worse) {
    first += static_cast<std::ptrdiff_t>(n - tail);
  } else {
    last = work.begin() + static_cast<std::ptrdiff_t>(tail);
  }
  std::sort(first, last);
  double sum = 0.0;
  for (auto it = first; it != last; ++it) sum += *it;
  out.cvar95 = sum / static_cast<double>(tail);
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
  // One working copy per thread, kept between calls: a fresh one would fault in its pages on
  // every series (800 kB at 10^5 trials).
  thread_local std::vector<double> work;
  work.assign(values.begin(), values.end());
  quantiles_and_cvar(work, higher_is_worse, out);
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
