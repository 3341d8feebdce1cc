#pragma once
// Turns a mineral's shares x totals into the material-flow graph (t/year on every edge).

#include <optional>

#include "graph/mineral_data.h"
#include "graph/network.h"
#include "graph/supply_graph.h"

namespace mineflow {

struct GraphOptions {
  // Which mine-production dataset feeds the mine nodes: nullopt = the seed's figures, or a
  // World Mining Data year (2018..2022).
  std::optional<int> production_wmd_year;
  // Use the secondary share's proxy (EU EOL-RIR) where the focal economy's own figure is unknown.
  bool use_secondary_proxy = false;
  // Which secondary-share figure builds the recycling loop (scenarios/settings.yaml).
  SecondaryDefinition secondary_definition = SecondaryDefinition::end_of_life;
};

// Baseline facts the graph was built from, kept beside it for bases and later policies.
struct GraphBasis {
  const Breakdown* reserves = nullptr;
  const Breakdown* production = nullptr;
  const Breakdown* concentrate_imports = nullptr;
  const Breakdown* refined_imports = nullptr;
  const Consumption* consumption = nullptr;  // the focal economy's demand, when the file has it
  std::optional<double> secondary_share;     // the share the graph was built with, if any
  bool secondary_is_proxy = false;
  std::string secondary_source;
  std::optional<SecondaryQuality> secondary_quality;  // flag of the figure used, if any
};

struct MineralGraph {
  SupplyGraph graph;
  GraphBasis basis;
  std::string focal_economy;
  NodeId demand = 0;     // the focal economy's demand node
  NetworkBasis network;  // the world tiers (graph/network.h), if the mineral has a network file
};

// `data` must outlive the result (the basis points into it) and must have been validated.
MineralGraph build_mineral_graph(const MineralData& data, const GraphOptions& options);

// Selected production dataset; throws InputError when the WMD year is not in the file.
const Breakdown& production_dataset(const MineralData& data, std::optional<int> wmd_year);

}  // namespace mineflow
