#pragma once
// The GeoPolRisk method (Gemechu et al. 2016; Helbig et al. 2016; the open-source geopolrisk-py
// package), beside the strategy's own indicators: supply risk of one importer for one traded
// commodity. docs/indicators.md, "GeoPolRisk", gives the formulas and how they map to our data.

#include <optional>
#include <string>
#include <vector>

#include "graph/build_graph.h"
#include "graph/country_table.h"
#include "graph/indicators.h"

namespace mineflow {

// One trade partner: imports q (t) and g = (2.5 - PV) / 5, WGI Political Stability on 0..1.
struct GeoPolRiskPartner {
  std::string country;  // ISO alpha-3 or OTH
  double imports_t = 0.0;
  double instability_0to1 = 0.0;
};

// import risk = sum_i q_i g_i / (sum_i q_i + domestic production); score = HHI (0..1) x risk.
struct GeoPolRiskTerms {
  double import_risk = 0.0;
  double production_hhi_0to1 = 0.0;
  double score = 0.0;
};

// Pure arithmetic of the method. Throws std::invalid_argument when imports plus domestic
// production are not positive (the ratio has no meaning then).
GeoPolRiskTerms geopolrisk_terms(const std::vector<GeoPolRiskPartner>& partners,
                                 double domestic_production_t, double production_hhi_0to1);

// g from a 0..10 risk score (2.5 - PV) x 2, as countries.yaml stores it: (2.5 - PV) / 5.
inline double instability_0to1_from_pv_score(double pv_score_0to10) {
  return pv_score_0to10 / 10.0;
}

struct GeoPolRiskValue {
  std::string stage;                       // "concentrate" or "refined": one traded commodity each
  std::optional<GeoPolRiskTerms> terms;    // nullopt: no imports of this stage (N/A)
  bool domestic_production_known = false;  // false: taken as 0, so the risk is an upper bound
  bool lower_bound = false;                // production HHI with OTH split (docs/indicators.md)
  std::string basis;  // trade year, WGI year, production source, domestic production
};

// For the focal economy of `data`: one value per import stage. Production HHI from the selected
// mine-production dataset under settings.other_convention; g from wgi_pv in
// settings.stability_year; OTH partners take settings.other_stability_0to10 / 10.
std::vector<GeoPolRiskValue> compute_geopolrisk(const MineralData& data,
                                                const CountryTable& countries,
                                                const IndicatorSettings& settings,
                                                std::optional<int> production_wmd_year);

}  // namespace mineflow
