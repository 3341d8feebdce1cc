#include "graph/country_table.h"

#include <utility>

namespace mineflow {

void CountryTable::add(Country country) {
  std::string key = country.iso3;
  countries_.insert_or_assign(std::move(key), std::move(country));
}

const Country* CountryTable::find(const std::string& iso3) const {
  auto it = countries_.find(iso3);
  return it == countries_.end() ? nullptr : &it->second;
}

std::optional<double> CountryTable::score(const std::string& iso3, StabilityMeasure measure,
                                          int year) const {
  const Country* country = find(iso3);
  if (country == nullptr) return std::nullopt;
  const auto& by_year =
      measure == StabilityMeasure::wgi_mean6 ? country->wgi_mean6_0to10 : country->wgi_pv_0to10;
  auto it = by_year.find(year);
  if (it == by_year.end()) return std::nullopt;
  return it->second;
}

std::string_view to_string(StabilityMeasure measure) {
  return measure == StabilityMeasure::wgi_mean6 ? "wgi_mean6" : "wgi_pv";
}

std::optional<StabilityMeasure> parse_stability_measure(std::string_view text) {
  if (text == "wgi_mean6") return StabilityMeasure::wgi_mean6;
  if (text == "wgi_pv") return StabilityMeasure::wgi_pv;
  return std::nullopt;
}

}  // namespace mineflow
