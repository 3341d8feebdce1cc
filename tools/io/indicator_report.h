#pragma once
// The indicator results of several minerals as a table for people, CSV or JSON for programs.

#include <string>
#include <vector>

#include "graph/indicators.h"

namespace mineflow::io {

struct MineralIndicators {
  std::string mineral;  // id
  std::string name;     // for people
  std::vector<IndicatorValue> values;
};

// Columns: mineral,indicator,value,rating,unit,basis,quality; N/A is an empty value and rating
// N/A; quality is the scrap-recycling figure's flag (empty for the other indicators).
std::string indicators_csv(const std::vector<MineralIndicators>& results);
std::string indicators_json(const std::vector<MineralIndicators>& results);
// The six minerals side by side, bases listed below the table.
std::string indicators_table(const std::vector<MineralIndicators>& results);

// Value text used in every format (fixed decimals per indicator).
std::string format_indicator_value(const IndicatorValue& value);

}  // namespace mineflow::io
