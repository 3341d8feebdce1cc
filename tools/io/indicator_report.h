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
  // The data vintage the figures were read from ("latest" or "seed"; graph/mineral_data.h).
  std::string vintage = "seed";
};

// One rating that differs between the seed and the latest vintage, with the figures behind both.
struct VintageChange {
  std::string mineral;  // id
  std::string name;
  std::string indicator;  // CSV id, e.g. "production_concentration"
  IndicatorValue seed;
  IndicatorValue latest;
};

// Every indicator (and the look-through row) whose rating differs between the two results of the
// same minerals, in order.
std::vector<VintageChange> vintage_changes(const std::vector<MineralIndicators>& seed,
                                           const std::vector<MineralIndicators>& latest);
// Columns: mineral,indicator,seed_value,seed_rating,latest_value,latest_rating,unit,seed_basis,
// latest_basis.
std::string vintage_changes_csv(const std::vector<VintageChange>& changes);
std::string vintage_changes_json(const std::vector<VintageChange>& changes);
std::string vintage_changes_table(const std::vector<VintageChange>& changes);

// Columns: mineral,indicator,value,rating,unit,basis,quality,vintage; N/A is an empty value and
// rating N/A; quality is the scrap-recycling figure's flag (empty for the other indicators);
// vintage is the data vintage the mineral's figures were read from. The table's first line and
// every JSON mineral name the vintage too.
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
