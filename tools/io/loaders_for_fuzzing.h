#pragma once
// Every YAML loader behind one signature, so the fuzz target covers each one (a new loader is
// added here and is fuzzed from then on).

#include <functional>
#include <string>
#include <vector>

#include "graph/country_table.h"

namespace mineflow::io {

using FuzzableLoader = std::function<void(const std::string& file, const CountryTable& countries)>;

std::vector<FuzzableLoader> loaders_for_fuzzing();

}  // namespace mineflow::io
