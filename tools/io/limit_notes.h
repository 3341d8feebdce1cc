#pragma once
// The limits beside the numbers (issue 25): one line per assumption that drives an answer, with
// a stable id for CSV/JSON `notes`. The decisions are made from returned values
// (sim/run_limits.h, graph/data_quality.h); this file only words them.

#include <optional>
#include <string>
#include <vector>

#include "graph/data_quality.h"
#include "sim/run_limits.h"
#include "sim/scenario.h"
#include "sim/sweep/stockpile_floor.h"
#include "sim/sweep/sweep_target.h"

namespace mineflow::io {

struct LimitNote {
  std::string id;    // price_at_cap | pro_rata_rationing | data_quality
  std::string text;  // one line, no trailing newline
  // Its figures, for a shorter wording elsewhere (the report): price_at_cap's share of trials;
  // data_quality's judged + remembered figures (count) of all (total); stockpile_floor's metric
  // (share) at the largest days (days).
  double share = 0.0;
  int count = 0;
  int total = 0;
  double days = 0.0;
};

// The market's notes for one policy's trials: price_at_cap under clearing when a trial's peak
// price reached the cap; pro_rata_rationing under rationing when a trial lost supply.
std::vector<LimitNote> market_notes(const MarketLimits& limits);

// data_quality when any figure of the mineral's files is judged or remembered.
std::optional<LimitNote> data_quality_note(const MineralDataQuality& quality);

// resourcing_lead when the scenario a run simulates (its market and lead after --market and
// --resourcing-days) clears and its focal economy needs days > 0 to re-source a cut supplier
// (docs/market.md, "Re-sourcing lead time"): a setting a sensitivity run changes, said beside
// its answer. days: the lead.
std::optional<LimitNote> resourcing_note(const Scenario& scenario);
// world_stocks where an option (world_inventory_where names it: --world-inventory-days) set a
// clearing run's world stocks: the scenario file no longer says what the run used.
std::optional<LimitNote> world_stocks_note(const Scenario& scenario);
// The notes of a scenario's market settings said beside every answer: resourcing_lead,
// world_stocks.
std::vector<LimitNote> market_setting_notes(const Scenario& scenario);

// stockpile_floor where a sweep's target sits on its floor (sim/sweep/stockpile_floor.h); `policy`
// is the one whose release rate and decision delay the sweep uses. share: the metric's value.
LimitNote stockpile_floor_note(const StockpileFloor& floor, const SweepTarget& target,
                               const std::string& policy);

// A note as a number, for CSV files whose value column is numeric: its measure's name and value
// (price_at_cap: share_of_trials; data_quality: judged_or_remembered, the count;
// stockpile_floor: at_largest_days, the metric; resourcing_lead: days; otherwise applies, 1).
std::string note_statistic(const LimitNote& note);
double note_value(const LimitNote& note);

// "note: <text>" lines, each ending in a newline ("" for none).
std::string note_lines(const std::vector<LimitNote>& notes);
// "id: text; id: text" for one CSV cell (quoted by the caller).
std::string notes_cell(const std::vector<LimitNote>& notes);
// [{"id": ..., "text": ...}, ...]
std::string notes_json(const std::vector<LimitNote>& notes);

}  // namespace mineflow::io
