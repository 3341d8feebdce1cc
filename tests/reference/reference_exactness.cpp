#include "tests/reference/reference_exactness.h"

#include <algorithm>
#include <array>
#include <cmath>

#include "tests/reference/reference_shapes.h"
#include "tests/reference/reference_supply.h"

namespace mineflow::reference {
namespace {

// The day's supply read four ways, each a rate the engine takes as linear within a segment.
std::array<double, 4> components(const DaySupply& s) {
  return {s.domestic_t_per_day, s.refined_t_per_day, s.recycling_available, s.world_shortfall};
}

}  // namespace

// Linear between knots means: on every day the mean is the average of the two ends, and at a
// day boundary that is no knot the value and the slope carry on (day stepping, as before).
bool supply_linear_between_knots(const Case& c) {
  const std::vector<DaySupply> supply = focal_supply_by_day(c.network, c.events, c.horizon_days);
  const std::vector<DayEnds> ends = focal_supply_ends_by_day(c.network, c.events, c.horizon_days);
  const int horizon = c.horizon_days;
  std::vector<int> knots = shape_knots(c.network, c.events);
  std::erase_if(knots, [&](int k) { return k <= 0 || k >= horizon; });
  knots.insert(knots.begin(), 0);
  knots.push_back(horizon);
  double scale = 1.0;
  for (const Supplier& s : c.network.suppliers) scale += s.t_per_day + s.spare_t_per_day;
  auto tolerance = [&](std::size_t component) { return component < 2 ? 1e-11 * scale : 1e-11; };
  auto is_knot = [&](int day) { return std::binary_search(knots.begin(), knots.end(), day); };
  bool linear_everywhere = true;
  for (int day = 0; day < horizon; ++day) {
    auto d = static_cast<std::size_t>(day);
    auto mean = components(supply[d]);
    auto start = components(ends[d].start);
    auto end = components(ends[d].end);
    for (std::size_t k = 0; k < 4; ++k) {
      bool linear = std::abs(mean[k] - 0.5 * (start[k] + end[k])) <= tolerance(k);
      if (day > 0 && !is_knot(day)) {
        auto prev_start = components(ends[d - 1].start);
        auto prev_end = components(ends[d - 1].end);
        linear = linear && std::abs(prev_end[k] - start[k]) <= tolerance(k) &&
                 std::abs((end[k] - start[k]) - (prev_end[k] - prev_start[k])) <= tolerance(k);
      }
      linear_everywhere = linear_everywhere && linear;
    }
  }
  return linear_everywhere;
}

}  // namespace mineflow::reference
