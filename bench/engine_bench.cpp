// Trials per second of the disruption Monte Carlo for every bundled scenario, at 1 and 2
// threads, and the cost of a 10-year horizon against a 1-year one. A "trial" evaluates every
// variant of the scenario's plan (each policy and its no-stockpile reference) on one draw.
//
//   build/bench/engine_bench --benchmark_filter=Trials   (per scenario, 1 and 2 threads)
//   build/bench/engine_bench --benchmark_filter=Horizon  (1 vs 10 years)
//   build/bench/engine_bench --benchmark_filter=Full100k (100,000 trials + summaries, 2 threads)
//   build/bench/engine_bench --benchmark_filter=Shapes   (the same, every event reshaped)
//   build/bench/engine_bench --benchmark_filter=StockPass (the stock pass alone, as a stockpile
//       sweep runs it: 2,000 stored profiles x 8 stockpile levels; fast:0 = general path only)

#include <benchmark/benchmark.h>

#include <algorithm>
#include <filesystem>
#include <memory>

#include "graph/build_graph.h"
#include "sim/monte_carlo.h"
#include "sim/run_plan.h"
#include "sim/summary.h"
#include "sim/trial.h"
#include "tools/io/data_loaders.h"
#include "tools/io/scenario_loader.h"

namespace mineflow {
namespace {

struct Loaded {
  MineralData data;
  MineralGraph base;
  RunPlan plan;
};

std::unique_ptr<Loaded> load(const std::string& file, double horizon_days,
                             double rate_scale = 1.0) {
  std::string dir = MINEFLOW_SCENARIOS_DIR;
  io::Settings settings = io::load_settings(dir + "/settings.yaml");
  CountryTable countries = io::load_countries(dir + "/countries.yaml");
  Scenario scenario = io::load_scenario(file, countries);
  if (horizon_days > 0.0) scenario.horizon_days = horizon_days;
  if (scenario.background_risk) scenario.background_risk->rate_at_5_per_year *= rate_scale;
  auto loaded = std::make_unique<Loaded>();
  loaded->data = io::load_mineral_for_simulation(scenario.mineral_file, countries,
                                                 DataVintage::latest);  // as `mineflow run`
  loaded->base = build_mineral_graph(loaded->data, settings.graph);
  loaded->plan = make_run_plan(scenario, loaded->base, loaded->data.prices, countries,
                               settings.indicators, {});
  return loaded;
}

void run(benchmark::State& state, const Loaded& loaded, std::uint64_t trials, int threads,
         bool summarise) {
  MonteCarloOptions options;
  options.trials = trials;
  options.seed = loaded.plan.scenario.seed;
  options.threads = threads;
  for (auto _ : state) {
    MonteCarloResult result =
        run_monte_carlo(loaded.plan.scenario.events, loaded.plan.scenario.horizon_days,
                        loaded.plan.variants, options);
    if (summarise) {  // what `mineflow run` summarises
      for (const PolicyRun& policy : loaded.plan.policies) {
        for (std::size_t m = 0; m < kMetricCount; ++m) {
          auto metric = static_cast<Metric>(m);
          benchmark::DoNotOptimize(
              summarize(result.values(policy.variant, metric), higher_is_worse(metric)));
        }
        benchmark::DoNotOptimize(summarize(result.values(policy.reference, Metric::unmet_t), true));
      }
    }
    benchmark::DoNotOptimize(result.values(0, Metric::unmet_t).data());
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(trials));
  state.counters["variants"] = static_cast<double>(loaded.plan.variants.size());
}

// The stock pass alone: profiles of `trials` trials built once, then apply_stocks on each for
// the scenario's first variant at the stockpile sweep's default levels (0-180 days).
void stock_pass(benchmark::State& state, const Loaded& loaded, bool fast_path) {
  constexpr std::uint64_t kTrials = 2000;
  const RunPlan& plan = loaded.plan;
  const Variant& base = plan.variants.front();
  std::vector<SupplyProfile> profiles(kTrials);
  TrialScratch scratch;
  for (std::uint64_t trial = 0; trial < kTrials; ++trial) {
    draw_occurrences(plan.scenario.events, plan.scenario.horizon_days, plan.scenario.seed, trial,
                     scratch.occurrences);
    build_supply_profile(*base.model, scratch.occurrences, plan.scenario.seed, trial,
                         scratch.profile_scratch, profiles[trial]);
  }
  std::vector<StockPolicy> levels;
  for (double days : {0.0, 15.0, 30.0, 45.0, 60.0, 90.0, 120.0, 180.0}) {
    StockPolicy stocks = base.stocks;
    stocks.stockpile_days = days;
    levels.push_back(stocks);
  }
  StockPassOptions options;
  options.constant_fast_path = fast_path;
  std::size_t segments = 0;
  for (const SupplyProfile& profile : profiles) segments += profile.segments.size();
  for (auto _ : state) {
    for (const SupplyProfile& profile : profiles) {
      for (const StockPolicy& stocks : levels) {
        benchmark::DoNotOptimize(apply_stocks(*base.model, profile, stocks, nullptr, options));
      }
    }
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(kTrials * levels.size()));
  state.counters["segments/trial"] = static_cast<double>(segments) / static_cast<double>(kTrials);
}

// Every event of the plan (background risk expanded) given one recovery shape, and the
// scenario the buyers' response: what shapes cost against steps (docs/engine.md "Event shapes").
enum class Reshape { step, linear, exponential, linear_and_response };

std::unique_ptr<Loaded> load_reshaped(const std::string& file, Reshape reshape) {
  auto loaded = load(file, 0.0);
  RecoveryShape shape;
  if (reshape == Reshape::linear || reshape == Reshape::linear_and_response) {
    shape.kind = RecoveryShape::Kind::linear;
    shape.recovery_days = {Distribution::Kind::triangular, 30.0, 90.0, 180.0};
  } else if (reshape == Reshape::exponential) {
    shape.kind = RecoveryShape::Kind::exponential;
    shape.half_life_days = {Distribution::Kind::lognormal, 60.0, 0.5, 0.0};
  }
  for (EventSpec& event : loaded->plan.scenario.events) event.recovery = shape;
  if (reshape == Reshape::linear_and_response) {
    for (Variant& variant : loaded->plan.variants) variant.stocks.response = {0.1, 0.3, 0.04, 0.2};
  }
  return loaded;
}

std::vector<std::string> scenario_files() {
  std::vector<std::string> files;
  for (const auto& entry :
       std::filesystem::directory_iterator(std::string(MINEFLOW_SCENARIOS_DIR) + "/disruptions")) {
    if (entry.path().extension() == ".yaml") files.push_back(entry.path().string());
  }
  std::sort(files.begin(), files.end());
  return files;
}

void register_all() {
  static std::vector<std::unique_ptr<Loaded>> keep;
  for (const std::string& file : scenario_files()) {
    std::string stem = std::filesystem::path(file).stem().string();
    keep.push_back(load(file, 0.0));
    const Loaded* one_year = keep.back().get();
    for (int threads : {1, 2}) {
      benchmark::RegisterBenchmark(
          ("Trials/" + stem + "/threads:" + std::to_string(threads)).c_str(),
          [=](benchmark::State& s) { run(s, *one_year, 20000, threads, false); })
          ->Unit(benchmark::kMillisecond)
          ->UseRealTime();
    }
    benchmark::RegisterBenchmark(("Full100k/" + stem).c_str(),
                                 [=](benchmark::State& s) { run(s, *one_year, 100000, 2, true); })
        ->Unit(benchmark::kMillisecond)
        ->UseRealTime()
        ->Iterations(3);
    for (bool fast : {false, true}) {
      benchmark::RegisterBenchmark(
          ("StockPass/" + stem + "/fast:" + std::to_string(fast ? 1 : 0)).c_str(),
          [=](benchmark::State& s) { stock_pass(s, *one_year, fast); })
          ->Unit(benchmark::kMillisecond);
    }
    if (stem == "cobalt_background" || stem == "cobalt_drc_supply_cut") {
      const std::pair<Reshape, const char*> shapes[] = {
          {Reshape::step, "step"},
          {Reshape::linear, "linear"},
          {Reshape::exponential, "exponential"},
          {Reshape::linear_and_response, "linear+response"}};
      for (const auto& [reshape, name] : shapes) {
        keep.push_back(load_reshaped(file, reshape));
        const Loaded* reshaped = keep.back().get();
        benchmark::RegisterBenchmark(
            ("Shapes/" + stem + "/" + name).c_str(),
            [=](benchmark::State& s) { run(s, *reshaped, 100000, 2, true); })
            ->Unit(benchmark::kMillisecond)
            ->UseRealTime()
            ->Iterations(3);
      }
    }
    if (stem.find("background") != std::string::npos) {
      keep.push_back(load(file, 3650.0));
      const Loaded* ten_years = keep.back().get();
      // Rare events (hazards / 200): the cost should follow the events, not the days.
      keep.push_back(load(file, 365.0, 0.005));
      const Loaded* rare_one = keep.back().get();
      keep.push_back(load(file, 3650.0, 0.005));
      const Loaded* rare_ten = keep.back().get();
      benchmark::RegisterBenchmark(("HorizonRare/" + stem + "/years:1").c_str(),
                                   [=](benchmark::State& s) { run(s, *rare_one, 20000, 1, false); })
          ->Unit(benchmark::kMillisecond)
          ->UseRealTime();
      benchmark::RegisterBenchmark(("HorizonRare/" + stem + "/years:10").c_str(),
                                   [=](benchmark::State& s) { run(s, *rare_ten, 20000, 1, false); })
          ->Unit(benchmark::kMillisecond)
          ->UseRealTime();
      benchmark::RegisterBenchmark(("Horizon/" + stem + "/years:1").c_str(),
                                   [=](benchmark::State& s) { run(s, *one_year, 20000, 1, false); })
          ->Unit(benchmark::kMillisecond)
          ->UseRealTime();
      benchmark::RegisterBenchmark(
          ("Horizon/" + stem + "/years:10").c_str(),
          [=](benchmark::State& s) { run(s, *ten_years, 20000, 1, false); })
          ->Unit(benchmark::kMillisecond)
          ->UseRealTime();
    }
  }
}

}  // namespace
}  // namespace mineflow

int main(int argc, char** argv) {
  mineflow::register_all();
  benchmark::Initialize(&argc, argv);
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
