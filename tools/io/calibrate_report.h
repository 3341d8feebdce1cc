#pragma once
// The report of `mineflow calibrate`: fitted parameters with intervals, and (with --backtest)
// predicted vs observed policy events, copper losses and price peaks, as a table, CSV or JSON.

#include <string>
#include <vector>

#include "sim/calibrate/hazard_backtest.h"
#include "sim/calibrate/hazard_fit.h"
#include "sim/calibrate/price_backtest.h"

namespace mineflow::io {

struct CalibrateReport {
  const HazardFit* fit = nullptr;
  const HazardBacktest* backtest = nullptr;  // null without --backtest
  // Price response of the real-event scenarios vs their price series (--backtest).
  const std::vector<PriceComparison>* prices = nullptr;
  std::string catalogue;
  std::string written;           // the settings file written, or empty
  std::string vintage = "seed";  // the mineral figures the exposure was read on
};

std::string calibrate_table(const CalibrateReport& report);
// One row per figure: section,name,value,low,high,note,vintage.
std::string calibrate_csv(const CalibrateReport& report);
std::string calibrate_json(const CalibrateReport& report);

}  // namespace mineflow::io
