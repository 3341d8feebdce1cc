// The dynamic stock model at scale: 200 years x 1,000 regions, normal lifetime (issue 5).
// ODYM's per-region Python loop takes about 6.5 s for the inflow-driven case on this machine class.

#include <cmath>

#include <benchmark/benchmark.h>

#include "bench/mfa_bench_case.h"
#include "sim/stock_flow/dynamic_stock.h"
#include "sim/stock_flow/parallel_regions.h"

namespace {

using namespace mineflow::stock_flow;

using mineflow::bench_case::kNormal;

void BM_InflowDriven(benchmark::State& state) {
  int years = static_cast<int>(state.range(0));
  int regions = static_cast<int>(state.range(1));
  RegionSeries inflow = mineflow::bench_case::inflow(years, regions);
  for (auto _ : state) {
    // Includes building the survival table, as ODYM's compute_sf does on each run.
    SurvivalTable survival({kNormal}, years, InflowTiming::start_of_year);
    DynamicStockResult result = run_inflow_driven(inflow, survival);
    benchmark::DoNotOptimize(result.stock.values.data());
  }
}

void BM_StockDriven(benchmark::State& state) {
  int years = static_cast<int>(state.range(0));
  int regions = static_cast<int>(state.range(1));
  bool correct = state.range(2) != 0;
  SurvivalTable survival({kNormal}, years, InflowTiming::start_of_year);
  RegionSeries target =
      run_inflow_driven(mineflow::bench_case::inflow(years, regions), survival).stock;
  for (auto _ : state) {
    SurvivalTable table({kNormal}, years, InflowTiming::start_of_year);
    DynamicStockResult result = run_stock_driven(target, table, correct);
    benchmark::DoNotOptimize(result.inflow.values.data());
  }
}

// Regions in blocks of 128 on up to `threads` TBB workers (bit-identical to the serial run).
void BM_InflowDrivenParallel(benchmark::State& state) {
  int years = static_cast<int>(state.range(0));
  int regions = static_cast<int>(state.range(1));
  int threads = static_cast<int>(state.range(2));
  RegionSeries inflow = mineflow::bench_case::inflow(years, regions);
  for (auto _ : state) {
    SurvivalTable survival({kNormal}, years, InflowTiming::start_of_year);
    DynamicStockResult result = run_inflow_driven_parallel(inflow, survival, threads);
    benchmark::DoNotOptimize(result.stock.values.data());
  }
}

}  // namespace

BENCHMARK(BM_InflowDrivenParallel)
    ->Args({200, 1000, 1})
    ->Args({200, 1000, 2})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();
BENCHMARK(BM_InflowDriven)
    ->Args({200, 1000})
    ->Args({200, 100})
    ->Args({200, 1})
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_StockDriven)
    ->Args({200, 1000, 0})
    ->Args({200, 1000, 1})
    ->Unit(benchmark::kMillisecond);
BENCHMARK_MAIN();
