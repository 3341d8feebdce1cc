// ScarcityPower against (1 - x)^-k in long double (64-bit mantissa: 1 - x is exact there for
// every x above 2^-11, and powl's error is far below a double's ulp), on both sides of the
// threshold where it switches from the series to exp and log1p, for the market's range of
// k = 1 / elasticity and beyond.
#include "sim/scarcity_power.h"

#include <gtest/gtest.h>

#include <cmath>
#include <random>

namespace mineflow {
namespace {

TEST(ScarcityPower, AgreesWithPowToAFewUlp) {
  std::mt19937_64 rng(3);
  for (double k : {0.25, 0.5, 1.0, 2.0, 2.5, 10.0 / 3.0, 5.0, 10.0, 20.0}) {
    const ScarcityPower power(k);
    // The series must cover a useful range (most background days sit below 0.05 at k = 3.3)
    // and stop where its terms stop shrinking fast.
    EXPECT_GT(power.series_below(), 0.0) << k;
    EXPECT_LT(power.series_below(), 0.5) << k;
    // Below the threshold: the series, within 2 ulp of the long-double power.
    std::uniform_real_distribution<double> below(0.0, power.series_below());
    double worst_ulp = 0.0;
    for (int i = 0; i < 20000; ++i) {
      const double x = i == 0 ? std::nextafter(power.series_below(), 0.0) : below(rng);
      const auto expected = static_cast<double>(
          std::pow(1.0L - static_cast<long double>(x), -static_cast<long double>(k)));
      const double ulp = std::nextafter(expected, INFINITY) - expected;
      worst_ulp = std::max(worst_ulp, std::abs(power(x) - expected) / ulp);
    }
    // Above it: exp(-k log1p(-x)) as before, bit for bit (its error grows with k log(1 - x),
    // the rounding of that product: about 30 ulp at k = 3.3 near x = 1, 0.1 ulp near 0.05).
    std::uniform_real_distribution<double> above(power.series_below(), 0.999);
    for (int i = 0; i < 2000; ++i) {
      const double x = i == 0 ? power.series_below() : above(rng);
      ASSERT_EQ(power(x), std::exp(-k * std::log1p(-x))) << k << " " << x;
    }
    EXPECT_LE(worst_ulp, 2.0) << "k = " << k;  // measured: 2.0 (Estrin) for every k here
  }
}

TEST(ScarcityPower, ExactPoints) {
  const ScarcityPower power(10.0 / 3.0);
  EXPECT_EQ(power(0.0), 1.0);  // a day at rest costs exactly the factor
  EXPECT_DOUBLE_EQ(ScarcityPower(2.0)(0.5), 4.0);
  EXPECT_DOUBLE_EQ(ScarcityPower(1.0)(0.01), 1.0 / 0.99);
  EXPECT_DOUBLE_EQ(ScarcityPower(3.0)(0.02), 1.0 / (0.98 * 0.98 * 0.98));
  EXPECT_EQ(ScarcityPower(0.0)(0.7), 1.0);
}

}  // namespace
}  // namespace mineflow
