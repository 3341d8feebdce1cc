#include "tools/io/series_key_days.h"

namespace mineflow::io {

KeyDays key_days(const std::vector<DayRecord>& days) {
  KeyDays key;
  bool any_stockpile = false;
  for (const DayRecord& d : days) {
    if (d.unmet_t > 0.0) {
      if (!key.first_short_day) key.first_short_day = d.day;
      key.last_short_day = d.day;
      ++key.days_short;
      if (!key.peak_unmet || d.unmet_t > key.peak_unmet->value) key.peak_unmet = {d.day, d.unmet_t};
    }
    // A policy without a stockpile holds 0 t every day: its low says nothing.
    any_stockpile = any_stockpile || d.stockpile_end_t > 0.0 || d.stockpile_release_t > 0.0;
    if (!key.lowest_stockpile || d.stockpile_end_t < key.lowest_stockpile->value) {
      key.lowest_stockpile = DayValue{d.day, d.stockpile_end_t};
    }
    if (!key.peak_price || d.price_multiple > key.peak_price->value) {
      key.peak_price = DayValue{d.day, d.price_multiple};
    }
  }
  if (!any_stockpile) key.lowest_stockpile.reset();
  return key;
}

}  // namespace mineflow::io
