#pragma once
// The static material-flow graph of one mineral as a Sankey diagram, and its flows as CSV.

#include <string>
#include <vector>

#include "graph/build_graph.h"
#include "tools/report/labels.h"
#include "tools/report/sankey.h"

namespace mineflow::report {

// Columns (FlowStage): foreign mines shipping concentrate to the focal economy -> refiners (the
// focal smelter and foreign refiners) -> the focal economy's refined imports -> demand -> in use
// -> end of life -> recycled (back to demand) or not recovered. World production that does not
// reach the focal economy is left out: at world scale the focal flows would be invisible.
SankeyChart material_flow_sankey(const MineralGraph& mineral, const std::string& title, Lang lang);

struct NamedGraph {
  std::string mineral;  // id
  const MineralGraph* graph = nullptr;
};
// mineral,edge,from,from_stage,to,to_stage,kind,flow_t_per_yr: every edge of every graph.
std::string flows_csv(const std::vector<NamedGraph>& graphs);

}  // namespace mineflow::report
