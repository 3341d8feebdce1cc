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
// Reads the mineral file and the price file it names; validates against `countries`. `vintage`
// picks the figures (graph/mineral_data.h, docs/data-sources.md "Vintages"): `latest` reads the
// file's `vintages.latest` block over the top-level (seed) blocks it names, and falls back to the
// seed figures when the file has none (MineralData::vintage says which were read). The loader's
// default stays `seed` (tests, benchmarks); every command passes its --vintage, whose default is
// `latest`.
MineralData load_mineral(const std::string& file, const CountryTable& countries,
                         DataVintage vintage = DataVintage::seed);
// The same for a simulation, whose import shares weigh the suppliers of every tonne: a latest
// import block marked `scope: partial` (one product of the stage, e.g. one HS code of several)
// gives way to the seed's block for that stage, and MineralData::seed_blocks_kept names it
// (docs/data-sources.md, "Vintages and the simulations"). The indicators read the partial
// blocks as they are, with their scope in the basis.
MineralData load_mineral_for_simulation(const std::string& file, const CountryTable& countries,
                                        DataVintage vintage);
// Whether a mineral file has figures for `vintage` of its own (seed: always).
bool mineral_has_vintage(const std::string& file, DataVintage vintage);
std::vector<PriceSeries> load_prices(const std::string& file);
RatingThresholds load_thresholds(const std::string& file);

// Project-wide settings (scenarios/settings.yaml): indicator conventions and dataset choices.
struct Settings {
  IndicatorSettings indicators;
  GraphOptions graph;
};
Settings load_settings(const std::string& file);

}  // namespace mineflow::io
