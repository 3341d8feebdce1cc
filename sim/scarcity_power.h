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
  static constexpr int kTerms = 16;  // Estrin below takes exactly 16

  ScarcityPower() : ScarcityPower(1.0) {}
  explicit ScarcityPower(double k);

  double k() const { return k_; }
  // The scarcity below which the series is used.
  double series_below() const { return series_below_; }

  double operator()(double x) const {
    static_assert(kTerms == 16, "the Estrin scheme below sums exactly 16 terms");
    if (x < series_below_) {
      // Estrin's scheme: pairs, then pairs of pairs by x^2, x^4, x^8. Four multiply-adds deep
      // instead of Horner's fifteen, so the days' evaluations overlap (the market's loop is
      // otherwise one long dependency chain); every term is positive, so no cancellation.
      const auto& c = coefficients_;
      const double x2 = x * x;
      const double x4 = x2 * x2;
      const double x8 = x4 * x4;
      auto pair = [&](std::size_t n) { return c[n] + c[n + 1] * x; };
      const double low = (pair(0) + pair(2) * x2) + (pair(4) + pair(6) * x2) * x4;
      const double high = (pair(8) + pair(10) * x2) + (pair(12) + pair(14) * x2) * x4;
      return low + high * x8;
    }
    return std::exp(-k_ * std::log1p(-x));
  }

 private:
  double k_;
  std::array<double, kTerms> coefficients_{};
  double series_below_ = 0.0;
};

}  // namespace mineflow
