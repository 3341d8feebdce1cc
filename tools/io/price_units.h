#pragma once
// Prices per tonne for the simulations' costs: the latest vintage's USGS series are printed per
// lb, per kg or per metric ton unit (mtu) of WO3; procurement and carrying costs need a price per
// tonne of the mineral's quantity basis. Price multiples and volatility are unit-free, so only
// the level changes.

#include <vector>

#include "graph/price_series.h"

namespace mineflow::io {

// Rescales the primary series (the one the costs use) when its unit is one of USD/lb, US
// cents/lb, USD/kg or USD/mtu WO3 (per t of W content: an mtu is 10 kg of WO3, which is 79.30 %
// W) to USD/t, keeping what follows the unit ("USD/lb nominal" -> "USD/t nominal"); other units
// and the other series are left as they are (the seed's primary series are all per t already).
void convert_prices_to_per_tonne(std::vector<PriceSeries>& prices);

}  // namespace mineflow::io
