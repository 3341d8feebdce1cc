// The report's stock-flow charts (tools/report/stock_flow_charts.h): their data agree with the
// model's results, the stacked stock adds up, base and policy lines share a colour, the CSV
// holds every drawn point, and a golden copy of a tiny model's charts and CSV.

#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>

#include "tests/cli_runner.h"
#include "tests/golden.h"
#include "tools/io/mfa_loader.h"
#include "tools/report/stock_flow_charts.h"

namespace mineflow::report {
namespace {

// Two regions, one inflow-driven and one stock-driven category, 2020-2026.
const char* kTinyModel = R"(model: tiny
unit: t Cu
years: {first: 1998, last: 2006}
regions:
  - {id: north, share: 0.25}
  - {id: south, share: 0.75}
categories:
  - id: tools
    name: "Cutting tools"
    driver: inflow
    path: {points: {1998: 100, 2006: 180}, source: test}
    lifetime: {distribution: fixed, mean: 2}
    end_of_life:
      collection_rate: {points: {1998: 0.5, 2006: 0.8}}
      scrap_export_share: 0.25
      recovery_efficiency: 0.9
  - id: magnets
    driver: stock
    path: {points: {1998: 50, 2003: 200, 2006: 100}}
    lifetime: {distribution: normal, mean: 4, sd: 1.5}
    end_of_life: {collection_rate: 0.3, scrap_export_share: 0.0, recovery_efficiency: 1}
)";

std::string policy_text() {
  std::string text = kTinyModel;
  text.replace(text.find("scrap_export_share: 0.25"), 24, "scrap_export_share: 0.05");
  return text;
}

MineralStockFlow tiny(bool with_policy) {
  MineralStockFlow mineral;
  mineral.mineral_id = "tiny";
  mineral.mineral_name = "Tiny";
  stock_flow::StockFlowModel model = io::load_mfa_model_text(kTinyModel, "tiny.yaml");
  for (const auto& category : model.categories) mineral.category_names.push_back(category.name);
  mineral.base = stock_flow::run_stock_flow_model(model);
  if (with_policy) {
    mineral.policy =
        stock_flow::run_stock_flow_model(io::load_mfa_model_text(policy_text(), "tiny_policy"));
  }
  return mineral;
}

TEST(StockFlowCharts, ShowTheYearsFrom2000WithTheModelsTotals) {
  MineralStockFlow mineral = tiny(true);
  LineChart stock = in_use_stock_chart(mineral, Lang::en);
  ASSERT_EQ(stock.series.size(), 2u);
  EXPECT_TRUE(stock.stacked);
  EXPECT_EQ(stock.series[0].name, "Cutting tools");
  EXPECT_EQ(stock.series[1].name, "magnets");  // no name in the file: the id
  EXPECT_EQ(stock.y_unit, "t Cu");
  ASSERT_EQ(stock.series[0].x.size(), 7u);  // 2000..2006: the spin-up years are left out
  EXPECT_EQ(stock.series[0].x.front(), 2000.0);
  EXPECT_EQ(stock.series[0].x.back(), 2006.0);
  for (std::size_t c = 0; c < 2; ++c) {
    const stock_flow::RegionSeries& s = mineral.base.categories[c].stock.stock;
    for (std::size_t i = 0; i < 7; ++i) {
      int year = static_cast<int>(i) + 2;
      EXPECT_EQ(stock.series[c].y[i], s.at(year, 0) + s.at(year, 1)) << c << " " << i;
    }
  }
  // By hand: tools have a fixed 2-year life and inflow 100 + 10/yr from 1998 (cohorts enter at
  // the start of the year), so the 2000 stock is the 1999 and 2000 cohorts, 110 + 120.
  EXPECT_DOUBLE_EQ(stock.series[0].y[0], 230.0);
  // Stacked: the top band's upper edge is drawn at the total stock.
  LineChartLayout layout = layout_line_chart(stock, 700, 330);
  for (std::size_t i = 0; i < 7; ++i) {
    double total = stock.series[0].y[i] + stock.series[1].y[i];
    EXPECT_NEAR(layout.lines[1][i].y, layout.y(total), 1e-9);
  }

  LineChart flows = stock_flow_flows_chart(mineral, Lang::en);
  ASSERT_EQ(flows.series.size(), 4u);
  EXPECT_EQ(flows.y_unit, "t/yr Cu");
  EXPECT_FALSE(flows.series[2].dashed);
  EXPECT_TRUE(flows.series[3].dashed);  // the policy variant
  // Fewer scrap exports, the same collection: more secondary supply once anything is collected.
  std::vector<double> base = secondary_supply_t_per_yr(mineral.base);
  std::vector<double> policy = secondary_supply_t_per_yr(*mineral.policy);
  for (std::size_t i = 0; i < 7; ++i) {
    EXPECT_EQ(flows.series[2].y[i], base[i + 2]);
    EXPECT_EQ(flows.series[3].y[i], policy[i + 2]);
    EXPECT_GE(policy[i + 2], base[i + 2]);
  }
  // End-of-life outflow: the sum of every category's outflow over regions.
  double eol_2006 = 0.0;
  for (const auto& category : mineral.base.categories) {
    eol_2006 += category.stock.outflow.at(8, 0) + category.stock.outflow.at(8, 1);
  }
  EXPECT_DOUBLE_EQ(flows.series[1].y.back(), eol_2006);
}

TEST(StockFlowCharts, ShareChartPairsBaseAndPolicyByColour) {
  MineralStockFlow a = tiny(true);
  MineralStockFlow b = tiny(false);
  b.mineral_name = "Other";
  LineChart chart = secondary_share_chart({&a, &b}, Lang::en);
  ASSERT_EQ(chart.series.size(), 3u);
  EXPECT_EQ(chart.colour_of_series, (std::vector<std::size_t>{0, 0, 1}));
  EXPECT_EQ(line_series_colour(chart, 0), line_series_colour(chart, 1));
  EXPECT_NE(line_series_colour(chart, 1), line_series_colour(chart, 2));
  EXPECT_EQ(chart.series[1].name, "Tiny (recycling policy)");
  EXPECT_TRUE(chart.series[1].dashed);
  EXPECT_EQ(chart.y_unit, "%");
  for (std::size_t i = 0; i < chart.series[0].x.size(); ++i) {
    int year = static_cast<int>(chart.series[0].x[i]);
    EXPECT_DOUBLE_EQ(chart.series[0].y[i],
                     100.0 * stock_flow::secondary_share_in_year(a.base, year));
    EXPECT_GE(chart.series[0].y[i], 0.0);
    EXPECT_LE(chart.series[0].y[i], 100.0);
  }
}

TEST(StockFlowCharts, CsvHoldsEveryDrawnPoint) {
  MineralStockFlow mineral = tiny(true);
  std::string csv = stock_flow_csv({&mineral});
  // Header + 2 variants x (2 categories + 4 totals) x 7 years.
  std::size_t lines = 0;
  for (char c : csv) lines += c == '\n';
  EXPECT_EQ(lines, 1u + 2u * 6u * 7u);
  EXPECT_EQ(csv.rfind("mineral,variant,year,quantity,category,value,unit\n", 0), 0u);
  EXPECT_NE(csv.find("tiny,policy,2006,secondary_supply,,"), std::string::npos);
  EXPECT_NE(csv.find("tiny,base,2000,in_use_stock,magnets,"), std::string::npos);
}

TEST(StockFlowCharts, JapaneseTitles) {
  MineralStockFlow mineral = tiny(true);
  EXPECT_EQ(in_use_stock_chart(mineral, Lang::ja).title, "Tiny: 製品別の使用中ストック");
  EXPECT_EQ(stock_flow_flows_chart(mineral, Lang::ja).y_unit, "t/年 Cu");
}

// Golden: the drawn charts and the CSV of the tiny model, byte for byte (MINEFLOW_UPDATE_GOLDEN=1
// rewrites them; look at the SVG in a browser before committing).
TEST(StockFlowCharts, GoldenTinyModel) {
  MineralStockFlow mineral = tiny(true);
  std::string svg = render_line_chart(in_use_stock_chart(mineral, Lang::en), 700, 330) +
                    render_line_chart(stock_flow_flows_chart(mineral, Lang::en), 700, 330) +
                    render_line_chart(secondary_share_chart({&mineral}, Lang::en));
  testing::expect_golden("report_stock_flow_tiny.svg", svg);
  testing::expect_golden("report_stock_flow_tiny.csv", stock_flow_csv({&mineral}));
}

// The bundled models: every mineral's policy variant recovers at least as much as its base in
// every shown year, and strictly more by 2040 (the policy targets are reached by 2035).
TEST(StockFlowCharts, BundledPolicyVariantsRecoverMore) {
  for (const char* id : {"rare_earths", "lithium", "cobalt", "nickel", "copper", "tungsten"}) {
    SCOPED_TRACE(id);
    std::string dir = std::string(MINEFLOW_SCENARIOS_DIR) + "/mfa/";
    auto base = stock_flow::run_stock_flow_model(io::load_mfa_model(dir + id + ".yaml"));
    auto policy = stock_flow::run_stock_flow_model(io::load_mfa_model(dir + id + "_policy.yaml"));
    std::vector<double> b = secondary_supply_t_per_yr(base);
    std::vector<double> p = secondary_supply_t_per_yr(policy);
    ASSERT_EQ(b.size(), p.size());
    for (std::size_t i = 0; i < b.size(); ++i) {
      EXPECT_GE(p[i], b[i] * (1.0 - 1e-12)) << base.first_year + static_cast<int>(i);
    }
    EXPECT_GT(p[static_cast<std::size_t>(2040 - base.first_year)],
              b[static_cast<std::size_t>(2040 - base.first_year)]);
    // The in-use stock is the same: the policy changes only what happens at end of life.
    EXPECT_EQ(in_use_stock_t(base, 0), in_use_stock_t(policy, 0));
  }
}

}  // namespace
}  // namespace mineflow::report
