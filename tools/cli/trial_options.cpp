#include "tools/cli/trial_options.h"

#include <unistd.h>

#include "graph/source_ref.h"
#include "tools/cli/data_paths.h"
#include "tools/cli/indicator_options.h"

namespace mineflow::cli {

namespace po = boost::program_options;

void add_trial_options(po::options_description& options,
                       po::positional_options_description& positional,
                       const TrialOptionHelp& help) {
  options.add_options()("trials", po::value<long long>(), help.trials.c_str())(
      "threads", po::value<int>()->default_value(0), "worker threads (0: all cores)")(
      "seed", po::value<unsigned long long>(), "random seed (default: the scenario's)")(
      "format", po::value<std::string>()->default_value("table"), "table | csv | json")(
      "out", po::value<std::string>(), help.out.c_str())("quiet", "no progress bar")(
      "scenario", po::value<std::string>(), "scenario file or bundled name (mineflow list)");
  positional.add("scenario", 1);
  add_data_dir_option(options);
  add_vintage_option(options);
  options.add_options()(
      "market", po::value<std::string>(),
      "clearing | rationing: how scarce supply is shared (default: the "
      "scenario's market, else clearing where the mineral has world tiers; docs/market.md)")(
      "resourcing-days", po::value<double>(),
      "days the focal economy needs to re-source a cut foreign supplier under clearing "
      "(default: the scenario's market.resourcing_days, else 0; docs/market.md)")(
      "world-inventory-days", po::value<double>(),
      "world commercial stocks in days of world use under clearing, the market's buffer "
      "(default: the scenario's market.world_inventory_days, else 60; docs/market.md)");
}

void require_scenario(const po::variables_map& vm) {
  if (!vm.count("scenario")) {
    throw InputError(SourceRef{}, "SCENARIO", "nothing", "a scenario file");
  }
}

TrialArgs read_trial_options(const po::variables_map& vm) {
  TrialArgs args;
  if (vm.count("scenario")) args.scenario = vm["scenario"].as<std::string>();
  if (vm.count("trials")) args.trials = vm["trials"].as<long long>();
  if (vm.count("seed")) args.seed = vm["seed"].as<unsigned long long>();
  args.threads = vm["threads"].as<int>();
  args.format = parse_format(vm["format"].as<std::string>());
  if (vm.count("out")) args.out = vm["out"].as<std::string>();
  args.quiet = vm.count("quiet") > 0;
  args.vintage = vintage_option(vm);
  if (vm.count("market")) args.market.model = market_from_text(vm["market"].as<std::string>());
  if (vm.count("resourcing-days")) args.market.resourcing_days = vm["resourcing-days"].as<double>();
  if (vm.count("world-inventory-days")) {
    args.market.world_inventory_days = vm["world-inventory-days"].as<double>();
  }
  return args;
}

std::optional<MarketModel> market_from_text(const std::optional<std::string>& text) {
  if (!text) return std::nullopt;
  std::optional<MarketModel> market = parse_market_model(*text);
  if (!market) throw InputError(SourceRef{}, "--market", *text, "clearing or rationing");
  return market;
}

bool TrialArgs::progress() const {
  return !quiet && isatty(STDERR_FILENO) != 0;
}

}  // namespace mineflow::cli
