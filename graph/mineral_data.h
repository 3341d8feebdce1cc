#pragma once
// Everything the data files say about one mineral, as plain values (no YAML here).

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "graph/breakdown.h"
#include "graph/price_series.h"
#include "graph/secondary_share.h"
#include "graph/stage.h"

namespace mineflow {

// Known output capacity of one (country, stage); capacity above the baseline flow is spare
// capacity that buyers can reroute to in a disruption.
struct StageCapacity {
  std::string country;
  Stage stage = Stage::refine;
  double t_per_yr = 0.0;
  SourceRef where;
};

// The focal economy's own output of a traded stage (t/year), the GeoPolRisk denominator's
// second term; nullopt t: unknown.
struct DomesticProduction {
  std::optional<double> t;
  std::string year;
  std::string source;
  SourceRef where;
};

struct MineralData {
  std::string id;    // rare_earths, lithium, ...
  std::string name;  // for people
  std::string focal_economy = "JPN";
  std::string quantity_basis;  // what one tonne counts ("t Co contained", "t REO")
  Breakdown reserves;
  Breakdown mine_production;                     // the seed's figures
  std::vector<Breakdown> mine_production_wmd;    // World Mining Data, one per year
  std::optional<Breakdown> concentrate_imports;  // nullopt: the focal economy imports none
  std::optional<Breakdown> refined_imports;
  std::optional<DomesticProduction> domestic_concentrate;  // absent: unknown
  std::optional<DomesticProduction> domestic_refined;
  std::vector<Breakdown> other_flows;
  std::vector<StageCapacity> capacities;
  SecondaryShare secondary;
  std::vector<PriceSeries> prices;
  std::map<std::string, std::string>
      seed_ratings;  // indicator id -> High/Mid/Low, as the seed states
  std::string file;  // where it was read from
};

}  // namespace mineflow
