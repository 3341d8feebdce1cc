#pragma once
// The days that matter in one policy's daily series (deterministic runs): when the shortage
// starts and ends, its worst day, the stockpile's low and the price's peak. What `mineflow run`
// prints instead of the whole series (which comes with --series or --out).

#include <optional>
#include <vector>

#include "sim/daily_series.h"

namespace mineflow::io {

struct DayValue {
  int day = 0;  // 0-based, as in the series
  double value = 0.0;
};

struct KeyDays {
  std::optional<int> first_short_day;  // first day with unmet demand > 0; none: never short
  std::optional<int> last_short_day;
  int days_short = 0;                        // whole days with unmet demand > 0
  std::optional<DayValue> peak_unmet;        // t on the worst day
  std::optional<DayValue> lowest_stockpile;  // t at the day's end; none without a stockpile
  std::optional<DayValue> peak_price;        // price multiple (time-weighted over the day)
};

// Ties go to the earliest day. An empty series has no days.
KeyDays key_days(const std::vector<DayRecord>& days);

}  // namespace mineflow::io
