#pragma once
// A policy set's structural levers applied to a copy of a mineral's graph, so the static
// indicators can be shown before and after and the simulation model compiled from the result.
// Stockpile and commercial inventory do not change the graph (docs/domain.md "Policies").

#include "graph/build_graph.h"
#include "sim/scenario.h"

namespace mineflow {

// Diversification moves shares of an import class to named countries (pro rata from the
// others); recycling sets the secondary share of demand and lowers primary inflows to match;
// substitution scales every flow of the focal economy; capacity added raises the named
// country's mine or refine capacity (the focal economy's smelter when it names the focal one).
MineralGraph apply_policies(const MineralGraph& base, const PolicySet& policy);

}  // namespace mineflow
