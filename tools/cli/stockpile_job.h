#pragma once
// What `mineflow stockpile` computes for one scenario, apart from parsing options, progress and
// files: the sweep of stockpile days x recycling shares with the days each target needs.
// Shared by the command and the Python module.

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "graph/mineral_data.h"
#include "sim/scenario.h"
#include "sim/sweep/stockpile_sweep.h"
#include "sim/sweep/sweep_plan.h"
#include "sim/trial_split.h"
#include "tools/cli/data_paths.h"
#include "tools/cli/market_override.h"
#include "tools/io/stockpile_report.h"

namespace mineflow::cli {

struct SweepRequest {
  std::optional<std::vector<double>> days;
  std::optional<std::vector<double>> shares;
  std::optional<SweepTarget> target;
  std::optional<std::string> policy;
  std::optional<long long> trials;
  std::optional<unsigned long long> seed;
  int threads = 0;
  double base_days = kBaseStockpileDays;
  double carrying_rate = kDefaultCarryingRatePerYear;
  double max_recycling = 0.5;
  bool parameter_uncertainty = false;         // draw the hazard parameters per trial
  bool drivers = false;                       // rank the nodes behind the need (--all)
  DataVintage vintage = DataVintage::latest;  // which mineral figures the sweep reads
  MarketOverride market;  // --market, --resourcing-days: override the scenario's
};

// Trials of the drivers' ranking (at most; fewer when the sweep has fewer): the ranking needs
// the order of the top nodes, not their values to the sweep's precision. At 2,000 trials the
// six rankings cost about 1.5 s of CPU against the 20,000-trial sweep's 4.6 s
// (docs/stockpile.md).
inline constexpr long long kDriverTrials = 2000;

// Throws InputError naming the command-line option of the first value out of range.
void check_sweep_request(const SweepRequest& request);

// (pass number from 1, trials done, trials per pass); from worker threads.
using SweepProgress = std::function<void(const std::string& label, int pass, std::uint64_t done,
                                         std::uint64_t total)>;

// What a sweep of one scenario file reads and derives before its Monte Carlo (the scenario with
// the request's trials, seed, market and parameter draws; the mineral; the sweep plan; the
// header; the price's conversion to USD), shared by `stockpile` and `optimise`. Held by pointer:
// the plan's setup points into it.
struct PreparedSweep {
  Scenario scenario;
  MineralData data;
  SweepPlan sweep;
  io::SweepHeader header;
  double to_usd = 1.0;
  // The sweep's setup with costs in USD at `carrying_rate` per year.
  SweepSetup setup(double carrying_rate) const;
};
std::unique_ptr<PreparedSweep> prepare_sweep(const std::string& file, const SweepRequest& request,
                                             const DataPaths& paths);

// Sweeps one scenario file; costs in USD (other currencies converted with the data folder's
// fx.yaml). With `cancel` set during the sweep the result is incomplete: the caller checks the
// flag and discards it. `split` (null: this process alone) shares each pass's trials among
// MPI ranks; only the root's result is complete. With request.drivers the root also ranks the
// drivers (sweep_drivers; the other ranks skip it).
io::SweepSummaryRow sweep_scenario(const std::string& file, const SweepRequest& request,
                                   const DataPaths& paths, const SweepProgress& progress,
                                   const std::atomic<bool>* cancel,
                                   const TrialSplit* split = nullptr);

// The drivers of one scenario's need (`mineflow criticality` on the same scenario, no stockpile,
// min(trials, kDriverTrials) trials, the same seed, the same vintage); bit-identical at any
// thread count.
io::SweepDrivers sweep_drivers(const std::string& file, std::uint64_t trials, std::uint64_t seed,
                               int threads, DataVintage vintage, const MarketOverride& market,
                               const DataPaths& paths, const std::atomic<bool>* cancel);

// Every bundled mineral's <mineral>_background.yaml scenario, in the bundled minerals' order.
std::vector<std::string> background_scenario_files(const DataPaths& paths);

}  // namespace mineflow::cli
