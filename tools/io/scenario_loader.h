#pragma once
// Adapter: a disruption scenario file (scenarios/disruptions/*.yaml) to the core's Scenario.
// Every problem is an InputError naming file:line:column, the field, the value and the rule.

#include <string>

#include "graph/country_table.h"
#include "sim/scenario.h"

namespace mineflow::io {

// Country codes are checked against `countries` (OTH is allowed where a bucket makes sense);
// `mineral:` is resolved relative to the scenario file's folder.
Scenario load_scenario(const std::string& file, const CountryTable& countries);

}  // namespace mineflow::io
