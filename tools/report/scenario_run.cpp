#include "tools/report/scenario_run.h"
#include "sim/plan_series.h"
#include "sim/residual_risk.h"
#include "tools/report/daily_bands.h"

#include "sim/monte_carlo.h"
#include "sim/run_limits.h"
#include "sim/run_plan.h"
#include "sim/summary.h"
#include "sim/sweep/stockpile_sweep.h"
#include "sim/sweep/sweep_plan.h"
#include "tools/report/risk_position.h"

namespace mineflow::report {

namespace {

std::optional<double> value_of(const std::vector<IndicatorValue>& values, IndicatorId id) {
  for (const IndicatorValue& value : values) {
    if (value.id == id) return value.value;
  }
  return std::nullopt;
}

double mean_in_trial_order(std::span<const double> values) {
  return values.empty() ? 0.0 : summarize(values, true).mean;
}

}  // namespace

MineralScenario run_scenario_for_report(const Scenario& scenario, const MineralData& data,
                                        const MineralGraph& base, const CountryTable& countries,
                                        const RatingThresholds& thresholds,
                                        const IndicatorSettings& settings, std::uint64_t trials,
                                        const std::string& mineral_name) {
  RunPlan plan = make_run_plan(scenario, base, data.prices, countries, settings, {});
  MineralScenario out;
  out.mineral_id = data.id;
  out.mineral_name = mineral_name;
  out.scenario_id = scenario.id;
  out.scenario_name = scenario.name;
  out.scenario_name_ja = scenario.name_ja;
  out.scenario_file = scenario.file;
  out.seed = scenario.seed;
  out.trials = plan.deterministic ? 1 : trials;
  out.split_country = split_country(plan);

  // The deterministic run: trial 0's draws, every policy on the same draws.
  for (PolicyDays& series : plan_daily_series(plan, scenario.seed)) {
    PolicyOutcome policy;
    policy.name = std::move(series.name);
    policy.days = std::move(series.days);
    out.policies.push_back(std::move(policy));
  }

  MonteCarloOptions options;
  options.trials = out.trials;
  options.seed = scenario.seed;
  MonteCarloResult result = run_monte_carlo(plan.scenario.events, scenario.horizon_days,
                                            plan.variants, options, reported_scope(plan));
  for (std::size_t p = 0; p < plan.policies.size(); ++p) {
    const PolicyRun& run = plan.policies[p];
    PolicyOutcome& policy = out.policies[p];
    std::span<const double> unmet = result.values(run.variant, Metric::unmet_t);
    policy.unmet_t.assign(unmet.begin(), unmet.end());
    policy.expected_unmet_t = mean_in_trial_order(unmet);
    policy.reference_expected_unmet_t =
        mean_in_trial_order(result.values(run.reference, Metric::unmet_t));
    policy.after = compute_indicators(run.after, data.prices, countries, thresholds, settings);
    ResidualImportRisks residual = residual_import_risks(policy.after, policy.expected_unmet_t,
                                                         policy.reference_expected_unmet_t);
    policy.residual_concentrate = residual.concentrate;
    policy.residual_refined = residual.refined;
    const Variant& variant = plan.variants[run.variant];
    policy.notes = io::market_notes(
        policy_market_limits(*variant.model, variant.stocks,
                             result.values(run.variant, Metric::peak_price_multiple), unmet));
  }
  add_daily_bands(plan, scenario.seed, out.trials, out);
  return out;
}

MineralSweep run_sweep_for_report(const Scenario& scenario, const MineralData& data,
                                  const MineralGraph& base, const CountryTable& countries,
                                  const IndicatorSettings& settings, std::uint64_t trials,
                                  const std::string& mineral_name) {
  SweepPlan sweep = make_sweep_plan(scenario, base, data.prices, countries, settings, std::nullopt);
  SweepOptions options;
  options.trials = trials;
  options.seed = scenario.seed;
  MineralSweep out;
  out.mineral_id = data.id;
  out.mineral_name = mineral_name;
  out.scenario_id = scenario.id;
  out.policy = sweep.policy;
  out.result = run_stockpile_sweep(sweep.setup(), sweep.grid,
                                   parse_sweep_target("p_shortage<=0.05"), options);
  out.header = io::sweep_header(scenario, data, sweep);
  return out;
}

void add_policy_layers(RadarChart& chart, const MineralScenario& scenario,
                       const RatingThresholds& thresholds, Lang lang) {
  if (scenario.policies.empty()) return;
  const PolicyOutcome& policy = headline_policy(scenario);
  RadarSeries after;
  after.name = phrase("after", lang);  // the policy is named in the figure's caption
  RadarSeries residual;
  residual.name = phrase("residual", lang);
  bool any_residual = false;
  for (IndicatorId id : kAllIndicators) {
    after.values.push_back(risk_position(rating_band(id, thresholds), value_of(policy.after, id)));
    std::optional<double> marker;
    if (id == IndicatorId::concentrate_import_stability) marker = policy.residual_concentrate;
    if (id == IndicatorId::refined_import_stability) marker = policy.residual_refined;
    std::optional<double> position = risk_position(rating_band(id, thresholds), marker);
    any_residual = any_residual || position.has_value();
    residual.values.push_back(position);
  }
  chart.after = std::move(after);
  if (any_residual) chart.markers = std::move(residual);
}

}  // namespace mineflow::report
