#pragma once
// The price half of `mineflow calibrate --backtest`: each real-event scenario listed in
// history/price_events.yaml loaded as `mineflow run` loads it, its modelled price peak
// (sim/calibrate/price_backtest.h) against its mineral's primary price series. Kept apart from the
// calibrate command, which needs no run job.

#include <cstdint>
#include <string>
#include <vector>

#include "graph/mineral_data.h"
#include "sim/calibrate/price_backtest.h"
#include "tools/cli/data_paths.h"

namespace mineflow::cli {

// The scenarios read their minerals on `vintage` (calibrate's --vintage).
std::vector<PriceComparison> price_backtest(const DataPaths& paths, const std::string& file,
                                            std::uint64_t trials, DataVintage vintage);

}  // namespace mineflow::cli
