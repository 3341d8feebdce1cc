#include "sim/day_order.h"

namespace mineflow {

void order_by_day(const std::vector<double>& days, double horizon_days, DayOrderScratch& scratch,
                  std::vector<std::uint32_t>& order) {
  const auto n = static_cast<std::uint32_t>(days.size());
  auto& keys = scratch.keys;
  auto& starts = scratch.bucket_starts;
  keys.resize(n);
  order.resize(n);
  // n + 1 buckets: n over the horizon, the last for days at or past it (and +inf). A bucket is
  // monotone in the day, so pairs in different buckets are already in order; a counting sort
  // keeps index order within each.
  // A few days (a trial with one or two events) go straight to the insertion pass, as if in one
  // bucket: the buckets' set-up would cost more than they save.
  constexpr std::uint32_t kOneBucketUpTo = 16;
  const double per_day =
      horizon_days > 0.0 && n > kOneBucketUpTo ? static_cast<double>(n) / horizon_days : 0.0;
  starts.assign(per_day > 0.0 ? static_cast<std::size_t>(n) + 2 : 2, 0u);
  auto bucket_of = [n, per_day](double day) {
    const double b = day * per_day;
    if (b >= static_cast<double>(n)) return n;
    return b > 0.0 ? static_cast<std::uint32_t>(b) : 0u;
  };
  if (per_day > 0.0) {
    for (std::uint32_t i = 0; i < n; ++i) ++starts[bucket_of(days[i]) + 1];
    for (std::uint32_t b = 0; b <= n; ++b) starts[b + 1] += starts[b];
    for (std::uint32_t i = 0; i < n; ++i) keys[starts[bucket_of(days[i])]++] = {days[i], i};
  } else {
    for (std::uint32_t i = 0; i < n; ++i) keys[i] = {days[i], i};
  }
  // Only pairs of one bucket can be out of order: each moves left past the larger days before
  // it (equal days keep index order). On spread days the buckets hold one or two: O(n).
  for (std::uint32_t i = 1; i < n; ++i) {
    if (!(keys[i].first < keys[i - 1].first)) continue;
    const auto moving = keys[i];
    std::uint32_t j = i;
    while (j > 0 && moving.first < keys[j - 1].first) {
      keys[j] = keys[j - 1];
      --j;
    }
    keys[j] = moving;
  }
  for (std::uint32_t i = 0; i < n; ++i) order[i] = keys[i].second;
}

}  // namespace mineflow
