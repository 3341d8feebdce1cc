// The re-sourcing lead time under clearing (docs/market.md, "Re-sourcing lead time") on the toy
// network of tests/data/network_mineral.yaml: a cut of one of the focal economy's foreign
// suppliers is physical for the event's first `resourcing_days`, then reaches it only through
// the price; hand-computed against the market's closed forms.

#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "cli_runner.h"
#include "json_field.h"
#include "market_toy.h"

namespace mineflow {
namespace {

using namespace market_toy;

constexpr double kStreamTPerDay = 10.0 / kDays;  // the focal economy's stream from CHN

TrialMetrics one_trial(const EventSpec& event, double resourcing_days,
                       MarketModel market = MarketModel::clearing,
                       double refined_lead_time_days = 0.0) {
  static const MineralGraph graph = graph_from("/network_mineral.yaml");
  Scenario scenario = toy_scenario(market, 20.0);
  scenario.resourcing_days = resourcing_days;
  scenario.refined_lead_time_days = refined_lead_time_days;
  return market_toy::one_trial(graph, scenario, event);
}

TEST(ResourcingLeadTime, ARefinerOutageIsPhysicalUntilReSourcedThenPriced) {
  // CHN's refinery (70 of the world's 100 t/yr) at half output for 100 days, world stocks of 20
  // days (q = 1 - 1/20): the world loses w = 0.35 and the scarcity is x_d = w (1 - q^d) to day
  // 100, then x_100 q^(d - 100). With a 30-day lead the focal economy's stream from CHN loses
  // half for 30 days, physically: 0.5 x 10 t/yr x 30 days. On those days a quarter of its
  // demand does not arrive, so the price prices out x_d of the 0.75 that does.
  const ConstantLossPath path{0.35, 20.0, 100.0};
  const double x100 = path.scarcity_at_end();
  const double priced_days = path.priced_days(kDays);
  const double priced_in_lead = path.priced_days_to(30.0);
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

TEST(ResourcingLeadTime, TheWindowIsSeenWithTheShippingLeadAndEndsAtTheHorizon) {
  // With refined cargoes 20 days at sea, CHN's refinery at half output from day 0 reaches the
  // focal economy on day 20, and so does the 30-day window: short on days 20-50, the same 15
  // stream-days. An outage from day 350 with a 30-day lead is seen from day 370, past the
  // horizon: nothing physical in the year.
  TrialMetrics shipped = one_trial(event_from_day_0(refiner_node("CHN"), 0.5, 100.0), 30.0,
                                   MarketModel::clearing, 20.0);
  EXPECT_NEAR(metric(shipped, Metric::unmet_t), 0.5 * kStreamTPerDay * 30.0, 1e-12);
  EXPECT_NEAR(metric(shipped, Metric::days_short), 30.0, 1e-12);
  EventSpec late = event_from_day_0(refiner_node("CHN"), 1.0, 100.0);
  late.start_day = 350.0;
  TrialMetrics cut_off = one_trial(late, 30.0, MarketModel::clearing, 20.0);
  EXPECT_EQ(metric(cut_off, Metric::unmet_t), 0.0);
  // Without the shipping lead the same outage is short for its last 15 days of the year.
  TrialMetrics in_year = one_trial(late, 30.0);
  EXPECT_NEAR(metric(in_year, Metric::unmet_t), 15.0 * kStreamTPerDay, 1e-12);
  EXPECT_NEAR(metric(in_year, Metric::days_short), 15.0, 1e-12);
}

TEST(ResourcingLeadTime, TheWindowClosesInsideARecovery) {
  // CHN's refinery out for 20 days, then recovering linearly over 40: with a 40-day lead the
  // stream is cut 1 for 20 days and 1 - (t - 20) / 40 from day 20 to 40, an area of
  // 20 + (20 - 20^2 / 80) = 35 days of the stream; short on each of the 40 days.
  TrialMetrics m = one_trial(event_from_day_0(refiner_node("CHN"), 1.0, 20.0, 40.0), 40.0);
  EXPECT_NEAR(metric(m, Metric::unmet_t), 35.0 * kStreamTPerDay, 1e-12);
  EXPECT_NEAR(metric(m, Metric::days_short), 40.0, 1e-9);
}

TEST(ResourcingLeadTime, TheWindowClosesInsideAnExponentialRecovery) {
  // CHN's refinery at s = 0.5 for D = 10 days, then recovering as s 2^(-u / h) with a half-life
  // h = 20 days (docs/engine.md, "Event shapes"). With a lead R > D the stream from CHN is cut s
  // for D days, then s 2^(-u / h) until the window closes at R, and
  //   integral of 2^(-u / h) du from 0 to n h = h / ln 2 (1 - 2^(-n)),  n = (R - D) / h,
  // so unmet = s (D + h / ln 2 (1 - 2^(-n))) days of the stream, short on each of the R days (the
  // cut is above 0 throughout and the toy holds no stocks):
  //   n = 1 (R = 30): 0.5 (10 + 10 / ln 2) = 12.213 days of the stream,
  //   n = 3 (R = 70): 0.5 (10 + 17.5 / ln 2) = 17.623.
  // Exact where R - D is a whole number of the engine's pieces (4 per half-life): each piece
  // loses exactly the exponential's volume (a window closing inside a piece follows its chord).
  const double severity = 0.5, full_days = 10.0, half_life_days = 20.0;
  EventSpec spec = event_from_day_0(refiner_node("CHN"), severity, full_days);
  spec.recovery.kind = RecoveryShape::Kind::exponential;
  spec.recovery.half_life_days = {Distribution::Kind::fixed, half_life_days, 0.0, 0.0};
  for (double half_lives : {1.0, 3.0}) {
    const double lead_days = full_days + half_lives * half_life_days;
    const double stream_days =
        severity * (full_days + half_life_days / std::log(2.0) * (1.0 - std::exp2(-half_lives)));
    const double unmet_t = stream_days * kStreamTPerDay;
    TrialMetrics m = one_trial(spec, lead_days);
    EXPECT_NEAR(metric(m, Metric::unmet_t), unmet_t, 1e-9 * unmet_t) << lead_days;
    EXPECT_NEAR(metric(m, Metric::days_short), lead_days, 1e-9 * lead_days) << lead_days;
  }
}

TEST(ResourcingLeadTime, ALicenceRegimeIsPhysicalForTheLongerOfTheDelayAndTheLead) {
  // CHN licenses its refined exports to every buyer: nothing for 30 days, then half, for 100
  // days. A 60-day lead: the stream is cut whole for 30 days and half for the next 30; a 20-day
  // lead is inside the delay, which alone decides (30 days whole, as without a lead).
  const EventSpec spec = chn_refined_licence_100_days();
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
  for (const char* bad_value : {"-5", "400"}) {
    std::ofstream(file) << "scenario: bad_lead\nname: Bad lead\nmineral: cobalt\n"
                        << "market:\n  model: clearing\n  resourcing_days: " << bad_value << "\n"
                        << "events:\n  - id: cut\n    start_day: 0\n    duration_days: 10\n"
                           "    severity: 0.5\n    targets:\n"
                           "      - node: {country: CHN, stage: refine}\n";
    auto bad = testing::run_cli({"run", file, "--trials", "10"});
    EXPECT_EQ(bad.exit_code, 2) << bad_value;
    EXPECT_NE(bad.err.find("lead_bad.yaml:6:20"), std::string::npos) << bad.err;
    EXPECT_NE(bad.err.find("resourcing_days"), std::string::npos) << bad.err;
    EXPECT_EQ(bad.err.find('\n'), bad.err.size() - 1) << "one line: " << bad.err;
  }
  std::filesystem::remove_all(dir);
}

TEST(ResourcingLeadTime, TheCommandLineSetsItForASensitivityRun) {
  // cobalt_background with a 60-day lead: the same prices, more demand physically unmet.
  auto unmet_pct = [](const testing::CliResult& r) {
    return testing::json_number_after(r.out, "\"unmet_pct_annual_demand\": {\"mean\": ");
  };
  const std::vector<std::string> base{
      "run", "cobalt_background", "--trials", "2000", "--format", "json", "--quiet"};
  auto plain = testing::run_cli(base);
  std::vector<std::string> args = base;
  args.insert(args.end(), {"--resourcing-days", "60"});
  auto led = testing::run_cli(args);
  ASSERT_EQ(plain.exit_code, 0) << plain.err;
  ASSERT_EQ(led.exit_code, 0) << led.err;
  EXPECT_GT(unmet_pct(led), unmet_pct(plain));
  // The setting is said beside the answer; 0 is the scenario as it is, byte for byte.
  EXPECT_NE(led.out.find("{\"id\": \"resourcing_lead\""), std::string::npos) << led.out;
  EXPECT_EQ(plain.out.find("resourcing_lead"), std::string::npos);
  args = base;
  args.insert(args.end(), {"--resourcing-days", "0"});
  EXPECT_EQ(testing::run_cli(args).out, plain.out);
  for (const char* bad : {"-1", "400"}) {
    args = base;
    args.insert(args.end(), {"--resourcing-days", bad});
    auto refused = testing::run_cli(args);
    EXPECT_EQ(refused.exit_code, 2) << bad;
    EXPECT_NE(refused.err.find("--resourcing-days"), std::string::npos) << refused.err;
    EXPECT_NE(refused.err.find("horizon_days (365)"), std::string::npos) << refused.err;
  }
}

TEST(ResourcingLeadTime, StockpileAndCriticalitySayItToo) {
  auto sweep = testing::run_cli({"stockpile", "cobalt_background", "--trials", "200", "--days",
                                 "0,60", "--quiet", "--format", "json", "--resourcing-days", "30"});
  ASSERT_EQ(sweep.exit_code, 0) << sweep.err;
  EXPECT_NE(sweep.out.find("{\"id\": \"resourcing_lead\""), std::string::npos) << sweep.out;
  auto plain = testing::run_cli(
      {"stockpile", "cobalt_background", "--trials", "200", "--days", "0,60", "--quiet"});
  EXPECT_EQ(plain.out.find("re-sourcing"), std::string::npos) << plain.out;
  auto ranked = testing::run_cli({"criticality", "cobalt_drc_supply_cut", "--trials", "50",
                                  "--quiet", "--resourcing-days", "30"});
  ASSERT_EQ(ranked.exit_code, 0) << ranked.err;
  EXPECT_NE(ranked.out.find("note: re-sourcing lead time 30 days"), std::string::npos)
      << ranked.out;
}

// criticality's CSV and JSON carry the lead as `run`'s do: JSON `notes`, and in the CSV (one row
// per node) a `notes` column, the same on every row and empty without a lead.
TEST(ResourcingLeadTime, CriticalitysCsvAndJsonSayItToo) {
  auto ranked = [](const char* format, const char* lead) {
    auto r = testing::run_cli({"criticality", "cobalt_background", "--trials", "100", "--quiet",
                               "--format", format, "--resourcing-days", lead});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return r.out;
  };
  auto rows = [](const std::string& csv) {
    std::vector<std::string> out;
    std::stringstream in(csv);
    for (std::string line; std::getline(in, line);) out.push_back(line);
    return out;
  };
  const std::string cell =
      ",\"resourcing_lead: re-sourcing lead time 30 days: a cut foreign supplier's loss is "
      "physical over its first 30 days, then priced (docs/market.md)\"";
  std::vector<std::string> led = rows(ranked("csv", "30"));
  ASSERT_GE(led.size(), 2u);
  EXPECT_TRUE(led.front().ends_with(",vintage,notes")) << led.front();
  for (std::size_t k = 1; k < led.size(); ++k) EXPECT_TRUE(led[k].ends_with(cell)) << led[k];
  std::vector<std::string> plain = rows(ranked("csv", "0"));
  ASSERT_EQ(plain.size(), led.size());
  EXPECT_TRUE(plain.front().ends_with(",vintage,notes")) << plain.front();
  for (std::size_t k = 1; k < plain.size(); ++k) {
    EXPECT_TRUE(plain[k].ends_with(",latest,")) << plain[k];
  }
  std::string json = ranked("json", "30");
  EXPECT_NE(json.find("\"notes\": [{\"id\": \"resourcing_lead\", \"text\": \"re-sourcing lead "
                      "time 30 days: "),
            std::string::npos)
      << json.substr(0, 1500);
  std::string at_once = ranked("json", "0");
  EXPECT_NE(at_once.find("\"notes\": []"), std::string::npos) << at_once.substr(0, 1500);
  EXPECT_EQ(at_once.find("resourcing"), std::string::npos);
}

}  // namespace
}  // namespace mineflow
