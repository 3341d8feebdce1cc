#include "graph/build_graph.h"

#include <algorithm>
#include <map>

namespace mineflow {

const Breakdown& production_dataset(const MineralData& data, std::optional<int> wmd_year) {
  // A mineral World Mining Data does not cover (gallium, germanium, antimony) keeps its own
  // production figures; the basis names their source, so the output says which it read.
  if (!wmd_year || data.mine_production_wmd.empty()) return data.mine_production;
  for (const Breakdown& block : data.mine_production_wmd) {
    if (block.year == *wmd_year) return block;
  }
  throw InputError(SourceRef{data.file, 0, 0}, "mine_production_wmd", std::to_string(*wmd_year),
                   "a year present in the file's World Mining Data blocks");
}

MineralGraph build_mineral_graph(const MineralData& data, const GraphOptions& options) {
  MineralGraph result;
  SupplyGraph& graph = result.graph;
  const std::string& focal = data.focal_economy;
  result.focal_economy = focal;
  const Breakdown& production = production_dataset(data, options.production_wmd_year);
  result.basis.reserves = &data.reserves;
  result.basis.production = &production;
  result.basis.concentrate_imports =
      data.concentrate_imports ? &*data.concentrate_imports : nullptr;
  result.basis.refined_imports = data.refined_imports ? &*data.refined_imports : nullptr;
  result.basis.consumption = data.consumption ? &*data.consumption : nullptr;

  for (const CountryShare& entry : data.reserves.shares) {
    NodeId node = graph.node(entry.country, Stage::reserve, entry.where);
    graph.set_stock(node, entry.share * data.reserves.total_t);
  }

  // Concentrate the focal economy buys leaves the producer directly; the rest of each producer's
  // output goes to the world concentrate market.
  std::map<std::string, double> shipped_to_focal_t;
  if (data.concentrate_imports) {
    for (const CountryShare& entry : data.concentrate_imports->shares) {
      shipped_to_focal_t[entry.country] += entry.share * data.concentrate_imports->total_t;
    }
  }
  NodeId market = graph.node("", Stage::concentrate_market);
  for (const CountryShare& entry : production.shares) {
    NodeId mine = graph.node(entry.country, Stage::mine, entry.where);
    double output_t = entry.share * production.total_t;
    graph.set_output(mine, output_t);
    graph.set_capacity(mine, output_t);
    double to_market_t = std::max(0.0, output_t - shipped_to_focal_t[entry.country]);
    graph.add_edge(mine, market, FlowKind::production, to_market_t, entry.where);
  }

  NodeId demand = graph.node(focal, Stage::demand);
  result.demand = demand;
  if (data.concentrate_imports) {
    NodeId smelter = graph.node(focal, Stage::refine);
    for (const CountryShare& entry : data.concentrate_imports->shares) {
      NodeId mine = graph.node(entry.country, Stage::mine, entry.where);
      graph.add_edge(mine, smelter, FlowKind::concentrate_import,
                     entry.share * data.concentrate_imports->total_t, entry.where);
    }
    // Contained metal in, contained metal out: smelting losses are not in the seed's data.
    graph.add_edge(smelter, demand, FlowKind::domestic_refining, data.concentrate_imports->total_t,
                   data.concentrate_imports->where);
  }
  if (data.refined_imports) {
    for (const CountryShare& entry : data.refined_imports->shares) {
      NodeId refinery = graph.node(entry.country, Stage::refine, entry.where);
      graph.add_edge(refinery, demand, FlowKind::refined_import,
                     entry.share * data.refined_imports->total_t, entry.where);
    }
  }

  if (data.network) result.network = add_network(*data.network, data, production, graph);

  for (const StageCapacity& capacity : data.capacities) {
    graph.set_capacity(graph.node(capacity.country, capacity.stage, capacity.where),
                       capacity.t_per_yr);
  }

  ResolvedSecondary secondary =
      resolve_secondary(data.secondary, options.secondary_definition, options.use_secondary_proxy);
  std::optional<double> share = secondary.share;
  result.basis.secondary_share = share;
  result.basis.secondary_is_proxy = secondary.is_proxy;
  result.basis.secondary_source = secondary.basis;
  result.basis.secondary_quality = secondary.quality;

  double primary_t = graph.inflow_t_per_yr(demand);
  double secondary_t = share ? primary_t * *share / (1.0 - *share) : 0.0;
  double demand_t = primary_t + secondary_t;
  // The recycling loop at steady state: what enters use leaves it; what is recovered returns.
  NodeId in_use = graph.node(focal, Stage::in_use);
  NodeId end_of_life = graph.node(focal, Stage::end_of_life);
  NodeId recycle = graph.node(focal, Stage::recycle);
  graph.add_edge(demand, in_use, FlowKind::use, demand_t, data.secondary.where);
  graph.add_edge(in_use, end_of_life, FlowKind::use, demand_t, data.secondary.where);
  if (share) {
    graph.add_edge(end_of_life, recycle, FlowKind::recovery, secondary_t, data.secondary.where);
    graph.add_edge(recycle, demand, FlowKind::secondary, secondary_t, data.secondary.where);
  }
  return result;
}

}  // namespace mineflow
