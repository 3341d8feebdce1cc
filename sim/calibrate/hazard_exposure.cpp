#include "sim/calibrate/hazard_exposure.h"

#include <map>

namespace mineflow {

std::vector<ExposureNode> exposure_from_minerals(const std::vector<MineralData>& minerals,
                                                 const CountryTable& countries,
                                                 StabilityMeasure measure, int year,
                                                 double other_score_0to10, double min_share,
                                                 double window_years) {
  std::vector<ExposureNode> out;
  for (const MineralData& data : minerals) {
    // Mean share per country over the years given (a year without the country counts as 0).
    std::map<std::string, double> share;
    std::vector<const Breakdown*> years;
    for (const Breakdown& b : data.mine_production_wmd) years.push_back(&b);
    if (years.empty()) years.push_back(&data.mine_production);
    for (const Breakdown* b : years) {
      double total = 0.0;
      for (const CountryShare& s : b->shares) total += s.share;
      if (total <= 0.0) continue;
      for (const CountryShare& s : b->shares) {
        share[s.country] += s.share / total / static_cast<double>(years.size());
      }
    }
    for (const auto& [country, value] : share) {
      if (country == kOtherCountry || value < min_share) continue;
      ExposureNode node;
      node.mineral = data.id;
      node.country = country;
      node.world_share = value;
      node.years = window_years;
      node.stability_0to10 = countries.score(country, measure, year).value_or(other_score_0to10);
      out.push_back(node);
    }
  }
  return out;
}

}  // namespace mineflow
