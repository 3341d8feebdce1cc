// The report's disruption-scenario charts (tools/report/scenario_charts.h, scenario_run.h):
// exceedance curves and residual risk by hand, the stacked daily bands add up to demand, the
// radar's after/residual layers, a bundled scenario run twice gives the same bits, and a golden
// copy of the charts of a small synthetic run.

#include <gtest/gtest.h>

#include <cstdint>
#include <string>

#include "graph/build_graph.h"
#include "tests/cli_runner.h"
#include "tests/golden.h"
#include "tools/io/data_loaders.h"
#include "tools/io/scenario_loader.h"
#include "tools/report/indicator_charts.h"
#include "tools/report/scenario_run.h"

namespace mineflow::report {
namespace {

TEST(Exceedance, EmpiricalCurveByHand) {
  std::vector<double> values = {3, 0, 2, 0, 1};
  std::vector<ExceedancePoint> curve = exceedance_curve(values, 3);
  ASSERT_EQ(curve.size(), 4u);
  double xs[] = {0, 1, 2, 3};
  double ps[] = {0.6, 0.4, 0.2, 0.0};  // P(X > x): 3, 2, 1, 0 of 5 values
  for (std::size_t i = 0; i < 4; ++i) {
    EXPECT_DOUBLE_EQ(curve[i].x, xs[i]);
    EXPECT_DOUBLE_EQ(curve[i].p, ps[i]);
  }
  std::vector<double> zeros(10, 0.0);
  ASSERT_EQ(exceedance_curve(zeros, 100).size(), 1u);
  EXPECT_EQ(exceedance_curve(zeros, 100)[0].p, 0.0);
  EXPECT_TRUE(exceedance_curve(std::vector<double>{}, 10).empty());
}

TEST(Residual, ScalesTheAfterValueByTheUnmetRatio) {
  EXPECT_DOUBLE_EQ(*residual_import_risk(4.0, 1.0, 2.0), 2.0);
  EXPECT_DOUBLE_EQ(*residual_import_risk(4.0, 0.0, 0.0), 4.0);  // nothing to avoid: unchanged
  EXPECT_FALSE(residual_import_risk(std::nullopt, 1.0, 2.0));
}

// Two policies over three days: a cut on day 1 met from stocks under the second policy.
MineralScenario synthetic() {
  MineralScenario run;
  run.mineral_id = "tiny";
  run.mineral_name = "Tiny";
  run.scenario_id = "tiny_cut";
  run.scenario_name = "A cut";
  run.seed = 7;
  run.trials = 4;
  PolicyOutcome none;
  none.name = "no_policy";
  PolicyOutcome stock;
  stock.name = "stockpile_60";
  for (int d = 0; d < 3; ++d) {
    DayRecord day;
    day.day = d;
    day.demand_t = 10;
    day.domestic_t = 2;
    day.imports_t = d == 1 ? 4 : 8;
    day.unmet_t = d == 1 ? 4 : 0;
    day.inventory_end_t = 50;
    day.price_multiple = d == 1 ? 1.5 : 1.0;
    none.days.push_back(day);
    day.unmet_t = 0;
    day.stockpile_release_t = d == 1 ? 4 : (d == 2 ? -1 : 0);  // refilling on day 2
    day.refill_purchases_t = d == 2 ? 1 : 0;
    day.stockpile_end_t = d == 0 ? 600 : (d == 1 ? 596 : 597);
    stock.days.push_back(day);
  }
  none.unmet_t = {0, 4, 8, 0};
  stock.unmet_t = {0, 0, 2, 0};
  IndicatorValue refined;
  refined.id = IndicatorId::refined_import_stability;
  refined.value = 4.0;
  none.after = stock.after = {refined};
  stock.residual_refined = 1.0;
  run.policies = {none, stock};
  return run;
}

TEST(ScenarioCharts, StackedBandsAddUpToDemand) {
  MineralScenario run = synthetic();
  for (const PolicyOutcome& policy : run.policies) {
    LineChart chart = daily_supply_chart(run, policy, Lang::en);
    ASSERT_EQ(chart.series.size(), 6u);
    EXPECT_TRUE(chart.stacked);
    EXPECT_EQ(chart.series[5].name, "Unmet demand");
    EXPECT_EQ(line_series_colour(chart, 5), "#D55E00");  // vermillion
    for (std::size_t d = 0; d < 3; ++d) {
      double top = 0.0;
      for (const LineSeries& band : chart.series) top += band.y[d];
      EXPECT_DOUBLE_EQ(top, 10.0) << policy.name << " day " << d;  // refills are not drawn
    }
  }
  LineChart levels = stock_level_chart(run, Lang::en);
  ASSERT_EQ(levels.series.size(), 4u);
  EXPECT_EQ(levels.series[2].name, "60-day stockpile: stockpile");
  EXPECT_EQ(levels.series[2].y, (std::vector<double>{600, 596, 597}));
  EXPECT_TRUE(levels.series[3].dashed);
  EXPECT_EQ(levels.colour_of_series, (std::vector<std::size_t>{0, 0, 1, 1}));
  LineChart exceed = exceedance_chart(run, Lang::en);
  ASSERT_EQ(exceed.series.size(), 2u);
  EXPECT_EQ(exceed.y_max, 1.0);
  EXPECT_DOUBLE_EQ(exceed.series[0].y.front(), 0.5);   // 2 of 4 trials short
  EXPECT_DOUBLE_EQ(exceed.series[1].y.front(), 0.25);  // 1 of 4
}

TEST(ScenarioCharts, RadarAfterAndResidualLayers) {
  MineralScenario run = synthetic();
  RatingThresholds thresholds;
  thresholds.import_stability.low_limit = 1.0;
  thresholds.import_stability.high_limit = 3.0;
  io::MineralIndicators before;
  before.mineral = "tiny";
  before.name = "Tiny";
  before.values = run.policies[1].after;
  RadarChart chart = indicator_radar(before, thresholds, Lang::en);
  add_policy_layers(chart, run, thresholds, Lang::en);
  ASSERT_TRUE(chart.after && chart.markers);
  EXPECT_EQ(chart.after->name, "After policy");
  // The last policy: its after value (4) and residual (1) on the refined-imports axis.
  // Axis 4 (index 3): after 4 -> between H = 3 and 2H = 6: 2/3 + (1/3)(1/3); residual 1 -> 1/3.
  EXPECT_NEAR(*chart.after->values[3], 2.0 / 3.0 + 1.0 / 9.0, 1e-12);
  EXPECT_NEAR(*chart.markers->values[3], 1.0 / 3.0, 1e-12);
  EXPECT_FALSE(chart.markers->values[2]);  // N/A: no marker
}

TEST(ScenarioCharts, GoldenSyntheticRun) {
  MineralScenario run = synthetic();
  std::string svg = render_line_chart(daily_supply_chart(run, run.policies[1], Lang::en)) +
                    render_line_chart(stock_level_chart(run, Lang::en)) +
                    render_line_chart(daily_price_chart(run, Lang::en)) +
                    render_line_chart(exceedance_chart(run, Lang::en));
  testing::expect_golden("report_scenario_synthetic.svg", svg);
  testing::expect_golden("report_scenario_synthetic.csv",
                         scenario_series_csv({&run}) + exceedance_csv({&run}));
}

// A bundled scenario with what the report runs it on (its mineral's seed figures and graph).
struct BundledScenario {
  explicit BundledScenario(const std::string& id)
      : countries(io::load_countries(dir + "/countries.yaml")),
        thresholds(io::load_thresholds(dir + "/thresholds.yaml")),
        settings(io::load_settings(dir + "/settings.yaml")),
        scenario(io::load_scenario(dir + "/disruptions/" + id + ".yaml", countries)),
        data(io::load_mineral(scenario.mineral_file, countries)),
        graph(build_mineral_graph(data, settings.graph)) {}
  MineralScenario run(std::uint64_t trials, const std::string& name) const {
    return run_scenario_for_report(scenario, data, graph, countries, thresholds,
                                   settings.indicators, trials, name);
  }
  std::string dir = MINEFLOW_SCENARIOS_DIR;
  CountryTable countries;
  RatingThresholds thresholds;
  io::Settings settings;
  Scenario scenario;
  MineralData data;
  MineralGraph graph;  // refers to `data`: built after it, never copied
};

// A bundled scenario through the engine: the same bits twice, daily bands that add up to demand
// on every day without refills, and P(unmet > 0) equal to the share of short trials.
TEST(ScenarioRun, BundledScenarioIsDeterministicAndBalanced) {
  BundledScenario lithium("lithium_price_spike_2021");
  auto run = [&] { return lithium.run(500, "Lithium"); };
  MineralScenario a = run();
  MineralScenario b = run();
  EXPECT_EQ(a.trials, 500u);
  EXPECT_EQ(a.seed, 2021u);
  ASSERT_EQ(a.policies.size(), b.policies.size());
  ASSERT_GE(a.policies.size(), 2u);
  for (std::size_t p = 0; p < a.policies.size(); ++p) {
    SCOPED_TRACE(a.policies[p].name);
    EXPECT_EQ(a.policies[p].unmet_t, b.policies[p].unmet_t);
    ASSERT_EQ(a.policies[p].unmet_t.size(), a.trials);
    ASSERT_FALSE(a.policies[p].days.empty());
    LineChart chart = daily_supply_chart(a, a.policies[p], Lang::en);
    // The stacked chart draws the daily means across the band trials, which add up to the mean
    // demand.
    ASSERT_EQ(a.policies[p].mean_days.size(), a.policies[p].days.size());
    for (std::size_t d = 0; d < a.policies[p].mean_days.size(); ++d) {
      const DayRecord& day = a.policies[p].mean_days[d];
      if (day.refill_purchases_t > 0.0) continue;
      double top = 0.0;
      for (const LineSeries& band : chart.series) top += band.y[d];
      EXPECT_NEAR(top, day.demand_t, 1e-9 * day.demand_t) << "day " << d;
    }
    std::size_t short_trials = 0;
    for (double u : a.policies[p].unmet_t) short_trials += u > 0.0;
    EXPECT_DOUBLE_EQ(exceedance_curve(a.policies[p].unmet_t, 100).front().p,
                     static_cast<double>(short_trials) / static_cast<double>(a.trials));
  }
  EXPECT_EQ(scenario_series_csv({&a}), scenario_series_csv({&b}));
  // Median and 5-95 % band of the stock levels and the price over the first 400 trials.
  EXPECT_EQ(a.band_trials, 400u);
  for (std::size_t p = 0; p < a.policies.size(); ++p) {
    const PolicyOutcome& policy = a.policies[p];
    for (const DailyBand* band :
         {&policy.stockpile_t, &policy.inventory_t, &policy.price_multiple}) {
      ASSERT_EQ(band->q50.size(), policy.days.size());
      for (std::size_t d = 0; d < band->q50.size(); ++d) {
        EXPECT_LE(band->q05[d], band->q50[d]);
        EXPECT_LE(band->q50[d], band->q95[d]);
      }
    }
    EXPECT_EQ(policy.price_multiple.q50, b.policies[p].price_multiple.q50);
  }
  LineChart price = daily_price_chart(a, Lang::en);
  ASSERT_FALSE(price.series.empty());
  EXPECT_EQ(price.series[0].y, a.policies[0].price_multiple.q50);
  EXPECT_EQ(price.series[0].band_high, a.policies[0].price_multiple.q95);
  EXPECT_NE(render_line_chart(price).find("fill-opacity=\"0.16\""), std::string::npos);
}

// Where the market can split, each policy's price comes with the restricting country's domestic
// price: same colour, dashed, named; the CSV gains its column only there.
TEST(ScenarioCharts, ASplitMarketDrawsTheDomesticPriceBesideEachPolicy) {
  MineralScenario run = synthetic();
  for (PolicyOutcome& policy : run.policies) {
    for (DayRecord& day : policy.days) day.domestic_price_multiple = day.day == 1 ? 0.85 : 1.0;
  }
  EXPECT_EQ(scenario_series_csv({&run}).find("domestic_price_multiple"), std::string::npos);
  LineChart one = daily_price_chart(run, Lang::en);
  ASSERT_EQ(one.series.size(), 2u);
  EXPECT_TRUE(one.series[1].dashed);  // without a split: the second policy dashed, as always

  run.split_country = "CHN";
  // Every policy with the same domestic price: one line for them all.
  LineChart shared = daily_price_chart(run, Lang::en);
  ASSERT_EQ(shared.series.size(), 3u);
  EXPECT_EQ(shared.series[1].name, "domestic price in CHN");
  EXPECT_TRUE(shared.series[1].dashed);
  EXPECT_EQ(shared.colour_of_series, (std::vector<std::size_t>{0, 6, 1}));  // black: every policy's
  // Rounding apart (each policy's model runs its own market) is still one line.
  run.policies[1].days[1].domestic_price_multiple = 0.85 * (1.0 + 1e-13);
  EXPECT_EQ(daily_price_chart(run, Lang::en).series.size(), 3u);

  run.policies[1].days[1].domestic_price_multiple = 0.9;  // a response of its own
  LineChart split = daily_price_chart(run, Lang::en);
  ASSERT_EQ(split.series.size(), 4u);
  EXPECT_EQ(split.colour_of_series, (std::vector<std::size_t>{0, 0, 1, 1}));
  EXPECT_FALSE(split.series[0].dashed);
  EXPECT_FALSE(split.series[2].dashed);
  EXPECT_TRUE(split.series[1].dashed);
  EXPECT_EQ(split.series[1].name, "no policy: domestic price in CHN");
  EXPECT_EQ(split.series[1].y, (std::vector<double>{1.0, 0.85, 1.0}));
  EXPECT_EQ(split.series[3].y, (std::vector<double>{1.0, 0.9, 1.0}));
  EXPECT_EQ(split.series[0].y, (std::vector<double>{1.0, 1.5, 1.0}));
  const std::string csv = scenario_series_csv({&run});
  EXPECT_NE(csv.find("tiny,tiny_cut,no_policy,1,domestic_price_multiple,0.85,1\n"),
            std::string::npos);
}

// The report knows which scenarios can split (the run's helper, split_country): tungsten's
// quotas restrict China's exports, which tungsten's network gives; the 2010 replay's rare earths
// have no export data.
TEST(ScenarioRun, KnowsWhetherTheMarketCanSplit) {
  EXPECT_EQ(BundledScenario("tungsten_china_quotas").run(20, "Tungsten").split_country, "CHN");
  EXPECT_EQ(BundledScenario("rare_earths_china_2010").run(1, "Rare earths").split_country, "");
}

// A scenario with no random event keeps its one path: no band, the path itself drawn.
TEST(ScenarioRun, DeterministicScenarioDrawsItsPath) {
  MineralScenario run = BundledScenario("rare_earths_china_2010").run(500, "Rare earths");
  EXPECT_EQ(run.band_trials, 0u);
  LineChart price = daily_price_chart(run, Lang::en);
  ASSERT_FALSE(price.series.empty());
  EXPECT_TRUE(price.series[0].band_low.empty());
  ASSERT_EQ(price.series[0].y.size(), run.policies[0].days.size());
  EXPECT_EQ(price.series[0].y.back(), run.policies[0].days.back().price_multiple);
}

TEST(PolicyLabel, BundledIdsInWords) {
  EXPECT_EQ(policy_label("no_policy", Lang::en), "no policy");
  EXPECT_EQ(policy_label("stockpile_60", Lang::en), "60-day stockpile");
  EXPECT_EQ(policy_label("stockpile_60_recycling_mfa_2035", Lang::en),
            "60-day stockpile + recycling (stock-flow model, 2035)");
  EXPECT_EQ(policy_label("stockpile_60_diversify", Lang::en),
            "60-day stockpile + diversified sourcing");
  EXPECT_EQ(policy_label("no_response", Lang::ja), "需要反応なし");
  EXPECT_EQ(policy_label("stockpile_60_recycling", Lang::ja), "備蓄 60 日＋リサイクル");
  EXPECT_EQ(policy_label("my_own_plan", Lang::en), "my own plan");
}

}  // namespace
}  // namespace mineflow::report
