// Prices per tonne for the simulations' costs (tools/io/price_units.h): the latest vintage's USGS
// units converted exactly, everything else left alone.

#include <gtest/gtest.h>

#include "tools/io/price_units.h"

namespace mineflow {
namespace {

PriceSeries series(const std::string& unit, double value, bool primary = true) {
  PriceSeries s;
  s.id = unit;
  s.unit = unit;
  s.primary = primary;
  s.values = {value, 2.0 * value};
  return s;
}

TEST(PriceUnits, PrimarySeriesBecomePerTonne) {
  std::vector<PriceSeries> prices = {series("USD/lb nominal", 1.0)};
  io::convert_prices_to_per_tonne(prices);
  EXPECT_EQ(prices[0].unit, "USD/t nominal");
  EXPECT_DOUBLE_EQ(prices[0].values[0], 2204.62262185);
  EXPECT_DOUBLE_EQ(prices[0].values[1], 2.0 * 2204.62262185);
  for (auto [unit, factor] : std::vector<std::pair<std::string, double>>{
           {"US cents/lb nominal", 22.0462262185},
           {"USD/kg nominal", 1000.0},
           {"USD/mtu WO3 nominal", 100.0 * 231.84 / 183.84}}) {
    std::vector<PriceSeries> one = {series(unit, 1.0)};
    io::convert_prices_to_per_tonne(one);
    EXPECT_EQ(one[0].unit, "USD/t nominal") << unit;
    EXPECT_DOUBLE_EQ(one[0].values[0], factor) << unit;
  }
}

TEST(PriceUnits, OtherSeriesAndUnitsStayAsTheyAre) {
  std::vector<PriceSeries> prices = {series("USD/lb nominal", 1.0, false),
                                     series("CNY/t nominal", 5.0), series("USD/kgX", 3.0)};
  io::convert_prices_to_per_tonne(prices);
  EXPECT_EQ(prices[0].unit, "USD/lb nominal");  // not the primary series
  EXPECT_EQ(prices[0].values[0], 1.0);
  EXPECT_EQ(prices[1].unit, "CNY/t nominal");
  EXPECT_EQ(prices[1].values[0], 5.0);
  EXPECT_EQ(prices[2].unit, "USD/kgX");
  EXPECT_EQ(prices[2].values[0], 3.0);
}

}  // namespace
}  // namespace mineflow
