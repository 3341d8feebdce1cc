#include "sim/criticality.h"

#include <algorithm>
#include <cmath>

#include "sim/summary.h"
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
  MetricSummary summary = summarize(diff, true);
  return {summary.mean, summary.se};
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

  MonteCarloResult baseline =
      run_monte_carlo(plan.scenario.events, horizon, {base_variant}, options);
  std::span<const double> base_unmet = baseline.values(0, Metric::unmet_t);
  MetricSummary base_summary = summarize(base_unmet, true);
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
    MonteCarloResult failed = run_monte_carlo(events, horizon, {variant}, options);
    std::span<const double> unmet = failed.values(0, Metric::unmet_t);
    MetricSummary summary = summarize(unmet, true);
    PairedMean added = paired_difference(unmet, base_unmet);
    NodeCriticality node;
    node.country = country;
    node.stage = stage;
    node.baseline_share = share;
    node.expected_unmet_t = summary.mean;
    node.se_t = summary.se;
    node.added_unmet_t = added.mean;
    node.added_se_t = added.se;
    node.p_shortage = share_positive(unmet).p;
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
