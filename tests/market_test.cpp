// The clearing market (docs/market.md) on the toy network of tests/data/network_*.yaml, against
// hand calculations: a world loss is priced out up to the share the price cap can clear, the
// rest is physical for every buyer; a restriction aimed at the focal economy alone stays
// physical; a ramp that crosses the cap's kink integrates exactly; rationing is untouched.

#include <cmath>
#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

#include "cli_runner.h"
#include "graph/build_graph.h"
#include "sim/run_plan.h"
#include "sim/sweep/criticality.h"
#include "sim/trial.h"
#include "tools/io/data_loaders.h"

namespace mineflow {
namespace {

constexpr double kDays = 365.0;
constexpr double kPrimaryTPerDay = 20.0 / kDays;  // the toy's refined imports, CHN 10 + FIN 10
// What the price can clear: demand falls to cap^-e at the 5x cap with elasticity 0.3.
const double kClearable = 1.0 - std::pow(5.0, -0.3);

MineralGraph toy_graph() {
  CountryTable countries = io::load_countries(testing::scenarios_dir() + "/countries.yaml");
  MineralData data =
      io::load_mineral(testing::test_data_dir() + "/network_mineral.yaml", countries);
  return build_mineral_graph(data, GraphOptions{});
}

EventTarget refiner_node(const std::string& country) {
  EventTarget target;
  target.kind = EventTarget::Kind::node;
  target.country = country;
  target.stage = Stage::refine;
  return target;
}

// One event from day 0: `duration` days at `severity`, then, when `recovery_days` > 0, a linear
// recovery to nothing over that many days.
EventSpec outage(const EventTarget& target, double severity, double duration,
                 double recovery_days = 0.0) {
  EventSpec spec;
  spec.id = "outage";
  spec.start_day = 0.0;
  spec.duration_days = {Distribution::Kind::fixed, duration, 0.0, 0.0};
  spec.severity = {Distribution::Kind::fixed, severity, 0.0, 0.0};
  if (recovery_days > 0.0) {
    spec.recovery.kind = RecoveryShape::Kind::linear;
    spec.recovery.recovery_days = {Distribution::Kind::fixed, recovery_days, 0.0, 0.0};
  }
  spec.targets.push_back(target);
  return spec;
}

// One trial of the toy with `event` and no stocks, under `market`.
TrialMetrics one_trial(const EventSpec& event, MarketModel market) {
  static const MineralGraph graph = toy_graph();
  Scenario scenario;
  scenario.id = "toy";
  scenario.horizon_days = kDays;
  scenario.trials = 1;
  scenario.market = market;
  scenario.events.push_back(event);
  RunPlan plan = make_run_plan(scenario, graph, {}, CountryTable{}, IndicatorSettings{}, {});
  TrialScratch scratch;
  std::vector<TrialMetrics> out(1);
  run_trial(plan.scenario.events, kDays, {&plan.variants.front(), 1}, 1, 0, scratch, out);
  return out.front();
}

double metric(const TrialMetrics& m, Metric which) {
  return m[index(which)];
}

TEST(ClearingMarket, AWorldLossTheCapCanClearIsPricedOutNotShort) {
  // CHN's refinery (70 of the world's 100 t/yr) at half output for 100 days: the world loses
  // 0.35, below what the cap clears, so the focal economy buys 0.65 of its demand at the price
  // and gives up 0.35: nothing is physically short.
  TrialMetrics m = one_trial(outage(refiner_node("CHN"), 0.5, 100.0), MarketModel::clearing);
  EXPECT_EQ(metric(m, Metric::unmet_t), 0.0);
  EXPECT_EQ(metric(m, Metric::days_short), 0.0);
  EXPECT_NEAR(metric(m, Metric::priced_out_t), 0.35 * kPrimaryTPerDay * 100.0, 1e-12);
  EXPECT_EQ(metric(m, Metric::not_served_t), metric(m, Metric::priced_out_t));
  EXPECT_NEAR(metric(m, Metric::priced_out_pct_annual_demand), 100.0 * 0.35 * 100.0 / kDays, 1e-9);
  // The price is the scarcity price (1 - 0.35)^(-1/0.3), as under rationing.
  EXPECT_NEAR(metric(m, Metric::peak_price_multiple), std::pow(0.65, -1.0 / 0.3), 1e-12);

  // Rationing: the focal economy's stream from CHN (10 t/yr) loses half, physically.
  TrialMetrics r = one_trial(outage(refiner_node("CHN"), 0.5, 100.0), MarketModel::rationing);
  EXPECT_NEAR(metric(r, Metric::unmet_t), 0.5 * 10.0 / kDays * 100.0, 1e-12);
  EXPECT_EQ(metric(r, Metric::priced_out_t), 0.0);
  EXPECT_EQ(metric(r, Metric::not_served_t), metric(r, Metric::unmet_t));
}

TEST(ClearingMarket, BeyondWhatTheCapClearsEveryBuyerIsShortProRata) {
  // CHN's refinery out for 100 days: the world loses 0.7; the price stops at its cap, which
  // prices out 1 - 5^-0.3 = 0.383 of demand, and the remaining 0.317 is physically missing.
  TrialMetrics m = one_trial(outage(refiner_node("CHN"), 1.0, 100.0), MarketModel::clearing);
  EXPECT_NEAR(metric(m, Metric::unmet_t), (0.7 - kClearable) * kPrimaryTPerDay * 100.0, 1e-12);
  EXPECT_NEAR(metric(m, Metric::days_short), 100.0, 1e-9);
  EXPECT_NEAR(metric(m, Metric::priced_out_t), kClearable * kPrimaryTPerDay * 100.0, 1e-12);
  EXPECT_NEAR(metric(m, Metric::not_served_t), 0.7 * kPrimaryTPerDay * 100.0, 1e-12);
  EXPECT_EQ(metric(m, Metric::peak_price_multiple), 5.0);
}

TEST(ClearingMarket, ARestrictionOnTheFocalEconomyAloneStaysPhysical) {
  // CHN stops its refined exports to JPN only: the world price does not move (the volume goes
  // to other buyers), and the focal economy loses its 10 t/yr stream from CHN, as under
  // rationing.
  EventTarget ban;
  ban.kind = EventTarget::Kind::exports_of;
  ban.country = "CHN";
  ban.export_stage = Stage::refine;
  ban.to_destinations = {"JPN"};
  for (MarketModel market : {MarketModel::clearing, MarketModel::rationing}) {
    TrialMetrics m = one_trial(outage(ban, 1.0, 100.0), market);
    EXPECT_NEAR(metric(m, Metric::unmet_t), 10.0 / kDays * 100.0, 1e-12);
    EXPECT_EQ(metric(m, Metric::priced_out_t), 0.0);
    EXPECT_EQ(metric(m, Metric::peak_price_multiple), 1.0);
  }
}

TEST(ClearingMarket, ARecoveryAcrossTheCapsKinkIntegratesExactly) {
  // CHN's refinery out for 10 days, then recovering linearly over 100: the world loss falls
  // from 0.7 to 0 and crosses the clearable share c after L = 100 (1 - c / 0.7) days. Unmet:
  // (0.7 - c) x 10 + (0.7 - c) L / 2; priced out: c (10 + L) + c (100 - L) / 2 (day-t/day).
  const double c = kClearable;
  const double kink = 100.0 * (1.0 - c / 0.7);
  TrialMetrics m = one_trial(outage(refiner_node("CHN"), 1.0, 10.0, 100.0), MarketModel::clearing);
  const double unmet_days = (0.7 - c) * 10.0 + (0.7 - c) * kink / 2.0;
  const double priced_days = c * (10.0 + kink) + c * (100.0 - kink) / 2.0;
  EXPECT_NEAR(metric(m, Metric::unmet_t) / (unmet_days * kPrimaryTPerDay), 1.0, 1e-9);
  EXPECT_NEAR(metric(m, Metric::priced_out_t) / (priced_days * kPrimaryTPerDay), 1.0, 1e-9);
  EXPECT_NEAR(metric(m, Metric::days_short), 10.0 + kink, 1e-9);
  // Everything the world lost, 0.7 x (10 + 100 / 2), is either short or priced out.
  EXPECT_NEAR(metric(m, Metric::not_served_t) / (0.7 * 60.0 * kPrimaryTPerDay), 1.0, 1e-9);
}

TEST(ClearingMarket, CriticalityRanksTheLargestRefinerFirst) {
  // Under rationing CHN and FIN each cost the focal economy its 10 t/yr stream; cleared, CHN
  // takes 0.7 of the world's refined supply and FIN 0.3, and every buyer feels both.
  static const MineralGraph graph = toy_graph();
  Scenario scenario;
  scenario.id = "toy";
  scenario.horizon_days = kDays;
  scenario.trials = 1;
  scenario.market = MarketModel::clearing;
  RunPlan plan = make_run_plan(scenario, graph, {}, CountryTable{}, IndicatorSettings{}, {});
  MonteCarloOptions mc;
  mc.trials = 1;
  CriticalityResult result = rank_nodes(plan, mc, CriticalityOptions{});
  ASSERT_FALSE(result.nodes.empty());
  EXPECT_TRUE(result.clearing);
  EXPECT_EQ(result.nodes.front().country, "CHN");
  EXPECT_EQ(result.nodes.front().stage, Stage::refine);
  EXPECT_NEAR(result.nodes.front().expected_unmet_t, 0.7 * kPrimaryTPerDay * 90.0, 1e-12);
}

TEST(ClearingMarket, AScenarioSaysWhichMarketAndABadOneIsOneLocatedLine) {
  const std::string scenario = testing::scenarios_dir() + "/disruptions/cobalt_background.yaml";
  auto bad = testing::run_cli({"run", scenario, "--trials", "10", "--market", "auction"});
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("--market"), std::string::npos) << bad.err;
  EXPECT_NE(bad.err.find("clearing or rationing"), std::string::npos) << bad.err;

  const std::filesystem::path dir = testing::fresh_temp_dir("mineflow_market_test");
  std::filesystem::create_directories(dir);
  const std::string file = (dir / "market_bad.yaml").string();
  std::ofstream(file) << "scenario: bad_market\nname: Bad market\nmineral: cobalt\n"
                         "market:\n  model: auction\n"
                         "events:\n  - id: cut\n    start_day: 0\n    duration_days: 10\n"
                         "    severity: 0.5\n    targets:\n"
                         "      - exports_of: {country: COD, stage: mine}\n";
  auto located = testing::run_cli({"run", file, "--trials", "10"});
  EXPECT_EQ(located.exit_code, 2);
  EXPECT_NE(located.err.find("market_bad.yaml:5:10"), std::string::npos) << located.err;
  EXPECT_NE(located.err.find("clearing or rationing"), std::string::npos) << located.err;
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace mineflow
