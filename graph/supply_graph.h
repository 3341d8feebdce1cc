#pragma once
// The material-flow graph of one mineral: nodes are (country, stage) pairs or market hubs, edges
// carry baseline flows in t/year. Boost.Graph stays behind this class; callers see NodeId/EdgeId.
//
// Thread safety: a built graph is an immutable value; concurrent const use is safe.

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <boost/graph/adjacency_list.hpp>

#include "graph/source_ref.h"
#include "graph/stage.h"

namespace mineflow {

using NodeId = std::size_t;
using EdgeId = std::size_t;

// Why an edge exists; indicators and the simulation select edges by kind.
enum class FlowKind {
  production,          // mine -> concentrate market (world mine output)
  concentrate_import,  // foreign mine -> focal refine
  refined_import,      // foreign refine -> focal demand
  domestic_refining,   // focal refine -> focal demand
  secondary,           // focal recycle -> focal demand
  stockpile_release,   // focal stockpile -> focal demand
  use,                 // demand -> in_use -> end_of_life (the recycling loop)
  recovery,            // end_of_life -> recycle (closes the recycling loop)
  feed,                // foreign mine -> foreign refine (a known feed link)
  market_feed,         // concentrate market -> foreign refine (pooled feed)
  rest_of_world,       // foreign refine -> refined market (every buyer but the focal economy)
  market_balance,      // concentrate market <-> its balance hub: ore the data do not place
};

std::string_view to_string(FlowKind kind);

struct Node {
  std::string country;  // ISO alpha-3, OTH, or empty for a market hub
  Stage stage = Stage::mine;
  double stock_t = 0.0;  // reserves in the ground, or a stockpile's level; 0 for flow nodes
  // Total output capacity; 0: unknown (taken as the baseline output). Capacity above the
  // baseline output is spare capacity.
  double capacity_t_per_yr = 0.0;
  SourceRef where;
  double output_t_per_yr =
      0.0;  // baseline output (mine production, refiner output); 0: none stated
};

struct Edge {
  NodeId from = 0;
  NodeId to = 0;
  FlowKind kind = FlowKind::production;
  double flow_t_per_yr = 0.0;
  SourceRef where;
};

class SupplyGraph {
 public:
  // Returns the node for (country, stage), adding it when absent.
  NodeId node(const std::string& country, Stage stage, const SourceRef& where = {});
  std::optional<NodeId> find(const std::string& country, Stage stage) const;
  EdgeId add_edge(NodeId from, NodeId to, FlowKind kind, double flow_t_per_yr,
                  const SourceRef& where = {});
  void set_stock(NodeId node, double stock_t) { graph_[node].stock_t = stock_t; }
  void set_capacity(NodeId node, double t_per_yr) { graph_[node].capacity_t_per_yr = t_per_yr; }
  void set_output(NodeId node, double t_per_yr) { graph_[node].output_t_per_yr = t_per_yr; }

  std::size_t node_count() const { return boost::num_vertices(graph_); }
  std::size_t edge_count() const { return edges_.size(); }
  const Node& node_at(NodeId id) const { return graph_[id]; }
  const Edge& edge_at(EdgeId id) const { return edges_[id]; }
  Edge& edge_at(EdgeId id) { return edges_[id]; }
  const std::vector<Edge>& edges() const { return edges_; }
  std::vector<EdgeId> edges_of_kind(FlowKind kind) const;
  std::vector<EdgeId> in_edges(NodeId node) const;
  std::vector<EdgeId> out_edges(NodeId node) const;
  std::vector<NodeId> nodes_of_stage(Stage stage) const;
  double inflow_t_per_yr(NodeId node) const;

  // The first cycle that does not consist only of recycling-loop edges (use, recovery,
  // secondary), as a node path; nullopt when the graph is acyclic outside that loop.
  std::optional<std::vector<NodeId>> find_cycle_outside_recycling() const;

  std::string label(NodeId node) const;  // "CHN/refine", "concentrate_market"

 private:
  // Edge index in the bundled property points into edges_, which keeps insertion (id) order.
  using BoostGraph =
      boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS, Node, EdgeId>;
  BoostGraph graph_;
  std::vector<Edge> edges_;
  std::map<std::pair<std::string, Stage>, NodeId> index_;  // (country, stage) -> node
};

}  // namespace mineflow
