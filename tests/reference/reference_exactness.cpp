#include "tests/reference/reference_exactness.h"

#include <algorithm>
#include <array>
#include <cmath>

#include "tests/reference/reference_shapes.h"

namespace mineflow::reference {
namespace {

// The day's supply read four ways, each a rate the engine takes as linear within a segment.
std::array<double, 4> components(const DaySupply& s) {
  return {s.domestic_t_per_day, s.refined_t_per_day, s.recycling_available, s.world_shortfall};
}

}  // namespace

// Linear between knots means: on every day the mean is the average of the two ends, and at a
// day boundary that is no knot the value and the slope carry on. Then the engine's chord over
// a segment (its values at the two ends, linear between) is the supply itself, and the day
// means are exact areas. Where it fails (a kink of spare capacity or the smelter inside a day,
// replacement in the tiers, two ramps multiplying on one channel) chord_gap_t measures the
// volume between the chord over each knot interval and the reference's day means.
void check_supply_linear(const Case& c, const std::vector<DaySupply>& supply,
                         const std::vector<DayEnds>& ends, Exactness& out) {
  const int horizon = c.horizon_days;
  std::vector<int> knots = shape_knots(c.network, c.events);
  std::erase_if(knots, [&](int k) { return k <= 0 || k >= horizon; });
  knots.insert(knots.begin(), 0);
  knots.push_back(horizon);
  double scale = 1.0;
  for (const Supplier& s : c.network.suppliers) scale += s.t_per_day + s.spare_t_per_day;
  auto tolerance = [&](std::size_t component) { return component < 2 ? 1e-11 * scale : 1e-11; };
  auto is_knot = [&](int day) { return std::binary_search(knots.begin(), knots.end(), day); };

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
      out.supply_linear = out.supply_linear && linear;
    }
  }
  // Over each run [a, b) of days where the supplied rate and the world shortfall go on in a
  // straight line (the engine cannot have a segment across a bend, but may cut inside a run
  // where the reference's knots do not, so runs, not knot intervals): the chord of the supplied
  // rate, and the engine's pricing of a phase at its mean rate. The covariance of a linear rate
  // and a monotone price over L days is at most L x (rate change / 4) x price change, and the
  // phases inside a run add up to no more than that.
  auto rate = [&](const DaySupply& s) { return supplied_t_per_day(c, s); };
  auto straight_on = [&](int day) {  // the day carries on the previous day's line
    auto d = static_cast<std::size_t>(day);
    const DayEnds& p = ends[d - 1];
    const DayEnds& e = ends[d];
    double tol = 1e-11 * scale;
    return std::abs(rate(p.end) - rate(e.start)) <= tol &&
           std::abs((rate(e.end) - rate(e.start)) - (rate(p.end) - rate(p.start))) <= tol &&
           std::abs(p.end.world_shortfall - e.start.world_shortfall) <= 1e-11 &&
           std::abs((e.end.world_shortfall - e.start.world_shortfall) -
                    (p.end.world_shortfall - p.start.world_shortfall)) <= 1e-11;
  };
  for (int a = 0; a < horizon;) {
    int b = a + 1;
    while (b < horizon && straight_on(b)) ++b;
    const auto first = static_cast<std::size_t>(a);
    const auto last = static_cast<std::size_t>(b - 1);
    double r_a = rate(ends[first].start);
    double r_b = rate(ends[last].end);
    double p_a = price_multiple(c.price, ends[first].start.world_shortfall);
    double p_b = price_multiple(c.price, ends[last].end.world_shortfall);
    out.cost_bound += (b - a) * std::abs(r_b - r_a) * std::abs(p_b - p_a) / 4.0;
    a = b;
  }
  // The chord over each knot interval against the day means (nonlinear supply only).
  for (std::size_t i = 0; i + 1 < knots.size(); ++i) {
    const int a = knots[i];
    const int b = knots[i + 1];
    double r_a = rate(ends[static_cast<std::size_t>(a)].start);
    double r_b = rate(ends[static_cast<std::size_t>(b - 1)].end);
    for (int day = a; day < b; ++day) {
      double chord = r_a + (r_b - r_a) * (day + 0.5 - a) / (b - a);
      out.chord_gap_t += std::abs(chord - rate(supply[static_cast<std::size_t>(day)]));
    }
  }
}

}  // namespace mineflow::reference
