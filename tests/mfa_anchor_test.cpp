// Each bundled stock-flow model reproduces Japan's secondary share, as the mineral file gives it,
// in its base year within 0.01; each policy variant agrees with its base model until the policy
// starts and raises the share after it (docs/stock-flow.md, "Base-year anchors").

#include <cmath>
#include <string>

#include <gtest/gtest.h>

#include "graph/secondary_share.h"
#include "sim/stock_flow/stock_flow_model.h"
#include "tests/test_data.h"
#include "tools/io/mfa_loader.h"

namespace mineflow {
namespace {

constexpr double kAnchorTolerance = 0.01;  // absolute, on a share of demand 0..1

struct Anchor {
  const char* mineral;  // scenarios/minerals/<id>.yaml and scenarios/mfa/<id>.yaml
  int base_year;
  SecondaryDefinition definition;
};

// Definition: end_of_life where Japan's own end-of-life figure exists (the model recycles
// end-of-life products); otherwise the better-flagged figure (docs/stock-flow.md says why).
const Anchor kAnchors[] = {
    {"rare_earths", 2010, SecondaryDefinition::end_of_life},
    {"lithium", 2024, SecondaryDefinition::end_of_life},
    {"cobalt", 2010, SecondaryDefinition::end_of_life},
    {"nickel", 2005, SecondaryDefinition::recycled_content},
    {"copper", 2019, SecondaryDefinition::end_of_life},
    {"tungsten", 2019, SecondaryDefinition::recycled_content},
    {"graphite", 2024, SecondaryDefinition::end_of_life},  // a world proxy, the only figure
};

std::string mfa_file(const std::string& name) {
  return std::string(MINEFLOW_SCENARIOS_DIR) + "/mfa/" + name + ".yaml";
}

class MfaAnchor : public ::testing::TestWithParam<Anchor> {};

TEST_P(MfaAnchor, BaseYearShareMatchesTheMineralFileFigure) {
  const Anchor& anchor = GetParam();
  auto bundled = testing::load_bundled();
  MineralData data = io::load_mineral(testing::bundled_mineral(anchor.mineral), bundled.countries);
  const auto& figure = anchor.definition == SecondaryDefinition::end_of_life
                           ? data.secondary.end_of_life
                           : data.secondary.recycled_content;
  ASSERT_TRUE(figure && figure->value) << anchor.mineral;
  auto base = stock_flow::run_stock_flow_model(io::load_mfa_model(mfa_file(anchor.mineral)));
  double model_share = stock_flow::secondary_share_in_year(base, anchor.base_year);
  EXPECT_NEAR(model_share, *figure->value, kAnchorTolerance) << anchor.mineral;

  auto policy = stock_flow::run_stock_flow_model(
      io::load_mfa_model(mfa_file(std::string(anchor.mineral) + "_policy")));
  // Same until the policy starts (2025), higher once its levers (collection, scrap exports) act.
  EXPECT_DOUBLE_EQ(stock_flow::secondary_share_in_year(policy, anchor.base_year), model_share);
  EXPECT_GT(stock_flow::secondary_share_in_year(policy, 2035),
            stock_flow::secondary_share_in_year(base, 2035) + 0.02)
      << anchor.mineral;
}

INSTANTIATE_TEST_SUITE_P(Bundled, MfaAnchor, ::testing::ValuesIn(kAnchors),
                         [](const ::testing::TestParamInfo<Anchor>& param) {
                           return std::string(param.param.mineral);
                         });

}  // namespace
}  // namespace mineflow
