#pragma once
// `mineflow calibrate --background-prices`: the background price fit per mineral
// (sim/calibrate/background_price_fit.h) as a table, CSV or JSON.

#include <string>
#include <vector>

#include "sim/calibrate/background_price_fit.h"

namespace mineflow::io {

std::string background_price_table(const std::vector<BackgroundPriceFit>& fits);
// One row per mineral and window (fit, check): observed and modelled median and 90th percentile
// of the yearly peak multiple, with the fitted reversion and volatility.
std::string background_price_csv(const std::vector<BackgroundPriceFit>& fits);
std::string background_price_json(const std::vector<BackgroundPriceFit>& fits);

}  // namespace mineflow::io
