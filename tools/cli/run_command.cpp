// mineflow run SCENARIO: the disruption Monte Carlo (or, without random events, the daily time
// series of one deterministic trial), with the before/after policy view.

#include <unistd.h>

#include <chrono>
#include <cmath>
#include <filesystem>
#include <iostream>
#include <mutex>

#include <boost/program_options.hpp>

#include "graph/build_graph.h"
#include "graph/number_format.h"
#include "graph/validate.h"
#include "sim/daily_series.h"
#include "sim/monte_carlo.h"
#include "sim/plan_series.h"
#include "sim/residual_risk.h"
#include "sim/run_plan.h"
#include "tools/cli/command.h"
#include "tools/cli/data_paths.h"
#include "tools/cli/interrupt.h"
#include "tools/cli/output.h"
#include "tools/cli/parse_args.h"
#include "tools/cli/process_split.h"
#include "tools/cli/progress_bar.h"
#include "tools/io/atomic_file.h"
#include "tools/io/data_loaders.h"
#include "tools/io/run_report.h"
#include "tools/io/scenario_loader.h"
#include "tools/io/text_table.h"

namespace mineflow::cli {

namespace po = boost::program_options;

namespace {

std::string extension(Format format) {
  return format == Format::csv ? ".csv" : format == Format::json ? ".json" : ".txt";
}

void write_out(const std::string& content, const std::string& dir, const std::string& stem,
               Format format, std::ostream& out) {
  if (dir.empty()) {
    out << content;
    return;
  }
  io::write_file_atomically(make_out_folder(dir) + "/" + stem + extension(format), content);
}

// Refuses, before any trial, a run whose per-trial values would not fit the budget on the
// process that needs the most: the root, which holds every trial (other ranks hold a block).
void check_memory_budget(const MonteCarloOptions& mc, std::size_t variants, double budget_mib) {
  const std::uint64_t needed = monte_carlo_memory_bytes(mc.trials, variants, mc.threads);
  if (static_cast<double>(needed) <= budget_mib * 1024.0 * 1024.0) return;
  auto mib = [](std::uint64_t bytes) {
    return format_number(std::ceil(static_cast<double>(bytes) / 1048576.0));
  };
  std::string per_rank;
  if (mc.split != nullptr && mc.split->ranks() > 1) {
    per_rank =
        " on rank 0, which gathers every trial; " +
        mib(monte_carlo_memory_bytes(mc.split->block(mc.trials).size() + 1, variants, mc.threads)) +
        " MiB on each other rank";
  }
  throw InputError(SourceRef{}, "--trials", std::to_string(mc.trials),
                   "a run within the memory budget of " + format_number(budget_mib) +
                       " MiB (this one needs " + mib(needed) + " MiB" + per_rank + " for " +
                       std::to_string(variants) +
                       " variants: lower --trials or raise --memory-budget-mb)");
}

}  // namespace

int run_run(const Args& args, std::ostream& out, std::ostream& err) {
  po::options_description options(
      "mineflow run SCENARIO [options]\n\n"
      "Runs a disruption scenario (a file or a bundled name, see mineflow list): the per-metric "
      "Monte Carlo\n"
      "summary and the before/after policy view, or the daily time series when no event is\n"
      "random or --trials 1.\n\nOptions");
  options.add_options()("help,h", "show this help")("trials", po::value<long long>(),
                                                    "number of trials (default: the scenario's)")(
      "threads", po::value<int>()->default_value(0), "worker threads (0: all cores)")(
      "seed", po::value<unsigned long long>(), "random seed (default: the scenario's)")(
      "policy", po::value<std::vector<std::string>>()->multitoken(),
      "policy sets to evaluate (default: every policy in the scenario)")(
      "format", po::value<std::string>()->default_value("table"), "table | csv | json")(
      "out", po::value<std::string>(),
      "write summary/series files into folder DIR (created if missing)")("quiet",
                                                                         "no progress bar")(
      "memory-budget-mb", po::value<double>()->default_value(1024.0),
      "refuse runs whose per-trial results would need more memory than this (MiB)")(
      "scenario", po::value<std::string>(), "scenario file or bundled name (mineflow list)");
  add_data_dir_option(options);
  po::positional_options_description positional;
  positional.add("scenario", 1);
  po::variables_map vm;
  if (!parse_args(args, options, positional, vm, out)) return 0;
  if (!vm.count("scenario"))
    throw InputError(SourceRef{}, "SCENARIO", "nothing", "a scenario file");
  Format format = parse_format(vm["format"].as<std::string>());
  int threads = vm["threads"].as<int>();
  if (threads < 0 || threads > 1024) {
    throw InputError(SourceRef{}, "--threads", std::to_string(threads), "0..1024");
  }
  const double budget_mib = vm["memory-budget-mb"].as<double>();
  if (!(budget_mib >= 1.0 && budget_mib <= 1048576.0)) {  // also rejects nan
    throw InputError(SourceRef{}, "--memory-budget-mb", format_number(budget_mib),
                     "1..1048576 MiB");
  }
  DataPaths paths = data_paths(vm);
  io::Settings settings = io::load_settings(paths.settings());
  CountryTable countries = io::load_countries(paths.countries());
  RatingThresholds thresholds = io::load_thresholds(paths.thresholds());
  Scenario scenario = io::load_scenario(
      resolve_data_file(vm["scenario"].as<std::string>(), DataKind::scenario, paths, "SCENARIO"),
      countries);
  if (vm.count("trials")) {
    long long trials = vm["trials"].as<long long>();
    if (trials < 1 || trials > 100'000'000) {
      throw InputError(SourceRef{}, "--trials", std::to_string(trials), "1..100000000");
    }
    scenario.trials = trials;
  }
  if (vm.count("seed")) scenario.seed = vm["seed"].as<unsigned long long>();
  std::vector<std::string> names =
      vm.count("policy") ? vm["policy"].as<std::vector<std::string>>() : std::vector<std::string>{};

  MineralData data = io::load_mineral(scenario.mineral_file, countries);
  MineralGraph base = build_mineral_graph(data, settings.graph);
  validate_graph(base.graph, scenario.mineral_file);
  RunPlan plan = make_run_plan(scenario, base, data.prices, countries, settings.indicators, names);

  io::RunHeader header{scenario.id,   scenario.name,        data.id, "", 0,
                       scenario.seed, scenario.horizon_days};
  for (const PriceSeries& series : data.prices) {
    if (series.primary) header.price_unit = series.unit.substr(0, series.unit.find('/'));
  }
  std::string out_dir = vm.count("out") ? vm["out"].as<std::string>() : "";

  if (plan.deterministic || scenario.trials == 1) {
    header.trials = 1;
    std::vector<io::PolicySeries> series = plan_daily_series(plan, scenario.seed);
    std::string content = format == Format::csv ? io::run_series_csv(header, series)
                          : format == Format::json
                              ? io::run_series_json(header, series)
                              : io::wrap_long_lines(io::run_series_table(header, series));
    write_out(content, out_dir, "series", format, out);
    return 0;
  }

  header.trials = static_cast<unsigned long long>(scenario.trials);
  MonteCarloOptions mc;
  mc.trials = header.trials;
  mc.seed = scenario.seed;
  mc.threads = threads;
  mc.split = process_split();
  check_memory_budget(mc, plan.variants.size(), budget_mib);
  InterruptScope interrupt;
  mc.cancel = interrupt.flag();
  ProgressBar bar(err, !vm.count("quiet") && isatty(STDERR_FILENO) != 0);
  const std::uint64_t total = mc.trials;
  mc.progress = [&bar, total](std::uint64_t done) { bar.update("trials", done, total); };
  MonteCarloResult result =
      run_monte_carlo(plan.scenario.events, scenario.horizon_days, plan.variants, mc);
  bar.finish();
  if (interrupt.interrupted()) throw Interrupted();
  if (mc.split != nullptr && !mc.split->is_root()) return 0;  // the root summarises and writes

  std::vector<VariantSummary> summaries = summarize_variants(result, threads);
  std::vector<IndicatorValue> before =
      compute_indicators(base, data.prices, countries, thresholds, settings.indicators);
  std::vector<io::PolicyReport> reports;
  for (const PolicyRun& run : plan.policies) {
    io::PolicyReport report;
    report.name = run.policy.name;
    report.metrics = summaries[run.variant].metrics;
    report.any_shortage = summaries[run.variant].any_shortage;
    report.expected_unmet_t = report.metrics[index(Metric::unmet_t)].mean;
    report.reference_expected_unmet_t =
        summaries[run.reference].metrics[index(Metric::unmet_t)].mean;
    report.before = before;
    report.after =
        compute_indicators(run.after, data.prices, countries, thresholds, settings.indicators);
    ResidualImportRisks residual = residual_import_risks(report.after, report.expected_unmet_t,
                                                         report.reference_expected_unmet_t);
    report.residual_concentrate = residual.concentrate;
    report.residual_refined = residual.refined;
    reports.push_back(std::move(report));
  }
  std::string content = format == Format::csv ? io::run_summary_csv(header, reports)
                        : format == Format::json
                            ? io::run_summary_json(header, reports)
                            : io::wrap_long_lines(io::run_summary_table(header, reports));
  write_out(content, out_dir, "summary", format, out);
  return 0;
}

}  // namespace mineflow::cli
