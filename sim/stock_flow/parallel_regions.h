#pragma once
// The dynamic stock model with regions split into blocks run on TBB worker threads. Regions are
// independent and each region's arithmetic is the same in every block layout, so the results are
// bit-identical to the serial run at any thread count. The only file of the model that sees TBB.

#include "sim/stock_flow/dynamic_stock.h"

namespace mineflow::stock_flow {

// `max_threads` <= 0: TBB's default. Blocks hold `block_regions` regions (the last may be shorter).
DynamicStockResult run_inflow_driven_parallel(const RegionSeries& inflow,
                                              const SurvivalTable& survival, int max_threads,
                                              int block_regions = 128);
DynamicStockResult run_stock_driven_parallel(const RegionSeries& target_stock,
                                             const SurvivalTable& survival,
                                             bool negative_inflow_correction, int max_threads,
                                             int block_regions = 128);

}  // namespace mineflow::stock_flow
