#include "sim/background_risk.h"

#include <algorithm>
#include <cmath>
#include <set>

#include "graph/breakdown.h"
#include "sim/internal_error.h"

namespace mineflow {

double background_hazard_per_year(double stability_0to10, const BackgroundRisk& risk) {
  return risk.rate_at_5_per_year * std::exp2((stability_0to10 - 5.0) / risk.doubling_points);
}

std::vector<EventSpec> background_events(const MineralGraph& mineral,
                                         const std::vector<PolicySet>& policies,
                                         const CountryTable& countries, StabilityMeasure measure,
                                         int year, const BackgroundRisk& risk) {
  std::set<std::string> suppliers;
  const SupplyGraph& graph = mineral.graph;
  for (FlowKind kind : {FlowKind::concentrate_import, FlowKind::refined_import}) {
    for (EdgeId id : graph.edges_of_kind(kind)) {
      suppliers.insert(graph.node_at(graph.edge_at(id).from).country);
    }
  }
  for (const PolicySet& policy : policies) {
    for (const Diversification& move : policy.diversification) suppliers.insert(move.country);
    for (const CapacityAdded& added : policy.capacity_added) {
      if (added.country != mineral.focal_economy) suppliers.insert(added.country);
    }
  }
  std::vector<EventSpec> events;
  for (const std::string& country : suppliers) {
    double score = risk.other_score_0to10;
    if (country != "OTH") {
      if (auto found = countries.score(country, measure, year)) score = *found;
    }
    EventSpec spec;
    spec.id = "background_" + country;
    spec.hazard_per_year = background_hazard_per_year(score, risk);
    spec.duration_days = risk.duration_days;
    spec.severity = risk.severity;
    EventTarget target;
    target.kind = EventTarget::Kind::exports_of;
    target.country = country;
    spec.targets.push_back(target);
    events.push_back(std::move(spec));
  }
  return events;
}

namespace {

// Severity of one OTH piece: the class's severity over `pieces`.
Distribution scaled(Distribution dist, double factor) {
  switch (dist.kind) {
    case Distribution::Kind::fixed:
      dist.a *= factor;
      break;
    case Distribution::Kind::uniform:
      dist.a *= factor;
      dist.b *= factor;
      break;
    case Distribution::Kind::triangular:
      dist.a *= factor;
      dist.b *= factor;
      dist.c *= factor;
      break;
    case Distribution::Kind::lognormal:
    case Distribution::Kind::exponential:
      dist.a *= factor;
      break;
  }
  return dist;
}

// 1 - X for a severity X (the approval share of a licence whose structural cut is X).
Distribution one_minus(const Distribution& severity) {
  switch (severity.kind) {
    case Distribution::Kind::fixed:
      return {severity.kind, 1.0 - severity.a, 0.0, 0.0};
    case Distribution::Kind::uniform:
      return {severity.kind, 1.0 - severity.b, 1.0 - severity.a, 0.0};
    case Distribution::Kind::triangular:
      return {severity.kind, 1.0 - severity.c, 1.0 - severity.b,
              1.0 - severity.a};  // min, mode, max
    case Distribution::Kind::lognormal:
    case Distribution::Kind::exponential:
      break;
  }
  throw InternalError(
      "a policy severity with an acute phase must be fixed, uniform or "
      "triangular (the loader refuses the others)");
}

// Lower-triangular L with L L^T = covariance (n x n, row-major); a non-positive pivot zeroes
// its column (that direction is then not drawn).
void cholesky(const double* covariance, int n, double* out) {
  for (int i = 0; i < n * n; ++i) out[i] = 0.0;
  for (int i = 0; i < n; ++i) {
    for (int j = 0; j <= i; ++j) {
      double sum = covariance[n * i + j];
      for (int k = 0; k < j; ++k) sum -= out[n * i + k] * out[n * j + k];
      if (i == j) {
        out[n * i + i] = sum > 0.0 ? std::sqrt(sum) : 0.0;
      } else {
        out[n * i + j] = out[n * j + j] > 0.0 ? sum / out[n * j + j] : 0.0;
      }
    }
  }
}

void add_stage_shares(const SupplyGraph& graph, Stage stage, std::vector<HazardNode>& out) {
  double total = 0.0;
  for (NodeId node : graph.nodes_of_stage(stage)) total += graph.node_at(node).capacity_t_per_yr;
  if (total > 0.0) {
    for (NodeId node : graph.nodes_of_stage(stage)) {
      double capacity = graph.node_at(node).capacity_t_per_yr;
      if (capacity > 0.0) out.push_back({graph.node_at(node).country, stage, capacity / total});
    }
    return;
  }
  // No capacities at this stage (refining, for most minerals): the refined-import shares.
  if (stage != Stage::refine) return;
  for (EdgeId id : graph.edges_of_kind(FlowKind::refined_import))
    total += graph.edge_at(id).flow_t_per_yr;
  if (total <= 0.0) return;
  for (EdgeId id : graph.edges_of_kind(FlowKind::refined_import)) {
    const Edge& edge = graph.edge_at(id);
    if (edge.flow_t_per_yr > 0.0) {
      out.push_back({graph.node_at(edge.from).country, stage, edge.flow_t_per_yr / total});
    }
  }
}

// A policy event restricts the node's exports at its stage to every destination (the volume
// stays in the country: its refiners may take the ore, its domestic market the product). With
// an acute phase it is a licence regime: nothing flows for the drawn delay, then 1 - severity
// of the exports (the structural cap) until the event ends.
EventSpec policy_event(const HazardNode& node, const std::vector<HazardNode>& nodes,
                       const CountryTable& countries, StabilityMeasure measure, int year,
                       const HazardModel& hazard, const std::string& suffix) {
  double score = hazard.other_score_0to10;
  double pieces = 1.0;
  if (node.country == kOtherCountry) {
    double smallest = 1.0;
    for (const HazardNode& other : nodes) {
      if (other.stage == node.stage && other.country != kOtherCountry && other.world_share > 0.0) {
        smallest = std::min(smallest, other.world_share);
      }
    }
    pieces = std::max(1.0, std::ceil(node.world_share / smallest - 1e-9));
  } else if (auto found = countries.score(node.country, measure, year)) {
    score = *found;
  }
  EventSpec policy;
  policy.id = "policy_" + suffix;
  policy.hazard_per_year =
      pieces * policy_rate_per_year(hazard.policy, score, node.world_share / pieces);
  if (hazard.parameter_uncertainty) {
    RateDraw draw;
    draw.x1 = score - 5.0;
    draw.x2 = std::log(node.world_share / pieces / hazard.policy.reference_share);
    draw.pieces = pieces;
    std::copy(std::begin(hazard.policy_sampling.estimate),
              std::end(hazard.policy_sampling.estimate), draw.mean);
    cholesky(hazard.policy_sampling.covariance, 3, draw.cholesky);
    const DurationSampling& durations = hazard.policy_duration_sampling;
    if (durations.present) {
      draw.draw_duration = true;
      std::copy(std::begin(durations.estimate), std::end(durations.estimate), draw.duration_mean);
      cholesky(durations.covariance, 2, draw.duration_cholesky);
    }
    policy.rate_draw = draw;
  }
  policy.duration_days = hazard.policy.duration_days;
  policy.severity = scaled(hazard.policy.severity, 1.0 / pieces);
  if (hazard.policy.acute_days) {
    policy.licence =
        Licence{one_minus(hazard.policy.severity), *hazard.policy.acute_days, 1.0 / pieces};
  }
  EventTarget target;
  target.kind = EventTarget::Kind::exports_of;
  target.country = node.country;
  target.export_stage = node.stage;
  policy.targets.push_back(target);
  return policy;
}

}  // namespace

std::vector<HazardNode> hazard_nodes(const MineralGraph& mineral) {
  std::vector<HazardNode> out;
  add_stage_shares(mineral.graph, Stage::mine, out);
  add_stage_shares(mineral.graph, Stage::refine, out);
  return out;
}

std::vector<EventSpec> hazard_events(const MineralGraph& mineral, const CountryTable& countries,
                                     StabilityMeasure measure, int year,
                                     const HazardModel& hazard) {
  std::vector<HazardNode> nodes = hazard_nodes(mineral);
  // The focal economy's own smelter is a refine node too (operational class only).
  if (mineral.graph.find(mineral.focal_economy, Stage::refine)) {
    bool listed = false;
    for (const HazardNode& n : nodes) {
      listed = listed || (n.country == mineral.focal_economy && n.stage == Stage::refine);
    }
    if (!listed) nodes.push_back({mineral.focal_economy, Stage::refine, 0.0});
  }
  std::vector<EventSpec> events;
  for (const HazardNode& node : nodes) {
    std::string suffix = node.country + "_" + std::string(to_string(node.stage));
    if (node.country != mineral.focal_economy && node.world_share > 0.0) {
      events.push_back(policy_event(node, nodes, countries, measure, year, hazard, suffix));
    }
    EventTarget target;
    target.kind = EventTarget::Kind::node;
    target.country = node.country;
    target.stage = node.stage;
    // Facility-sized pieces: n pieces at the per-facility rate, an event hits one of them.
    const double pieces = facility_pieces(node.world_share, hazard.operational.facility_share);
    EventSpec operational;
    operational.id = "operational_" + suffix;
    operational.hazard_per_year = pieces * hazard.operational.rate_per_node_per_year;
    operational.duration_days = hazard.operational.duration_days;
    operational.severity = scaled(hazard.operational.severity, 1.0 / pieces);
    if (hazard.parameter_uncertainty && hazard.operational_rate_range.present) {
      RateDraw draw;
      draw.kind = RateDraw::Kind::operational;
      draw.pieces = pieces;
      draw.rate_low = hazard.operational_rate_range.low;
      draw.rate_mode = hazard.operational.rate_per_node_per_year;
      draw.rate_high = hazard.operational_rate_range.high;
      operational.rate_draw = draw;
    }
    operational.targets.push_back(target);
    events.push_back(std::move(operational));
  }
  return events;
}

}  // namespace mineflow
