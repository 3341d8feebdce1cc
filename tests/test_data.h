#pragma once
// Loads the bundled data (scenarios/) the way the CLI does, for in-process tests.

#include <string>

#include "graph/build_graph.h"
#include "graph/indicators.h"
#include "tools/io/data_loaders.h"

namespace mineflow::testing {

struct BundledData {
  CountryTable countries;
  RatingThresholds thresholds;
  io::Settings settings;
};

inline BundledData load_bundled() {
  const std::string dir = MINEFLOW_SCENARIOS_DIR;
  return BundledData{io::load_countries(dir + "/countries.yaml"),
                     io::load_thresholds(dir + "/thresholds.yaml"),
                     io::load_settings(dir + "/settings.yaml")};
}

inline std::string bundled_mineral(const std::string& id) {
  return std::string(MINEFLOW_SCENARIOS_DIR) + "/minerals/" + id + ".yaml";
}

}  // namespace mineflow::testing
