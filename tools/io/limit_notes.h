#pragma once
// The limits beside the numbers (issue 25): one line per assumption that drives an answer, with
// a stable id for CSV/JSON `notes`. The decisions are made from returned values
// (sim/run_limits.h, graph/data_quality.h); this file only words them.

#include <optional>
#include <string>
#include <vector>

#include "graph/data_quality.h"
#include "sim/run_limits.h"

namespace mineflow::io {

struct LimitNote {
  std::string id;    // price_at_cap | pro_rata_rationing | data_quality
  std::string text;  // one line, no trailing newline
  // Its figures, for a shorter wording elsewhere (the report): price_at_cap's share of trials;
  // data_quality's judged + remembered figures (count) of all (total).
  double share = 0.0;
  int count = 0;
  int total = 0;
};

// The market's notes for one policy's trials: price_at_cap under clearing when a trial's peak
// price reached the cap; pro_rata_rationing under rationing when a trial lost supply.
std::vector<LimitNote> market_notes(const MarketLimits& limits);

// data_quality when any figure of the mineral's files is judged or remembered.
std::optional<LimitNote> data_quality_note(const MineralDataQuality& quality);

// "note: <text>" lines, each ending in a newline ("" for none).
std::string note_lines(const std::vector<LimitNote>& notes);
// "id: text; id: text" for one CSV cell (quoted by the caller).
std::string notes_cell(const std::vector<LimitNote>& notes);
// [{"id": ..., "text": ...}, ...]
std::string notes_json(const std::vector<LimitNote>& notes);

}  // namespace mineflow::io
