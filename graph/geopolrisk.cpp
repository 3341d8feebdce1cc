#include "graph/geopolrisk.h"

#include <stdexcept>

#include "graph/concentration.h"
#include "graph/number_format.h"

namespace mineflow {

GeoPolRiskTerms geopolrisk_terms(const std::vector<GeoPolRiskPartner>& partners,
                                 double domestic_production_t, double production_hhi_0to1) {
  double weighted_t = 0.0;
  double imports_t = 0.0;
  for (const GeoPolRiskPartner& partner : partners) {
    weighted_t += partner.imports_t * partner.instability_0to1;
    imports_t += partner.imports_t;
  }
  const double supply_t = imports_t + domestic_production_t;
  if (!(supply_t > 0.0)) {
    throw std::invalid_argument("GeoPolRisk needs imports plus domestic production above 0 t");
  }
  GeoPolRiskTerms terms;
  terms.import_risk = weighted_t / supply_t;
  terms.production_hhi_0to1 = production_hhi_0to1;
  terms.score = production_hhi_0to1 * terms.import_risk;
  return terms;
}

namespace {

std::string year_text(const Breakdown& block) {
  return block.year > 0 ? std::to_string(block.year) : "year not stated";
}

GeoPolRiskValue one_stage(const std::string& stage, const std::optional<Breakdown>& imports,
                          const std::optional<DomesticProduction>& domestic,
                          const Breakdown& production, const CountryTable& countries,
                          const IndicatorSettings& settings, const std::string& focal) {
  GeoPolRiskValue out;
  out.stage = stage;
  if (!imports) {
    out.basis = "no " + stage + " imports into " + focal;
    return out;
  }
  double share_sum = 0.0;
  for (const CountryShare& entry : imports->shares) share_sum += entry.share;
  std::vector<GeoPolRiskPartner> partners;
  for (const CountryShare& entry : imports->shares) {
    double g = settings.other_stability_0to10 / 10.0;
    if (entry.country != kOtherCountry) {
      auto score =
          countries.score(entry.country, StabilityMeasure::wgi_pv, settings.stability_year);
      if (!score) {
        throw InputError(entry.where, "country " + entry.country,
                         "no wgi_pv score for " + std::to_string(settings.stability_year),
                         "a wgi_pv score in countries.yaml for every import partner");
      }
      g = instability_0to1_from_pv_score(*score);
    }
    // Shares printed as 101% are read as flows over their sum, as for indicators 3 and 4.
    partners.push_back({entry.country, imports->total_t * entry.share / share_sum, g});
  }
  std::vector<Share> shares;
  for (const CountryShare& entry : production.shares)
    shares.push_back({entry.country, entry.share});
  ExpandedShares expanded = expand_other(shares, settings.other_convention);
  const double hhi = hhi_0to10000(shares, settings.other_convention) / 10000.0;
  out.lower_bound = expanded.lower_bound;
  double domestic_t = 0.0;
  std::string domestic_text =
      "domestic production unknown, taken as 0 (import risk is an upper bound)";
  if (domestic && domestic->t) {
    domestic_t = *domestic->t;
    out.domestic_production_known = true;
    domestic_text = "domestic production " + format_number(domestic_t) + " t (" + domestic->year +
                    ", " + domestic->source + ")";
  }
  out.terms = geopolrisk_terms(partners, domestic_t, hhi);
  out.basis = "trade " + imports->id + " " + year_text(*imports) + "; WGI PV " +
              std::to_string(settings.stability_year) + "; production " + production.describe() +
              (production.source.empty() ? "" : ", " + production.source) +
              (expanded.lower_bound ? " (OTH split: HHI lower bound)" : "") + "; " + domestic_text;
  return out;
}

}  // namespace

std::vector<GeoPolRiskValue> compute_geopolrisk(const MineralData& data,
                                                const CountryTable& countries,
                                                const IndicatorSettings& settings,
                                                std::optional<int> production_wmd_year) {
  const Breakdown& production = production_dataset(data, production_wmd_year);
  return {one_stage("concentrate", data.concentrate_imports, data.domestic_concentrate, production,
                    countries, settings, data.focal_economy),
          one_stage("refined", data.refined_imports, data.domestic_refined, production, countries,
                    settings, data.focal_economy)};
}

}  // namespace mineflow
