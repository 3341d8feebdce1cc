#pragma once
// Adapter: a disruption scenario file (scenarios/disruptions/*.yaml) to the core's Scenario.
// Every problem is an InputError naming file:line:column, the field, the value and the rule.

#include <string>

#include "graph/country_table.h"
#include "sim/scenario.h"

namespace mineflow::io {

class YamlValue;

// A number, or {dist: fixed|uniform|triangular|lognormal|exponential, ...}; `fraction`: every
// value in [0, 1] and only bounded kinds.
Distribution read_distribution(const YamlValue& value, bool fraction);

// Country codes are checked against `countries` (OTH is allowed where a bucket makes sense);
// `mineral:` is a file relative to the scenario file's folder or, as on the command line, the
// name of a bundled mineral (`mineral: cobalt`: `minerals_dir`/cobalt.yaml; an empty
// `minerals_dir` means the data folder beside the scenario's, ../minerals).
Scenario load_scenario(const std::string& file, const CountryTable& countries,
                       const std::string& minerals_dir = "");

}  // namespace mineflow::io
