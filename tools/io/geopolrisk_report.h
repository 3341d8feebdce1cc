#pragma once
// GeoPolRisk results of several minerals as a table for people, CSV or JSON for programs.

#include <string>
#include <vector>

#include "graph/geopolrisk.h"

namespace mineflow::io {

struct MineralGeoPolRisk {
  std::string mineral;  // id
  std::string name;     // for people
  std::string focal_economy;
  std::vector<GeoPolRiskValue> values;  // one per import stage
  std::string vintage = "seed";         // the data vintage the figures were read from
};

// Columns: mineral,focal_economy,stage,production_hhi,import_risk,score,upper_bound,lower_bound,
// basis,vintage; a stage without imports has empty numbers. The table's first line and every
// JSON mineral name the data vintage.
std::string geopolrisk_csv(const std::vector<MineralGeoPolRisk>& results);
std::string geopolrisk_json(const std::vector<MineralGeoPolRisk>& results);
std::string geopolrisk_table(const std::vector<MineralGeoPolRisk>& results);

}  // namespace mineflow::io
