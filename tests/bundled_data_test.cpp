// Every bundled data file loads and passes validation, and says where its numbers come from.

#include <filesystem>

#include <gtest/gtest.h>

#include "graph/validate.h"
#include "test_data.h"

namespace mineflow {
namespace {

TEST(BundledData, EveryMineralLoadsAndValidates) {
  auto bundled = testing::load_bundled();
  int count = 0;
  for (const auto& entry :
       std::filesystem::directory_iterator(std::string(MINEFLOW_SCENARIOS_DIR) + "/minerals")) {
    SCOPED_TRACE(entry.path().string());
    MineralData data = io::load_mineral(entry.path().string(), bundled.countries);
    EXPECT_FALSE(data.reserves.source.empty());
    EXPECT_FALSE(data.mine_production.source.empty());
    ASSERT_TRUE(data.refined_imports.has_value());
    EXPECT_FALSE(data.refined_imports->source.empty());
    EXPECT_FALSE(data.prices.empty());
    // World Mining Data 2018..2022 for comparing concentration over time: the six and graphite
    // (the reference data hold no World Mining Data file for gallium, germanium, antimony).
    const std::string stem = entry.path().stem().string();
    if (stem == "gallium" || stem == "germanium" || stem == "antimony") {
      EXPECT_TRUE(data.mine_production_wmd.empty());
      EXPECT_NO_THROW(validate_graph(build_mineral_graph(data, GraphOptions{}).graph, data.file));
      ++count;
      continue;
    }
    ASSERT_EQ(data.mine_production_wmd.size(), 5u);
    EXPECT_EQ(data.mine_production_wmd.front().year, 2018);
    EXPECT_EQ(data.mine_production_wmd.back().year, 2022);
    for (int year = 2018; year <= 2022; ++year) {
      MineralGraph graph = build_mineral_graph(data, GraphOptions{year, false});
      EXPECT_NO_THROW(validate_graph(graph.graph, data.file));
    }
    ++count;
  }
  EXPECT_EQ(count, 10);  // the strategy's six and the four under export control (issue 26)
}

TEST(BundledData, SeedConcentrateImportsExistOnlyForNickelAndCopper) {
  auto bundled = testing::load_bundled();
  for (const char* id : {"rare_earths", "lithium", "cobalt", "tungsten"}) {
    EXPECT_FALSE(io::load_mineral(testing::bundled_mineral(id), bundled.countries)
                     .concentrate_imports.has_value())
        << id;
  }
  for (const char* id : {"nickel", "copper"}) {
    EXPECT_TRUE(io::load_mineral(testing::bundled_mineral(id), bundled.countries)
                    .concentrate_imports.has_value())
        << id;
  }
}

TEST(BundledData, CountriesHaveBothScoresForEveryWgiEconomy) {
  auto bundled = testing::load_bundled();
  EXPECT_GE(bundled.countries.all().size(), 97u);
  EXPECT_FALSE(bundled.countries.source.empty());
  const Country* china = bundled.countries.find("CHN");
  ASSERT_NE(china, nullptr);
  EXPECT_EQ(china->wgi_mean6_0to10.size(), 5u);
  EXPECT_EQ(china->wgi_pv_0to10.size(), 5u);
  EXPECT_NEAR(*bundled.countries.score("CHN", StabilityMeasure::wgi_mean6, 2018), 5.6546, 1e-12);
  EXPECT_NEAR(*bundled.countries.score("CHN", StabilityMeasure::wgi_pv, 2018), 5.5973, 1e-12);
  EXPECT_FALSE(bundled.countries.contains("OTH"));
}

TEST(BundledData, ThresholdsAndSettingsCarryTheirOrigins) {
  auto bundled = testing::load_bundled();
  for (const RatingBand* band :
       {&bundled.thresholds.concentration_hhi, &bundled.thresholds.import_stability,
        &bundled.thresholds.price_volatility, &bundled.thresholds.scrap_recycling}) {
    EXPECT_FALSE(band->origin.empty());
  }
  EXPECT_DOUBLE_EQ(bundled.thresholds.concentration_hhi.low_limit, 1500.0);
  EXPECT_DOUBLE_EQ(bundled.thresholds.concentration_hhi.high_limit, 2500.0);
  EXPECT_EQ(bundled.settings.indicators.stability_measure, StabilityMeasure::wgi_pv);
  EXPECT_EQ(bundled.settings.indicators.other_convention, OtherConvention::split_equal);
}

}  // namespace
}  // namespace mineflow
