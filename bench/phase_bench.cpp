// Where a trial's time goes, phase by phase, on every bundled background scenario (1 thread):
// the draws of its events, the supply profile with the world market (clearing), the market
// alone (re-run on the profile just built, timed by hand), and the stock pass of every variant.
// The profile builder proper is Profile less Market. Each phase runs over the same 2,000 trials,
// its inputs built once beforehand, so a phase's figure is its own cost (bench/README.md).
//
//   build/bench/phase_bench --benchmark_filter=copper_background

#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <memory>

#include "graph/build_graph.h"
#include "sim/run_plan.h"
#include "sim/trial.h"
#include "sim/world_market.h"
#include "tools/io/data_loaders.h"
#include "tools/io/scenario_loader.h"

namespace mineflow {
namespace {

constexpr std::uint64_t kTrials = 2000;

// A background scenario as `mineflow run` loads it, with each trial's draws and profile kept.
struct Phases {
  RunPlan plan;
  std::vector<std::vector<Occurrence>> occurrences;       // per trial
  std::vector<SupplyProfile> profiles;                    // per trial, after the market
  std::vector<std::vector<ProfileSegment>> market_input;  // per trial, the market's input
};

std::unique_ptr<Phases> load(const std::string& file) {
  const std::string dir = MINEFLOW_SCENARIOS_DIR;
  io::Settings settings = io::load_settings(dir + "/settings.yaml");
  CountryTable countries = io::load_countries(dir + "/countries.yaml");
  Scenario scenario = io::load_scenario(file, countries);
  MineralData data =
      io::load_mineral_for_simulation(scenario.mineral_file, countries, DataVintage::latest);
  MineralGraph base = build_mineral_graph(data, settings.graph);
  auto out = std::make_unique<Phases>();
  out->plan = make_run_plan(scenario, base, data.prices, countries, settings.indicators, {});
  const Model& model = *out->plan.variants.front().model;
  const std::uint64_t seed = out->plan.scenario.seed;
  TrialScratch scratch;
  out->occurrences.resize(kTrials);
  out->profiles.resize(kTrials);
  for (std::uint64_t t = 0; t < kTrials; ++t) {
    draw_occurrences(out->plan.scenario.events, out->plan.scenario.horizon_days, seed, t,
                     out->occurrences[t]);
    build_supply_profile(model, out->occurrences[t], seed, t, scratch.profile_scratch,
                         out->profiles[t]);
  }
  return out;
}

double trials_run(const benchmark::State& state) {
  return static_cast<double>(state.iterations()) * static_cast<double>(kTrials);
}

void per_trial(benchmark::State& state, std::size_t variants) {
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(kTrials));
  state.counters["variants"] = static_cast<double>(variants);
}

void draws(benchmark::State& state, const Phases& p) {
  std::vector<Occurrence> out;
  double occurrences = 0.0;
  for (auto _ : state) {
    for (std::uint64_t t = 0; t < kTrials; ++t) {
      draw_occurrences(p.plan.scenario.events, p.plan.scenario.horizon_days, p.plan.scenario.seed,
                       t, out);
      occurrences += static_cast<double>(out.size());
      benchmark::DoNotOptimize(out.data());
    }
  }
  per_trial(state, p.plan.variants.size());
  state.counters["events/trial"] = occurrences / trials_run(state);
}

void profile(benchmark::State& state, const Phases& p) {
  const Model& model = *p.plan.variants.front().model;
  TrialScratch scratch;
  double segments = 0.0;
  for (auto _ : state) {
    for (std::uint64_t t = 0; t < kTrials; ++t) {
      build_supply_profile(model, p.occurrences[t], p.plan.scenario.seed, t,
                           scratch.profile_scratch, scratch.profile);
      segments += static_cast<double>(scratch.profile.segments.size());
    }
  }
  per_trial(state, p.plan.variants.size());
  state.counters["segments/trial"] = segments / trials_run(state);
}

// The market alone, on a profile just built (its input hot in cache, as in a trial): each
// trial's profile is built untimed, then the market re-run on its kept input is timed (manual
// time; the clock's reads, about 20 ns a trial, are in the figure).
void market(benchmark::State& state, const Phases& p) {
  const Model& model = *p.plan.variants.front().model;
  TrialScratch scratch;
  scratch.profile_scratch.market.keep_input = true;
  for (auto _ : state) {
    std::chrono::duration<double> timed{0.0};
    for (std::uint64_t t = 0; t < kTrials; ++t) {
      build_supply_profile(model, p.occurrences[t], p.plan.scenario.seed, t,
                           scratch.profile_scratch, scratch.profile);
      const auto start = std::chrono::steady_clock::now();
      rerun_world_market(model, scratch.profile, scratch.profile_scratch.market);
      timed += std::chrono::steady_clock::now() - start;
      benchmark::DoNotOptimize(scratch.profile.market.price.data());
    }
    state.SetIterationTime(timed.count());
  }
  per_trial(state, p.plan.variants.size());
}

void stock_passes(benchmark::State& state, const Phases& p) {
  for (auto _ : state) {
    for (std::uint64_t t = 0; t < kTrials; ++t) {
      for (const Variant& v : p.plan.variants) {
        benchmark::DoNotOptimize(apply_stocks(*v.model, p.profiles[t], v.stocks));
      }
    }
  }
  per_trial(state, p.plan.variants.size());
}

void register_all() {
  static std::vector<std::unique_ptr<Phases>> keep;
  std::vector<std::string> files;
  for (const auto& entry :
       std::filesystem::directory_iterator(std::string(MINEFLOW_SCENARIOS_DIR) + "/disruptions")) {
    const std::string stem = entry.path().stem().string();
    if (entry.path().extension() == ".yaml" && stem.ends_with("_background")) {
      files.push_back(entry.path().string());
    }
  }
  std::sort(files.begin(), files.end());
  for (const std::string& file : files) {
    const std::string stem = std::filesystem::path(file).stem().string();
    keep.push_back(load(file));
    const Phases* p = keep.back().get();
    const std::pair<const char*, void (*)(benchmark::State&, const Phases&)> phases[] = {
        {"Draws", draws}, {"Profile", profile}, {"Market", market}, {"StockPasses", stock_passes}};
    for (const auto& phase : phases) {
      auto fn = phase.second;
      // The market alone only where there is one (every bundled background clears).
      if (fn == market && !p->plan.variants.front().model->clearing) continue;
      auto* bench = benchmark::RegisterBenchmark((std::string(phase.first) + "/" + stem).c_str(),
                                                 [p, fn](benchmark::State& s) { fn(s, *p); });
      bench->Unit(benchmark::kMillisecond);
      if (fn == market) bench->UseManualTime();
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
