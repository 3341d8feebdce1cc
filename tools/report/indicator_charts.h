#pragma once
// The six indicators as charts: the minerals x indicators heat table and one radar per mineral.

#include <string>
#include <vector>

#include "graph/rating.h"
#include "tools/io/indicator_report.h"
#include "tools/report/heat_table.h"
#include "tools/report/labels.h"
#include "tools/report/radar_chart.h"

namespace mineflow::report {

// Value text for people: HHI with thousands separators, scores and CV with two decimals, the
// recycling share in percent; "*" marks a lower bound.
std::string indicator_display_value(const IndicatorValue& value);
std::string_view rating_fill(Rating rating);

// Rows: the six indicators; columns: the minerals in the order given.
HeatTable indicator_heat_table(const std::vector<io::MineralIndicators>& results, Lang lang);
// Before = the current values; after and residual markers are left for policy results.
RadarChart indicator_radar(const io::MineralIndicators& result, const RatingThresholds& thresholds,
                           Lang lang);
// mineral,indicator,value,rating,radar_position (0..1; empty for N/A).
std::string radar_positions_csv(const std::vector<io::MineralIndicators>& results,
                                const RatingThresholds& thresholds);

}  // namespace mineflow::report
