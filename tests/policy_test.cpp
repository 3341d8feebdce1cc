// Policies on the graph (before/after view), the background-risk hazard mapping and the run
// plan's common-random-number variants, on the bundled data.

#include <gtest/gtest.h>

#include <cmath>

#include "sim/apply_policies.h"
#include "sim/background_risk.h"
#include "sim/run_plan.h"
#include "tests/cli_runner.h"
#include "tools/io/data_loaders.h"

namespace mineflow {
namespace {

struct Bundled {
  CountryTable countries;
  MineralData data;
  MineralGraph graph;
  io::Settings settings;
};

Bundled load(const std::string& mineral) {
  std::string dir = testing::scenarios_dir();
  Bundled b;
  b.settings = io::load_settings(dir + "/settings.yaml");
  b.countries = io::load_countries(dir + "/countries.yaml");
  b.data = io::load_mineral(dir + "/minerals/" + mineral + ".yaml", b.countries);
  b.graph = build_mineral_graph(b.data, b.settings.graph);
  return b;
}

double class_total(const MineralGraph& g, FlowKind kind, const std::string& country = "") {
  double total = 0.0;
  for (EdgeId id : g.graph.edges_of_kind(kind)) {
    const Edge& e = g.graph.edge_at(id);
    if (country.empty() || g.graph.node_at(e.from).country == country) total += e.flow_t_per_yr;
  }
  return total;
}

TEST(Policies, DiversificationMovesSharesAndKeepsTheTotal) {
  Bundled b = load("rare_earths");
  PolicySet policy;
  policy.diversification.push_back({"AUS", ImportClass::refined, 0.2});
  MineralGraph after = apply_policies(b.graph, policy);
  double before_total = class_total(b.graph, FlowKind::refined_import);
  EXPECT_NEAR(class_total(after, FlowKind::refined_import), before_total, 1e-6);
  EXPECT_NEAR(class_total(after, FlowKind::refined_import, "AUS"), 0.2 * before_total, 1e-6);
  EXPECT_NEAR(class_total(after, FlowKind::refined_import, "CHN"),
              0.8 * class_total(b.graph, FlowKind::refined_import, "CHN"), 1e-6);
}

TEST(Policies, RecyclingSetsTheSecondaryShareAndSubstitutionScalesDemand) {
  Bundled b = load("tungsten");
  PolicySet policy;
  policy.recycling_share = 0.25;
  policy.substitution_cut = 0.1;
  MineralGraph after = apply_policies(b.graph, policy);
  double demand_before = b.graph.graph.inflow_t_per_yr(b.graph.demand);
  double demand_after = after.graph.inflow_t_per_yr(after.demand);
  EXPECT_NEAR(demand_after, 0.9 * demand_before, 1e-6);
  EXPECT_NEAR(class_total(after, FlowKind::secondary) / demand_after, 0.25, 1e-12);
  ASSERT_TRUE(after.basis.secondary_share.has_value());
}

TEST(BackgroundRisk, HazardDoublesEveryTwoPoints) {
  BackgroundRisk risk;
  EXPECT_DOUBLE_EQ(background_hazard_per_year(5.0, risk), 0.1);
  EXPECT_DOUBLE_EQ(background_hazard_per_year(7.0, risk), 0.2);
  EXPECT_DOUBLE_EQ(background_hazard_per_year(1.0, risk), 0.025);
}

TEST(BackgroundRisk, OneExportsEventPerSupplierIncludingPolicyCountries) {
  Bundled b = load("cobalt");
  PolicySet policy;
  policy.diversification.push_back({"AUS", ImportClass::refined, 0.1});
  std::vector<EventSpec> events = background_events(
      b.graph, {policy}, b.countries, StabilityMeasure::wgi_mean6, 2022, BackgroundRisk{});
  std::vector<std::string> countries;
  for (const EventSpec& e : events) {
    ASSERT_EQ(e.targets.size(), 1u);
    EXPECT_EQ(e.targets[0].kind, EventTarget::Kind::exports_of);
    countries.push_back(e.targets[0].country);
  }
  EXPECT_EQ(countries, (std::vector<std::string>{"AUS", "CAN", "CHN", "FIN", "NOR", "OTH", "ZMB"}));
  double fin = *b.countries.score("FIN", StabilityMeasure::wgi_mean6, 2022);
  EXPECT_DOUBLE_EQ(*events[3].hazard_per_year, 0.1 * std::exp2((fin - 5.0) / 2.0));
  EXPECT_DOUBLE_EQ(*events[5].hazard_per_year, 0.1 * std::exp2((5.09 - 5.0) / 2.0));
}

TEST(RunPlan, PoliciesShareModelsAndIdenticalVariants) {
  Bundled b = load("nickel");
  // Without a recycling share, "none" equals the no-stockpile-no-recycling reference.
  b.data.secondary = SecondaryShare{};
  b.graph = build_mineral_graph(b.data, b.settings.graph);
  Scenario scenario;
  scenario.file = "test";
  PolicySet none;
  none.name = "none_here";
  PolicySet stock;
  stock.name = "stock";
  stock.stockpile_days = 60;
  stock.release_rate_of_demand = 0.5;
  PolicySet diversify = stock;
  diversify.name = "diversify";
  diversify.diversification.push_back({"AUS", ImportClass::concentrate, 0.2});
  scenario.policies = {none, stock, diversify};
  RunPlan plan =
      make_run_plan(scenario, b.graph, b.data.prices, b.countries, b.settings.indicators, {});
  ASSERT_EQ(plan.policies.size(), 3u);
  EXPECT_EQ(plan.policies[0].model, plan.policies[1].model);
  EXPECT_NE(plan.policies[1].model, plan.policies[2].model);
  // none == stock's reference; stock; diversify and its reference.
  EXPECT_EQ(plan.variants.size(), 4u);
  EXPECT_EQ(plan.policies[0].variant, plan.policies[1].reference);
  EXPECT_EQ(plan.policies[0].variant, plan.policies[0].reference);
  EXPECT_THROW(make_run_plan(scenario, b.graph, b.data.prices, b.countries, b.settings.indicators,
                             {"missing"}),
               InputError);
  PriceBasis price = price_basis(b.data.prices, 10);
  EXPECT_GT(price.baseline_price, 0.0);
  EXPECT_GT(price.volatility_per_sqrt_year, 0.0);
}

}  // namespace
}  // namespace mineflow
