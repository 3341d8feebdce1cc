#include "tools/cli/indicators_job.h"

#include "graph/build_graph.h"
#include "graph/geopolrisk.h"
#include "graph/look_through.h"
#include "graph/validate.h"

namespace mineflow::cli {

MineralGraph checked_mineral_graph(const MineralData& data, const std::string& file,
                                   const io::Settings& settings) {
  MineralGraph graph = build_mineral_graph(data, settings.graph);
  validate_graph(graph.graph, file);
  return graph;
}

io::MineralIndicators indicators_of_file(const std::string& file, const io::Settings& settings,
                                         const CountryTable& countries,
                                         const RatingThresholds& thresholds, DataVintage vintage) {
  MineralData data = io::load_mineral(file, countries, vintage);
  MineralGraph graph = checked_mineral_graph(data, file, settings);
  return {data.id, data.name,
          compute_indicators(graph, data.prices, countries, thresholds, settings.indicators),
          look_through_indicator(graph, countries, thresholds, settings.indicators),
          std::string(to_string(data.vintage))};
}

io::MineralGeoPolRisk geopolrisk_of_file(const std::string& file, const io::Settings& settings,
                                         const CountryTable& countries, DataVintage vintage) {
  MineralData data = io::load_mineral(file, countries, vintage);
  return {
      data.id, data.name, data.focal_economy,
      compute_geopolrisk(data, countries, settings.indicators, settings.graph.production_wmd_year),
      std::string(to_string(data.vintage))};
}

}  // namespace mineflow::cli
