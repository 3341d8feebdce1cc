#pragma once
// The options every Monte Carlo command shares (run, criticality, stockpile): the scenario,
// which trials, how many threads, and where and how the report goes. One definition, so the
// three spell and document them alike.

#include <optional>
#include <string>

#include <boost/program_options.hpp>

#include "graph/mineral_data.h"
#include "sim/scenario.h"
#include "tools/cli/market_override.h"
#include "tools/cli/output.h"

namespace mineflow::cli {

// What differs between the commands in the shared options' help.
struct TrialOptionHelp {
  std::string trials = "number of trials (default: the scenario's)";
  std::string out;  // --out: a folder or a file, per command
};

// --trials, --threads, --seed, --format, --out, --quiet, --data-dir, --vintage and the positional
// SCENARIO.
void add_trial_options(boost::program_options::options_description& options,
                       boost::program_options::positional_options_description& positional,
                       const TrialOptionHelp& help);

struct TrialArgs {
  std::optional<std::string> scenario;
  std::optional<long long> trials;         // default: the scenario's
  std::optional<unsigned long long> seed;  // default: the scenario's
  int threads = 0;                         // 0: all cores
  Format format = Format::table;
  std::optional<std::string> out;             // none: stdout
  bool quiet = false;                         // no progress bar
  DataVintage vintage = DataVintage::latest;  // --vintage
  MarketOverride market;                      // --market, --resourcing-days
  bool progress() const;  // a progress bar: not --quiet, and stderr is a terminal

  // Into a command's request (RunRequest, CriticalityRequest, SweepRequest).
  template <class Request>
  void apply_to(Request& request) const {
    request.trials = trials;
    request.seed = seed;
    request.threads = threads;
    request.vintage = vintage;
    request.market = market;
  }
};

// Throws InputError when no SCENARIO was given (run and criticality need one).
void require_scenario(const boost::program_options::variables_map& vm);

// `--market`'s text as a market model (none: the scenario's); throws InputError on another.
std::optional<MarketModel> market_from_text(const std::optional<std::string>& text);

// Throws InputError on a --format other than table, csv or json.
TrialArgs read_trial_options(const boost::program_options::variables_map& vm);

}  // namespace mineflow::cli
