#include "sim/stock_flow/parallel_regions.h"

#include <algorithm>
#include <functional>

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>
#include <tbb/task_arena.h>

namespace mineflow::stock_flow {
namespace {

RegionSeries columns(const RegionSeries& from, int first, int count) {
  RegionSeries out(from.years, count);
  for (int t = 0; t < from.years; ++t) {
    std::copy_n(from.row(t) + first, count, out.row(t));
  }
  return out;
}

void put_columns(const RegionSeries& part, int first, RegionSeries* into) {
  if (part.empty()) return;
  for (int t = 0; t < part.years; ++t) {
    std::copy_n(part.row(t), part.regions, into->row(t) + first);
  }
}

// Runs `model` on each block of regions and stitches the blocks back together.
DynamicStockResult by_blocks(const RegionSeries& input, int max_threads, int block_regions,
                             bool with_early_retirement,
                             const std::function<DynamicStockResult(const RegionSeries&)>& model) {
  int years = input.years;
  int n = input.regions;
  int block = std::max(1, block_regions);
  DynamicStockResult out{RegionSeries(years, n), RegionSeries(years, n), RegionSeries(years, n),
                         with_early_retirement ? RegionSeries(years, n) : RegionSeries()};
  int blocks = (n + block - 1) / block;
  auto run_blocks = [&] {
    tbb::parallel_for(
        tbb::blocked_range<int>(0, blocks, 1), [&](const tbb::blocked_range<int>& range) {
          for (int b = range.begin(); b < range.end(); ++b) {
            int first = b * block;
            int count = std::min(block, n - first);
            DynamicStockResult part = model(columns(input, first, count));
            // Blocks write disjoint columns of the shared result.
            put_columns(part.inflow, first, &out.inflow);
            put_columns(part.outflow, first, &out.outflow);
            put_columns(part.stock, first, &out.stock);
            put_columns(part.early_retirement_share, first, &out.early_retirement_share);
          }
        });
  };
  if (max_threads > 0) {
    tbb::task_arena arena(max_threads);
    arena.execute(run_blocks);
  } else {
    run_blocks();
  }
  return out;
}

}  // namespace

DynamicStockResult run_inflow_driven_parallel(const RegionSeries& inflow,
                                              const SurvivalTable& survival, int max_threads,
                                              int block_regions) {
  return by_blocks(inflow, max_threads, block_regions, false,
                   [&](const RegionSeries& part) { return run_inflow_driven(part, survival); });
}

DynamicStockResult run_stock_driven_parallel(const RegionSeries& target_stock,
                                             const SurvivalTable& survival,
                                             bool negative_inflow_correction, int max_threads,
                                             int block_regions) {
  return by_blocks(target_stock, max_threads, block_regions, negative_inflow_correction,
                   [&](const RegionSeries& part) {
                     return run_stock_driven(part, survival, negative_inflow_correction);
                   });
}

}  // namespace mineflow::stock_flow
