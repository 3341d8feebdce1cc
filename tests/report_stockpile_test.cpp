// The report's stockpile-days curves (tools/report/stockpile_chart.h): one curve per recycling
// share, the 60-day base and the days the target needs as markers, the target as a flat line,
// the CSV, and a bundled sweep run for the report twice gives the same bits.

#include <gtest/gtest.h>

#include "graph/build_graph.h"
#include "tests/golden.h"
#include "tools/io/data_loaders.h"
#include "tools/io/scenario_loader.h"
#include "tools/report/scenario_run.h"
#include "tools/report/stockpile_chart.h"

namespace mineflow::report {
namespace {

MineralSweep synthetic() {
  MineralSweep sweep;
  sweep.mineral_id = "tiny";
  sweep.mineral_name = "Tiny";
  sweep.scenario_id = "tiny_background";
  sweep.policy = "stockpile_60";
  SweepResult& r = sweep.result;
  r.trials = 100;
  r.seed = 3;
  for (double share : {0.0, 0.2}) {
    for (double days : {0.0, 30.0, 60.0, 90.0}) {
      SweepCell cell;
      cell.days = days;
      cell.recycling_share = share;
      cell.p_shortage = {0.4 * (1.0 - days / 100.0) * (1.0 - share), 0.01};
      cell.stock_t = days * 10.0;
      r.cells.push_back(cell);
    }
  }
  r.target = SweepTarget{SweepMetric::p_shortage, 0.05};
  DaysFinding found;
  found.days = 75.0;
  r.days_needed = {found};
  return sweep;
}

TEST(StockpileDaysChart, CurvesMarkersAndTargetLine) {
  MineralSweep sweep = synthetic();
  LineChart chart = stockpile_days_chart(sweep, Lang::en);
  ASSERT_EQ(chart.series.size(), 3u);  // two shares and the target line
  EXPECT_EQ(chart.series[0].name, "recycling 0.0%");
  EXPECT_EQ(chart.series[1].name, "recycling 20.0%");
  EXPECT_EQ(chart.series[0].x, (std::vector<double>{0, 30, 60, 90}));
  EXPECT_DOUBLE_EQ(chart.series[1].y[1], 0.4 * 0.7 * 0.8);
  EXPECT_EQ(chart.series[2].name, "target: p_shortage<=0.05");
  EXPECT_EQ(chart.series[2].y, (std::vector<double>{0.05, 0.05}));
  EXPECT_EQ(chart.series[2].x, (std::vector<double>{0, 90}));
  EXPECT_EQ(line_series_colour(chart, 2), "#000000");
  ASSERT_EQ(chart.markers.size(), 2u);
  EXPECT_EQ(chart.markers[0].x, 60.0);
  EXPECT_EQ(chart.markers[0].label, "60-day base");
  EXPECT_EQ(chart.markers[1].x, 75.0);
  EXPECT_EQ(chart.markers[1].label, "target met at 75 d");
  EXPECT_FALSE(chart.y_max);  // the axis fits the small background risks and the target
  EXPECT_EQ(chart.y_label, "P(any shortage over the horizon)");
  std::string csv = stockpile_days_csv({&sweep});
  std::size_t lines = 0;
  for (char c : csv) lines += c == '\n';
  EXPECT_EQ(lines, 9u);
  EXPECT_NE(csv.find("tiny,tiny_background,stockpile_60,0.2,30,p_shortage,"), std::string::npos);
  testing::expect_golden("report_stockpile_synthetic.svg", render_line_chart(chart, 700, 330));
}

TEST(StockpileDaysChart, BundledSweepIsDeterministic) {
  std::string dir = MINEFLOW_SCENARIOS_DIR;
  CountryTable countries = io::load_countries(dir + "/countries.yaml");
  io::Settings settings = io::load_settings(dir + "/settings.yaml");
  Scenario scenario = io::load_scenario(dir + "/disruptions/cobalt_background.yaml", countries);
  MineralData data = io::load_mineral(scenario.mineral_file, countries);
  MineralGraph graph = build_mineral_graph(data, settings.graph);
  auto run = [&] {
    return run_sweep_for_report(scenario, data, graph, countries, settings.indicators, 500,
                                "Cobalt");
  };
  MineralSweep a = run();
  MineralSweep b = run();
  EXPECT_EQ(a.result.trials, 500u);
  EXPECT_EQ(a.policy, "stockpile_60");
  ASSERT_FALSE(a.result.cells.empty());
  EXPECT_EQ(stockpile_days_csv({&a}), stockpile_days_csv({&b}));
  // More stockpile days never raise the shortage probability (common random numbers).
  for (std::size_t i = 1; i < a.result.cells.size(); ++i) {
    const SweepCell& prev = a.result.cells[i - 1];
    const SweepCell& cell = a.result.cells[i];
    if (cell.recycling_share != prev.recycling_share) continue;
    EXPECT_LE(cell.p_shortage.value, prev.p_shortage.value) << cell.days;
  }
}

}  // namespace
}  // namespace mineflow::report
