#include "sim/sweep/criticality.h"

#include <algorithm>
#include <cmath>
#include <optional>
#include <stdexcept>

#include "sim/summary.h"
#include "sim/sweep/failure_trials.h"
#include "sim/trial_loop.h"
#include "sim/units.h"

namespace mineflow {
namespace {

struct PairedMean {
  double mean = 0.0;
  double se = 0.0;
};

// Mean and standard error of the per-trial difference a - b, in trial order.
PairedMean paired_difference(std::span<const double> a, std::span<const double> b) {
  const std::size_t n = a.size();
  std::vector<double> diff(n);
  for (std::size_t i = 0; i < n; ++i) diff[i] = a[i] - b[i];
  Moments summary = moments(diff);
  return {summary.mean, summary.se};
}

}  // namespace

EventSpec node_failure_event(const std::string& country, Stage stage,
                             const CriticalityOptions& failure) {
  EventTarget target;
  target.kind = EventTarget::Kind::node;
  target.country = country;
  target.stage = stage;
  EventSpec spec;
  spec.id = "fail_" + country + "_" + std::string(to_string(stage));
  spec.start_day = failure.start_day;
  spec.duration_days = {Distribution::Kind::fixed, failure.duration_days, 0.0, 0.0};
  spec.severity = {Distribution::Kind::fixed, failure.severity, 0.0, 0.0};
  spec.targets.push_back(target);
  return spec;
}

CriticalityResult rank_nodes(const RunPlan& plan, const MonteCarloOptions& options,
                             const CriticalityOptions& failure,
                             const std::function<void(std::size_t, std::size_t)>& node_done) {
  const PolicyRun& run = plan.policies.front();
  const Model& base_model = *run.model;
  const Variant base_variant = plan.variants[run.variant];
  const double horizon = plan.scenario.horizon_days;
  CriticalityResult result;
  result.policy = run.policy.name;
  result.annual_demand_t = base_model.demand_t_per_day * kDaysPerYear;
  result.clearing = base_model.clearing;

  // With a split only the root holds the trials and computes the statistics; every rank runs
  // the same sequence of groups (each one a gather), so the collectives pair up.
  const bool summarises = options.split == nullptr || options.split->is_root();
  auto share_of = [](double t, double world) { return world > 0.0 ? t / world : 0.0; };
  // Run 0 is the scenario alone; then each mine, then each refiner, failing alone.
  struct NodeRun {
    std::string country;
    Stage stage = Stage::mine;
    double share = 0.0;
  };
  std::vector<NodeRun> nodes;
  for (const NetworkMine& mine : base_model.mines) {
    nodes.push_back({mine.country, Stage::mine,
                     share_of(mine.output_t_per_day, base_model.world_mine_t_per_day)});
  }
  for (const NetworkRefiner& refiner : base_model.refiners) {
    nodes.push_back({refiner.country, Stage::refine,
                     share_of(refiner.output_t_per_day, base_model.world_refined_t_per_day)});
  }
  const std::size_t runs = nodes.size() + 1;

  // A failure added to the scenario: an event with a fixed start, duration and severity, last,
  // so every other event keeps its random stream (sim/sweep/failure_trials.h).
  auto failure_case = [&](const NodeRun& node, Model& model) {
    EventSpec spec = node_failure_event(node.country, node.stage, failure);
    const EventTarget target = spec.targets.front();
    std::vector<EventSpec> events = plan.scenario.events;
    events.push_back(std::move(spec));
    std::optional<std::vector<Occurrence>> added = fixed_last_occurrences(events, horizon);
    if (!added) throw std::logic_error("criticality: a node failure must be a fixed event");
    model = base_model;
    model.events.push_back(CompiledEvent{{compile_target(model, target)}});
    return FailureCase{&model, std::move(*added)};
  };

  // The runs in groups on shared trials: each trial's draws serve every run of its group.
  std::vector<double> base_unmet;
  const std::size_t group = cases_per_group(options.trials);
  for (std::size_t first = 0; first < runs; first += group) {
    const std::size_t last = std::min(runs, first + group);
    std::vector<Model> models(last - first);  // the failing runs' models, for this group only
    std::vector<FailureCase> cases;
    for (std::size_t r = first; r < last; ++r) {
      cases.push_back(r == 0 ? FailureCase{&base_model, {}}
                             : failure_case(nodes[r - 1], models[r - first]));
    }
    std::vector<std::vector<double>> unmet =
        not_served_of_cases(plan.scenario.events, horizon, base_variant.stocks, cases, options);
    for (std::size_t r = first; r < last; ++r) {
      std::vector<double>& values = unmet[r - first];
      if (r == 0) {
        base_unmet = std::move(values);
        Moments base_summary = moments(base_unmet);
        result.baseline_unmet_t = base_summary.mean;
        result.baseline_se_t = base_summary.se;
      } else {
        const NodeRun& run_of = nodes[r - 1];
        NodeCriticality node;
        node.country = run_of.country;
        node.stage = run_of.stage;
        node.baseline_share = run_of.share;
        if (summarises) {
          Moments summary = moments(values);
          PairedMean added = paired_difference(values, base_unmet);
          node.expected_unmet_t = summary.mean;
          node.se_t = summary.se;
          node.added_unmet_t = added.mean;
          node.added_se_t = added.se;
          node.p_shortage = share_positive(values).p;
        }
        result.nodes.push_back(node);
      }
      if (node_done) node_done(r + 1, runs);
    }
    if (options.cancel != nullptr && options.cancel->load()) return result;
  }
  std::stable_sort(result.nodes.begin(), result.nodes.end(),
                   [](const NodeCriticality& a, const NodeCriticality& b) {
                     if (a.expected_unmet_t != b.expected_unmet_t) {
                       return a.expected_unmet_t > b.expected_unmet_t;
                     }
                     if (a.country != b.country) return a.country < b.country;
                     return a.stage < b.stage;
                   });
  return result;
}

}  // namespace mineflow
