#pragma once
// The price half of `mineflow calibrate --backtest`: each real-event scenario listed in
// history/price_events.yaml loaded as `mineflow run` loads it, its modelled price peak
// (sim/calibrate/price_backtest.h) against its mineral's primary price series. Kept apart from the
// calibrate command, which needs no run job.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "graph/mineral_data.h"
#include "sim/calibrate/price_backtest.h"
#include "sim/scenario.h"
#include "tools/cli/data_paths.h"

namespace mineflow::cli {

// `market` (calibrate's --market) replaces each scenario's market model; `world_inventory_days`
// (--world-inventory-days) its world stocks under clearing.
struct PriceBacktestRequest {
  std::uint64_t trials = 2000;
  DataVintage vintage = DataVintage::latest;  // the scenarios read their minerals on it
  std::optional<MarketModel> market;
  std::optional<double> world_inventory_days;
};

std::vector<PriceComparison> price_backtest(const DataPaths& paths, const std::string& file,
                                            const PriceBacktestRequest& request);

}  // namespace mineflow::cli
