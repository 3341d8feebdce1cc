#pragma once
// Linear scales and "nice" axis ticks (steps of 1, 2 or 5 x 10^k), the geometry under every axis.

#include <string>
#include <vector>

namespace mineflow::report {

// Maps [domain_min, domain_max] onto [range_min, range_max] linearly (the range may run
// backwards, as a y axis in SVG does). A zero-width domain maps everything to the range's middle.
struct LinearScale {
  double domain_min = 0.0;
  double domain_max = 1.0;
  double range_min = 0.0;
  double range_max = 1.0;
  double operator()(double value) const;
};

struct Ticks {
  double min = 0.0;   // first tick, at or below the data's minimum
  double max = 1.0;   // last tick, at or above the data's maximum
  double step = 1.0;  // 1, 2 or 5 x 10^k
  std::vector<double> values;
};

// The nice step for a raw step: the smallest of 1, 2, 5, 10 x 10^k that is >= raw_step / 1.5
// rounded the conventional way (Heckbert, "Nice numbers for graph labels", Graphics Gems 1990).
double nice_step(double raw_step);
// About `target_count` intervals covering [low, high]; low == high is widened to a unit range.
Ticks nice_ticks(double low, double high, int target_count);
// Tick label: as many decimals as the step needs, thousands separated by commas ("12,500").
std::string format_tick(double value, double step);

}  // namespace mineflow::report
