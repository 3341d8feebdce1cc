// The stockpile-day sweep (issue 4): the headline `mineflow stockpile --all` (six minerals x
// 8 stockpile levels x 4 recycling shares x 100,000 trials), and how a sweep's cost grows with
// graph size (synthetic 10..10,000 supplier nodes), horizon length and threads.
//
//   build/bench/sweep_bench --benchmark_filter=All        (headline, in-process CLI)
//   build/bench/sweep_bench --benchmark_filter=GraphSize  (synthetic graphs, 1 thread)
//   build/bench/sweep_bench --benchmark_filter=Horizon    (cobalt background, 1..10 years)
//   build/bench/sweep_bench --benchmark_filter=Threads    (cobalt background, 100k trials)

#include <benchmark/benchmark.h>

#include <algorithm>
#include <memory>
#include <sstream>

#include "graph/build_graph.h"
#include "sim/run_plan.h"
#include "sim/sweep/criticality.h"
#include "sim/sweep/stockpile_sweep.h"
#include "tools/cli/command.h"
#include "tools/io/data_loaders.h"
#include "tools/io/scenario_loader.h"

namespace mineflow {
namespace {

const std::vector<double> kShares = {0.0, 0.1, 0.2, 0.3};

// --- the headline: the real command, in process (output discarded) ---
void all_sweep(benchmark::State& state, const std::string& target) {
  std::vector<std::string> args = {"--all",   "--trials", "100000", "--recycling", "0,0.1,0.2,0.3",
                                   "--quiet", "--format", "csv",    "--target",    target};
  for (auto _ : state) {
    std::ostringstream out;
    std::ostringstream err;
    if (cli::run_stockpile(args, out, err) != 0) state.SkipWithError(err.str().c_str());
    benchmark::DoNotOptimize(out.str().size());
  }
  // 6 minerals x 100,000 trials (grid pass; search passes come on top).
  state.SetItemsProcessed(state.iterations() * 600000);
}

// --- a real scenario, loaded once ---
struct Loaded {
  MineralData data;
  MineralGraph base;
  RunPlan plan;
  SweepSetup setup;
};

std::unique_ptr<Loaded> load(const std::string& stem, double horizon_days,
                             const std::string& policy = "stockpile_60") {
  std::string dir = MINEFLOW_SCENARIOS_DIR;
  io::Settings settings = io::load_settings(dir + "/settings.yaml");
  CountryTable countries = io::load_countries(dir + "/countries.yaml");
  Scenario scenario = io::load_scenario(dir + "/disruptions/" + stem + ".yaml", countries);
  scenario.horizon_days = horizon_days;
  auto loaded = std::make_unique<Loaded>();
  loaded->data = io::load_mineral_for_simulation(scenario.mineral_file, countries,
                                                 DataVintage::latest);  // as `mineflow run`
  loaded->base = build_mineral_graph(loaded->data, settings.graph);
  loaded->plan = make_run_plan(scenario, loaded->base, loaded->data.prices, countries,
                               settings.indicators, {policy});
  const PolicyRun& run = loaded->plan.policies.front();
  loaded->setup.events = &loaded->plan.scenario.events;
  loaded->setup.horizon_days = horizon_days;
  loaded->setup.model = run.model.get();
  loaded->setup.stocks = loaded->plan.variants[run.variant].stocks;
  return loaded;
}

void sweep(benchmark::State& state, const SweepSetup& setup, std::uint64_t trials, int threads) {
  SweepGrid grid;
  grid.recycling_shares = kShares;
  SweepOptions options;
  options.trials = trials;
  options.threads = threads;
  for (auto _ : state) {
    SweepResult r = run_stockpile_sweep(setup, grid, std::nullopt, options);
    benchmark::DoNotOptimize(r.cells.data());
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(trials));
  // Seconds per trial (all 32 cells of the grid), printed with an SI prefix (u = microseconds).
  state.counters["per_trial"] = benchmark::Counter(
      static_cast<double>(state.iterations() * static_cast<std::int64_t>(trials)),
      benchmark::Counter::kIsRate | benchmark::Counter::kInvert);
}

// --- synthetic graphs: N refined suppliers of equal size, each with its own background outage
// (0.1 / year, lognormal 45-day median, 30-100 % severity) and 10 % spare for rerouting ---
struct Synthetic {
  Model model;
  std::vector<EventSpec> events;
  SweepSetup setup;
};

std::unique_ptr<Synthetic> synthetic(std::size_t nodes) {
  auto s = std::make_unique<Synthetic>();
  Model& m = s->model;
  m.focal_economy = "JPN";
  for (std::size_t i = 0; i < nodes; ++i) {
    SupplySource source;
    source.country = "S" + std::to_string(i);
    source.baseline_t_per_day = 1.0;
    source.spare_t_per_day = 0.1;
    source.lead_time_days = 30.0;
    m.sources.push_back(source);
    EventSpec spec;
    spec.id = "bg_" + source.country;
    spec.hazard_per_year = 0.1;
    spec.duration_days = {Distribution::Kind::lognormal, 45.0, 0.8, 0.0};
    spec.severity = {Distribution::Kind::uniform, 0.3, 1.0, 0.0};
    EventTarget target;
    target.kind = EventTarget::Kind::edge;
    target.country = source.country;
    spec.targets.push_back(target);
    s->events.push_back(spec);
    CompiledEvent compiled;
    CompiledTarget hit;
    hit.hits.push_back({static_cast<std::uint32_t>(i), source.lead_time_days});
    compiled.targets.push_back(hit);
    m.events.push_back(compiled);
  }
  m.primary_t_per_day = static_cast<double>(nodes);
  m.demand_t_per_day = static_cast<double>(nodes);
  m.horizon_days = 365.0;
  m.baseline_price = 1.0;
  s->setup.events = &s->events;
  s->setup.model = &s->model;
  s->setup.stocks.release_rate_of_demand = 0.5;
  s->setup.stocks.decision_delay_days = 14.0;
  s->setup.stocks.refill_rate_of_demand = 0.05;
  s->setup.stocks.commercial_inventory_days = 30.0;
  return s;
}

// --- the drivers of stockpile --all: every node failing alone, 2,000 trials, no stockpile ---
void criticality(benchmark::State& state, const RunPlan& plan, int threads) {
  MonteCarloOptions mc;
  mc.trials = 2000;
  mc.threads = threads;
  std::size_t runs = 0;
  for (auto _ : state) {
    CriticalityResult result = rank_nodes(plan, mc, CriticalityOptions{});
    runs = result.nodes.size() + 1;
    benchmark::DoNotOptimize(result.baseline_unmet_t);
  }
  // Trials of all the runs (the scenario alone and each node failing).
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(2000 * runs));
}

void register_all() {
  benchmark::RegisterBenchmark("AllSweep/target:p_shortage<=0.05",
                               [](benchmark::State& s) { all_sweep(s, "p_shortage<=0.05"); })
      ->Unit(benchmark::kSecond)
      ->UseRealTime()
      ->Iterations(1);
  benchmark::RegisterBenchmark("AllSweep/target:p_shortage<=0.01",
                               [](benchmark::State& s) { all_sweep(s, "p_shortage<=0.01"); })
      ->Unit(benchmark::kSecond)
      ->UseRealTime()
      ->Iterations(1);
  benchmark::RegisterBenchmark("AllSweep/target:none",
                               [](benchmark::State& s) { all_sweep(s, "none"); })
      ->Unit(benchmark::kSecond)
      ->UseRealTime()
      ->Iterations(1);

  static std::vector<std::unique_ptr<Synthetic>> graphs;
  for (std::size_t nodes : {10u, 100u, 1000u, 10000u}) {
    graphs.push_back(synthetic(nodes));
    const SweepSetup* setup = &graphs.back()->setup;
    auto trials = static_cast<std::uint64_t>(std::clamp<std::size_t>(200000 / nodes, 20, 20000));
    benchmark::RegisterBenchmark(("GraphSize/nodes:" + std::to_string(nodes)).c_str(),
                                 [=](benchmark::State& s) { sweep(s, *setup, trials, 1); })
        ->Unit(benchmark::kMillisecond)
        ->UseRealTime();
  }

  static std::vector<std::unique_ptr<Loaded>> scenarios;
  for (int years : {1, 2, 5, 10}) {
    scenarios.push_back(load("cobalt_background", 365.0 * years));
    const SweepSetup* setup = &scenarios.back()->setup;
    benchmark::RegisterBenchmark(
        ("Horizon/cobalt_background/years:" + std::to_string(years)).c_str(),
        [=](benchmark::State& s) { sweep(s, *setup, 20000, 1); })
        ->Unit(benchmark::kMillisecond)
        ->UseRealTime();
  }
  static std::unique_ptr<Loaded> drivers = load("cobalt_background", 365.0, "none");
  for (int threads : {1, 2}) {
    benchmark::RegisterBenchmark(
        ("Criticality/cobalt_background/trials:2000/threads:" + std::to_string(threads)).c_str(),
        [=](benchmark::State& s) { criticality(s, drivers->plan, threads); })
        ->Unit(benchmark::kMillisecond)
        ->UseRealTime();
  }
  const SweepSetup* one_year = &scenarios.front()->setup;
  for (int threads : {1, 2}) {
    benchmark::RegisterBenchmark(
        ("Threads/cobalt_background/trials:100000/threads:" + std::to_string(threads)).c_str(),
        [=](benchmark::State& s) { sweep(s, *one_year, 100000, threads); })
        ->Unit(benchmark::kMillisecond)
        ->UseRealTime()
        ->Iterations(2);
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
