// Price volatility: hand-computed cases and a cross-check against the reference metrics that
// came with the price data (price_volatility_metrics.csv: cv_annual, 10-year windows).

#include "graph/price_volatility.h"

#include <cmath>

#include <gtest/gtest.h>

#include "test_data.h"

namespace mineflow {
namespace {

PriceSeries annual(std::vector<double> values, int start_year) {
  PriceSeries series;
  series.name = "test";
  series.unit = "USD/t";
  series.frequency = PriceFrequency::annual;
  series.start_year = start_year;
  series.values = std::move(values);
  series.primary = true;
  return series;
}

TEST(PriceVolatility, CoefficientOfVariationByHand) {
  // Prices 90, 110: mean 100, population sd 10 -> CV 0.1.
  auto result = price_volatility(annual({90, 110}, 2000), VolatilityMeasure::cv_annual, 10, 2);
  ASSERT_TRUE(result.has_value());
  EXPECT_NEAR(result->value, 0.1, 1e-15);
  EXPECT_EQ(result->first_year, 2000);
  EXPECT_EQ(result->last_year, 2001);
}

TEST(PriceVolatility, WindowTakesTheLatestYears) {
  auto result =
      price_volatility(annual({1000, 1, 90, 110}, 2000), VolatilityMeasure::cv_annual, 2, 2);
  ASSERT_TRUE(result.has_value());
  EXPECT_NEAR(result->value, 0.1, 1e-15);
  EXPECT_EQ(result->first_year, 2002);
}

TEST(PriceVolatility, LogReturnsByHand) {
  // ln(2), ln(1/2): mean 0, sample sd sqrt(2 ln(2)^2 / 1) = ln(2) sqrt(2).
  auto result = price_volatility(annual({100, 200, 100}, 2000),
                                 VolatilityMeasure::sd_annual_log_returns, 10, 2);
  ASSERT_TRUE(result.has_value());
  EXPECT_NEAR(result->value, std::log(2.0) * std::sqrt(2.0), 1e-12);
}

TEST(PriceVolatility, TooShortIsNotApplicable) {
  EXPECT_FALSE(price_volatility(annual({1, 2, 3}, 2000), VolatilityMeasure::cv_annual, 10, 5));
}

TEST(PriceVolatility, MonthlySeriesUsesCompleteCalendarYearsOnly) {
  PriceSeries series;
  series.frequency = PriceFrequency::monthly;
  series.start_year = 2000;
  series.start_month = 11;  // Nov, Dec 2000 are skipped
  series.values = {500, 500};
  for (int i = 0; i < 12; ++i) series.values.push_back(10);
  for (int i = 0; i < 12; ++i) series.values.push_back(20);
  series.values.push_back(999);  // Jan 2003 alone is incomplete
  AnnualPrices annual_prices = annual_averages(series);
  EXPECT_EQ(annual_prices.first_year, 2001);
  ASSERT_EQ(annual_prices.values.size(), 2u);
  EXPECT_DOUBLE_EQ(annual_prices.values[0], 10.0);
  EXPECT_DOUBLE_EQ(annual_prices.values[1], 20.0);
}

// The reference metrics shipped with the data, to three decimals.
TEST(PriceVolatility, MatchesReferenceMetricsForBundledSeries) {
  auto bundled = testing::load_bundled();
  struct Case {
    const char* mineral;
    double cv_annual;
  };
  for (const Case& c : {Case{"cobalt", 0.330}, Case{"rare_earths", 0.764}, Case{"tungsten", 0.264},
                        Case{"copper", 0.221}, Case{"nickel", 0.315}}) {
    MineralData data = io::load_mineral(testing::bundled_mineral(c.mineral), bundled.countries);
    const PriceSeries* primary = nullptr;
    for (const PriceSeries& series : data.prices) {
      if (series.primary) primary = &series;
    }
    ASSERT_NE(primary, nullptr) << c.mineral;
    auto result = price_volatility(*primary, VolatilityMeasure::cv_annual, 10, 5);
    ASSERT_TRUE(result.has_value()) << c.mineral;
    EXPECT_NEAR(result->value, c.cv_annual, 0.0005) << c.mineral;
  }
}

}  // namespace
}  // namespace mineflow
