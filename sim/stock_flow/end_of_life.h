#pragma once
// What happens to end-of-life outflow: collected or lost uncollected; collected scrap exported
// abroad or treated at home; treated scrap recovered as secondary material or lost in recycling.
// Every loss is kept as a flow so the mass balance of each step can be checked.

#include <vector>

#include "sim/stock_flow/region_series.h"

namespace mineflow::stock_flow {

// Shares per year (index 0 = first model year), each in [0, 1].
struct EndOfLifeRates {
  std::vector<double> collection_rate;      // of end-of-life outflow
  std::vector<double> scrap_export_share;   // of collected scrap, leaves the region's economy
  std::vector<double> recovery_efficiency;  // of scrap treated at home
};

struct EndOfLifeFlows {
  RegionSeries collected;
  RegionSeries uncollected_loss;  // landfilled, dissipated, hoarded
  RegionSeries scrap_exported;
  RegionSeries scrap_treated;  // collected and kept at home
  RegionSeries secondary_recovered;
  RegionSeries recycling_loss;
};

EndOfLifeFlows apply_end_of_life(const RegionSeries& outflow, const EndOfLifeRates& rates);

}  // namespace mineflow::stock_flow
