#pragma once
// Indices ordered by a day, ties in index order: the order std::sort gives (day, index) pairs,
// in O(n) for days spread over a horizon (the supply profile orders every trial's effects by
// their start and end days; a sort by comparisons mispredicts about every other branch there).

#include <cstdint>
#include <utility>
#include <vector>

namespace mineflow {

// Working memory, reused across calls (no allocation once warm).
struct DayOrderScratch {
  std::vector<std::pair<double, std::uint32_t>> keys;
  std::vector<std::uint32_t> bucket_starts;
};

// Fills `order` with 0..days.size()-1 ordered by (days[i], i). Days may lie outside
// [0, horizon_days) and may be +inf; they must not be NaN.
void order_by_day(const std::vector<double>& days, double horizon_days, DayOrderScratch& scratch,
                  std::vector<std::uint32_t>& order);

}  // namespace mineflow
