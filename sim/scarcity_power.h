#pragma once
// (1 - x)^-k, the market's price multiple at scarcity x (docs/market.md), for x in [0, 1).
// Most priced days of a background year have x below a few hundredths: there the binomial
// series sum_n C(k + n - 1, n) x^n, cut after kTerms terms where the rest is below a quarter
// ulp of the result, costs a third of exp(-k log1p(-x)); above that threshold it is that.
// The series is within 1 ulp of (1 - x)^-k computed in long double (tests/scarcity_power_test.cpp).

#include <array>
#include <cmath>

namespace mineflow {

class ScarcityPower {
 public:
  static constexpr int kTerms = 16;

  ScarcityPower() : ScarcityPower(1.0) {}
  explicit ScarcityPower(double k);

  double k() const { return k_; }
  // The scarcity below which the series is used.
  double series_below() const { return series_below_; }

  double operator()(double x) const {
    if (x < series_below_) {
      double p = coefficients_[kTerms - 1];
      for (int n = kTerms - 2; n >= 0; --n) p = p * x + coefficients_[static_cast<std::size_t>(n)];
      return p;
    }
    return std::exp(-k_ * std::log1p(-x));
  }

 private:
  double k_;
  std::array<double, kTerms> coefficients_{};
  double series_below_ = 0.0;
};

}  // namespace mineflow
