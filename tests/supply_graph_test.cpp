// The material-flow graph: shares x totals become edges, mass balance at every flow node,
// cycles allowed only inside the recycling loop.

#include "graph/supply_graph.h"

#include <gtest/gtest.h>

#include "graph/validate.h"
#include "test_data.h"

namespace mineflow {
namespace {

double sum_flows(const SupplyGraph& graph, const std::vector<EdgeId>& edges) {
  double total = 0.0;
  for (EdgeId id : edges) total += graph.edge_at(id).flow_t_per_yr;
  return total;
}

TEST(SupplyGraph, FixtureEdgesAreSharesTimesTotals) {
  auto bundled = testing::load_bundled();
  MineralData data = io::load_mineral(std::string(MINEFLOW_TEST_DATA_DIR) + "/minimal_mineral.yaml",
                                      bundled.countries);
  MineralGraph mineral = build_mineral_graph(data, GraphOptions{});
  const SupplyGraph& graph = mineral.graph;
  // Refined imports 60 t: CHN 45, KOR 15. Concentrate 20 t from AUS.
  auto refined = graph.edges_of_kind(FlowKind::refined_import);
  ASSERT_EQ(refined.size(), 2u);
  EXPECT_DOUBLE_EQ(graph.edge_at(refined[0]).flow_t_per_yr, 45.0);
  EXPECT_EQ(graph.node_at(graph.edge_at(refined[0]).from).country, "CHN");
  EXPECT_DOUBLE_EQ(graph.edge_at(refined[1]).flow_t_per_yr, 15.0);
  EXPECT_DOUBLE_EQ(sum_flows(graph, graph.edges_of_kind(FlowKind::concentrate_import)), 20.0);
  // AUS mines 40 t: 20 t to Japan, 20 t to the world market.
  NodeId aus_mine = *graph.find("AUS", Stage::mine);
  EXPECT_DOUBLE_EQ(graph.node_at(aus_mine).capacity_t_per_yr, 40.0);
  EXPECT_DOUBLE_EQ(sum_flows(graph, graph.out_edges(aus_mine)), 40.0);
  // Primary supply 80 t; secondary share 0.2 of demand -> 20 t; demand 100 t.
  EXPECT_DOUBLE_EQ(graph.inflow_t_per_yr(mineral.demand), 100.0);
  EXPECT_DOUBLE_EQ(sum_flows(graph, graph.edges_of_kind(FlowKind::secondary)), 20.0);
  // Capacity from the file's capacities list.
  EXPECT_DOUBLE_EQ(graph.node_at(*graph.find("KOR", Stage::refine)).capacity_t_per_yr, 30.0);
}

TEST(SupplyGraph, MassBalanceAtEveryFlowNodeOfEveryBundledMineral) {
  auto bundled = testing::load_bundled();
  for (const char* id : {"rare_earths", "lithium", "cobalt", "nickel", "copper", "tungsten"}) {
    MineralData data = io::load_mineral(testing::bundled_mineral(id), bundled.countries);
    GraphOptions options;
    options.use_secondary_proxy = true;
    MineralGraph mineral = build_mineral_graph(data, options);
    const SupplyGraph& graph = mineral.graph;
    for (NodeId node = 0; node < graph.node_count(); ++node) {
      const Stage stage = graph.node_at(node).stage;
      // Sources (mines, foreign refineries) and sinks (markets, end of life) have one side only.
      if (graph.in_edges(node).empty() || graph.out_edges(node).empty()) continue;
      if (stage == Stage::end_of_life) continue;  // retired material not recovered is a loss
      EXPECT_NEAR(sum_flows(graph, graph.in_edges(node)), sum_flows(graph, graph.out_edges(node)),
                  1e-9 * graph.inflow_t_per_yr(node))
          << id << " " << graph.label(node);
    }
    EXPECT_NO_THROW(validate_graph(graph, data.file)) << id;
  }
}

TEST(SupplyGraph, RecyclingLoopIsTheOnlyAllowedCycle) {
  SupplyGraph graph;
  NodeId demand = graph.node("JPN", Stage::demand);
  NodeId in_use = graph.node("JPN", Stage::in_use);
  NodeId eol = graph.node("JPN", Stage::end_of_life);
  NodeId recycle = graph.node("JPN", Stage::recycle);
  graph.add_edge(demand, in_use, FlowKind::use, 10);
  graph.add_edge(in_use, eol, FlowKind::use, 10);
  graph.add_edge(eol, recycle, FlowKind::recovery, 2);
  graph.add_edge(recycle, demand, FlowKind::secondary, 2);
  EXPECT_FALSE(graph.find_cycle_outside_recycling().has_value());

  NodeId chn = graph.node("CHN", Stage::refine);
  NodeId kor = graph.node("KOR", Stage::refine);
  graph.add_edge(chn, kor, FlowKind::refined_import, 1);
  graph.add_edge(kor, chn, FlowKind::refined_import, 1);
  auto cycle = graph.find_cycle_outside_recycling();
  ASSERT_TRUE(cycle.has_value());
  EXPECT_EQ(cycle->front(), cycle->back());
  try {
    validate_graph(graph, "loop.yaml");
    FAIL() << "expected an InputError";
  } catch (const InputError& error) {
    std::string message = error.what();
    EXPECT_NE(message.find("loop.yaml"), std::string::npos);
    EXPECT_NE(message.find("CHN/refine"), std::string::npos);
    EXPECT_NE(message.find("KOR/refine"), std::string::npos);
  }
}

}  // namespace
}  // namespace mineflow
