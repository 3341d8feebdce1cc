#pragma once
// Look-through import stability, beyond the strategy's six indicators (docs/network.md): the
// focal economy's refined imports re-attributed to the mine countries that feed each refiner
// (known feed links as they are, market purchases by the market's composition), then scored
// like indicator 4: sum over mine countries of look-through share^2 x stability w.

#include <optional>
#include <vector>

#include "graph/build_graph.h"
#include "graph/concentration.h"
#include "graph/country_table.h"
#include "graph/indicators.h"

namespace mineflow {

struct LookThrough {
  std::vector<Share> shares;  // by mine country, fractions of the focal refined imports
  IndicatorValue value;       // id: refined_import_stability (the indicator it looks through)
};

// N/A without refined imports. A refiner with no modelled feed (no network file, or a policy
// source outside the network) is attributed to its own country, and the basis says so.
LookThrough look_through_import_stability(const MineralGraph& mineral,
                                          const CountryTable& countries,
                                          const RatingThresholds& thresholds,
                                          const IndicatorSettings& settings);

// The look-through score for reports: nullopt for a one-tier mineral (no network file).
std::optional<IndicatorValue> look_through_indicator(const MineralGraph& mineral,
                                                     const CountryTable& countries,
                                                     const RatingThresholds& thresholds,
                                                     const IndicatorSettings& settings);

}  // namespace mineflow
