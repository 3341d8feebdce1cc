#pragma once
// The indicators of one mineral file, computed the way `mineflow indicators` does (load,
// build the graph, validate, compute). Shared by the command and the Python module.

#include <string>

#include "graph/country_table.h"
#include "graph/rating.h"
#include "tools/io/data_loaders.h"
#include "tools/io/indicator_report.h"

namespace mineflow::cli {

io::MineralIndicators indicators_of_file(const std::string& file, const io::Settings& settings,
                                         const CountryTable& countries,
                                         const RatingThresholds& thresholds);

}  // namespace mineflow::cli
