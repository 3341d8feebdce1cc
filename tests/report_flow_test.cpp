// The bundled minerals' Sankey diagrams: every node that is neither a source (foreign mines and
// refiners) nor the not-recovered sink passes on exactly what it receives, and the totals match
// the material-flow graph. Plus the price chart's time axis.

#include <gtest/gtest.h>

#include "graph/build_graph.h"
#include "tests/cli_runner.h"
#include "tools/io/data_loaders.h"
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
