#pragma once
// `mineflow stockpile` results: the sweep of one scenario (grid, days needed, recycling
// alternative) and the one-line-per-mineral summary of `--all`, as a table for people or CSV
// and JSON for programs.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "graph/mineral_data.h"
#include "sim/scenario.h"
#include "sim/sweep/criticality.h"
#include "sim/sweep/stockpile_sweep.h"
#include "sim/sweep/sweep_plan.h"
#include "tools/io/limit_notes.h"

namespace mineflow::io {

struct SweepHeader {
  std::string scenario;  // id
  std::string name;
  std::string mineral;
  std::string policy;      // whose release, delay and refill levers the sweep uses
  std::string price_unit;  // e.g. "USD/t"
  double horizon_days = 365.0;
  double carrying_rate_per_year = kDefaultCarryingRatePerYear;
  // The mineral's current recycling share; nullopt: unknown (the sweep then uses 0 only).
  std::optional<double> current_recycling_share;
  bool recycling_is_proxy = false;
  std::string vintage = "seed";  // the mineral figures read: seed | latest (graph/mineral_data.h)
  std::string market = "rationing";  // how scarce supply is shared: rationing | clearing
  // The market settings said beside the answer (resourcing_lead, world_stocks: limit_notes.h).
  std::vector<LimitNote> setting_notes;
  std::string seed_blocks{};  // seed blocks kept on latest (MineralData::seed_blocks_kept), "" none
  // What the daily demand (and so every stockpile day) is: "domestic consumption, FY2019, JMIA".
  std::string demand_basis;
};

// The header of `scenario`'s sweep (`sweep` made from it on `data`), the price unit and the
// carrying rate left at their defaults: one place for `stockpile` and the report.
SweepHeader sweep_header(const Scenario& scenario, const MineralData& data, const SweepPlan& sweep);

std::string sweep_table(const SweepHeader& header, const SweepResult& result);

// The headline of a sweep, as `stockpile --all` states it: the days the target needs at the
// mineral's current recycling share (0 when unknown) and their ±2 SE range, "49.69 (47.58 to
// 52.03)", or "> 180.00 (not met within 180.00 days)"; empty when the sweep had no target.
// `words` carries the connecting words, so the report can say the same numbers in Japanese.
struct HeadlineWords {
  std::string to = " to ";
  std::string not_met = "not met within ";
  std::string days = " days";
};
std::string headline_days_text(const SweepHeader& header, const SweepResult& result,
                               const HeadlineWords& words = {});
// The limits of the headline: resourcing_lead where the scenario's focal economy re-sources a cut
// supplier only after a lead (docs/market.md), world_stocks where --world-inventory-days set the
// market's stocks; stockpile_floor where the target sits on the floor
// the policy's release rate and delay set (sim/sweep/stockpile_floor.h).
std::vector<LimitNote> sweep_notes(const SweepHeader& header, const SweepResult& result);

// Columns: row (cell | days_needed | recycling_alternative), recycling_share, days, days_low,
// days_high, then every metric and its se, stock_t, carrying_cost_per_year, vintage, notes (the
// headline's limits, sweep_notes, on the days_needed rows; empty elsewhere). The JSON has `notes`.
std::string sweep_csv(const SweepHeader& header, const SweepResult& result);
std::string sweep_json(const SweepHeader& header, const SweepResult& result);

// What drives the need (`stockpile --all`): the nodes that add most expected unmet demand when
// each fails alone on the same scenario, ranked by `mineflow criticality` (sim/sweep/criticality.h,
// no stockpile, its default 90-day full outage) on fewer trials than the sweep.
struct SweepDrivers {
  std::uint64_t trials = 0;
  double annual_demand_t = 0.0;
  std::vector<NodeCriticality> nodes;  // worst first, at most kDriverCount
};
inline constexpr std::size_t kDriverCount = 3;
// "CHN refine 0.23, CHN mine 0.16": each node's added E[unmet] over annual demand.
std::string drivers_text(const SweepDrivers& drivers);

struct SweepSummaryRow {
  SweepHeader header;
  SweepResult result;
  SweepDrivers drivers;  // empty unless computed (--all)
};

std::string sweep_summary_table(const std::vector<SweepSummaryRow>& rows);
std::string sweep_summary_csv(const std::vector<SweepSummaryRow>& rows);
std::string sweep_summary_json(const std::vector<SweepSummaryRow>& rows);

}  // namespace mineflow::io
