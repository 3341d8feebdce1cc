#pragma once
// The primary price series of each mineral, indexed to its first period = 100 so minerals priced
// in different units share one axis.

#include <string>
#include <vector>

#include "graph/mineral_data.h"
#include "tools/report/labels.h"
#include "tools/report/line_chart.h"

namespace mineflow::report {

// Time of period i of a series, in fractional years (monthly: year + (month - 1) / 12).
double period_year(const PriceSeries& series, std::size_t i);

LineChart price_index_chart(const std::vector<const MineralData*>& minerals, Lang lang);
// mineral,series,period_year,value,unit,index_first_is_100 for every primary series.
std::string prices_csv(const std::vector<const MineralData*>& minerals);

}  // namespace mineflow::report
