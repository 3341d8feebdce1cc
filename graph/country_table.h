#pragma once
// ISO alpha-3 codes with their WGI-derived stability risk scores (0..10, higher = less stable).

#include <map>
#include <optional>
#include <string>

#include "graph/source_ref.h"

namespace mineflow {

enum class StabilityMeasure {
  wgi_mean6,  // mean of the six WGI dimensions, (2.5 - x) * 2 (EU CRM convention); the default
  wgi_pv,     // Political Stability and Absence of Violence alone, (2.5 - x) * 2
};

struct Country {
  std::string iso3;
  std::string name;
  std::map<int, double> wgi_mean6_0to10;  // year -> score
  std::map<int, double> wgi_pv_0to10;     // year -> score
  SourceRef where;
};

class CountryTable {
 public:
  void add(Country country);  // callers check for duplicates first (see contains)
  bool contains(const std::string& iso3) const { return countries_.count(iso3) != 0; }
  const Country* find(const std::string& iso3) const;
  // The score for the year, or nullopt where the table has none.
  std::optional<double> score(const std::string& iso3, StabilityMeasure measure, int year) const;
  const std::map<std::string, Country>& all() const { return countries_; }

  std::string source;  // citation for the scores

 private:
  std::map<std::string, Country> countries_;
};

std::string_view to_string(StabilityMeasure measure);
std::optional<StabilityMeasure> parse_stability_measure(std::string_view text);

}  // namespace mineflow
