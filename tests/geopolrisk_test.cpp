// GeoPolRisk arithmetic on a hand-computed three-partner example, and the method on the test
// fixture through the loader (docs/indicators.md, "GeoPolRisk").

#include <stdexcept>

#include <gtest/gtest.h>

#include "graph/geopolrisk.h"
#include "tests/test_data.h"

namespace mineflow {
namespace {

double g_from_pv(double pv) {  // via the 0..10 score countries.yaml stores, (2.5 - PV) x 2
  return instability_0to1_from_pv_score((2.5 - pv) * 2.0);
}

TEST(GeoPolRisk, ThreePartnersByHand) {
  // g = (2.5 - PV) / 5: PV -1.0 -> 0.7, PV 0.5 -> 0.4, PV 1.5 -> 0.2.
  EXPECT_DOUBLE_EQ(g_from_pv(-1.0), 0.7);
  EXPECT_DOUBLE_EQ(g_from_pv(0.5), 0.4);
  EXPECT_DOUBLE_EQ(g_from_pv(1.5), 0.2);
  std::vector<GeoPolRiskPartner> partners{{"AAA", 100.0, g_from_pv(-1.0)},
                                          {"BBB", 50.0, g_from_pv(0.5)},
                                          {"CCC", 50.0, g_from_pv(1.5)}};
  // Production shares 0.5, 0.3, 0.2: HHI = 0.25 + 0.09 + 0.04 = 0.38.
  const double hhi = 0.5 * 0.5 + 0.3 * 0.3 + 0.2 * 0.2;
  // Domestic production 50 t: import risk = (70 + 20 + 10) / (200 + 50) = 0.4; score = 0.152.
  GeoPolRiskTerms terms = geopolrisk_terms(partners, 50.0, hhi);
  EXPECT_NEAR(terms.import_risk, 0.4, 1e-15);
  EXPECT_NEAR(terms.production_hhi_0to1, 0.38, 1e-15);
  EXPECT_NEAR(terms.score, 0.152, 1e-15);
  // Without domestic production the same imports carry more risk: 100 / 200.
  EXPECT_NEAR(geopolrisk_terms(partners, 0.0, hhi).import_risk, 0.5, 1e-15);
  EXPECT_THROW(geopolrisk_terms({}, 0.0, hhi), std::invalid_argument);
}

TEST(GeoPolRisk, FixtureMineralThroughTheLoader) {
  auto bundled = testing::load_bundled();
  MineralData data = io::load_mineral(std::string(MINEFLOW_TEST_DATA_DIR) + "/minimal_mineral.yaml",
                                      bundled.countries);
  IndicatorSettings settings = bundled.settings.indicators;
  auto values = compute_geopolrisk(data, bundled.countries, settings, std::nullopt);
  ASSERT_EQ(values.size(), 2u);
  // Refined imports 60 t: CHN 45 t, KOR 15 t; no domestic production given (upper bound).
  const GeoPolRiskValue& refined = values[1];
  ASSERT_TRUE(refined.terms.has_value());
  const double g_chn = *bundled.countries.score("CHN", StabilityMeasure::wgi_pv, 2022) / 10.0;
  const double g_kor = *bundled.countries.score("KOR", StabilityMeasure::wgi_pv, 2022) / 10.0;
  EXPECT_NEAR(refined.terms->import_risk, (45.0 * g_chn + 15.0 * g_kor) / 60.0, 1e-12);
  // Mine production CHN 60, AUS 40: HHI 0.52.
  EXPECT_NEAR(refined.terms->production_hhi_0to1, 0.52, 1e-12);
  EXPECT_NEAR(refined.terms->score, 0.52 * refined.terms->import_risk, 1e-12);
  EXPECT_FALSE(refined.domestic_production_known);
  EXPECT_NE(refined.basis.find("WGI PV 2022"), std::string::npos) << refined.basis;
  EXPECT_NE(refined.basis.find("trade imports.refined 2020"), std::string::npos) << refined.basis;
}

}  // namespace
}  // namespace mineflow
