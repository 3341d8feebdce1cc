#include "sim/apply_policies.h"

#include <algorithm>

namespace mineflow {
namespace {

FlowKind kind_of(ImportClass import_class) {
  return import_class == ImportClass::concentrate ? FlowKind::concentrate_import
                                                  : FlowKind::refined_import;
}

void diversify(MineralGraph& mineral, const Diversification& move) {
  SupplyGraph& graph = mineral.graph;
  FlowKind kind = kind_of(move.import_class);
  double total_t = 0.0;
  for (EdgeId id : graph.edges_of_kind(kind)) total_t += graph.edge_at(id).flow_t_per_yr;
  if (total_t <= 0.0) return;
  for (EdgeId id : graph.edges_of_kind(kind)) graph.edge_at(id).flow_t_per_yr *= 1.0 - move.share;
  Stage stage = move.import_class == ImportClass::concentrate ? Stage::mine : Stage::refine;
  NodeId from = graph.node(move.country, stage);
  for (EdgeId id : graph.edges_of_kind(kind)) {
    if (graph.edge_at(id).from == from) {
      graph.edge_at(id).flow_t_per_yr += move.share * total_t;
      return;
    }
  }
  NodeId to = kind == FlowKind::concentrate_import
                  ? graph.node(mineral.focal_economy, Stage::refine)
                  : mineral.demand;
  graph.add_edge(from, to, kind, move.share * total_t);
}

void set_recycling(MineralGraph& mineral, double share) {
  SupplyGraph& graph = mineral.graph;
  double secondary_t = 0.0;
  for (EdgeId id : graph.edges_of_kind(FlowKind::secondary)) {
    secondary_t += graph.edge_at(id).flow_t_per_yr;
  }
  double demand_t = graph.inflow_t_per_yr(mineral.demand);
  double primary_t = demand_t - secondary_t;
  if (demand_t <= 0.0 || primary_t <= 0.0) return;
  double scale = (1.0 - share) * demand_t / primary_t;
  for (FlowKind kind :
       {FlowKind::concentrate_import, FlowKind::domestic_refining, FlowKind::refined_import}) {
    for (EdgeId id : graph.edges_of_kind(kind)) graph.edge_at(id).flow_t_per_yr *= scale;
  }
  std::vector<EdgeId> secondary = graph.edges_of_kind(FlowKind::secondary);
  if (secondary.empty()) {
    NodeId end_of_life = graph.node(mineral.focal_economy, Stage::end_of_life);
    NodeId recycle = graph.node(mineral.focal_economy, Stage::recycle);
    graph.add_edge(end_of_life, recycle, FlowKind::recovery, share * demand_t);
    graph.add_edge(recycle, mineral.demand, FlowKind::secondary, share * demand_t);
  } else {
    for (EdgeId id : secondary) graph.edge_at(id).flow_t_per_yr = 0.0;
    graph.edge_at(secondary.front()).flow_t_per_yr = share * demand_t;
    for (EdgeId id : graph.edges_of_kind(FlowKind::recovery)) {
      graph.edge_at(id).flow_t_per_yr = share * demand_t;
    }
  }
  mineral.basis.secondary_share = share;
  mineral.basis.secondary_is_proxy = false;
  mineral.basis.secondary_source = "policy recycling share";
  mineral.basis.secondary_quality.reset();  // a policy's share carries no data quality flag
}

void substitute(MineralGraph& mineral, double cut) {
  SupplyGraph& graph = mineral.graph;
  for (FlowKind kind :
       {FlowKind::concentrate_import, FlowKind::domestic_refining, FlowKind::refined_import,
        FlowKind::secondary, FlowKind::use, FlowKind::recovery, FlowKind::stockpile_release}) {
    for (EdgeId id : graph.edges_of_kind(kind)) graph.edge_at(id).flow_t_per_yr *= 1.0 - cut;
  }
}

void add_capacity(MineralGraph& mineral, const CapacityAdded& added) {
  SupplyGraph& graph = mineral.graph;
  Stage stage = added.import_class == ImportClass::concentrate ? Stage::mine : Stage::refine;
  if (added.country == mineral.focal_economy) stage = Stage::refine;
  NodeId node = graph.node(added.country, stage);
  // Capacity is total output capacity; an unknown one is the node's baseline output (or, for
  // the focal smelter, the refining it does today), so the lever adds to that once.
  const Node& now = graph.node_at(node);
  double baseline = std::max(now.capacity_t_per_yr, now.output_t_per_yr);
  if (added.country == mineral.focal_economy) {
    double refining_t = 0.0;
    for (EdgeId id : graph.out_edges(node)) refining_t += graph.edge_at(id).flow_t_per_yr;
    baseline = std::max(baseline, refining_t);
  }
  graph.set_capacity(node, baseline + added.t_per_yr);
}

}  // namespace

MineralGraph apply_policies(const MineralGraph& base, const PolicySet& policy) {
  MineralGraph out = base;
  for (const Diversification& move : policy.diversification) diversify(out, move);
  if (policy.recycling_share) set_recycling(out, *policy.recycling_share);
  if (policy.substitution_cut > 0.0) substitute(out, policy.substitution_cut);
  for (const CapacityAdded& added : policy.capacity_added) add_capacity(out, added);
  return out;
}

}  // namespace mineflow
