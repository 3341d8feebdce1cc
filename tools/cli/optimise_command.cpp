// mineflow optimise SCENARIO | --all: the least-cost policy mix meeting a risk target, the
// cost-risk frontier (--frontier), and one budget spread over minerals (--all --budget)
// (docs/optimise.md).

#include <charconv>
#include <cmath>
#include <filesystem>
#include <iostream>

#include <boost/program_options.hpp>

#include "graph/number_format.h"
#include "tools/cli/command.h"
#include "tools/cli/data_paths.h"
#include "tools/cli/interrupt.h"
#include "tools/cli/optimise_job.h"
#include "tools/cli/output.h"
#include "tools/cli/parse_args.h"
#include "tools/cli/progress_bar.h"
#include "tools/cli/trial_options.h"
#include "tools/io/atomic_file.h"
#include "tools/io/optimise_report.h"
#include "tools/io/text_table.h"

namespace mineflow::cli {

namespace po = boost::program_options;

namespace {

// "0.1,0.05,0.02": the frontier's thresholds; empty text: the target's threshold x 4, 2, 1,
// 1/2, 1/4 (p_shortage capped at 1).
std::vector<double> parse_thresholds(const std::string& text, const SweepTarget& target) {
  std::vector<double> out;
  if (text.empty()) {
    for (double f : {4.0, 2.0, 1.0, 0.5, 0.25}) {
      double t = target.threshold * f;
      if (target.metric == SweepMetric::p_shortage) t = std::min(t, 1.0);
      out.push_back(t);
    }
  } else {
    const std::string expected = "a comma-separated list of thresholds >= 0 (0.1,0.05,0.02)";
    std::size_t from = 0;
    while (true) {
      std::size_t comma = text.find(',', from);
      std::string_view part = std::string_view(text).substr(from, comma - from);
      double value = 0.0;
      auto [ptr, ec] = std::from_chars(part.data(), part.data() + part.size(), value);
      if (part.empty() || ec != std::errc() || ptr != part.data() + part.size() ||
          !std::isfinite(value) || value < 0.0 ||
          (target.metric == SweepMetric::p_shortage && value > 1.0)) {
        throw InputError(SourceRef{}, "--frontier", text, expected);
      }
      out.push_back(value);
      if (comma == std::string::npos) break;
      from = comma + 1;
    }
  }
  std::sort(out.begin(), out.end(), std::greater<>());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

}  // namespace

int run_optimise(const Args& args, std::ostream& out, std::ostream& err) {
  po::options_description options(
      "mineflow optimise SCENARIO | --all [options]\n\n"
      "The least-cost mix of stockpile days, recycling share, substitution, diversification off\n"
      "the largest import source and focal smelter capacity that meets a risk target on the\n"
      "Monte Carlo's common random numbers, accepted when value + 2 SE meets it\n"
      "(docs/optimise.md). --frontier: the cheapest mix over several thresholds. --all --budget:\n"
      "one budget spread over every bundled mineral.\n\nOptions");
  options.add_options()("help,h", "show this help")(
      "all", "every bundled mineral's <mineral>_background.yaml scenario")(
      "target", po::value<std::string>()->default_value("p_shortage<=0.05"),
      "METRIC<=VALUE; METRIC: p_shortage, unmet_pct, unmet_t, cvar95_unmet_t, "
      "longest_spell_days (the priced-out and not-served metrics are stockpile targets only)")(
      "frontier", po::value<std::string>()->implicit_value(""),
      "the cheapest mix for each threshold of the target's metric: LIST (0.1,0.05,0.02), or "
      "none for the target's threshold x 4, 2, 1, 1/2, 1/4")(
      "budget", po::value<double>(),
      "with --all: USD per year spread over the minerals to minimise the expected value of "
      "demand not served")("levers", po::value<std::string>(),
                           "lever-costs file (default DATA/levers/<mineral>.yaml)")(
      "policy", po::value<std::string>(),
      "policy whose release/delay/refill levers to use (default: the first with a stockpile)")(
      "parameter-uncertainty",
      "draw the fitted hazard parameters per trial from their sampling distribution");
  po::positional_options_description positional;
  add_trial_options(options, positional,
                    {.out = "write the report into folder DIR (created if missing)"});
  po::variables_map vm;
  if (!parse_args(args, options, positional, vm, out)) return 0;
  const bool all = vm.count("all") > 0;
  if (all == (vm.count("scenario") > 0)) {
    throw InputError(SourceRef{}, "SCENARIO", all ? "a scenario and --all" : "nothing",
                     "either a scenario file or --all");
  }
  const TrialArgs common = read_trial_options(vm);
  const Format format = common.format;
  OptimiseRequest request;
  common.apply_to(request.sweep);
  request.sweep.parameter_uncertainty = vm.count("parameter-uncertainty") > 0;
  if (vm.count("policy")) request.sweep.policy = vm["policy"].as<std::string>();
  // The shared parser; the mix evaluator does not carry priced-out demand yet, so the clearing
  // metrics are refused here with the list of those accepted.
  request.target = parse_sweep_target(vm["target"].as<std::string>(), "--target");
  if (vm.count("frontier")) {
    request.thresholds = parse_thresholds(vm["frontier"].as<std::string>(), request.target);
  }
  std::optional<double> budget;
  if (vm.count("budget")) {
    budget = vm["budget"].as<double>();
    if (!all) {
      throw InputError(SourceRef{}, "--budget", format_number(*budget),
                       "--budget with --all (a budget is spread over the minerals)");
    }
    if (!std::isfinite(*budget) || *budget < 0.0) {
      throw InputError(SourceRef{}, "--budget", format_number(*budget), "USD per year >= 0");
    }
    if (vm.count("frontier")) {
      throw InputError(SourceRef{}, "--frontier", vm["frontier"].as<std::string>(),
                       "no --frontier with --budget");
    }
  }
  if (vm.count("levers")) {
    if (all) {
      throw InputError(SourceRef{}, "--levers", vm["levers"].as<std::string>(),
                       "--levers with one scenario (--all reads DATA/levers/<mineral>.yaml)");
    }
    request.levers = vm["levers"].as<std::string>();
  }
  check_sweep_request(request.sweep);

  DataPaths paths = data_paths(vm);
  ProgressBar bar(err, common.progress());
  InterruptScope interrupt;
  auto progress_of = [&bar](const std::string& step) {
    return
        [&bar, step](const std::string& label, int pass, std::uint64_t done, std::uint64_t total) {
          bar.update(step + label + ", pass " + std::to_string(pass), done, total);
        };
  };
  auto finished = [&]() {
    bar.finish();
    if (interrupt.interrupted()) throw Interrupted();
  };

  std::string content;
  std::string stem;
  if (all) {
    const std::vector<std::string> files = background_scenario_files(paths);
    if (files.empty()) {
      throw InputError(SourceRef{}, "--all", paths.data_dir + "/disruptions",
                       "a folder with <mineral>_background.yaml scenarios");
    }
    std::vector<io::OptimiseReport> reports;
    for (std::size_t i = 0; i < files.size(); ++i) {
      const std::string step =
          "step " + std::to_string(i + 1) + " of " + std::to_string(files.size()) + ", ";
      reports.push_back(
          budget
              ? budget_grid_scenario(files[i], request, paths, progress_of(step), interrupt.flag())
              : optimise_scenario(files[i], request, paths, progress_of(step), interrupt.flag()));
      finished();
    }
    if (budget) {
      io::BudgetReport b = budget_report(reports, *budget);
      content = format == Format::csv    ? io::budget_csv(b)
                : format == Format::json ? io::budget_json(b)
                                         : io::wrap_long_lines(io::budget_table(b));
      stem = "optimise_budget";
    } else {
      content = format == Format::csv    ? io::optimise_summary_csv(reports)
                : format == Format::json ? io::optimise_summary_json(reports)
                                         : io::optimise_summary_table(reports);
      stem = "optimise_summary";
    }
  } else {
    const std::string file =
        resolve_data_file(*common.scenario, DataKind::scenario, paths, "SCENARIO");
    io::OptimiseReport report =
        optimise_scenario(file, request, paths, progress_of(""), interrupt.flag());
    finished();
    if (request.thresholds.empty()) require_reachable(report);
    content = format == Format::csv    ? io::optimise_csv(report)
              : format == Format::json ? io::optimise_json(report)
                                       : io::wrap_long_lines(io::optimise_table(report));
    stem = report.header.scenario + "_optimise";
  }
  if (!common.out) {
    out << content;
    return 0;
  }
  std::string dir = make_out_folder(*common.out);
  io::write_file_atomically(dir + "/" + stem + extension(format), content);
  return 0;
}

}  // namespace mineflow::cli
