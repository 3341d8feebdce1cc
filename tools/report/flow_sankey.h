#pragma once
// The static material-flow graph of one mineral as a Sankey diagram, and its flows as CSV.

#include <optional>
#include <string>
#include <vector>

#include "graph/build_graph.h"
#include "tools/report/labels.h"
#include "tools/report/sankey.h"
#include "tools/report/stock_flow_charts.h"

namespace mineflow::report {

// Columns (FlowStage): foreign mines shipping concentrate to the focal economy -> refiners (the
// focal smelter and foreign refiners) -> the focal economy's refined imports -> demand -> in use
// -> end of life -> recycled (back to demand) or not recovered. World production that does not
// reach the focal economy is left out: at world scale the focal flows would be invisible.
//
// The use side (demand -> in use -> end of life -> recycled / not recovered, recycled -> demand)
// is the graph's steady state (its use, recovery and secondary edges: demand = in use = end of
// life), unless `use_side` gives one year of a stock-flow model: then demand -> in use is its
// demand, in use -> end of life its end-of-life outflow, end of life -> recycled and recycled ->
// demand its secondary supply, end of life -> not recovered the rest. The supply side (mines,
// refiners, refined imports, smelter, stockpile releases) is the graph's annual flows either way.
struct UseSideFlows {
  int year = 0;
  double demand_t_per_yr = 0.0;
  double end_of_life_t_per_yr = 0.0;
  double secondary_supply_t_per_yr = 0.0;
};
SankeyChart material_flow_sankey(const MineralGraph& mineral, const std::string& title, Lang lang,
                                 const std::optional<UseSideFlows>& use_side = std::nullopt);
// The base model's totals over regions in its reference year; none without a reference year.
std::optional<UseSideFlows> use_side_in_reference_year(const MineralStockFlow& model);

struct NamedGraph {
  std::string mineral;  // id
  const MineralGraph* graph = nullptr;
};
// mineral,edge,from,from_stage,to,to_stage,kind,flow_t_per_yr: every edge of every graph.
std::string flows_csv(const std::vector<NamedGraph>& graphs);

}  // namespace mineflow::report
