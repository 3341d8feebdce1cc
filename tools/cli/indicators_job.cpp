#include "tools/cli/indicators_job.h"

#include "graph/build_graph.h"
#include "graph/validate.h"

namespace mineflow::cli {

io::MineralIndicators indicators_of_file(const std::string& file, const io::Settings& settings,
                                         const CountryTable& countries,
                                         const RatingThresholds& thresholds) {
  MineralData data = io::load_mineral(file, countries);
  MineralGraph graph = build_mineral_graph(data, settings.graph);
  validate_graph(graph.graph, file);
  return {data.id, data.name,
          compute_indicators(graph, data.prices, countries, thresholds, settings.indicators)};
}

}  // namespace mineflow::cli
