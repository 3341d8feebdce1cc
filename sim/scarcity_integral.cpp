#include "sim/scarcity_integral.h"

#include <algorithm>
#include <cmath>

namespace mineflow {

double capped_scarcity_integral(double cap, double factor, double p, double u_start, double u_end,
                                double duration_days) {
  if (duration_days <= 0.0) return 0.0;
  auto multiple = [&](double u) {
    return u <= 0.0 ? cap : std::min(cap, factor * std::pow(u, -p));
  };
  if (std::abs(u_end - u_start) <= 1e-9) return multiple(0.5 * (u_start + u_end)) * duration_days;
  // Below u_cap the cap binds; above it the multiple is factor x u^-p. G is an antiderivative
  // in u, and dt = duration / (u_end - u_start) du.
  const double u_cap = std::pow(factor / cap, 1.0 / p);
  auto antiderivative = [&](double u) {
    if (u <= u_cap) return cap * u;
    double power = std::abs(p - 1.0) < 1e-12
                       ? std::log(u / u_cap)
                       : (std::pow(u, 1.0 - p) - std::pow(u_cap, 1.0 - p)) / (1.0 - p);
    return cap * u_cap + factor * power;
  };
  return duration_days * (antiderivative(u_end) - antiderivative(u_start)) / (u_end - u_start);
}

}  // namespace mineflow
