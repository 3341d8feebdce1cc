#pragma once
// The indicator results of several minerals as a table for people, CSV or JSON for programs.

#include <optional>
#include <string>
#include <vector>

#include "graph/indicators.h"

namespace mineflow::io {

struct MineralIndicators {
  std::string mineral;  // id
  std::string name;     // for people
  std::vector<IndicatorValue> values;
  // Beyond the strategy's six: indicator 4 looked through to the mine countries behind each
  // refiner (graph/look_through.h); nullopt without a network file.
  std::optional<IndicatorValue> look_through;
};

// Columns: mineral,indicator,value,rating,unit,basis,quality; N/A is an empty value and rating
// N/A; quality is the scrap-recycling figure's flag (empty for the other indicators).
std::string indicators_csv(const std::vector<MineralIndicators>& results);
std::string indicators_json(const std::vector<MineralIndicators>& results);
// The six minerals side by side in 100 columns (short row labels), a footnote of units and, with
// `all_bases`, every cell's basis below it (CSV and JSON always carry them).
std::string indicators_table(const std::vector<MineralIndicators>& results, bool all_bases = false);

// The table's row label: short enough for six minerals in 100 columns ("Import refined").
std::string terminal_label(IndicatorId id);

// Value text used in every format (fixed decimals per indicator).
std::string format_indicator_value(const IndicatorValue& value);

}  // namespace mineflow::io
