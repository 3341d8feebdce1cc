// mineflow criticality SCENARIO: ranks every mine and refining node of the mineral's world
// tiers by the focal economy's expected unmet demand when that node alone fails.

#include <unistd.h>

#include <boost/program_options.hpp>

#include "graph/build_graph.h"
#include "graph/number_format.h"
#include "graph/validate.h"
#include "sim/criticality.h"
#include "sim/run_plan.h"
#include "tools/cli/command.h"
#include "tools/cli/data_paths.h"
#include "tools/cli/interrupt.h"
#include "tools/cli/output.h"
#include "tools/cli/parse_args.h"
#include "tools/cli/progress_bar.h"
#include "tools/io/criticality_report.h"
#include "tools/io/data_loaders.h"
#include "tools/io/scenario_loader.h"

namespace mineflow::cli {

namespace po = boost::program_options;

int run_criticality(const Args& args, std::ostream& out, std::ostream& err) {
  po::options_description options(
      "mineflow criticality SCENARIO [options]\n\n"
      "Makes each mine and refining node of the mineral's network fail alone (on top of the\n"
      "scenario's own events, same trials) and ranks the nodes by the focal economy's expected\n"
      "unmet demand, with Monte Carlo standard errors (docs/network.md).\n\nOptions");
  options.add_options()("help,h", "show this help")(
      "days", po::value<double>()->default_value(90.0), "how long each node fails, days")(
      "severity", po::value<double>()->default_value(1.0), "share of the node's output lost, 0..1")(
      "start-day", po::value<double>()->default_value(0.0), "day the failure starts")(
      "policy", po::value<std::string>()->default_value("none"),
      "policy set to apply (default none: no stockpile, the raw exposure)")(
      "trials", po::value<long long>(), "number of trials per node (default: the scenario's)")(
      "threads", po::value<int>()->default_value(0), "worker threads (0: all cores)")(
      "seed", po::value<unsigned long long>(), "random seed (default: the scenario's)")(
      "format", po::value<std::string>()->default_value("table"), "table | csv | json")(
      "out", po::value<std::string>(), "write the report to FILE")("quiet", "no progress bar")(
      "scenario", po::value<std::string>(), "scenario file");
  add_data_dir_option(options);
  po::positional_options_description positional;
  positional.add("scenario", 1);
  po::variables_map vm;
  if (!parse_args(args, options, positional, vm, out)) return 0;
  if (!vm.count("scenario"))
    throw InputError(SourceRef{}, "SCENARIO", "nothing", "a scenario file");
  Format format = parse_format(vm["format"].as<std::string>());
  CriticalityOptions failure;
  failure.duration_days = vm["days"].as<double>();
  failure.severity = vm["severity"].as<double>();
  failure.start_day = vm["start-day"].as<double>();
  if (!(failure.duration_days > 0.0 && failure.duration_days <= 36500.0)) {
    throw InputError(SourceRef{}, "--days", format_number(failure.duration_days),
                     "0 < days <= 36500");
  }
  if (!(failure.severity >= 0.0 && failure.severity <= 1.0)) {
    throw InputError(SourceRef{}, "--severity", format_number(failure.severity), "0..1");
  }
  if (!(failure.start_day >= 0.0 && failure.start_day <= 36500.0)) {
    throw InputError(SourceRef{}, "--start-day", format_number(failure.start_day), "0..36500");
  }
  int threads = vm["threads"].as<int>();
  if (threads < 0 || threads > 1024) {
    throw InputError(SourceRef{}, "--threads", std::to_string(threads), "0..1024");
  }
  DataPaths paths = data_paths(vm);
  io::Settings settings = io::load_settings(paths.settings());
  CountryTable countries = io::load_countries(paths.countries());
  Scenario scenario = io::load_scenario(vm["scenario"].as<std::string>(), countries);
  if (vm.count("trials")) {
    long long trials = vm["trials"].as<long long>();
    if (trials < 1 || trials > 10'000'000) {
      throw InputError(SourceRef{}, "--trials", std::to_string(trials), "1..10000000");
    }
    scenario.trials = trials;
  }
  if (vm.count("seed")) scenario.seed = vm["seed"].as<unsigned long long>();
  MineralData data = io::load_mineral(scenario.mineral_file, countries);
  MineralGraph base = build_mineral_graph(data, settings.graph);
  validate_graph(base.graph, scenario.mineral_file);
  RunPlan plan = make_run_plan(scenario, base, data.prices, countries, settings.indicators,
                               {vm["policy"].as<std::string>()});

  MonteCarloOptions mc;
  mc.trials = static_cast<std::uint64_t>(scenario.trials);
  mc.seed = scenario.seed;
  mc.threads = threads;
  InterruptScope interrupt;
  mc.cancel = interrupt.flag();
  ProgressBar bar(err, !vm.count("quiet") && isatty(STDERR_FILENO) != 0);
  CriticalityResult result = rank_nodes(
      plan, mc, failure,
      [&bar](std::size_t done, std::size_t runs) { bar.update("node runs", done, runs); });
  bar.finish();
  if (interrupt.interrupted()) throw Interrupted();

  io::CriticalityHeader header;
  header.run = {scenario.id,   scenario.name,        data.id, "", mc.trials,
                scenario.seed, scenario.horizon_days};
  header.failure = failure;
  header.network_basis = base.network.describe();
  std::string content = format == Format::csv    ? io::criticality_csv(header, result)
                        : format == Format::json ? io::criticality_json(header, result)
                                                 : io::criticality_table(header, result);
  emit(content, vm.count("out") ? vm["out"].as<std::string>() : "", out);
  return 0;
}

}  // namespace mineflow::cli
