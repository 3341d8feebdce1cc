#pragma once
// Checks of mineral data that need no file format: numbers, shares, countries, duplicates.
// Each check throws InputError naming the file, line, column and field of the first problem.

#include "graph/country_table.h"
#include "graph/mineral_data.h"
#include "graph/supply_graph.h"

namespace mineflow {

// Shares may miss 100% by this much (percentage points, as printed sources round) before it is
// an error; files opt into normalisation with `normalise: true`.
inline constexpr double kShareSumTolerancePct = 1.0;

// Validates one breakdown and, where it opted in, normalises its shares to sum to 1.
void validate_breakdown(Breakdown& breakdown, const CountryTable& countries);
void validate_mineral(MineralData& data, const CountryTable& countries);
// Cycles are allowed only inside the recycling loop.
void validate_graph(const SupplyGraph& graph, const std::string& file);

}  // namespace mineflow
