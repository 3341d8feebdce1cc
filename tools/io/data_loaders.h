#pragma once
// Adapters from the bundled YAML data files to the core's plain values.

#include <string>
#include <vector>

#include "graph/country_table.h"
#include "graph/indicators.h"
#include "graph/mineral_data.h"
#include "graph/rating.h"

namespace mineflow::io {

CountryTable load_countries(const std::string& file);
// Reads the mineral file and the price file it names; validates against `countries`.
MineralData load_mineral(const std::string& file, const CountryTable& countries);
std::vector<PriceSeries> load_prices(const std::string& file);
RatingThresholds load_thresholds(const std::string& file);

// Project-wide settings (scenarios/settings.yaml): indicator conventions and dataset choices.
struct Settings {
  IndicatorSettings indicators;
  GraphOptions graph;
};
Settings load_settings(const std::string& file);

}  // namespace mineflow::io
