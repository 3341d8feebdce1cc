// The bundled minerals' Sankey diagrams: every node that is neither a source (foreign mines and
// refiners) nor the not-recovered sink passes on exactly what it receives, and the totals match
// the material-flow graph. Plus the price chart's time axis.

#include <gtest/gtest.h>

#include "graph/build_graph.h"
#include "tests/cli_runner.h"
#include "tools/io/data_loaders.h"
#include "tools/io/mfa_loader.h"
#include "tools/report/flow_sankey.h"
#include "tools/report/price_chart.h"

namespace mineflow::report {
namespace {

class BundledSankey : public ::testing::TestWithParam<std::string> {};

TEST_P(BundledSankey, ConservesFlowAtEveryInnerNode) {
  std::string dir = testing::scenarios_dir();
  CountryTable countries = io::load_countries(dir + "/countries.yaml");
  io::Settings settings = io::load_settings(dir + "/settings.yaml");
  MineralData data = io::load_mineral(dir + "/minerals/" + GetParam() + ".yaml", countries);
  MineralGraph graph = build_mineral_graph(data, settings.graph);
  SankeyChart chart = material_flow_sankey(graph, data.name, Lang::en);
  SankeyLayout layout = layout_sankey(chart);

  const std::string sink = phrase("not_recovered_node", Lang::en);
  double into_demand = 0.0;
  for (std::size_t n = 0; n < chart.nodes.size(); ++n) {
    const NodeBox& box = layout.nodes[n];
    bool source = box.inflow == 0.0;
    bool is_sink = chart.nodes[n].label == sink;
    if (!source && !is_sink) {
      EXPECT_NEAR(box.inflow, box.outflow, 1e-9 * box.inflow) << chart.nodes[n].label;
    }
    if (chart.nodes[n].column == static_cast<std::size_t>(FlowStage::demand)) {
      into_demand += box.inflow;
    }
  }
  // Demand in the diagram is the graph's demand node inflow (imports, smelting, secondary).
  EXPECT_NEAR(into_demand, graph.graph.inflow_t_per_yr(graph.demand), 1e-9 * into_demand);
}

INSTANTIATE_TEST_SUITE_P(Minerals, BundledSankey,
                         ::testing::Values("rare_earths", "lithium", "cobalt", "nickel", "copper",
                                           "tungsten"));

// With a stock-flow model that names a reference year, the use side is that model year's totals
// (base), exactly; the supply side is still the graph's annual flows.
class ModelYearSankey : public ::testing::TestWithParam<std::string> {};

TEST_P(ModelYearSankey, UseSideIsTheStockFlowModelsReferenceYear) {
  std::string dir = testing::scenarios_dir();
  CountryTable countries = io::load_countries(dir + "/countries.yaml");
  io::Settings settings = io::load_settings(dir + "/settings.yaml");
  MineralData data = io::load_mineral(dir + "/minerals/" + GetParam() + ".yaml", countries);
  MineralGraph graph = build_mineral_graph(data, settings.graph);
  stock_flow::StockFlowModel model = io::load_mfa_model(dir + "/mfa/" + GetParam() + ".yaml");
  ASSERT_TRUE(model.reference_year.has_value());
  EXPECT_EQ(*model.reference_year, 2024);
  MineralStockFlow mineral;
  mineral.mineral_id = GetParam();
  mineral.base = stock_flow::run_stock_flow_model(model);
  mineral.reference_year = model.reference_year;
  std::optional<UseSideFlows> use_side = use_side_in_reference_year(mineral);
  ASSERT_TRUE(use_side.has_value());
  EXPECT_EQ(use_side->year, 2024);
  SankeyChart chart = material_flow_sankey(graph, data.name, Lang::en, use_side);

  // The stock-flow result at the reference year.
  std::size_t t = static_cast<std::size_t>(2024 - mineral.base.first_year);
  double demand = demand_t_per_yr(mineral.base)[t];
  double end_of_life = end_of_life_outflow_t_per_yr(mineral.base)[t];
  double secondary = secondary_supply_t_per_yr(mineral.base)[t];
  ASSERT_GT(demand, 0.0);
  ASSERT_GT(end_of_life, 0.0);

  auto column = [&](std::size_t node) { return static_cast<FlowStage>(chart.nodes[node].column); };
  const std::string recycled = phrase("recycled_node", Lang::en);
  const std::string not_recovered = phrase("not_recovered_node", Lang::en);
  std::map<std::string, double> use_links;
  double imports_to_demand = 0.0;
  for (const SankeyLink& link : chart.links) {
    FlowStage from = column(link.from);
    FlowStage to = column(link.to);
    std::string key;
    if (from == FlowStage::demand && to == FlowStage::in_use) key = "demand->in_use";
    if (from == FlowStage::in_use && to == FlowStage::end_of_life) key = "in_use->eol";
    if (from == FlowStage::end_of_life && chart.nodes[link.to].label == recycled) {
      key = "eol->recycled";
    }
    if (from == FlowStage::end_of_life && chart.nodes[link.to].label == not_recovered) {
      key = "eol->not_recovered";
    }
    if (chart.nodes[link.from].label == recycled && to == FlowStage::demand) {
      key = "recycled->demand";
    }
    if (from == FlowStage::focal_imports && to == FlowStage::demand) {
      imports_to_demand += link.value;
    }
    if (key.empty()) continue;
    EXPECT_EQ(use_links.count(key), 0u) << key << " drawn twice";
    use_links[key] = link.value;
  }
  EXPECT_EQ(use_links["demand->in_use"], demand);
  EXPECT_EQ(use_links["in_use->eol"], end_of_life);
  EXPECT_EQ(use_links["eol->recycled"], secondary);
  EXPECT_EQ(use_links["recycled->demand"], secondary);
  EXPECT_EQ(use_links["eol->not_recovered"], end_of_life - secondary);

  // The supply side: the graph's annual refined imports and stockpile releases into demand.
  double graph_imports = 0.0;
  for (const Edge& edge : graph.graph.edges()) {
    if (edge.kind == FlowKind::refined_import || edge.kind == FlowKind::stockpile_release) {
      graph_imports += edge.flow_t_per_yr;
    }
  }
  EXPECT_NEAR(imports_to_demand, graph_imports, 1e-9 * graph_imports);

  // Without a reference year the use side is the graph's steady state, as before.
  mineral.reference_year.reset();
  EXPECT_FALSE(use_side_in_reference_year(mineral).has_value());
}

INSTANTIATE_TEST_SUITE_P(Minerals, ModelYearSankey,
                         ::testing::Values("rare_earths", "lithium", "cobalt", "nickel", "copper",
                                           "tungsten", "graphite"));

TEST(ModelYearSankey, CobaltDemandDiffersFromTheSteadyState) {
  // The point of the change (issue 25): the graph's steady state draws demand = in use = end of
  // life; the model year does not.
  std::string dir = testing::scenarios_dir();
  stock_flow::StockFlowModel model = io::load_mfa_model(dir + "/mfa/cobalt.yaml");
  MineralStockFlow mineral;
  mineral.base = stock_flow::run_stock_flow_model(model);
  mineral.reference_year = model.reference_year;
  std::optional<UseSideFlows> use_side = use_side_in_reference_year(mineral);
  ASSERT_TRUE(use_side.has_value());
  EXPECT_GT(use_side->demand_t_per_yr, use_side->end_of_life_t_per_yr);
  EXPECT_GT(use_side->end_of_life_t_per_yr, use_side->secondary_supply_t_per_yr);
}

TEST(PriceChart, MonthlyPeriodsAreFractionalYears) {
  PriceSeries monthly;
  monthly.frequency = PriceFrequency::monthly;
  monthly.start_year = 2017;
  monthly.start_month = 7;
  EXPECT_DOUBLE_EQ(period_year(monthly, 0), 2017.5);
  EXPECT_DOUBLE_EQ(period_year(monthly, 6), 2018.0);
  PriceSeries annual;
  annual.start_year = 2000;
  EXPECT_DOUBLE_EQ(period_year(annual, 17), 2017.0);
}

}  // namespace
}  // namespace mineflow::report
