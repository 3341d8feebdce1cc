// mineflow stockpile SCENARIO | --all: the stockpile-day sweep (days x recycling shares on the
// same trials), the days each target needs, and the recycling alternative (docs/stockpile.md).

#include <charconv>
#include <cmath>
#include <filesystem>
#include <iostream>

#include <boost/program_options.hpp>

#include "graph/number_format.h"
#include "sim/sweep/stockpile_sweep.h"
#include "sim/sweep/sweep_plan.h"
#include "tools/cli/command.h"
#include "tools/cli/data_paths.h"
#include "tools/cli/interrupt.h"
#include "tools/cli/output.h"
#include "tools/cli/parse_args.h"
#include "tools/cli/process_split.h"
#include "tools/cli/progress_bar.h"
#include "tools/cli/stockpile_job.h"
#include "tools/cli/trial_options.h"
#include "tools/io/atomic_file.h"
#include "tools/io/stockpile_report.h"
#include "tools/io/sweep_checkpoint.h"
#include "tools/io/text_table.h"

namespace mineflow::cli {

namespace po = boost::program_options;

namespace {

double parse_number(std::string_view text, const std::string& field, const std::string& whole,
                    const std::string& expected) {
  double value = 0.0;
  const char* end = text.data() + text.size();
  auto [ptr, ec] = std::from_chars(text.data(), end, value);
  if (text.empty() || ec != std::errc() || ptr != end || !std::isfinite(value)) {
    throw InputError(SourceRef{}, field, whole, expected);
  }
  return value;
}

// "0,15,30" or, for days, a range "START:STOP:STEP" (STOP included).
std::vector<double> parse_list(const std::string& text, const std::string& field, bool range_ok) {
  const std::string expected = range_ok ? "a comma-separated list (0,15,30) or START:STOP:STEP"
                                        : "a comma-separated list of numbers (0,0.1)";
  std::vector<double> values;
  if (range_ok && text.find(':') != std::string::npos) {
    std::vector<double> parts;
    std::size_t from = 0;
    while (true) {
      std::size_t colon = text.find(':', from);
      parts.push_back(
          parse_number(std::string_view(text).substr(from, colon - from), field, text, expected));
      if (colon == std::string::npos) break;
      from = colon + 1;
    }
    if (parts.size() != 3 || parts[2] <= 0.0 || parts[1] < parts[0] ||
        (parts[1] - parts[0]) / parts[2] > 1000.0) {
      throw InputError(SourceRef{}, field, text,
                       "START:STOP:STEP with STEP > 0, at most 1000 steps");
    }
    auto steps = static_cast<int>(std::floor((parts[1] - parts[0]) / parts[2] + 1e-9));
    for (int k = 0; k <= steps; ++k) values.push_back(parts[0] + k * parts[2]);
    return values;
  }
  std::size_t from = 0;
  while (true) {
    std::size_t comma = text.find(',', from);
    values.push_back(
        parse_number(std::string_view(text).substr(from, comma - from), field, text, expected));
    if (comma == std::string::npos) break;
    from = comma + 1;
  }
  return values;
}

// Every option that changes results (not --threads, --quiet, --out, --format), for the
// checkpoint key.
std::string request_fingerprint(const SweepRequest& r) {
  std::string text;
  auto list = [&](const std::optional<std::vector<double>>& values) {
    if (!values) return std::string("default");
    std::string out;
    for (double v : *values) out += format_number(v) + ",";
    return out;
  };
  text += "days=" + list(r.days) + ";shares=" + list(r.shares);
  text += ";target=" + (r.target ? to_string(*r.target) : std::string("none"));
  text += ";policy=" + r.policy.value_or("default");
  text += ";trials=" + (r.trials ? std::to_string(*r.trials) : std::string("default"));
  text += ";seed=" + (r.seed ? std::to_string(*r.seed) : std::string("default"));
  text += ";base=" + format_number(r.base_days) + ";carrying=" + format_number(r.carrying_rate) +
          ";max_recycling=" + format_number(r.max_recycling);
  if (r.parameter_uncertainty) text += ";parameter_uncertainty";
  text += ";vintage=" + std::string(to_string(r.vintage));
  return text;
}

}  // namespace

int run_stockpile(const Args& args, std::ostream& out, std::ostream& err) {
  po::options_description options(
      "mineflow stockpile SCENARIO | --all [options]\n\n"
      "Sweeps national stockpile days x recycling shares over the same Monte Carlo trials and\n"
      "finds the smallest days that meet a target (docs/stockpile.md). --all: every bundled\n"
      "mineral's background-risk scenario, one summary table.\n\nOptions");
  options.add_options()("help,h", "show this help")(
      "all", "every bundled mineral's <mineral>_background.yaml scenario")(
      "days", po::value<std::string>(),
      "stockpile days: LIST (0,15,30) or START:STOP:STEP (default 0,15,30,45,60,90,120,180)")(
      "recycling", po::value<std::string>(),
      "recycling shares of demand, LIST (default 0 and the mineral's current share if known)")(
      "target", po::value<std::string>()->default_value("p_shortage<=0.05"),
      "METRIC<=VALUE; METRIC: p_shortage, unmet_pct, unmet_t, cvar95_unmet_t, "
      "longest_spell_days, priced_out_t, priced_out_pct_annual_demand, not_served_t, "
      "not_served_pct_annual_demand; 'none' for the grid only")(
      "policy", po::value<std::string>(),
      "policy whose release/delay/refill levers to use (default: the first with a stockpile)")(
      "base-days", po::value<double>()->default_value(kBaseStockpileDays, "60"),
      "base target the days needed are compared with")(
      "carrying-rate", po::value<double>()->default_value(kDefaultCarryingRatePerYear, "0.10"),
      "carrying cost per year, fraction of the stockpile's value")(
      "max-recycling", po::value<double>()->default_value(0.5, "0.5"),
      "highest recycling share the alternative search considers")(
      "parameter-uncertainty",
      "draw the fitted hazard parameters per trial from their sampling distribution")(
      "checkpoint", po::value<std::string>(),
      "with --all: save each finished mineral to FILE and, if FILE exists, resume from it "
      "(same data and options; identical results; deleted when the sweep completes)");
  po::positional_options_description positional;
  add_trial_options(options, positional,
                    {.out = "write the report into folder DIR (created if missing)"});
  po::variables_map vm;
  if (!parse_args(args, options, positional, vm, out)) return 0;
  bool all = vm.count("all") > 0;
  if (all == (vm.count("scenario") > 0)) {
    throw InputError(SourceRef{}, "SCENARIO", all ? "a scenario and --all" : "nothing",
                     "either a scenario file or --all");
  }
  const TrialArgs common = read_trial_options(vm);
  const Format format = common.format;
  SweepRequest request;
  common.apply_to(request);
  request.parameter_uncertainty = vm.count("parameter-uncertainty") > 0;
  request.drivers = all;
  if (vm.count("policy")) request.policy = vm["policy"].as<std::string>();
  if (vm.count("days")) request.days = parse_list(vm["days"].as<std::string>(), "--days", true);
  if (vm.count("recycling")) {
    request.shares = parse_list(vm["recycling"].as<std::string>(), "--recycling", false);
  }
  std::string target = vm["target"].as<std::string>();
  if (target != "none") request.target = parse_sweep_target(target);
  request.base_days = vm["base-days"].as<double>();
  request.carrying_rate = vm["carrying-rate"].as<double>();
  request.max_recycling = vm["max-recycling"].as<double>();
  check_sweep_request(request);

  DataPaths paths = data_paths(vm);
  // Under MPI every rank runs its block of each pass; rank 0 alone reads and writes files.
  const TrialSplit* split = process_split();
  const bool root = split == nullptr || split->is_root();
  ProgressBar bar(err, common.progress());
  InterruptScope interrupt;
  // `step`: "step k of N, " for --all (one mineral a step), empty for one scenario.
  auto sweep = [&](const std::string& file, const std::string& step = "") {
    io::SweepSummaryRow row = sweep_scenario(
        file, request, paths,
        [&bar, step](const std::string& label, int pass, std::uint64_t done, std::uint64_t total) {
          // The passes are not known in advance (the search stops when it brackets the target).
          bar.update(step + label + ", pass " + std::to_string(pass), done, total);
        },
        interrupt.flag(), split);
    bar.finish();
    if (interrupt.interrupted()) throw Interrupted();
    return row;
  };
  std::string content;
  std::string stem;
  if (all) {
    std::vector<io::SweepSummaryRow> rows;
    // Its folder follows the --out rule (created if missing, or refused on one line).
    const std::string checkpoint = vm.count("checkpoint")
                                       ? out_file_path(vm["checkpoint"].as<std::string>(),
                                                       "stockpile.checkpoint", "--checkpoint")
                                       : "";
    const std::string key =
        checkpoint.empty() ? "" : io::checkpoint_key(paths.data_dir, request_fingerprint(request));
    std::uint64_t resumed = 0;
    if (!checkpoint.empty() && root) {
      if (auto saved = io::load_sweep_checkpoint(checkpoint, key)) {
        rows = std::move(*saved);
        resumed = rows.size();
        err << "mineflow stockpile: resuming from " << checkpoint << " (" << resumed << " mineral"
            << (resumed == 1 ? "" : "s") << " done)\n";
      }
    }
    // Every rank skips the minerals rank 0 found finished (the others keep no rows).
    if (split != nullptr) split->broadcast(std::as_writable_bytes(std::span(&resumed, 1)));
    std::size_t index = 0;
    const std::vector<std::string> files = background_scenario_files(paths);
    for (const std::string& file : files) {
      if (index++ < resumed) continue;  // finished before the interruption
      rows.push_back(sweep(
          file, "step " + std::to_string(index) + " of " + std::to_string(files.size()) + ", "));
      if (!checkpoint.empty() && root) io::save_sweep_checkpoint(checkpoint, key, rows);
    }
    if (rows.empty() && index == 0) {
      throw InputError(SourceRef{}, "--all", paths.data_dir + "/disruptions",
                       "a folder with <mineral>_background.yaml scenarios");
    }
    content = format == Format::csv    ? io::sweep_summary_csv(rows)
              : format == Format::json ? io::sweep_summary_json(rows)
                                       : io::wrap_long_lines(io::sweep_summary_table(rows));
    stem = "stockpile_summary";
    if (!checkpoint.empty() && root) std::filesystem::remove(checkpoint);
  } else {
    if (vm.count("checkpoint")) {
      throw InputError(SourceRef{}, "--checkpoint", vm["checkpoint"].as<std::string>(),
                       "--checkpoint with --all (a single scenario is one unit of work)");
    }
    io::SweepSummaryRow row =
        sweep(resolve_data_file(*common.scenario, DataKind::scenario, paths, "SCENARIO"));
    content = format == Format::csv ? io::sweep_csv(row.header, row.result)
              : format == Format::json
                  ? io::sweep_json(row.header, row.result)
                  : io::wrap_long_lines(io::sweep_table(row.header, row.result));
    stem = row.header.scenario + "_stockpile";
  }
  if (!root) return 0;  // rank 0 alone writes
  if (!common.out) {
    out << content;
    return 0;
  }
  std::string dir = make_out_folder(*common.out);
  io::write_file_atomically(dir + "/" + stem + extension(format), content);
  return 0;
}

}  // namespace mineflow::cli
