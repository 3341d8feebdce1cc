// mineflow criticality SCENARIO: ranks every mine and refining node of the mineral's world
// tiers by the focal economy's expected unmet demand when that node alone fails.

#include <boost/program_options.hpp>

#include "tools/cli/command.h"
#include "tools/cli/criticality_job.h"
#include "tools/cli/data_paths.h"
#include "tools/cli/interrupt.h"
#include "tools/cli/output.h"
#include "tools/cli/parse_args.h"
#include "tools/cli/process_split.h"
#include "tools/cli/progress_bar.h"
#include "tools/cli/trial_options.h"
#include "tools/io/criticality_report.h"
#include "tools/io/text_table.h"

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
      "policy set to apply (default none: no stockpile, the raw exposure)");
  po::positional_options_description positional;
  add_trial_options(options, positional,
                    {.trials = "number of trials per node (default: the scenario's)",
                     .out = "write the report to FILE"});
  po::variables_map vm;
  if (!parse_args(args, options, positional, vm, out)) return 0;
  require_scenario(vm);
  const TrialArgs common = read_trial_options(vm);
  CriticalityRequest request;
  request.failure.duration_days = vm["days"].as<double>();
  request.failure.severity = vm["severity"].as<double>();
  request.failure.start_day = vm["start-day"].as<double>();
  request.policy = vm["policy"].as<std::string>();
  common.apply_to(request);
  check_criticality_request(request);
  DataPaths paths = data_paths(vm);
  InterruptScope interrupt;
  ProgressBar bar(err, common.progress());
  CriticalityOutput run = criticality_of_scenario(
      paths, *common.scenario, request,
      [&bar](std::size_t done, std::size_t runs) { bar.update("node runs", done, runs); },
      interrupt.flag(), process_split());
  bar.finish();
  if (interrupt.interrupted()) throw Interrupted();
  // Under MPI the root holds every trial's values, summarises and alone writes.
  if (process_split() != nullptr && !process_split()->is_root()) return 0;

  const io::CriticalityHeader& header = run.header;
  const CriticalityResult& result = run.result;
  std::string content = common.format == Format::csv ? io::criticality_csv(header, result)
                        : common.format == Format::json
                            ? io::criticality_json(header, result)
                            : io::wrap_long_lines(io::criticality_table(header, result));
  emit(content, common.out.value_or(""), out);
  return 0;
}

}  // namespace mineflow::cli
