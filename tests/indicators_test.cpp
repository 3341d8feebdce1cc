// The six indicators, hand-computed from the numbers in the data files.

#include "graph/indicators.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "test_data.h"

namespace mineflow {
namespace {

using testing::bundled_mineral;
using testing::load_bundled;

class IndicatorsTest : public ::testing::Test {
 protected:
  std::vector<IndicatorValue> compute(const MineralData& data) {
    MineralGraph graph = build_mineral_graph(data, bundled.settings.graph);
    return compute_indicators(graph, data.prices, bundled.countries, bundled.thresholds,
                              bundled.settings.indicators);
  }
  static const IndicatorValue& get(const std::vector<IndicatorValue>& values, IndicatorId id) {
    for (const IndicatorValue& value : values) {
      if (value.id == id) return value;
    }
    throw std::logic_error("indicator missing");
  }

  void SetUp() override {
    // Hand computations below use the six-dimension mean; the PV default has its own test.
    bundled.settings.indicators.stability_measure = StabilityMeasure::wgi_mean6;
  }

  testing::BundledData bundled = load_bundled();
};

TEST_F(IndicatorsTest, RareEarthsByHand) {
  MineralData data = io::load_mineral(bundled_mineral("rare_earths"), bundled.countries);
  auto values = compute(data);
  // Reserves CHN 38, BRA 19, VNM 19, RUS 10, IND 6, OTH 8 -> OTH in 2 pieces of 4 (<= 6).
  const double reserves = 38 * 38 + 19 * 19 + 19 * 19 + 10 * 10 + 6 * 6 + 2 * 4 * 4;
  EXPECT_NEAR(*get(values, IndicatorId::reserve_concentration).value, reserves, 1e-9);
  EXPECT_TRUE(get(values, IndicatorId::reserve_concentration).lower_bound);
  // Production CHN 71, AUS 12, USA 9, RUS 2, IND 1, OTH 5 -> 5 pieces of 1.
  EXPECT_NEAR(*get(values, IndicatorId::production_concentration).value,
              71 * 71 + 12 * 12 + 9 * 9 + 2 * 2 + 1 * 1 + 5 * 1, 1e-9);
  EXPECT_EQ(get(values, IndicatorId::production_concentration).rating, Rating::high);
  // No concentrate imports: N/A, never 0.
  EXPECT_FALSE(get(values, IndicatorId::concentrate_import_stability).value.has_value());
  EXPECT_EQ(get(values, IndicatorId::concentrate_import_stability).rating, Rating::not_applicable);
  // Refined imports CHN 62, VNM 16, FRA 9, MYS 8, OTH 5 (one piece, w = 5.0), wgi_mean6 2022.
  const double refined = 0.62 * 0.62 * 5.6665 + 0.16 * 0.16 * 5.6732 + 0.09 * 0.09 * 2.9209 +
                         0.08 * 0.08 * 4.1378 + 0.05 * 0.05 * 5.0;
  EXPECT_NEAR(*get(values, IndicatorId::refined_import_stability).value, refined, 1e-9);
  EXPECT_EQ(get(values, IndicatorId::refined_import_stability).rating, Rating::high);
  // Secondary share, end_of_life (the default): METI's 0% for 2010, a Japan figure. 0 here is a
  // published figure, not a stand-in for unknown.
  const IndicatorValue& scrap = get(values, IndicatorId::scrap_recycling);
  ASSERT_TRUE(scrap.value.has_value());
  EXPECT_EQ(*scrap.value, 0.0);
  EXPECT_EQ(scrap.rating, Rating::high);
  EXPECT_EQ(scrap.quality, "japan");
  EXPECT_EQ(scrap.basis.rfind("end_of_life: ", 0), 0u) << scrap.basis;
}

TEST_F(IndicatorsTest, SecondaryDefinitionPicksTheFigureAndItsFlag) {
  MineralData data = io::load_mineral(bundled_mineral("copper"), bundled.countries);
  GraphOptions options = bundled.settings.graph;
  options.secondary_definition = SecondaryDefinition::recycled_content;
  MineralGraph graph = build_mineral_graph(data, options);
  auto values = compute_indicators(graph, data.prices, bundled.countries, bundled.thresholds,
                                   bundled.settings.indicators);
  const IndicatorValue& scrap = get(values, IndicatorId::scrap_recycling);
  ASSERT_TRUE(scrap.value.has_value());
  // Secondary edge = primary x s / (1 - s); secondary / demand gives s back.
  EXPECT_NEAR(*scrap.value, 0.36, 1e-12);
  EXPECT_EQ(scrap.rating, Rating::low);  // >= 0.30
  EXPECT_EQ(scrap.quality, "japan_derived");
}

TEST_F(IndicatorsTest, UnknownFigureIsNotApplicableNeverZero) {
  MineralData data = io::load_mineral(bundled_mineral("nickel"), bundled.countries);
  data.secondary.end_of_life->value.reset();  // as `value: unknown` in the file
  MineralGraph graph = build_mineral_graph(data, bundled.settings.graph);
  auto values = compute_indicators(graph, data.prices, bundled.countries, bundled.thresholds,
                                   bundled.settings.indicators);
  const IndicatorValue& scrap = get(values, IndicatorId::scrap_recycling);
  EXPECT_FALSE(scrap.value.has_value());
  EXPECT_EQ(scrap.rating, Rating::not_applicable);
  EXPECT_TRUE(scrap.quality.empty());
  EXPECT_EQ(scrap.basis, "end_of_life figure unknown for JPN");
}

TEST_F(IndicatorsTest, TungstenByHand) {
  MineralData data = io::load_mineral(bundled_mineral("tungsten"), bundled.countries);
  auto values = compute(data);
  // Production CHN 79, VNM 7, PRK 3, OTH 11 -> 4 pieces of 2.75.
  EXPECT_NEAR(*get(values, IndicatorId::production_concentration).value,
              79 * 79 + 7 * 7 + 3 * 3 + 4 * 2.75 * 2.75, 1e-9);
  // Refined imports print as 101%: shares are the flows over their sum (within tolerance).
  // CHN 71, KOR 14, AUT 7, IDN 3, DEU 3, OTH 3 (one piece).
  auto s = [](double pct) { return pct / 101.0; };
  const double refined = s(71) * s(71) * 5.6665 + s(14) * s(14) * 3.0541 + s(7) * s(7) * 2.4134 +
                         s(3) * s(3) * 5.0929 + s(3) * s(3) * 2.2707 + s(3) * s(3) * 5.0;
  EXPECT_NEAR(*get(values, IndicatorId::refined_import_stability).value, refined, 1e-9);
  EXPECT_FALSE(get(values, IndicatorId::concentrate_import_stability).value.has_value());
}

TEST_F(IndicatorsTest, FixtureWithEverySourceOfSupply) {
  MineralData data = io::load_mineral(std::string(MINEFLOW_TEST_DATA_DIR) + "/minimal_mineral.yaml",
                                      bundled.countries);
  auto values = compute(data);
  EXPECT_NEAR(*get(values, IndicatorId::reserve_concentration).value, 3800.0, 1e-9);
  EXPECT_NEAR(*get(values, IndicatorId::production_concentration).value, 5200.0, 1e-9);
  EXPECT_FALSE(get(values, IndicatorId::production_concentration).lower_bound);
  EXPECT_NEAR(*get(values, IndicatorId::concentrate_import_stability).value, 2.0162, 1e-12);
  EXPECT_NEAR(*get(values, IndicatorId::refined_import_stability).value,
              0.75 * 0.75 * 5.6665 + 0.25 * 0.25 * 3.0541, 1e-12);
  EXPECT_NEAR(*get(values, IndicatorId::scrap_recycling).value, 0.2, 1e-12);
  EXPECT_EQ(get(values, IndicatorId::scrap_recycling).rating, Rating::mid);
  EXPECT_FALSE(get(values, IndicatorId::price_volatility).value.has_value());
}

TEST_F(IndicatorsTest, NickelConcentrateWithTheDefaultPoliticalStabilityScore) {
  testing::BundledData defaults = load_bundled();
  ASSERT_EQ(defaults.settings.indicators.stability_measure, StabilityMeasure::wgi_pv);
  MineralData data = io::load_mineral(bundled_mineral("nickel"), defaults.countries);
  MineralGraph graph = build_mineral_graph(data, defaults.settings.graph);
  auto values = compute_indicators(graph, data.prices, defaults.countries, defaults.thresholds,
                                   defaults.settings.indicators);
  // IDN 43, NCL 26, PHL 22, AUS 6, FIN 3 with wgi_pv 2022 (NCL carries France's scores).
  const double expected = 0.43 * 0.43 * 5.8788 + 0.26 * 0.26 * 4.3310 + 0.22 * 0.22 * 6.4260 +
                          0.06 * 0.06 * 3.1329 + 0.03 * 0.03 * 3.2170;
  const IndicatorValue& value = get(values, IndicatorId::concentrate_import_stability);
  EXPECT_NEAR(*value.value, expected, 1e-9);
  EXPECT_EQ(value.rating, Rating::high);  // as the seed states
  EXPECT_NE(value.basis.find("wgi_pv 2022"), std::string::npos);
}

TEST_F(IndicatorsTest, OneBlockConventionIsTheUpperBound) {
  MineralData data = io::load_mineral(bundled_mineral("rare_earths"), bundled.countries);
  IndicatorSettings strict = bundled.settings.indicators;
  strict.other_convention = OtherConvention::one_block;
  MineralGraph graph = build_mineral_graph(data, bundled.settings.graph);
  auto values =
      compute_indicators(graph, data.prices, bundled.countries, bundled.thresholds, strict);
  EXPECT_NEAR(*get(values, IndicatorId::production_concentration).value,
              71 * 71 + 12 * 12 + 9 * 9 + 2 * 2 + 1 * 1 + 5 * 5, 1e-9);
  EXPECT_FALSE(get(values, IndicatorId::production_concentration).lower_bound);
}

TEST_F(IndicatorsTest, SecondaryProxyIsUsedOnlyOnRequest) {
  MineralData data = io::load_mineral(bundled_mineral("tungsten"), bundled.countries);
  GraphOptions options = bundled.settings.graph;
  options.use_secondary_proxy = true;
  // A known figure wins over the proxy.
  {
    MineralGraph graph = build_mineral_graph(data, options);
    EXPECT_FALSE(graph.basis.secondary_is_proxy);
    EXPECT_NEAR(*graph.basis.secondary_share, 0.05, 1e-12);
  }
  data.secondary.end_of_life->value.reset();
  MineralGraph graph = build_mineral_graph(data, options);
  auto values = compute_indicators(graph, data.prices, bundled.countries, bundled.thresholds,
                                   bundled.settings.indicators);
  const IndicatorValue& scrap = get(values, IndicatorId::scrap_recycling);
  ASSERT_TRUE(scrap.value.has_value());
  EXPECT_NEAR(*scrap.value, 0.42, 1e-12);  // EU EOL-RIR for tungsten
  EXPECT_NE(scrap.basis.find("proxy"), std::string::npos);
  EXPECT_EQ(scrap.quality, "world_proxy");
}

TEST_F(IndicatorsTest, WorldMiningDataChangesTheProductionBasis) {
  MineralData data = io::load_mineral(bundled_mineral("rare_earths"), bundled.countries);
  GraphOptions options = bundled.settings.graph;
  options.production_wmd_year = 2022;
  MineralGraph graph = build_mineral_graph(data, options);
  auto values = compute_indicators(graph, data.prices, bundled.countries, bundled.thresholds,
                                   bundled.settings.indicators);
  // WMD 2022 REO: no OTH; HHI from the tonnes of every producer.
  const Breakdown& wmd = production_dataset(data, 2022);
  double expected = 0.0;
  for (const CountryShare& share : wmd.shares) expected += share.share * share.share * 1e4;
  EXPECT_NEAR(*get(values, IndicatorId::production_concentration).value, expected, 1e-9);
  EXPECT_NE(get(values, IndicatorId::production_concentration).basis.find("2022"),
            std::string::npos);
}

// Data vintages (docs/data-sources.md, Vintages): the seed reproduces the strategy; latest is
// today's figures, checked here against hand computations from the files.
// The project's defaults (settings.yaml: wgi_pv), unlike IndicatorsTest's six-dimension mean.
class VintageTest : public IndicatorsTest {
 protected:
  void SetUp() override {}
  std::vector<IndicatorValue> indicators_of(const MineralData& data) { return compute(data); }
  const std::vector<std::string> minerals{"rare_earths", "lithium", "cobalt",
                                          "nickel",      "copper",  "tungsten"};
};

TEST_F(VintageTest, SeedReproducesTheStrategysHhisAnd13Of14Ratings) {
  // mineflow's HHIs of the strategy's figures (OTH split: lower bounds), as docs/indicators.md.
  const std::vector<double> reserve{2334.0, 3089.3, 2893.4, 1460.8, 1056.0, 3394.8};
  const std::vector<double> production{5276.0, 3726.0, 4463.1, 1784.0, 1294.3, 6329.3};
  int stated = 0;
  int agree = 0;
  for (std::size_t i = 0; i < minerals.size(); ++i) {
    MineralData data =
        io::load_mineral(bundled_mineral(minerals[i]), bundled.countries, DataVintage::seed);
    EXPECT_EQ(data.vintage, DataVintage::seed);
    EXPECT_TRUE(data.latest_blocks.empty());
    auto values = indicators_of(data);
    EXPECT_NEAR(*get(values, IndicatorId::reserve_concentration).value, reserve[i], 0.05)
        << minerals[i];
    EXPECT_NEAR(*get(values, IndicatorId::production_concentration).value, production[i], 0.05)
        << minerals[i];
    for (const auto& [indicator, rating] : data.seed_ratings) {
      ++stated;
      const IndicatorValue& value = get(values, *parse_indicator(indicator));
      if (std::string(to_string(value.rating)) == rating) {
        ++agree;
      } else {
        EXPECT_EQ(minerals[i] + "." + indicator, "rare_earths.reserve_concentration");
      }
    }
  }
  EXPECT_EQ(stated, 14);
  EXPECT_EQ(agree, 13);
}

TEST_F(VintageTest, LoaderDefaultIsSeedAndAFileWithoutLatestFiguresFallsBack) {
  MineralData seed = io::load_mineral(bundled_mineral("nickel"), bundled.countries);
  EXPECT_EQ(seed.vintage, DataVintage::seed);
  EXPECT_EQ(seed.mine_production.total_t, 2593000.0);
  MineralData minimal =
      io::load_mineral(std::string(MINEFLOW_TEST_DATA_DIR) + "/minimal_mineral.yaml",
                       bundled.countries, DataVintage::latest);
  EXPECT_EQ(minimal.vintage, DataVintage::seed);
  EXPECT_TRUE(minimal.latest_blocks.empty());
  EXPECT_EQ(parse_vintage("latest"), DataVintage::latest);
  EXPECT_EQ(parse_vintage("newest"), std::nullopt);
}

// A simulation reads the latest blocks except an import block of partial scope (one product of
// its stage), where the seed's stands; the indicators read every latest block.
TEST_F(VintageTest, SimulationKeepsTheSeedImportBlockWhereTheLatestIsPartial) {
  for (const char* mineral : {"cobalt", "nickel", "tungsten", "lithium", "rare_earths", "copper"}) {
    MineralData seed =
        io::load_mineral(bundled_mineral(mineral), bundled.countries, DataVintage::seed);
    MineralData latest =
        io::load_mineral(bundled_mineral(mineral), bundled.countries, DataVintage::latest);
    MineralData simulated = io::load_mineral_for_simulation(bundled_mineral(mineral),
                                                            bundled.countries, DataVintage::latest);
    ASSERT_TRUE(latest.refined_imports && simulated.refined_imports) << mineral;
    EXPECT_TRUE(latest.seed_blocks_kept.empty());
    EXPECT_EQ(simulated.vintage, DataVintage::latest);
    EXPECT_EQ(simulated.reserves.total_t, latest.reserves.total_t) << mineral;
    const bool partial = latest.refined_imports->partial_scope;
    EXPECT_EQ(partial, std::string(mineral) == "cobalt" || std::string(mineral) == "nickel" ||
                           std::string(mineral) == "tungsten")
        << mineral;
    const Breakdown& expected = partial ? *seed.refined_imports : *latest.refined_imports;
    EXPECT_EQ(simulated.refined_imports->total_t, expected.total_t) << mineral;
    EXPECT_EQ(simulated.refined_imports->source, expected.source) << mineral;
    EXPECT_EQ(seed_blocks_text(simulated), partial ? "imports.refined" : "") << mineral;
    const bool listed = std::find(simulated.latest_blocks.begin(), simulated.latest_blocks.end(),
                                  "imports.refined") != simulated.latest_blocks.end();
    EXPECT_EQ(listed, !partial) << mineral;
  }
  // On seed nothing is kept or replaced.
  MineralData seed = io::load_mineral_for_simulation(bundled_mineral("cobalt"), bundled.countries,
                                                     DataVintage::seed);
  EXPECT_TRUE(seed.seed_blocks_kept.empty());
  EXPECT_EQ(seed.vintage, DataVintage::seed);
}

TEST_F(VintageTest, LatestNickelProductionHhiByHand) {
  MineralData data =
      io::load_mineral(bundled_mineral("nickel"), bundled.countries, DataVintage::latest);
  ASSERT_EQ(data.vintage, DataVintage::latest);
  // USGS MCS 2024, mine production 2023, t Ni (scenarios/minerals/nickel.yaml, vintages.latest).
  const std::vector<double> named{17000,   160000, 89000,  180000, 110000,
                                  1800000, 230000, 400000, 200000};
  const double other = 380000;
  double total = other;
  for (double t : named) total += t;
  EXPECT_EQ(total, 3566000.0);
  // OTH split into equal pieces no larger than the smallest named producer (USA, 17,000 t): 23.
  const int pieces = 23;
  double expected = pieces * (other / pieces / total) * (other / pieces / total) * 1e4;
  for (double t : named) expected += (t / total) * (t / total) * 1e4;
  auto values = indicators_of(data);
  const IndicatorValue& hhi = get(values, IndicatorId::production_concentration);
  EXPECT_NEAR(*hhi.value, expected, 1e-9);
  EXPECT_NEAR(*hhi.value, 2813.3, 0.05);
  EXPECT_EQ(hhi.rating, Rating::high);  // Indonesia mined half the world's nickel in 2023
  EXPECT_NE(hhi.basis.find("mine_production 2023"), std::string::npos) << hhi.basis;
  EXPECT_NE(hhi.basis.find("USGS Mineral Commodity Summaries 2024"), std::string::npos);
}

TEST_F(VintageTest, LatestTungstenRefinedImportsAreAllChina) {
  MineralData data =
      io::load_mineral(bundled_mineral("tungsten"), bundled.countries, DataVintage::latest);
  // UN Comtrade 2024, HS 810194: 689.4 t, all from China; GBR's 0 t folded into OTH (0 t).
  auto values = indicators_of(data);
  const IndicatorValue& refined = get(values, IndicatorId::refined_import_stability);
  EXPECT_NEAR(*refined.value, 5.8821, 5e-5);  // w(CHN) = wgi_pv 2022, (2.5 - PV) x 2
  EXPECT_EQ(refined.rating, Rating::high);
  EXPECT_NE(refined.basis.find("imports.refined 2024"), std::string::npos) << refined.basis;
}

TEST_F(VintageTest, LatestCitesAYearFrom2022InEveryBasisAndOnePriceWindow) {
  for (const std::string& mineral : minerals) {
    MineralData data =
        io::load_mineral(bundled_mineral(mineral), bundled.countries, DataVintage::latest);
    ASSERT_EQ(data.vintage, DataVintage::latest) << mineral;
    EXPECT_GE(data.reserves.year, 2022) << mineral;
    EXPECT_GE(data.mine_production.year, 2022) << mineral;
    ASSERT_TRUE(data.refined_imports.has_value()) << mineral;
    EXPECT_GE(data.refined_imports->year, 2022) << mineral;
    auto values = indicators_of(data);
    for (IndicatorId id :
         {IndicatorId::reserve_concentration, IndicatorId::production_concentration,
          IndicatorId::refined_import_stability}) {
      const std::string& basis = get(values, id).basis;
      EXPECT_EQ(basis.find("year not stated"), std::string::npos) << mineral << ": " << basis;
      EXPECT_EQ(basis.find("METI"), std::string::npos) << mineral << ": " << basis;
    }
    int primaries = 0;
    for (const PriceSeries& series : data.prices) {
      if (!series.primary) continue;
      ++primaries;
      EXPECT_EQ(series.id, "usgs_mcs_annual") << mineral;
      auto result = price_volatility(series, bundled.settings.indicators.volatility_measure,
                                     bundled.settings.indicators.volatility_window_years,
                                     bundled.settings.indicators.volatility_min_years);
      ASSERT_TRUE(result.has_value()) << mineral;
      EXPECT_EQ(result->first_year, 2018) << mineral;
      EXPECT_EQ(result->last_year, 2022) << mineral;
    }
    EXPECT_EQ(primaries, 1) << mineral;
  }
}

TEST(Rating, BandsAndDirections) {
  RatingBand rising{true, 1500, 2500, ""};
  EXPECT_EQ(rate(rising, 1499.9), Rating::low);
  EXPECT_EQ(rate(rising, 1500.0), Rating::mid);
  EXPECT_EQ(rate(rising, 2500.0), Rating::mid);
  EXPECT_EQ(rate(rising, 2500.1), Rating::high);
  EXPECT_EQ(rate(rising, std::nullopt), Rating::not_applicable);
  RatingBand falling{false, 0.30, 0.10, ""};
  EXPECT_EQ(rate(falling, 0.30), Rating::low);
  EXPECT_EQ(rate(falling, 0.2), Rating::mid);
  EXPECT_EQ(rate(falling, 0.099), Rating::high);
}

}  // namespace
}  // namespace mineflow
