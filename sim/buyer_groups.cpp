#include "sim/buyer_groups.h"

#include <cmath>

namespace mineflow {

DemandCurve demand_curve(double focal_share, double focal_elasticity, double rest_elasticity,
                         double cap) {
  DemandCurve curve{focal_share, focal_elasticity, rest_elasticity, cap, 0.0};
  curve.clearable = 1.0 - demand_at(curve, cap);
  return curve;
}

double demand_at(const DemandCurve& curve, double price) {
  const double a = curve.focal_share;
  return a * std::pow(price, -curve.focal_elasticity) +
         (1.0 - a) * std::pow(price, -curve.rest_elasticity);
}

double scarcity_price(const DemandCurve& curve, double x) {
  const double a = curve.focal_share;
  if (curve.focal_elasticity == curve.rest_elasticity || a <= 0.0 || a >= 1.0) {
    const double e = a >= 1.0 ? curve.focal_elasticity : curve.rest_elasticity;
    return std::exp(-std::log1p(-x) / e);
  }
  // g(y) = a e^(-e_f y) + (1 - a) e^(-e_r y) - (1 - x), decreasing and convex in y = ln P.
  const double target = 1.0 - x;
  double y = 0.0;
  for (int i = 0; i < 100; ++i) {
    const double f = a * std::exp(-curve.focal_elasticity * y);
    const double r = (1.0 - a) * std::exp(-curve.rest_elasticity * y);
    const double g = f + r - target;
    const double slope = -curve.focal_elasticity * f - curve.rest_elasticity * r;
    const double step = g / slope;
    y -= step;
    if (std::abs(step) <= 1e-15 * (1.0 + std::abs(y))) break;
  }
  return std::exp(y);
}

double focal_priced_out(const DemandCurve& curve, double price) {
  return 1.0 - std::pow(price, -curve.focal_elasticity);
}

}  // namespace mineflow
