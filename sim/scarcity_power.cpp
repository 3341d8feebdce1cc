#include "sim/scarcity_power.h"

#include <algorithm>

namespace mineflow {

ScarcityPower::ScarcityPower(double k) : k_(k) {
  // C(k + n - 1, n) = C(k + n - 2, n - 1) (k + n - 1) / n.
  double a = 1.0;
  for (int n = 0; n < kTerms; ++n) {
    coefficients_[static_cast<std::size_t>(n)] = a;
    a *= (k + n) / (n + 1.0);
  }
  const double first_left_out = a;  // C(k + kTerms - 1, kTerms)
  // The terms left out: from a x^N on, each at most max(1, (k + N) / (N + 1)) x times the one
  // before, so their sum is at most a x^N / (1 - q). Keep it under 2^-56 (a quarter ulp of a
  // result >= 1): the largest such x, by bisection (monotone in x).
  const double growth = std::max(1.0, (k + kTerms) / (kTerms + 1.0));
  auto rest = [&](double x) {
    const double q = growth * x;
    return q >= 1.0 ? 1.0 : first_left_out * std::pow(x, kTerms) / (1.0 - q);
  };
  double low = 0.0, high = 0.5;
  if (!(k > 0.0) || !(first_left_out > 0.0)) {
    series_below_ = k == 0.0 ? 1.0 : 0.0;  // k = 0: the power is 1 and so is the series
    return;
  }
  for (int i = 0; i < 60; ++i) {
    const double mid = 0.5 * (low + high);
    (rest(mid) <= 0x1p-56 ? low : high) = mid;
  }
  series_below_ = low;
}

}  // namespace mineflow
