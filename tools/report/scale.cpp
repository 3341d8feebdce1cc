#include "tools/report/scale.h"

#include <cmath>

#include "graph/number_format.h"

namespace mineflow::report {

double LinearScale::operator()(double value) const {
  double width = domain_max - domain_min;
  if (width == 0.0) return (range_min + range_max) / 2.0;
  return range_min + (value - domain_min) / width * (range_max - range_min);
}

double nice_step(double raw_step) {
  if (!(raw_step > 0.0) || !std::isfinite(raw_step)) return 1.0;
  double magnitude = std::pow(10.0, std::floor(std::log10(raw_step)));
  double fraction = raw_step / magnitude;
  double nice = fraction < 1.5 ? 1.0 : fraction < 3.0 ? 2.0 : fraction < 7.0 ? 5.0 : 10.0;
  return nice * magnitude;
}

Ticks nice_ticks(double low, double high, int target_count) {
  if (high < low) std::swap(low, high);
  if (high == low) {
    low -= 0.5;
    high += 0.5;
  }
  Ticks ticks;
  ticks.step = nice_step((high - low) / (target_count > 0 ? target_count : 1));
  // Multiples of the step, computed from integers so no rounding error accumulates.
  double first = std::floor(low / ticks.step + 1e-9);
  double last = std::ceil(high / ticks.step - 1e-9);
  for (double i = first; i <= last + 0.5; i += 1.0) {
    double value = i * ticks.step;
    ticks.values.push_back(std::fabs(value) < ticks.step * 1e-9 ? 0.0 : value);
  }
  ticks.min = ticks.values.front();
  ticks.max = ticks.values.back();
  return ticks;
}

std::string format_tick(double value, double step) {
  int decimals = step >= 1.0 ? 0 : static_cast<int>(std::ceil(-std::log10(step) - 1e-9));
  std::string text = format_fixed(value, decimals);
  // Thousands separators on the integer part.
  std::size_t start = text[0] == '-' ? 1 : 0;
  std::size_t point = text.find('.');
  std::size_t end = point == std::string::npos ? text.size() : point;
  for (std::size_t i = end; i > start + 3; i -= 3) text.insert(i - 3, ",");
  return text;
}

}  // namespace mineflow::report
