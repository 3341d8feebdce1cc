// mineflow run SCENARIO: the disruption Monte Carlo (or, without random events, the daily time
// series of one deterministic trial), with the before/after policy view.

#include <filesystem>
#include <iostream>

#include <boost/program_options.hpp>

#include "sim/monte_carlo.h"
#include "sim/plan_series.h"
#include "tools/cli/command.h"
#include "tools/cli/interrupt.h"
#include "tools/cli/output.h"
#include "tools/cli/parse_args.h"
#include "tools/cli/process_split.h"
#include "tools/cli/progress_bar.h"
#include "tools/cli/run_job.h"
#include "tools/cli/trial_options.h"
#include "tools/io/atomic_file.h"
#include "tools/io/run_report.h"
#include "tools/io/text_table.h"

namespace mineflow::cli {

namespace po = boost::program_options;

namespace {

// To stdout, or into DIR/<stem>.<ext> with one line saying where (never the content).
void write_out(const std::string& content, const std::string& dir, const std::string& stem,
               Format format, std::ostream& out) {
  if (dir.empty()) {
    out << content;
    return;
  }
  std::string path = make_out_folder(dir) + "/" + stem + extension(format);
  io::write_file_atomically(path, content);
  out << "wrote " << path << "\n";
}

}  // namespace

int run_run(const Args& args, std::ostream& out, std::ostream& err) {
  po::options_description options(
      "mineflow run SCENARIO [options]\n\n"
      "Runs a disruption scenario (a file or a bundled name, see mineflow list): the per-metric "
      "Monte Carlo\n"
      "summary and the before/after policy view; when no event is random (or --trials 1), the\n"
      "metrics and the days that matter of its one trial (the daily series: --series or --out).\n"
      "\nOptions");
  options.add_options()("help,h", "show this help")(
      "policy", po::value<std::vector<std::string>>()->multitoken(),
      "policy sets to evaluate (default: every policy in the scenario)")(
      "memory-budget-mb", po::value<double>()->default_value(1024.0),
      "refuse runs whose per-trial results would need more memory than this (MiB)")(
      "series", "print the daily series of a deterministic run (--out writes it as series.EXT)");
  po::positional_options_description positional;
  add_trial_options(options, positional,
                    {.out = "write summary/series files into folder DIR (created if missing)"});
  po::variables_map vm;
  if (!parse_args(args, options, positional, vm, out)) return 0;
  require_scenario(vm);
  const TrialArgs common = read_trial_options(vm);
  const Format format = common.format;
  RunRequest request;
  common.apply_to(request);
  if (vm.count("policy")) request.policies = vm["policy"].as<std::vector<std::string>>();
  request.memory_budget_mib = vm["memory-budget-mb"].as<double>();
  std::unique_ptr<RunJob> job = prepare_run(data_paths(vm), *common.scenario, request);
  const io::RunHeader& header = job->header;
  const std::string out_dir = common.out.value_or("");

  if (job->series_only()) {
    // One trial says everything: a --trials that asked for more is answered, not dropped.
    if (job->plan.deterministic && common.trials && *common.trials != 1) {
      err << "mineflow run: note: --trials " << *common.trials << " not used: " << header.scenario
          << " has no random event, so every trial is the same (one run)\n";
    }
    std::vector<io::PolicySeries> series = plan_daily_series(job->plan, header.seed);
    const bool daily = vm.count("series") > 0;
    if (daily || !out_dir.empty()) {
      std::string content = format == Format::csv ? io::run_series_csv(header, series)
                            : format == Format::json
                                ? io::run_series_json(header, series)
                                : io::wrap_long_lines(io::run_series_table(header, series));
      write_out(content, out_dir, "series", format, out);
    }
    if (!daily || !out_dir.empty()) {
      const auto notes = series_notes(*job, series);
      std::string content =
          format == Format::csv ? io::run_series_summary_csv(header, series, notes)
          : format == Format::json
              ? io::run_series_json(header, series, false, notes)
              : io::wrap_long_lines(io::run_series_summary_table(header, series, notes));
      write_out(content, out_dir, "summary", format, out);
    }
    return 0;
  }
  if (vm.count("series")) {
    err << "mineflow run: note: --series not used: " << header.scenario
        << " has random events; the daily series is for one trial (--trials 1)\n";
  }

  MonteCarloOptions mc = monte_carlo_options(*job, request, process_split());
  InterruptScope interrupt;
  mc.cancel = interrupt.flag();
  ProgressBar bar(err, common.progress());
  const std::uint64_t total = mc.trials;
  mc.progress = [&bar, total](std::uint64_t done) { bar.update("trials", done, total); };
  MonteCarloResult result = run_monte_carlo(job->plan.scenario.events, header.horizon_days,
                                            job->plan.variants, mc, job->scope);
  bar.finish();
  if (interrupt.interrupted()) throw Interrupted();
  if (mc.split != nullptr && !mc.split->is_root()) return 0;  // the root summarises and writes

  std::vector<io::PolicyReport> reports = policy_reports(*job, result, request.threads);
  std::string content = format == Format::csv ? io::run_summary_csv(header, reports)
                        : format == Format::json
                            ? io::run_summary_json(header, reports)
                            : io::wrap_long_lines(io::run_summary_table(header, reports));
  write_out(content, out_dir, "summary", format, out);
  return 0;
}

}  // namespace mineflow::cli
