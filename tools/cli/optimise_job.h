#pragma once
// What `mineflow optimise` computes for one scenario (or, with --all, each bundled mineral),
// apart from parsing options, progress and files: the least-cost policy mix meeting a target,
// the frontier over several thresholds, and the options a budget is spread over. Shared by the
// command and the Python module.

#include <atomic>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "sim/optimise/optimise_search.h"
#include "tools/cli/stockpile_job.h"
#include "tools/io/levers_loader.h"
#include "tools/io/optimise_report.h"

namespace mineflow::cli {

struct OptimiseRequest {
  SweepRequest sweep;  // trials, seed, threads, policy, vintage, market, parameter draws
  SweepTarget target;
  std::vector<double> thresholds;     // --frontier: one search per threshold; empty: target
  std::optional<std::string> levers;  // a levers file; default DATA/levers/<mineral>.yaml
  SearchOptions search;
};

// One scenario's search or budget grid (costs in USD per year).
using OptimiseOutput = io::OptimiseReport;

// (label, pass, done, total); from worker threads.
using OptimiseProgress = SweepProgress;

// Throws InputError for a missing or bad levers file (located) and options out of range.
OptimiseOutput optimise_scenario(const std::string& file, const OptimiseRequest& request,
                                 const DataPaths& paths, const OptimiseProgress& progress,
                                 const std::atomic<bool>* cancel);

// The budget's options of one scenario: one pass over a fixed grid of mixes (days x recycling x
// substitution) whose cells carry cost and expected unmet demand.
OptimiseOutput budget_grid_scenario(const std::string& file, const OptimiseRequest& request,
                                    const DataPaths& paths, const OptimiseProgress& progress,
                                    const std::atomic<bool>* cancel);

// One target the levers cannot reach is an answer the caller must not take for a mix: throws
// InputError on --target (one line, exit 2) naming the best reachable level. On a frontier such
// a threshold is a row marked not reachable instead.
void require_reachable(const io::OptimiseReport& report);

// The budget spread over `reports` (each with its budget grid; sim/optimise/budget_split.h).
// Points into `reports`: keep them while the result is used.
io::BudgetReport budget_report(const std::vector<io::OptimiseReport>& reports, double budget);

// The expected value of demand not served of a cell (unmet + priced out), USD/yr at the base
// price (value and SE).
Estimate loss_usd(const MixCell& cell, const MixBasis& basis);

}  // namespace mineflow::cli
