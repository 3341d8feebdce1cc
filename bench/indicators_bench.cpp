// Cost of the static analysis: loading a mineral's data, building its graph, and computing the
// six indicators, for the bundled minerals and for synthetic graphs of growing size.

#include <benchmark/benchmark.h>

#include "graph/build_graph.h"
#include "graph/indicators.h"
#include "tools/io/data_loaders.h"

namespace mineflow {
namespace {

const std::string kData = MINEFLOW_SCENARIOS_DIR;

void BM_LoadAndComputeAllBundledMinerals(benchmark::State& state) {
  for (auto _ : state) {
    CountryTable countries = io::load_countries(kData + "/countries.yaml");
    RatingThresholds thresholds = io::load_thresholds(kData + "/thresholds.yaml");
    io::Settings settings = io::load_settings(kData + "/settings.yaml");
    for (const char* id : {"rare_earths", "lithium", "cobalt", "nickel", "copper", "tungsten",
                           "graphite", "gallium", "germanium", "antimony"}) {
      MineralData data = io::load_mineral(kData + "/minerals/" + id + ".yaml", countries);
      MineralGraph graph = build_mineral_graph(data, settings.graph);
      benchmark::DoNotOptimize(
          compute_indicators(graph, data.prices, countries, thresholds, settings.indicators));
    }
  }
}
BENCHMARK(BM_LoadAndComputeAllBundledMinerals)->Unit(benchmark::kMillisecond);

// A synthetic mineral with n producer countries (equal shares) importing from all of them.
void BM_IndicatorsOnSyntheticGraph(benchmark::State& state) {
  const int n = static_cast<int>(state.range(0));
  CountryTable countries;
  MineralData data;
  data.id = "synthetic";
  auto block = [&](const std::string& id, double total) {
    Breakdown b;
    b.id = id;
    b.total_t = total;
    for (int i = 0; i < n; ++i) {
      std::string code = "C" + std::to_string(i);
      b.shares.push_back(CountryShare{code, 1.0 / n, {}});
    }
    return b;
  };
  for (int i = 0; i < n; ++i) {
    Country country;
    country.iso3 = "C" + std::to_string(i);
    country.wgi_pv_0to10[2022] = 5.0;
    countries.add(country);
  }
  data.reserves = block("reserves", 1e6);
  data.mine_production = block("mine_production", 1e4);
  data.refined_imports = block("imports.refined", 1e3);
  RatingThresholds thresholds;
  IndicatorSettings settings;
  settings.stability_measure = StabilityMeasure::wgi_pv;
  for (auto _ : state) {
    MineralGraph graph = build_mineral_graph(data, GraphOptions{});
    benchmark::DoNotOptimize(compute_indicators(graph, {}, countries, thresholds, settings));
  }
  state.SetComplexityN(n);
}
BENCHMARK(BM_IndicatorsOnSyntheticGraph)->RangeMultiplier(10)->Range(10, 1000)->Complexity();

}  // namespace
}  // namespace mineflow

BENCHMARK_MAIN();
