#pragma once
// The stockpile-day sweep (docs/domain.md "Stockpile-day targets"): one scenario's trials evaluated
// over a grid of stockpile days x recycling shares on common random numbers. Each trial draws
// its events and builds its supply profile once, in the first pass (later passes reuse it:
// sim/profile_cache.h); every grid cell only re-runs the cheap stock pass (one variant per
// cell, all sharing one model; sim/sweep/sweep_driver.h). Then searches, on
// the same trials, the smallest days that meet a target and the recycling share that meets it
// at the base days. Everything is a value; same inputs + seed give the same bits at any thread
// count (the engine's block-parallel driver, fixed-order statistics).
//
// Thread safety: run_stockpile_sweep may run concurrently on distinct inputs. Cells' statistics
// are computed in parallel, each serially over its trials (sim/summary.h).

#include <atomic>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "sim/monte_carlo.h"
#include "sim/summary.h"
#include "sim/sweep/sweep_target.h"
#include "sim/trial.h"

namespace mineflow {

// Default carrying rate of a stockpile, per year of the value held: ~4-5% cost of capital
// (public borrowing plus a risk margin) + ~2-3% storage, insurance and management + ~1-2%
// rotation and handling losses. Commercial rules of thumb (20-30%/yr) add obsolescence and
// shrinkage, which bulk metal in a bonded warehouse barely has. docs/stockpile.md.
inline constexpr double kDefaultCarryingRatePerYear = 0.10;
// Japan's national rare-metal stockpile base target, days of standard consumption.
inline constexpr double kBaseStockpileDays = 60.0;

// What the sweep holds fixed: the scenario's events (background risk expanded), the model
// compiled for the policy's structural levers, and its stock levers (days and recycling share
// are overwritten per cell). Pointers must outlive the call.
struct SweepSetup {
  const std::vector<EventSpec>* events = nullptr;
  double horizon_days = 365.0;
  const Model* model = nullptr;
  StockPolicy stocks;
  double carrying_rate_per_year = kDefaultCarryingRatePerYear;
  // Multiplies the baseline price into the report's currency (USD; docs/stockpile.md).
  double price_to_report_currency = 1.0;
};

struct SweepGrid {
  std::vector<double> days{0, 15, 30, 45, 60, 90, 120, 180};
  std::vector<double> recycling_shares{0.0};
};

struct SweepOptions {
  std::uint64_t trials = 10000;
  std::uint64_t seed = 1;
  int threads = 0;
  double base_days = kBaseStockpileDays;
  double days_tolerance = 0.25;      // the days search stops at brackets this narrow
  double share_tolerance = 0.0025;   // likewise for the recycling share
  double max_recycling_share = 0.5;  // the recycling alternative is searched in [0, this]
  double z = 2.0;                    // uncertainty band: value -/+ z SE
  // (pass number from 1, trials done, trials per pass); from worker threads; thread-safe.
  std::function<void(int, std::uint64_t, std::uint64_t)> progress;
  // Polled between blocks of trials; once true the result is incomplete and must be discarded.
  const std::atomic<bool>* cancel = nullptr;
  // Null: one process. Else each rank runs its block of every pass, the root computes the
  // cells' statistics and broadcasts them, so every rank chooses the same next pass.
  const TrialSplit* split = nullptr;
};

// One grid cell. Carrying cost is deterministic (se 0): days x daily demand x baseline price x
// carrying rate, in the price series' currency per year.
struct SweepCell {
  double days = 0.0;
  double recycling_share = 0.0;
  Estimate p_shortage;
  Estimate unmet_t;
  Estimate unmet_pct;
  Estimate cvar95_unmet_t;
  Estimate longest_spell_days;
  // Clearing (docs/market.md); 0 under rationing. Not served = unmet + priced out per trial.
  Estimate priced_out_t;
  Estimate priced_out_pct;
  Estimate not_served_t;
  Estimate not_served_pct;
  double stock_t = 0.0;
  double carrying_cost_per_year = 0.0;
};

Estimate metric_of(const SweepCell& cell, SweepMetric metric);

// The smallest days meeting the target at one recycling share. `days` is met by the value,
// `days_low` by value - z SE (optimistic), `days_high` by value + z SE (conservative);
// nullopt: not met within the largest grid days.
struct DaysFinding {
  double recycling_share = 0.0;
  std::optional<double> days;
  std::optional<double> days_low;
  std::optional<double> days_high;
  std::optional<SweepCell> at_days;  // the cell at `days`
};

// The smallest recycling share in [0, max] meeting the target at the base days (no extra days).
struct RecyclingFinding {
  double at_days = kBaseStockpileDays;
  std::optional<double> share;  // nullopt: not met up to max_recycling_share
  std::optional<SweepCell> at_share;
};

struct SweepResult {
  std::uint64_t trials = 0;
  std::uint64_t seed = 0;
  double demand_t_per_day = 0.0;  // after substitution
  double price_per_t = 0.0;
  double base_days = kBaseStockpileDays;
  std::vector<SweepCell> cells;  // recycling share major, days ascending (grid + base days)
  std::optional<SweepTarget> target;
  std::vector<DaysFinding> days_needed;  // one per grid recycling share
  std::optional<RecyclingFinding> recycling;
  int passes = 0;  // Monte Carlo passes over the trials (1 grid + search passes)
};

// One variant per (days, recycling share) cell, all sharing setup.model (adjacent, so each
// trial builds its supply profile once for all of them).
std::vector<Variant> sweep_variants(const SweepSetup& setup,
                                    const std::vector<std::pair<double, double>>& cells);

// Statistics of one cell from its per-trial unmet demand (t) and longest spell (days).
SweepCell sweep_cell(const SweepSetup& setup, std::span<const double> unmet_t,
                     std::span<const double> longest_spell_days, double days,
                     double recycling_share);
// The same with each trial's priced-out demand (empty: none, as under rationing).
SweepCell sweep_cell(const SweepSetup& setup, std::span<const double> unmet_t,
                     std::span<const double> longest_spell_days,
                     std::span<const double> priced_out_t, double days, double recycling_share);

// Throws InputError for an empty or negative grid or options out of range.
SweepResult run_stockpile_sweep(const SweepSetup& setup, const SweepGrid& grid,
                                const std::optional<SweepTarget>& target,
                                const SweepOptions& options);

}  // namespace mineflow
