#include "graph/supply_graph.h"

#include <algorithm>
#include <functional>

#include <boost/graph/depth_first_search.hpp>
#include <boost/graph/filtered_graph.hpp>

namespace mineflow {

std::string_view to_string(FlowKind kind) {
  switch (kind) {
    case FlowKind::production:
      return "production";
    case FlowKind::concentrate_import:
      return "concentrate_import";
    case FlowKind::refined_import:
      return "refined_import";
    case FlowKind::domestic_refining:
      return "domestic_refining";
    case FlowKind::secondary:
      return "secondary";
    case FlowKind::stockpile_release:
      return "stockpile_release";
    case FlowKind::use:
      return "use";
    case FlowKind::recovery:
      return "recovery";
    case FlowKind::feed:
      return "feed";
    case FlowKind::market_feed:
      return "market_feed";
    case FlowKind::rest_of_world:
      return "rest_of_world";
    case FlowKind::market_balance:
      return "market_balance";
  }
  return "unknown";
}

NodeId SupplyGraph::node(const std::string& country, Stage stage, const SourceRef& where) {
  if (auto existing = find(country, stage)) return *existing;
  NodeId id = boost::add_vertex(Node{country, stage, 0.0, 0.0, where}, graph_);
  index_.emplace(std::make_pair(country, stage), id);
  return id;
}

std::optional<NodeId> SupplyGraph::find(const std::string& country, Stage stage) const {
  auto it = index_.find(std::make_pair(country, stage));
  if (it == index_.end()) return std::nullopt;
  return it->second;
}

EdgeId SupplyGraph::add_edge(NodeId from, NodeId to, FlowKind kind, double flow_t_per_yr,
                             const SourceRef& where) {
  EdgeId id = edges_.size();
  edges_.push_back(Edge{from, to, kind, flow_t_per_yr, where});
  boost::add_edge(from, to, id, graph_);
  return id;
}

std::vector<EdgeId> SupplyGraph::edges_of_kind(FlowKind kind) const {
  std::vector<EdgeId> ids;
  for (EdgeId id = 0; id < edges_.size(); ++id) {
    if (edges_[id].kind == kind) ids.push_back(id);
  }
  return ids;
}

std::vector<EdgeId> SupplyGraph::in_edges(NodeId node) const {
  std::vector<EdgeId> ids;
  for (auto [it, end] = boost::in_edges(node, graph_); it != end; ++it) ids.push_back(graph_[*it]);
  std::sort(ids.begin(), ids.end());  // id order, never container order
  return ids;
}

std::vector<EdgeId> SupplyGraph::out_edges(NodeId node) const {
  std::vector<EdgeId> ids;
  for (auto [it, end] = boost::out_edges(node, graph_); it != end; ++it) ids.push_back(graph_[*it]);
  std::sort(ids.begin(), ids.end());
  return ids;
}

std::vector<NodeId> SupplyGraph::nodes_of_stage(Stage stage) const {
  std::vector<NodeId> ids;
  for (NodeId id = 0; id < node_count(); ++id) {
    if (graph_[id].stage == stage) ids.push_back(id);
  }
  return ids;
}

double SupplyGraph::inflow_t_per_yr(NodeId node) const {
  double total = 0.0;
  for (EdgeId id : in_edges(node)) total += edges_[id].flow_t_per_yr;
  return total;
}

namespace {

bool in_recycling_loop(FlowKind kind) {
  return kind == FlowKind::use || kind == FlowKind::recovery || kind == FlowKind::secondary;
}

struct CycleFound {
  std::vector<NodeId> path;
};

// DFS visitor that stops at the first back edge and reports the cycle it closes.
template <typename Graph>
class CycleRecorder : public boost::default_dfs_visitor {
 public:
  explicit CycleRecorder(std::vector<NodeId>* parents) : parents_(parents) {}
  void tree_edge(typename boost::graph_traits<Graph>::edge_descriptor e, const Graph& g) {
    (*parents_)[boost::target(e, g)] = boost::source(e, g);
  }
  void back_edge(typename boost::graph_traits<Graph>::edge_descriptor e, const Graph& g) {
    NodeId from = boost::source(e, g);
    NodeId to = boost::target(e, g);
    std::vector<NodeId> path{to};
    for (NodeId at = from; at != to; at = (*parents_)[at]) path.insert(path.begin() + 1, at);
    path.push_back(to);
    throw CycleFound{path};
  }

 private:
  std::vector<NodeId>* parents_;
};

}  // namespace

std::optional<std::vector<NodeId>> SupplyGraph::find_cycle_outside_recycling() const {
  auto keep = [this](const BoostGraph::edge_descriptor& e) {
    return !in_recycling_loop(edges_[graph_[e]].kind);
  };
  boost::filtered_graph<BoostGraph, std::function<bool(const BoostGraph::edge_descriptor&)>>
      filtered(graph_, keep);
  std::vector<NodeId> parents(node_count(), 0);
  CycleRecorder<decltype(filtered)> recorder(&parents);
  std::vector<boost::default_color_type> colors(node_count());
  try {
    boost::depth_first_search(filtered,
                              boost::visitor(recorder).color_map(boost::make_iterator_property_map(
                                  colors.begin(), boost::get(boost::vertex_index, filtered))));
  } catch (const CycleFound& found) {
    return found.path;
  }
  return std::nullopt;
}

std::string SupplyGraph::label(NodeId node) const {
  const Node& n = graph_[node];
  if (n.country.empty()) return std::string(to_string(n.stage));
  return n.country + "/" + std::string(to_string(n.stage));
}

}  // namespace mineflow
