#include "sim/sweep/criticality.h"

#include <algorithm>
#include <cmath>

#include "sim/summary.h"
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

// The only metric criticality reads: demand not served per trial of one variant (physical unmet
// plus, under a clearing market, what the price priced out; under rationing the unmet demand,
// bit for bit). One series instead of run_monte_carlo's eleven keeps the root's memory and the
// MPI gather at 8 B per trial.
struct NotServedSeries {
  explicit NotServedSeries(TrialRange range) : first(range.begin), unmet(range.size()) {}
  // As a TrialStore (sim/trial_loop.h).
  void store_trial(std::uint64_t trial, const std::vector<TrialMetrics>& metrics) {
    unmet[trial - first] = metrics.front()[index(Metric::not_served_t)];
  }
  std::vector<std::span<double>> trial_series() { return {std::span<double>(unmet)}; }

  std::uint64_t first;
  std::vector<double> unmet;
};

// Split across processes (options.split) like run_monte_carlo: the root gathers every trial in
// order; another rank gets an empty series.
std::vector<double> not_served_per_trial(const std::vector<EventSpec>& events, double horizon_days,
                                         const Variant& variant, const MonteCarloOptions& options) {
  return collect_trials<NotServedSeries>(events, horizon_days, {variant}, options,
                                         [](TrialRange held) { return NotServedSeries(held); })
      .unmet;
}

}  // namespace

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
  // the same sequence of node runs (each one a gather), so the collectives pair up.
  const bool summarises = options.split == nullptr || options.split->is_root();
  const std::vector<double> base_unmet =
      not_served_per_trial(plan.scenario.events, horizon, base_variant, options);
  Moments base_summary = moments(base_unmet);
  result.baseline_unmet_t = base_summary.mean;
  result.baseline_se_t = base_summary.se;
  const std::size_t runs = base_model.mines.size() + base_model.refiners.size() + 1;
  std::size_t finished = 1;
  if (node_done) node_done(finished, runs);

  auto evaluate = [&](const std::string& country, Stage stage, double share) {
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
    std::vector<EventSpec> events = plan.scenario.events;
    events.push_back(spec);  // last: every other event keeps its random stream
    Model model = base_model;
    model.events.push_back(CompiledEvent{{compile_target(model, target)}});
    Variant variant{&model, base_variant.stocks};
    const std::vector<double> unmet = not_served_per_trial(events, horizon, variant, options);
    NodeCriticality node;
    node.country = country;
    node.stage = stage;
    node.baseline_share = share;
    if (summarises) {
      Moments summary = moments(unmet);
      PairedMean added = paired_difference(unmet, base_unmet);
      node.expected_unmet_t = summary.mean;
      node.se_t = summary.se;
      node.added_unmet_t = added.mean;
      node.added_se_t = added.se;
      node.p_shortage = share_positive(unmet).p;
    }
    result.nodes.push_back(node);
    if (node_done) node_done(++finished, runs);
  };
  auto share_of = [](double t, double world) { return world > 0.0 ? t / world : 0.0; };
  auto cancelled = [&options] { return options.cancel != nullptr && options.cancel->load(); };
  for (const NetworkMine& mine : base_model.mines) {
    evaluate(mine.country, Stage::mine,
             share_of(mine.output_t_per_day, base_model.world_mine_t_per_day));
    if (cancelled()) return result;
  }
  for (const NetworkRefiner& refiner : base_model.refiners) {
    evaluate(refiner.country, Stage::refine,
             share_of(refiner.output_t_per_day, base_model.world_refined_t_per_day));
    if (cancelled()) return result;
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
