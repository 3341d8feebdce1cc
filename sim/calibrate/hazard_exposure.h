#pragma once
// The exposure set of the policy-rate fit (docs/hazard.md): every (country, mineral) whose mean
// share of world mine output over the World Mining Data years (the seed's figures when a file
// has none) is at least `min_share`, exposed over the whole catalogue window. OTH is no
// country and is left out.

#include <vector>

#include "graph/country_table.h"
#include "graph/mineral_data.h"
#include "sim/calibrate/hazard_catalogue.h"

namespace mineflow {

std::vector<ExposureNode> exposure_from_minerals(const std::vector<MineralData>& minerals,
                                                 const CountryTable& countries,
                                                 StabilityMeasure measure, int year,
                                                 double other_score_0to10, double min_share,
                                                 double window_years);

}  // namespace mineflow
