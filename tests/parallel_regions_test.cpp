// The region-parallel model gives the same bits as the serial one at any thread count and block
// size (regions are independent; each region's arithmetic does not depend on the blocking).

#include <tbb/global_control.h>

#include <gtest/gtest.h>

#include "sim/stock_flow/parallel_regions.h"
#include "tests/mfa_random.h"

namespace mineflow::stock_flow {
namespace {

TEST(ParallelRegions, BitIdenticalToSerialAtAnyThreadCount) {
  // On a 2-core machine TBB would never run more than 2 threads without raising the cap.
  tbb::global_control cap(tbb::global_control::max_allowed_parallelism, 8);
  int years = 60;
  int regions = 301;
  testing::TestRandom random(3);
  RegionSeries inflow(years, regions);
  for (double& v : inflow.values) v = random.uniform(0, 100);
  SurvivalTable sf({{LifetimeKind::normal, 9, 3, 0, 0}}, years, InflowTiming::start_of_year);
  DynamicStockResult serial = run_inflow_driven(inflow, sf);
  RegionSeries target = serial.stock;
  for (int r = 0; r < regions; r += 7) target.at(40, r) *= 0.3;  // forces corrections
  DynamicStockResult serial_stock = run_stock_driven(target, sf, true);
  for (int threads : {1, 2, 3, 8}) {
    for (int block : {1, 16, 128, 1000}) {
      DynamicStockResult a = run_inflow_driven_parallel(inflow, sf, threads, block);
      EXPECT_EQ(a.stock.values, serial.stock.values) << threads << " " << block;
      EXPECT_EQ(a.outflow.values, serial.outflow.values) << threads << " " << block;
      DynamicStockResult b = run_stock_driven_parallel(target, sf, true, threads, block);
      EXPECT_EQ(b.inflow.values, serial_stock.inflow.values) << threads << " " << block;
      EXPECT_EQ(b.outflow.values, serial_stock.outflow.values) << threads << " " << block;
      EXPECT_EQ(b.early_retirement_share.values, serial_stock.early_retirement_share.values);
    }
  }
}

}  // namespace
}  // namespace mineflow::stock_flow
