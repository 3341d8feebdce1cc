#pragma once
// The indicators of one mineral file, computed the way `mineflow indicators` does (load,
// build the graph, validate, compute; the look-through row when the mineral has a network
// file), and its GeoPolRisk figures (--method geopolrisk). Shared by
// the command and the Python module.

#include <string>

#include "graph/build_graph.h"
#include "graph/country_table.h"
#include "graph/rating.h"
#include "tools/io/data_loaders.h"
#include "tools/io/geopolrisk_report.h"
#include "tools/io/indicator_report.h"

namespace mineflow::cli {

// The mineral's graph (with its world tiers when it has a network file), built and checked;
// `data` must outlive it. `file` names the mineral file in error messages.
MineralGraph checked_mineral_graph(const MineralData& data, const std::string& file,
                                   const io::Settings& settings);

// `vintage`: which of the file's figures (`mineflow indicators --vintage`); the result names the
// vintage actually read (seed when the file has no latest figures).
io::MineralIndicators indicators_of_file(const std::string& file, const io::Settings& settings,
                                         const CountryTable& countries,
                                         const RatingThresholds& thresholds, DataVintage vintage);

// The GeoPolRisk figures of one mineral file (`mineflow indicators --method geopolrisk`).
io::MineralGeoPolRisk geopolrisk_of_file(const std::string& file, const io::Settings& settings,
                                         const CountryTable& countries, DataVintage vintage);

}  // namespace mineflow::cli
