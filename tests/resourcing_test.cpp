// The re-sourcing lead time under clearing (docs/market.md, "Re-sourcing lead time") on the toy
// network of tests/data/network_mineral.yaml: a cut of one of the focal economy's foreign
// suppliers is physical for the event's first `resourcing_days`, then reaches it only through
// the price; hand-computed against the market's closed forms.

#include <cmath>
#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

#include "cli_runner.h"
#include "market_toy.h"

namespace mineflow {
namespace {

using namespace market_toy;

constexpr double kStreamTPerDay = 10.0 / kDays;  // the focal economy's stream from CHN

TrialMetrics one_trial(const EventSpec& event, double resourcing_days,
                       MarketModel market = MarketModel::clearing) {
  static const MineralGraph graph = graph_from("/network_mineral.yaml");
  Scenario scenario = toy_scenario(market, 20.0);
  scenario.resourcing_days = resourcing_days;
  return market_toy::one_trial(graph, scenario, event);
}

TEST(ResourcingLeadTime, ARefinerOutageIsPhysicalUntilReSourcedThenPriced) {
  // CHN's refinery (70 of the world's 100 t/yr) at half output for 100 days, world stocks of 20
  // days (q = 1 - 1/20): the world loses w = 0.35 and the scarcity is x_d = w (1 - q^d) to day
  // 100, then x_100 q^(d - 100). With a 30-day lead the focal economy's stream from CHN loses
  // half for 30 days, physically: 0.5 x 10 t/yr x 30 days. On those days a quarter of its
  // demand does not arrive, so the price prices out x_d of the 0.75 that does.
  const double w = 0.35;
  const double q = 1.0 - 1.0 / 20.0;
  const double x100 = w * (1.0 - std::pow(q, 100.0));
  const double priced_days = w * (100.0 - (1.0 - std::pow(q, 100.0)) / (1.0 - q)) +
                             x100 * (1.0 - std::pow(q, 265.0)) / (1.0 - q);
  const double priced_in_lead = w * (30.0 - (1.0 - std::pow(q, 30.0)) / (1.0 - q));
  const EventSpec outage = event_from_day_0(refiner_node("CHN"), 0.5, 100.0);

  TrialMetrics m = one_trial(outage, 30.0);
  EXPECT_NEAR(metric(m, Metric::unmet_t), 0.5 * kStreamTPerDay * 30.0, 1e-12);
  EXPECT_NEAR(metric(m, Metric::days_short), 30.0, 1e-12);
  EXPECT_NEAR(metric(m, Metric::priced_out_t),
              (priced_days - 0.25 * priced_in_lead) * kPrimaryTPerDay, 1e-12);
  EXPECT_NEAR(metric(m, Metric::peak_price_multiple), std::pow(1.0 - x100, -1.0 / 0.3), 1e-9);

  // Without a lead time nothing is physical; a lead longer than the event cuts for all of it.
  TrialMetrics at_once = one_trial(outage, 0.0);
  EXPECT_EQ(metric(at_once, Metric::unmet_t), 0.0);
  EXPECT_NEAR(metric(at_once, Metric::priced_out_t), priced_days * kPrimaryTPerDay, 1e-12);
  TrialMetrics longer = one_trial(outage, 200.0);
  EXPECT_NEAR(metric(longer, Metric::unmet_t), 0.5 * kStreamTPerDay * 100.0, 1e-12);
  EXPECT_NEAR(metric(longer, Metric::days_short), 100.0, 1e-12);
}

TEST(ResourcingLeadTime, TheWindowClosesInsideARecovery) {
  // CHN's refinery out for 20 days, then recovering linearly over 40: with a 40-day lead the
  // stream is cut 1 for 20 days and 1 - (t - 20) / 40 from day 20 to 40, an area of
  // 20 + (20 - 20^2 / 80) = 35 days of the stream; short on each of the 40 days.
  TrialMetrics m = one_trial(event_from_day_0(refiner_node("CHN"), 1.0, 20.0, 40.0), 40.0);
  EXPECT_NEAR(metric(m, Metric::unmet_t), 35.0 * kStreamTPerDay, 1e-12);
  EXPECT_NEAR(metric(m, Metric::days_short), 40.0, 1e-9);
}

TEST(ResourcingLeadTime, ALicenceRegimeIsPhysicalForTheLongerOfTheDelayAndTheLead) {
  // CHN licenses its refined exports to every buyer: nothing for 30 days, then half, for 100
  // days. A 60-day lead: the stream is cut whole for 30 days and half for the next 30; a 20-day
  // lead is inside the delay, which alone decides (30 days whole, as without a lead).
  EventTarget licensed;
  licensed.kind = EventTarget::Kind::exports_of;
  licensed.country = "CHN";
  licensed.export_stage = Stage::refine;
  EventSpec spec = event_from_day_0(licensed, 1.0, 100.0);
  spec.licence = Licence{{Distribution::Kind::fixed, 0.5, 0.0, 0.0},
                         {Distribution::Kind::fixed, 30.0, 0.0, 0.0}};
  TrialMetrics lead60 = one_trial(spec, 60.0);
  EXPECT_NEAR(metric(lead60, Metric::unmet_t), (30.0 + 0.5 * 30.0) * kStreamTPerDay, 1e-12);
  EXPECT_NEAR(metric(lead60, Metric::days_short), 60.0, 1e-12);
  for (double lead : {0.0, 20.0}) {
    TrialMetrics m = one_trial(spec, lead);
    EXPECT_NEAR(metric(m, Metric::unmet_t), 30.0 * kStreamTPerDay, 1e-12) << lead;
    EXPECT_NEAR(metric(m, Metric::days_short), 30.0, 1e-12) << lead;
  }
}

TEST(ResourcingLeadTime, RationingIgnoresIt) {
  // Under rationing every cut of a supplier is physical throughout: the lead changes nothing.
  const EventSpec outage = event_from_day_0(refiner_node("CHN"), 0.5, 100.0);
  TrialMetrics plain = one_trial(outage, 0.0, MarketModel::rationing);
  TrialMetrics led = one_trial(outage, 30.0, MarketModel::rationing);
  for (std::size_t i = 0; i < plain.size(); ++i) EXPECT_EQ(plain[i], led[i]) << i;
  EXPECT_NEAR(metric(plain, Metric::unmet_t), 0.5 * kStreamTPerDay * 100.0, 1e-12);
}

TEST(ResourcingLeadTime, ABadValueIsOneLocatedLine) {
  const std::filesystem::path dir = testing::fresh_temp_dir("mineflow_resourcing_test");
  std::filesystem::create_directories(dir);
  const std::string file = (dir / "lead_bad.yaml").string();
  std::ofstream(file) << "scenario: bad_lead\nname: Bad lead\nmineral: cobalt\n"
                         "market:\n  model: clearing\n  resourcing_days: -5\n"
                         "events:\n  - id: cut\n    start_day: 0\n    duration_days: 10\n"
                         "    severity: 0.5\n    targets:\n"
                         "      - node: {country: CHN, stage: refine}\n";
  auto bad = testing::run_cli({"run", file, "--trials", "10"});
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("lead_bad.yaml:6:20"), std::string::npos) << bad.err;
  EXPECT_NE(bad.err.find("resourcing_days"), std::string::npos) << bad.err;
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace mineflow
