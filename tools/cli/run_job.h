#pragma once
// What `mineflow run` computes, apart from parsing options and writing files: the inputs of a
// run loaded and checked, the Monte Carlo options within the memory budget, and the per-policy
// summary with the before/after indicator view. Shared by the command and the Python module.

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "graph/country_table.h"
#include "graph/mineral_data.h"
#include "graph/rating.h"
#include "sim/monte_carlo.h"
#include "sim/run_plan.h"
#include "sim/scenario.h"
#include "sim/trial_split.h"
#include "tools/cli/data_paths.h"
#include "tools/cli/market_override.h"
#include "tools/io/data_loaders.h"
#include "tools/io/run_report.h"

namespace mineflow::cli {

struct RunRequest {
  std::optional<long long> trials;         // default: the scenario's
  std::optional<unsigned long long> seed;  // default: the scenario's
  int threads = 0;                         // 0: all cores
  std::vector<std::string> policies;       // empty: every policy of the scenario
  double memory_budget_mib = 1024.0;
  DataVintage vintage = DataVintage::latest;  // which mineral figures the run reads
  MarketOverride market;  // --market, --resourcing-days: override the scenario's
  // Keep every metric of each policy's no-stockpile reference per trial (the Python module's
  // reference_metrics), not only the unmet demand the outputs report (sim/variant_scope.h).
  bool keep_reference_metrics = false;
};

// Everything a run reads, and its plan. The plan points into `data` and `base`: a job stays
// where prepare_run made it.
struct RunJob {
  io::Settings settings;
  CountryTable countries;
  RatingThresholds thresholds;
  Scenario scenario;
  MineralData data;
  MineralGraph base;
  RunPlan plan;
  std::vector<VariantScope> scope;  // what the run keeps of each of plan.variants
  io::RunHeader header;
  // No random event, or one trial: the daily series of trial 0 says everything.
  bool series_only() const { return plan.deterministic || scenario.trials == 1; }
};

// Loads the data folder's settings, countries and thresholds, then the scenario (a file, or a
// bundled scenario's name). Bad options
// throw InputError naming the command-line option (--threads, --memory-budget-mb, --trials,
// --policy).
std::unique_ptr<RunJob> prepare_run(const DataPaths& paths, const std::string& scenario_file,
                                    const RunRequest& request);
// The same for a scenario already loaded (against the same data folder's countries).
std::unique_ptr<RunJob> prepare_run(const DataPaths& paths, Scenario scenario,
                                    const RunRequest& request);

// Trials, seed, threads and process split (null: this process alone) of the Monte Carlo run
// (no progress, no cancel); throws InputError naming --trials when the per-trial results would
// exceed the memory budget on the process that needs the most (rank 0 gathers every trial).
MonteCarloOptions monte_carlo_options(const RunJob& job, const RunRequest& request,
                                      const TrialSplit* split = nullptr);

// The summary of each policy in the plan's order, from the finished run (on the root alone
// under MPI); the summaries are computed on `threads` workers (0: all cores).
std::vector<io::PolicyReport> policy_reports(const RunJob& job, const MonteCarloResult& result,
                                             int threads);

// The market's limits of each policy of a one-trial run (parallel to `series`, the plan's
// policies in order), from the trial's own peak price and unmet demand.
std::vector<std::vector<io::LimitNote>> series_notes(const RunJob& job,
                                                     const std::vector<io::PolicySeries>& series);

}  // namespace mineflow::cli
