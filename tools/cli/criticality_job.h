#pragma once
// What `mineflow criticality` computes, apart from parsing options, progress and files: every
// mine and refining node failing alone, ranked by the focal economy's expected unmet demand.
// Shared by the command and the Python module.

#include <atomic>
#include <cstddef>
#include <functional>
#include <optional>
#include <string>

#include "graph/mineral_data.h"
#include "sim/scenario.h"
#include "sim/sweep/criticality.h"
#include "sim/trial_split.h"
#include "tools/cli/data_paths.h"
#include "tools/cli/market_override.h"
#include "tools/io/criticality_report.h"

namespace mineflow::cli {

struct CriticalityRequest {
  CriticalityOptions failure;                 // --days, --severity, --start-day
  std::string policy = "none";                // no stockpile: the raw exposure
  std::optional<long long> trials;            // default: the scenario's
  std::optional<unsigned long long> seed;     // default: the scenario's
  int threads = 0;                            // 0: all cores
  DataVintage vintage = DataVintage::latest;  // which mineral figures the ranking reads
  MarketOverride market;  // --market, --resourcing-days: override the scenario's
};

// Throws InputError naming the command-line option of the first value out of range (--days,
// --severity, --start-day, --threads; --trials is checked by criticality_of_scenario).
void check_criticality_request(const CriticalityRequest& request);

struct CriticalityOutput {
  io::CriticalityHeader header;
  CriticalityResult result;
};

// Loads the scenario (a file, or a bundled scenario's name) and its mineral from the data folder
// and ranks the nodes. `node_done(k, n)` is called after each run (from the thread that calls
// this). With `cancel` set during the runs the result is incomplete: the caller checks the flag
// and discards it. With `split` (MPI ranks, tools/cli/process_split.h) each rank runs its block
// of every node run's trials and only the root's result holds the statistics.
CriticalityOutput criticality_of_scenario(
    const DataPaths& paths, const std::string& scenario_file, const CriticalityRequest& request,
    const std::function<void(std::size_t, std::size_t)>& node_done, const std::atomic<bool>* cancel,
    const TrialSplit* split = nullptr);

}  // namespace mineflow::cli
