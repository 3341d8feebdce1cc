// Thread scaling of the commands issue 13 names, end to end through the real commands in
// process (loading, trials, summaries, output formatting; output discarded), at 1 and 2
// threads, plus the two phases of `run` timed apart (trials; summaries) so the serial share can
// be read off. Figures and the Amdahl estimate for 16 threads: bench/README.md "Scaling".
//
//   build/bench/scale_bench                                   (all, ~1 min of CPU on 2 cores)
//   build/bench/scale_bench --benchmark_filter=Command        (end to end only)

#include <benchmark/benchmark.h>

#include <memory>
#include <sstream>

#include "graph/build_graph.h"
#include "sim/monte_carlo.h"
#include "sim/run_plan.h"
#include "tools/cli/command.h"
#include "tools/io/data_loaders.h"
#include "tools/io/scenario_loader.h"

namespace mineflow {
namespace {

const std::string kScenarios = MINEFLOW_SCENARIOS_DIR;
const std::string kCobaltCut = kScenarios + "/disruptions/cobalt_drc_supply_cut.yaml";

void command(benchmark::State& state, int (*run)(const cli::Args&, std::ostream&, std::ostream&),
             cli::Args args, std::int64_t trials) {
  args.insert(args.end(),
              {"--threads", std::to_string(state.range(0)), "--quiet", "--format", "csv"});
  for (auto _ : state) {
    std::ostringstream out;
    std::ostringstream err;
    if (run(args, out, err) != 0) state.SkipWithError(err.str().c_str());
    benchmark::DoNotOptimize(out.str().size());
  }
  state.SetItemsProcessed(state.iterations() * trials);
}

// The cobalt supply cut's plan, loaded once, for the phase timings.
struct Loaded {
  MineralData data;
  MineralGraph base;
  RunPlan plan;
};
const Loaded& cobalt_cut() {
  static std::unique_ptr<Loaded> loaded = [] {
    io::Settings settings = io::load_settings(kScenarios + "/settings.yaml");
    CountryTable countries = io::load_countries(kScenarios + "/countries.yaml");
    Scenario scenario = io::load_scenario(kCobaltCut, countries);
    auto l = std::make_unique<Loaded>();
    l->data = io::load_mineral_for_simulation(scenario.mineral_file, countries,
                                              DataVintage::latest);  // as `mineflow run`
    l->base = build_mineral_graph(l->data, settings.graph);
    l->plan = make_run_plan(scenario, l->base, l->data.prices, countries, settings.indicators, {});
    return l;
  }();
  return *loaded;
}

MonteCarloOptions options(std::int64_t trials, int threads) {
  MonteCarloOptions mc;
  mc.trials = static_cast<std::uint64_t>(trials);
  mc.seed = cobalt_cut().plan.scenario.seed;
  mc.threads = threads;
  return mc;
}

void trials_phase(benchmark::State& state) {
  const Loaded& l = cobalt_cut();
  for (auto _ : state) {
    MonteCarloResult result =
        run_monte_carlo(l.plan.scenario.events, l.plan.scenario.horizon_days, l.plan.variants,
                        options(state.range(0), static_cast<int>(state.range(1))));
    benchmark::DoNotOptimize(result.values(0, Metric::unmet_t).data());
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
}

void summaries_phase(benchmark::State& state) {
  const Loaded& l = cobalt_cut();
  MonteCarloResult result = run_monte_carlo(l.plan.scenario.events, l.plan.scenario.horizon_days,
                                            l.plan.variants, options(state.range(0), 0));
  for (auto _ : state) {
    benchmark::DoNotOptimize(summarize_variants(result, static_cast<int>(state.range(1))));
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
}

void register_all() {
  // One end-to-end command at 1 and 2 threads, one iteration each (seconds per run).
  auto add_command = [](const std::string& name, auto* run, cli::Args args, std::int64_t trials) {
    benchmark::RegisterBenchmark(("Command/" + name).c_str(),
                                 [=](benchmark::State& s) { command(s, run, args, trials); })
        ->ArgName("threads")
        ->Arg(1)
        ->Arg(2)
        ->Unit(benchmark::kSecond)
        ->UseRealTime()
        ->Iterations(1);
  };
  for (std::int64_t trials : {1'000'000, 4'000'000}) {
    std::string n = std::to_string(trials);
    add_command("run_cobalt_drc_supply_cut/trials:" + n, cli::run_run,
                {kCobaltCut, "--trials", n, "--memory-budget-mb", "4096"}, trials);
  }
  add_command("stockpile_all/trials:100000", cli::run_stockpile, {"--all", "--trials", "100000"},
              600000);
  for (auto* phase : {&trials_phase, &summaries_phase}) {
    benchmark::RegisterBenchmark(phase == &trials_phase ? "Phase/run_trials" : "Phase/summaries",
                                 phase)
        ->ArgNames({"trials", "threads"})
        ->Args({1'000'000, 1})
        ->Args({1'000'000, 2})
        ->Unit(benchmark::kMillisecond)
        ->UseRealTime()
        ->Iterations(2);
  }
  // 16 threads on this 2-core machine: not a speed figure, but the CPU time of all threads
  // shows the work of the per-statistic split that summaries use when threads > series.
  benchmark::RegisterBenchmark("Phase/summaries_work", summaries_phase)
      ->ArgNames({"trials", "threads"})
      ->Args({1'000'000, 16})
      ->Unit(benchmark::kMillisecond)
      ->MeasureProcessCPUTime()
      ->UseRealTime()
      ->Iterations(2);
}

}  // namespace
}  // namespace mineflow

// Registered before BENCHMARK_MAIN's main() runs, like the BENCHMARK() macros do.
const bool kRegistered = (mineflow::register_all(), true);

BENCHMARK_MAIN();
