#include "tools/cli/run_job.h"

#include <cmath>

#include "graph/build_graph.h"
#include "graph/number_format.h"
#include "graph/validate.h"
#include "sim/residual_risk.h"
#include "sim/run_limits.h"
#include "tools/io/data_quality_loader.h"
#include "tools/io/limit_notes.h"
#include "tools/io/price_units.h"
#include "tools/io/scenario_loader.h"

namespace mineflow::cli {
namespace {

void check_threads(int threads) {
  if (threads < 0 || threads > 1024) {
    throw InputError(SourceRef{}, "--threads", std::to_string(threads), "0..1024");
  }
}

// Fills a job whose settings, countries and thresholds are loaded.
void plan_run(RunJob& job, Scenario scenario, const RunRequest& request) {
  job.scenario = std::move(scenario);
  if (request.trials) {
    long long trials = *request.trials;
    if (trials < 1 || trials > 100'000'000) {
      throw InputError(SourceRef{}, "--trials", std::to_string(trials), "1..100000000");
    }
    job.scenario.trials = trials;
  }
  if (request.seed) job.scenario.seed = *request.seed;
  override_market(job.scenario, request.market);
  const Scenario& s = job.scenario;
  job.data = io::load_mineral_for_simulation(s.mineral_file, job.countries, request.vintage);
  io::convert_prices_to_per_tonne(job.data.prices);  // costs per t on either vintage
  job.base = build_mineral_graph(job.data, job.settings.graph);
  validate_graph(job.base.graph, s.mineral_file);
  job.plan = make_run_plan(s, job.base, job.data.prices, job.countries, job.settings.indicators,
                           request.policies);
  job.scope = request.keep_reference_metrics
                  ? std::vector<VariantScope>(job.plan.variants.size(), VariantScope::full)
                  : reported_scope(job.plan);
  job.header = io::RunHeader{s.id, s.name, job.data.id, "", 0, s.seed, s.horizon_days};
  job.header.vintage = std::string(to_string(job.data.vintage));
  job.header.seed_blocks = seed_blocks_text(job.data);
  job.header.market = std::string(to_string(job.plan.scenario.market));
  for (const PriceSeries& series : job.data.prices) {
    if (series.primary) job.header.price_unit = series.unit.substr(0, series.unit.find('/'));
  }
  job.header.trials = job.series_only() ? 1 : static_cast<unsigned long long>(s.trials);
  job.header.split_country = split_country(job.plan);
  // The standing of the figures the run reads, said beside its answer when any is weak.
  if (auto note = io::data_quality_note(io::data_quality_of(job.data))) {
    job.header.notes.push_back(*note);
  }
  for (io::LimitNote& note : io::market_setting_notes(job.plan.scenario)) {
    job.header.notes.push_back(std::move(note));
  }
}

// The market's limits of one policy's trials (sim/run_limits.h).
std::vector<io::LimitNote> policy_notes(const RunJob& job, const PolicyRun& run,
                                        std::span<const double> peak_price,
                                        std::span<const double> unmet_t) {
  const Variant& variant = job.plan.variants[run.variant];
  return io::market_notes(
      policy_market_limits(*variant.model, variant.stocks, peak_price, unmet_t));
}

// Refuses, before any trial, a run whose per-trial values would not fit the budget on the
// process that needs the most: the root, which holds every trial (other ranks hold a block).
void check_memory_budget(const MonteCarloOptions& mc, const std::vector<VariantScope>& scope,
                         double budget_mib) {
  const std::size_t variants = scope.size();
  const std::size_t series = kept_series(scope, variants);
  const std::uint64_t needed = monte_carlo_memory_bytes(mc.trials, series, mc.threads);
  if (static_cast<double>(needed) <= budget_mib * 1024.0 * 1024.0) return;
  auto mib = [](std::uint64_t bytes) {
    return format_number(std::ceil(static_cast<double>(bytes) / 1048576.0));
  };
  std::string per_rank;
  if (mc.split != nullptr && mc.split->ranks() > 1) {
    per_rank =
        " on rank 0, which gathers every trial; " +
        mib(monte_carlo_memory_bytes(mc.split->block(mc.trials).size() + 1, series, mc.threads)) +
        " MiB on each other rank";
  }
  throw InputError(SourceRef{}, "--trials", std::to_string(mc.trials),
                   "a run within the memory budget of " + format_number(budget_mib) +
                       " MiB (this one needs " + mib(needed) + " MiB" + per_rank + " for " +
                       std::to_string(variants) +
                       " variants: lower --trials or raise --memory-budget-mb)");
}

std::unique_ptr<RunJob> load_data(const DataPaths& paths, const RunRequest& request) {
  check_threads(request.threads);
  const double budget_mib = request.memory_budget_mib;
  if (!(budget_mib >= 1.0 && budget_mib <= 1048576.0)) {  // also rejects nan
    throw InputError(SourceRef{}, "--memory-budget-mb", format_number(budget_mib),
                     "1..1048576 MiB");
  }
  auto job = std::make_unique<RunJob>();
  job->settings = io::load_settings(paths.settings());
  job->countries = io::load_countries(paths.countries());
  job->thresholds = io::load_thresholds(paths.thresholds());
  return job;
}

}  // namespace

std::unique_ptr<RunJob> prepare_run(const DataPaths& paths, const std::string& scenario_file,
                                    const RunRequest& request) {
  std::unique_ptr<RunJob> job = load_data(paths, request);
  plan_run(
      *job,
      io::load_scenario(resolve_data_file(scenario_file, DataKind::scenario, paths, "SCENARIO"),
                        job->countries, paths.minerals_dir()),
      request);
  return job;
}

std::unique_ptr<RunJob> prepare_run(const DataPaths& paths, Scenario scenario,
                                    const RunRequest& request) {
  std::unique_ptr<RunJob> job = load_data(paths, request);
  plan_run(*job, std::move(scenario), request);
  return job;
}

MonteCarloOptions monte_carlo_options(const RunJob& job, const RunRequest& request,
                                      const TrialSplit* split) {
  MonteCarloOptions mc;
  mc.trials = static_cast<std::uint64_t>(job.scenario.trials);
  mc.seed = job.scenario.seed;
  mc.threads = request.threads;
  mc.split = split;
  check_memory_budget(mc, job.scope, request.memory_budget_mib);
  return mc;
}

std::vector<io::PolicyReport> policy_reports(const RunJob& job, const MonteCarloResult& result,
                                             int threads) {
  const IndicatorSettings& settings = job.settings.indicators;
  std::vector<VariantSummary> summaries = summarize_variants(result, threads);
  std::vector<IndicatorValue> before =
      compute_indicators(job.base, job.data.prices, job.countries, job.thresholds, settings);
  std::vector<io::PolicyReport> reports;
  for (const PolicyRun& run : job.plan.policies) {
    io::PolicyReport report;
    report.name = run.policy.name;
    report.metrics = summaries[run.variant].metrics;
    report.any_shortage = summaries[run.variant].any_shortage;
    report.expected_unmet_t = report.metrics[index(Metric::unmet_t)].mean;
    report.reference_expected_unmet_t =
        summaries[run.reference].metrics[index(Metric::unmet_t)].mean;
    report.before = before;
    report.after =
        compute_indicators(run.after, job.data.prices, job.countries, job.thresholds, settings);
    ResidualImportRisks residual = residual_import_risks(report.after, report.expected_unmet_t,
                                                         report.reference_expected_unmet_t);
    report.residual_concentrate = residual.concentrate;
    report.residual_refined = residual.refined;
    report.notes = policy_notes(job, run, result.values(run.variant, Metric::peak_price_multiple),
                                result.values(run.variant, Metric::unmet_t));
    reports.push_back(std::move(report));
  }
  return reports;
}

std::vector<std::vector<io::LimitNote>> series_notes(const RunJob& job,
                                                     const std::vector<io::PolicySeries>& series) {
  std::vector<std::vector<io::LimitNote>> notes;
  for (std::size_t k = 0; k < series.size() && k < job.plan.policies.size(); ++k) {
    const TrialMetrics& m = series[k].metrics;
    notes.push_back(policy_notes(job, job.plan.policies[k],
                                 {&m[index(Metric::peak_price_multiple)], 1},
                                 {&m[index(Metric::unmet_t)], 1}));
  }
  return notes;
}

}  // namespace mineflow::cli
