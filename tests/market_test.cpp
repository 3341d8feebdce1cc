// The clearing market (docs/market.md) on the toy network of tests/data/network_*.yaml, against
// closed forms of its daily recursion: a world loss is priced out as the stocks draw, and is
// physical for every buyer only once they are gone; a restriction aimed at the focal economy
// alone stays physical, a licence regime on every buyer only while nothing is licensed; a ramp
// is followed through its exact daily means; rationing is untouched.

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

#include "cli_runner.h"
#include "market_toy.h"
#include "sim/calibrate/price_backtest.h"
#include "sim/sweep/criticality.h"
#include "sim/sweep/stockpile_sweep.h"

namespace mineflow {
namespace {

using namespace market_toy;

// What the price can clear: demand falls to cap^-e at the 5x cap with elasticity 0.3.
const double kClearable = 1.0 - std::pow(5.0, -0.3);

MineralGraph toy_graph() {
  return graph_from("/network_mineral.yaml");
}

EventSpec outage(const EventTarget& target, double severity, double duration,
                 double recovery_days = 0.0) {
  return event_from_day_0(target, severity, duration, recovery_days);
}

// One trial of the toy with `event` and no stocks, under `market`, with world stocks of
// `inventory_days` days of use.
TrialMetrics one_trial(const EventSpec& event, MarketModel market, double inventory_days = 20.0) {
  static const MineralGraph graph = toy_graph();
  return market_toy::one_trial(graph, toy_scenario(market, inventory_days), event);
}

TEST(ClearingMarket, AWorldLossTheStocksAndThePriceAbsorbIsPricedOutNotShort) {
  // CHN's refinery (70 of the world's 100 t/yr) at half output for 100 days: the world loses
  // w = 0.35, below what the cap clears. With stocks of 20 days (q = 1 - 1/20) the scarcity is
  // x_d = w (1 - q^d) up to day 100, then x_100 q^(d - 100): the focal economy gives up x_d of
  // its demand each day and nothing is physically short.
  const ConstantLossPath path{0.35, 20.0, 100.0};
  const double x100 = path.scarcity_at_end();
  const double priced_days = path.priced_days(kDays);
  TrialMetrics m = one_trial(outage(refiner_node("CHN"), 0.5, 100.0), MarketModel::clearing);
  EXPECT_EQ(metric(m, Metric::unmet_t), 0.0);
  EXPECT_EQ(metric(m, Metric::days_short), 0.0);
  EXPECT_NEAR(metric(m, Metric::priced_out_t) / (priced_days * kPrimaryTPerDay), 1.0, 1e-12);
  EXPECT_EQ(metric(m, Metric::not_served_t), metric(m, Metric::priced_out_t));
  EXPECT_NEAR(metric(m, Metric::peak_price_multiple), std::pow(1.0 - x100, -1.0 / 0.3), 1e-9);

  // Rationing: the focal economy's stream from CHN (10 t/yr) loses half, physically.
  TrialMetrics r = one_trial(outage(refiner_node("CHN"), 0.5, 100.0), MarketModel::rationing);
  EXPECT_NEAR(metric(r, Metric::unmet_t), 0.5 * 10.0 / kDays * 100.0, 1e-12);
  EXPECT_EQ(metric(r, Metric::priced_out_t), 0.0);
  EXPECT_EQ(metric(r, Metric::not_served_t), metric(r, Metric::unmet_t));
}

// The price backtest's modelled peak under clearing (sim/calibrate/price_backtest.h): a constant
// world loss w = 0.35 below what the cap clears, for D = 100 days from day 0, with stocks of
// tau = 20 days: the scarcity climbs as x_d = w (1 - q^d), q = 1 - 1/tau, and falls from day
// D + 1, so the peak is (1 - w (1 - q^D))^(-1/e) on day D, reported from the first day within
// 0.1 % of it; under rationing the scarcity formula (1 - w)^(-1/e) from day 0.
TEST(ClearingMarket, TheBacktestPeakIsTheDailyPathsOnTheLossesLastDay) {
  static const MineralGraph graph = toy_graph();
  Scenario scenario = toy_scenario(MarketModel::clearing, 20.0);
  scenario.events.push_back(outage(refiner_node("CHN"), 0.5, 100.0));
  RunPlan plan = make_run_plan(scenario, graph, {}, CountryTable{}, IndicatorSettings{}, {});
  const double w = 0.35;
  ModelledPeak peak =
      modelled_price_peak(*plan.policies.front().model, plan.scenario.events, 1, 3, 0.0);
  const double top = std::pow(1.0 - ConstantLossPath{w, 20.0, 100.0}.scarcity_at_end(), -1.0 / 0.3);
  EXPECT_NEAR(peak.multiple, top, 1e-12);
  // Its day: the first within kPeakTolerance of the peak, from the closed form.
  double day = 0.0;
  while (std::pow(1.0 - ConstantLossPath{w, 20.0, day}.scarcity_at_end(), -1.0 / 0.3) <
         top * (1.0 - kPeakTolerance)) {
    day += 1.0;
  }
  EXPECT_GT(day, 60.0);
  EXPECT_LE(day, 100.0);
  EXPECT_EQ(peak.days_after, day);
  EXPECT_EQ(peak.world_shortfall, w);  // the loss is still on at the day of the peak
  EXPECT_EQ(peak.trials, 3u);

  scenario.market = MarketModel::rationing;
  RunPlan rationed = make_run_plan(scenario, graph, {}, CountryTable{}, IndicatorSettings{}, {});
  ModelledPeak scarcity =
      modelled_price_peak(*rationed.policies.front().model, rationed.scenario.events, 1, 1, 0.0);
  EXPECT_NEAR(scarcity.multiple, std::pow(1.0 - w, -1.0 / 0.3), 1e-12);
  EXPECT_EQ(scarcity.days_after, 0.0);
}

TEST(ClearingMarket, OnlyWhenTheStocksAreGoneIsEveryBuyerShort) {
  // CHN's refinery out all year: w = 0.7. The scarcity rises as 0.7 (1 - q^d) until it passes
  // c (day d1: the price at its cap), then by (0.7 - c) / 20 a day until the stocks are gone
  // (day d2); from then on every buyer is physically short 0.7 - c of its demand.
  const double w = 0.7;
  const double q = 1.0 - 1.0 / 20.0;
  const double c = kClearable;
  const auto d1 = static_cast<int>(std::ceil(std::log(1.0 - c / w) / std::log(q)));
  const double x1 = w * (1.0 - std::pow(q, d1));
  const int d2 = d1 + static_cast<int>(std::ceil((1.0 - x1) / ((w - c) / 20.0)));
  ASSERT_LT(d2, 365);
  TrialMetrics m = one_trial(outage(refiner_node("CHN"), 1.0, kDays), MarketModel::clearing);
  EXPECT_NEAR(metric(m, Metric::unmet_t) / ((w - c) * kPrimaryTPerDay * (365 - d2)), 1.0, 1e-12);
  EXPECT_NEAR(metric(m, Metric::days_short), 365 - d2, 1e-9);
  EXPECT_EQ(metric(m, Metric::peak_price_multiple), 5.0);
  // Priced out: x_d before d1, c after; on stockout days c of what arrives (1 - (w - c)).
  double priced_days = w * (d1 - (1.0 - std::pow(q, d1)) / (1.0 - q)) + c * (d2 - d1) +
                       c * (1.0 - (w - c)) * (365 - d2);
  EXPECT_NEAR(metric(m, Metric::priced_out_t) / (priced_days * kPrimaryTPerDay), 1.0, 1e-12);
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

TEST(ClearingMarket, NothingLicensedIsPhysicalForEveryBuyerThenPriced) {
  // CHN licenses its refined exports to every buyer: nothing for 30 days, then half, for 100
  // days. The focal economy's own stream from CHN (10 t/yr) is physically cut for the 30 days
  // only; after that the loss reaches it through the price.
  TrialMetrics m = one_trial(chn_refined_licence_100_days(), MarketModel::clearing);
  EXPECT_NEAR(metric(m, Metric::unmet_t), 10.0 / kDays * 30.0, 1e-12);
  EXPECT_NEAR(metric(m, Metric::days_short), 30.0, 1e-12);
  EXPECT_GT(metric(m, Metric::priced_out_t), 0.0);
}

TEST(ClearingMarket, ARampIsFollowedDayByDay) {
  // CHN's refinery at half output for 10 days, then recovering linearly over 100: w = 0.35,
  // then 0.35 (1 - (t - 10) / 100). With stocks of one day's use the scarcity is yesterday's
  // mean shortfall (x[d+1] = w[d] below c), so the focal economy gives up
  // 0.35 x 10 + sum over the ramp's days k of 0.35 (1 - (k + 1/2) / 100) = 3.5 + 17.5 days of its
  // demand, and the price peaks at (1 - 0.35)^(-1/0.3).
  TrialMetrics m =
      one_trial(outage(refiner_node("CHN"), 0.5, 10.0, 100.0), MarketModel::clearing, 1.0);
  EXPECT_EQ(metric(m, Metric::unmet_t), 0.0);
  EXPECT_NEAR(metric(m, Metric::priced_out_t) / (21.0 * kPrimaryTPerDay), 1.0, 1e-12);
  EXPECT_NEAR(metric(m, Metric::peak_price_multiple), std::pow(0.65, -1.0 / 0.3), 1e-9);
}

TEST(ClearingMarket, CriticalityRanksTheLargestRefinerFirst) {
  // Under rationing the mine AUS ranks first (it feeds both of the focal economy's refiners) and
  // CHN and FIN tie (each its 10 t/yr stream); cleared, the nodes rank by their world shares.
  static const MineralGraph graph = toy_graph();
  Scenario scenario = toy_scenario(MarketModel::clearing, 60.0);
  RunPlan plan = make_run_plan(scenario, graph, {}, CountryTable{}, IndicatorSettings{}, {});
  MonteCarloOptions mc;
  mc.trials = 1;
  CriticalityResult result = rank_nodes(plan, mc, CriticalityOptions{});
  ASSERT_GE(result.nodes.size(), 2u);
  EXPECT_TRUE(result.clearing);
  EXPECT_EQ(result.nodes[0].country, "CHN");
  EXPECT_EQ(result.nodes[0].stage, Stage::refine);
  // The ranking's measure is the run's demand not served for the same failure.
  TrialMetrics m = one_trial(outage(refiner_node("CHN"), 1.0, 90.0), MarketModel::clearing, 60.0);
  EXPECT_EQ(result.nodes[0].expected_unmet_t, metric(m, Metric::not_served_t));
  // A buyer of the world market feels each node by its share of world output: CHN refining 0.7,
  // AUS mining 0.6, CHL mining 0.4, FIN refining 0.3.
  ASSERT_EQ(result.nodes.size(), 4u);
  EXPECT_EQ(result.nodes[1].country, "AUS");
  EXPECT_EQ(result.nodes[2].country, "CHL");
  EXPECT_EQ(result.nodes[3].country, "FIN");
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

// Supply and demand response in the market (docs/market.md, "Supply and demand response"):
// with stocks of one day (tau = 1) the recursion below what the cap clears is
// x[d+1] = x[d] + (w - R[d] - x[d]) = w - R[d], R[d] the response built by day d. CHN's refinery
// at half output for 100 days (w = 0.35); idle capacity of 0.2 of world use over 10 days builds
// 0.02 on each day that starts tight (day 1 on), so R[d] = min(0.2, 0.02 (d - 1)) and
// x[1] = w, x[d] = w - min(0.2, 0.02 (d - 2)) from day 2 to day 100; the built 0.2 then clears
// the stocks on day 100 (x[101] = 0). Priced out: the sum of x[d], 0.35 + sum over k = 0..98 of
// (0.35 - min(0.2, 0.02 k)) = 0.35 + 2.75 + 88 x 0.15 = 16.3 days of primary demand. The same
// path comes from the scenario's demand_response at 0.01 a day each of substitution and new
// supply (3.65 a year, caps 0.1 each), which under clearing acts in the market alone.
TrialMetrics one_responding_trial(const IdleCapacity& idle, const DemandResponse& response,
                                  MarketModel market = MarketModel::clearing) {
  static const MineralGraph graph = toy_graph();
  Scenario scenario = toy_scenario(market, 1.0);
  scenario.idle_capacity = idle;
  scenario.demand_response = response;
  scenario.events.push_back(outage(refiner_node("CHN"), 0.5, 100.0));
  RunPlan plan = make_run_plan(scenario, graph, {}, CountryTable{}, IndicatorSettings{}, {});
  TrialScratch scratch;
  std::vector<TrialMetrics> out(1);
  run_trial(plan.scenario.events, kDays, {&plan.variants.front(), 1}, 1, 0, scratch, out);
  return out.front();
}

TEST(ClearingMarket, IdleCapacityAndTheLongerRunResponseRelieveTheMarket) {
  const double priced_days = 16.3;
  const double peak = std::pow(1.0 - 0.35, -1.0 / 0.3);
  TrialMetrics idle = one_responding_trial(IdleCapacity{0.2, 10.0}, DemandResponse{});
  EXPECT_EQ(metric(idle, Metric::unmet_t), 0.0);
  EXPECT_NEAR(metric(idle, Metric::priced_out_t) / (priced_days * kPrimaryTPerDay), 1.0, 1e-12);
  EXPECT_NEAR(metric(idle, Metric::peak_price_multiple), peak, 1e-9);
  // Without the response the scarcity stays at w for 100 days: 0.35 x 100 = 35 days priced out.
  TrialMetrics none = one_responding_trial(IdleCapacity{}, DemandResponse{});
  EXPECT_NEAR(metric(none, Metric::priced_out_t) / (35.0 * kPrimaryTPerDay), 1.0, 1e-12);

  DemandResponse response;
  response.substitution_per_yr = 3.65;
  response.substitution_cap = 0.1;
  response.new_supply_per_yr = 3.65;
  response.new_supply_cap = 0.1;
  TrialMetrics longer = one_responding_trial(IdleCapacity{}, response);
  EXPECT_EQ(metric(longer, Metric::unmet_t), 0.0);
  EXPECT_NEAR(metric(longer, Metric::priced_out_t) / (priced_days * kPrimaryTPerDay), 1.0, 1e-12);
  // Under rationing the idle capacity is moot and the response acts on physical gaps only (the
  // focal economy's CHN stream loses half for 100 days; the responses build against that).
  TrialMetrics rationed =
      one_responding_trial(IdleCapacity{0.2, 10.0}, DemandResponse{}, MarketModel::rationing);
  EXPECT_NEAR(metric(rationed, Metric::unmet_t), 0.5 * 10.0 / kDays * 100.0, 1e-12);
  EXPECT_EQ(metric(rationed, Metric::priced_out_t), 0.0);
}

// A policy with its own demand_response under clearing runs a world market of its own (its
// model is compiled apart): the closed form above for the scenario's response, 35 days priced
// out for a policy that says `demand_response: {}`.
TEST(ClearingMarket, APolicysOwnResponseIsAMarketOfItsOwn) {
  static const MineralGraph graph = toy_graph();
  Scenario scenario = toy_scenario(MarketModel::clearing, 1.0);
  scenario.demand_response.substitution_per_yr = 3.65;
  scenario.demand_response.substitution_cap = 0.1;
  scenario.demand_response.new_supply_per_yr = 3.65;
  scenario.demand_response.new_supply_cap = 0.1;
  scenario.events.push_back(outage(refiner_node("CHN"), 0.5, 100.0));
  PolicySet responds;
  responds.name = "responds";
  PolicySet none;
  none.name = "no_response";
  none.demand_response = DemandResponse{};
  scenario.policies = {responds, none};
  RunPlan plan = make_run_plan(scenario, graph, {}, CountryTable{}, IndicatorSettings{}, {});
  ASSERT_EQ(plan.policies.size(), 2u);
  EXPECT_NE(plan.policies[0].model.get(), plan.policies[1].model.get());
  TrialScratch scratch;
  std::vector<TrialMetrics> out(plan.variants.size());
  run_trial(plan.scenario.events, kDays, plan.variants, 1, 0, scratch, out);
  const TrialMetrics& with = out[plan.policies[0].variant];
  const TrialMetrics& without = out[plan.policies[1].variant];
  EXPECT_NEAR(metric(with, Metric::priced_out_t) / (16.3 * kPrimaryTPerDay), 1.0, 1e-12);
  EXPECT_NEAR(metric(without, Metric::priced_out_t) / (35.0 * kPrimaryTPerDay), 1.0, 1e-12);
  // The second model is the first's twin: the trial re-runs only the market on the first's
  // supply profile, bit for bit what building it alone gives.
  EXPECT_EQ(plan.policies[1].model->market_twin, plan.policies[0].model);
  RunPlan alone =
      make_run_plan(scenario, graph, {}, CountryTable{}, IndicatorSettings{}, {"no_response"});
  std::vector<TrialMetrics> single(alone.variants.size());
  TrialScratch fresh;
  run_trial(alone.scenario.events, kDays, alone.variants, 1, 0, fresh, single);
  const TrialMetrics& by_itself = single[alone.policies[0].variant];
  for (std::size_t i = 0; i < by_itself.size(); ++i) EXPECT_EQ(by_itself[i], without[i]) << i;
}

// `market: {idle_capacity: {share, days}}` is checked like every key: a share above 1 is one
// located line.
TEST(ClearingMarket, ABadIdleCapacityIsOneLocatedLine) {
  const std::filesystem::path dir = testing::fresh_temp_dir("mineflow_market_idle_bad");
  std::filesystem::create_directories(dir);
  const std::string file = (dir / "idle_bad.yaml").string();
  std::ofstream(file) << "scenario: idle_bad\nname: Bad idle\nmineral: cobalt\n"
                         "market:\n  model: clearing\n  idle_capacity: {share: 1.5, days: 30}\n"
                         "events:\n  - id: cut\n    start_day: 0\n    duration_days: 10\n"
                         "    severity: 0.5\n    targets:\n"
                         "      - exports_of: {country: COD, stage: mine}\n";
  auto bad = testing::run_cli({"run", file, "--trials", "10", "--threads", "1"});
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("idle_bad.yaml:6:"), std::string::npos) << bad.err;
  EXPECT_NE(bad.err.find("share"), std::string::npos) << bad.err;
  std::ofstream(file) << "scenario: idle_bad\nname: Bad idle\nmineral: cobalt\n"
                         "market:\n  model: clearing\n  idle_capacity: {share: 0.1, days: 0.5}\n"
                         "events:\n  - id: cut\n    start_day: 0\n    duration_days: 10\n"
                         "    severity: 0.5\n    targets:\n"
                         "      - exports_of: {country: COD, stage: mine}\n";
  auto short_days = testing::run_cli({"run", file, "--trials", "10", "--threads", "1"});
  EXPECT_EQ(short_days.exit_code, 2);
  EXPECT_NE(short_days.err.find("at least 1 day"), std::string::npos) << short_days.err;
  std::filesystem::remove_all(dir);
}

// A mineral without world tiers has no world market of its own: a scenario that does not choose
// is rationed and says so; one that asks for clearing clears on the stand-in world refining
// shares (the focal economy's refined-import shares, docs/engine.md) and says so.
TEST(ClearingMarket, WithoutANetworkTheDefaultIsRationing) {
  const std::filesystem::path dir = testing::fresh_temp_dir("mineflow_market_no_network");
  std::filesystem::create_directories(dir);
  const std::string file = (dir / "no_network.yaml").string();
  std::ofstream(file) << "scenario: no_network\nname: No network\nmineral: "
                      << testing::test_data_dir() << "/kinks/two_class_mineral.yaml\n"
                      << "events:\n  - id: cut\n    start_day: 0\n    duration_days: 10\n"
                         "    severity: 0.5\n    targets:\n"
                         "      - exports_of: {country: CHN}\n";
  auto plain = testing::run_cli({"run", file, "--trials", "10"});
  EXPECT_EQ(plain.exit_code, 0) << plain.err;
  EXPECT_NE(plain.out.find("market: rationing (docs/market.md)"), std::string::npos) << plain.out;
  auto cleared = testing::run_cli({"run", file, "--market", "clearing"});
  EXPECT_EQ(cleared.exit_code, 0) << cleared.err;
  EXPECT_NE(cleared.out.find("market: clearing (docs/market.md)"), std::string::npos)
      << cleared.out;
  std::filesystem::remove_all(dir);
}

// A stockpile's release price (docs/market.md "Release price") on the toy with world stocks of
// one day: CHN's refinery at half output for 100 days gives x[d] = 0.35 on days 1 to 100 and
// nothing physically short, so 35 days of primary demand D (= demand: no recycling) are priced
// out at the market price. The stockpile (S days of D, no physical gap: it never draws) serves
// priced-out demand only below the market price:
// - market: nothing, priced out 35 D, lowest stockpile S D;
// - pre_crisis: all of it while it lasts, 0.35 D a day: S = 30 serves 30 D (priced out 5 D,
//   lowest 0), S = 60 serves 35 D (priced out 0, lowest 25 D); release rate 0.2 serves 0.2 D a
//   day, 20 D (priced out 15 D);
// - discount F = 0.5 (e = 0.3): demand at half the price is 2^0.3 (1 - 0.35), so a day serves
//   0.65 (2^0.3 - 1) D: 100 days of it (S = 60); with a decision delay of 10 days from the
//   spell's first day (day 1), days 11 to 100: 90 days of it.
// Unmet demand and the cost are those of `market` bit for bit; under rationing the setting
// changes nothing.
std::vector<TrialMetrics> release_trials(const std::vector<PolicySet>& policies,
                                         MarketModel market = MarketModel::clearing) {
  static const MineralGraph graph = toy_graph();
  Scenario scenario = toy_scenario(market, 1.0);
  scenario.events.push_back(outage(refiner_node("CHN"), 0.5, 100.0));
  scenario.policies = policies;
  RunPlan plan = make_run_plan(scenario, graph, {}, CountryTable{}, IndicatorSettings{}, {});
  TrialScratch scratch;
  std::vector<TrialMetrics> out(plan.variants.size());
  run_trial(plan.scenario.events, kDays, plan.variants, 1, 0, scratch, out);
  std::vector<TrialMetrics> by_policy;
  for (const PolicyRun& run : plan.policies) by_policy.push_back(out[run.variant]);
  return by_policy;
}

PolicySet stockpile_policy(const std::string& name, double days, int release_price,
                           double discount = 1.0) {
  PolicySet policy;
  policy.name = name;
  policy.stockpile_days = days;
  policy.release_price = release_price;
  policy.release_discount = discount;
  return policy;
}

TEST(ReleasePrice, BelowTheMarketPriceTheStockpileServesPricedOutDemand) {
  const double d = kPrimaryTPerDay;
  PolicySet slow = stockpile_policy("pre_crisis_slow", 60.0, 1);
  slow.release_rate_of_demand = 0.2;
  PolicySet delayed = stockpile_policy("discount_delayed", 60.0, 2, 0.5);
  delayed.decision_delay_days = 10.0;
  std::vector<TrialMetrics> m = release_trials(
      {stockpile_policy("market", 60.0, 0), stockpile_policy("pre_crisis_30", 30.0, 1),
       stockpile_policy("pre_crisis_60", 60.0, 1), slow, stockpile_policy("discount", 60.0, 2, 0.5),
       delayed});
  ASSERT_EQ(m.size(), 6u);
  const double per_day = 0.65 * (std::pow(2.0, 0.3) - 1.0);
  const double expected_priced[] = {
      35.0, 5.0, 0.0, 15.0, 35.0 - 100.0 * per_day, 35.0 - 90.0 * per_day};
  const double expected_lowest[] = {
      60.0, 0.0, 25.0, 40.0, 60.0 - 100.0 * per_day, 60.0 - 90.0 * per_day};
  for (std::size_t i = 0; i < m.size(); ++i) {
    SCOPED_TRACE(i);
    EXPECT_EQ(metric(m[i], Metric::unmet_t), 0.0);
    EXPECT_NEAR(metric(m[i], Metric::priced_out_t), expected_priced[i] * d, 1e-12);
    EXPECT_EQ(metric(m[i], Metric::not_served_t), metric(m[i], Metric::priced_out_t));
    EXPECT_NEAR(metric(m[i], Metric::not_served_pct_annual_demand),
                100.0 * expected_priced[i] / kDays, 1e-9);
    EXPECT_NEAR(metric(m[i], Metric::lowest_stockpile_t), expected_lowest[i] * d, 1e-12);
    // The release price is a transfer between the agency and domestic users: the cost, the
    // price and the physical metrics are those of `market`.
    EXPECT_EQ(metric(m[i], Metric::procurement_cost), metric(m[1 - 1], Metric::procurement_cost));
    EXPECT_EQ(metric(m[i], Metric::peak_price_multiple), metric(m[0], Metric::peak_price_multiple));
  }
}

TEST(ReleasePrice, UnderRationingItChangesNothing) {
  // 10 days of stock against a physical gap of 0.25 D a day for 100 days: short after 40 days.
  std::vector<TrialMetrics> m =
      release_trials({stockpile_policy("market", 10.0, 0), stockpile_policy("pre_crisis", 10.0, 1),
                      stockpile_policy("discount", 10.0, 2, 0.25)},
                     MarketModel::rationing);
  ASSERT_EQ(m.size(), 3u);
  EXPECT_GT(metric(m[0], Metric::unmet_t), 0.0);
  EXPECT_EQ(metric(m[0], Metric::priced_out_t), 0.0);
  for (std::size_t i = 1; i < m.size(); ++i) {
    for (std::size_t k = 0; k < kMetricCount; ++k) EXPECT_EQ(m[i][k], m[0][k]) << i << " " << k;
  }
}

// `release_price` is checked like every key: one located line, exit 2.
TEST(ReleasePrice, ABadReleasePriceIsOneLocatedLine) {
  const std::filesystem::path dir = testing::fresh_temp_dir("mineflow_release_price_bad");
  std::filesystem::create_directories(dir);
  const std::string file = (dir / "release_bad.yaml").string();
  auto write = [&](const std::string& release) {
    std::ofstream(file) << "scenario: release_bad\nname: Bad release\nmineral: cobalt\n"
                           "events:\n  - id: cut\n    start_day: 0\n    duration_days: 10\n"
                           "    severity: 0.5\n    targets:\n"
                           "      - exports_of: {country: COD, stage: mine}\n"
                           "policies:\n  - name: stock\n    stockpile:\n      days: 30\n"
                           "      release_price: "
                        << release << "\n";
  };
  for (const std::string& bad : {std::string("auction"), std::string("{discount: 1.5}"),
                                 std::string("{discount: -0.1}"), std::string("{rebate: 0.5}")}) {
    write(bad);
    auto r = testing::run_cli({"run", file, "--trials", "10", "--threads", "1"});
    EXPECT_EQ(r.exit_code, 2) << bad;
    EXPECT_NE(r.err.find("release_bad.yaml:15:"), std::string::npos) << bad << ": " << r.err;
    EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
  }
  for (const std::string& good :
       {std::string("market"), std::string("pre_crisis"), std::string("{discount: 0.5}")}) {
    write(good);
    auto r = testing::run_cli({"run", file, "--trials", "10", "--threads", "1"});
    EXPECT_EQ(r.exit_code, 0) << good << ": " << r.err;
  }
  std::filesystem::remove_all(dir);
}

// A stockpile sweep with a target on not_served_t (docs/stockpile.md "Targets") on the toy of
// the release-price test: at the pre-crisis price S days serve min(S, 35) D of the 35 D priced
// out, so not_served_t <= 10 D needs S = 25 days; the same target in % of annual demand too; at
// the market price the stockpile never lowers it, and the target is not met at any days.
TEST(ReleasePrice, AStockpileSweepFindsTheDaysForANotServedTarget) {
  static const MineralGraph graph = toy_graph();
  for (int release : {1, 0}) {
    Scenario scenario = toy_scenario(MarketModel::clearing, 1.0);
    scenario.events.push_back(outage(refiner_node("CHN"), 0.5, 100.0));
    scenario.policies = {stockpile_policy("stock", 60.0, release)};
    RunPlan plan = make_run_plan(scenario, graph, {}, CountryTable{}, IndicatorSettings{}, {});
    SweepSetup setup;
    setup.events = &plan.scenario.events;
    setup.horizon_days = plan.scenario.horizon_days;
    setup.model = plan.policies[0].model.get();
    setup.stocks = plan.variants[plan.policies[0].variant].stocks;
    SweepOptions options;
    options.trials = 8;
    options.days_tolerance = 0.01;
    options.threads = 1;
    SweepGrid grid;
    grid.recycling_shares = {0.0};
    const std::string tonnes = "not_served_t<=" + std::to_string(10.0 * kPrimaryTPerDay);
    const std::string pct = "not_served_pct_annual_demand<=" + std::to_string(1000.0 / kDays);
    for (const std::string& target : {tonnes, pct}) {
      SCOPED_TRACE(target + " release " + std::to_string(release));
      SweepResult r = run_stockpile_sweep(setup, grid, parse_sweep_target(target), options);
      ASSERT_EQ(r.days_needed.size(), 1u);
      const DaysFinding& f = r.days_needed[0];
      if (release == 0) {
        EXPECT_FALSE(f.days.has_value());
        for (const SweepCell& c : r.cells) {
          EXPECT_NEAR(c.not_served_t.value, 35.0 * kPrimaryTPerDay, 1e-12);
          EXPECT_EQ(c.not_served_t.value, c.priced_out_t.value);
          EXPECT_EQ(c.unmet_t.value, 0.0);
        }
        continue;
      }
      ASSERT_TRUE(f.days.has_value());
      // std::to_string rounds the threshold to 6 decimals: within the tolerance either way.
      EXPECT_NEAR(*f.days, 25.0, 0.02);
      EXPECT_EQ(f.days_low, f.days);
      EXPECT_EQ(f.days_high, f.days);
      ASSERT_TRUE(f.at_days.has_value());
      EXPECT_NEAR(f.at_days->not_served_t.value, std::max(0.0, 35.0 - *f.days) * kPrimaryTPerDay,
                  1e-12);
      EXPECT_NEAR(f.at_days->not_served_pct.value, 100.0 * std::max(0.0, 35.0 - *f.days) / kDays,
                  1e-9);
    }
  }
}

}  // namespace
}  // namespace mineflow
