// Cost of a trial against the size of the world tiers, with the same events (docs/network.md):
// synthetic networks of N nodes (N/2 mines, N/2 refiners; each refiner has two feed links and
// buys the rest on the market; the focal economy buys from 10 refiners), six events per trial
// on the same six nodes (two mine outages, an export ban, two refinery outages, one random).
//
//   build/bench/network_bench --benchmark_filter=NetworkSize

#include <benchmark/benchmark.h>

#include <memory>
#include <random>

#include "sim/monte_carlo.h"

namespace mineflow {
namespace {

struct Synthetic {
  Model model;
  std::vector<EventSpec> events;
  std::vector<Variant> variants;
};

EventSpec fixed_event(const std::string& id, double start, double days, double severity) {
  EventSpec spec;
  spec.id = id;
  spec.start_day = start;
  spec.duration_days = {Distribution::Kind::uniform, 0.5 * days, 1.5 * days, 0.0};
  spec.severity = {Distribution::Kind::fixed, severity, 0.0, 0.0};
  return spec;
}

std::unique_ptr<Synthetic> synthetic(std::size_t nodes) {
  auto s = std::make_unique<Synthetic>();
  Model& m = s->model;
  m.focal_economy = "JPN";
  std::mt19937_64 rng(nodes);
  std::uniform_real_distribution<double> u(0.0, 1.0);
  const std::size_t mines = nodes / 2;
  const std::size_t refiners = nodes - mines;
  for (std::size_t i = 0; i < mines; ++i) {
    std::string country = "M" + std::to_string(i);
    NetworkMine mine{country, exporter_of(m, country, Stage::mine), 1.0 + u(rng), 0.0, 0.05};
    mine.to_market_t_per_day = 0.5 * mine.output_t_per_day;
    m.mines.push_back(mine);
  }
  for (std::size_t r = 0; r < refiners; ++r) {
    std::string country = "R" + std::to_string(r);
    NetworkRefiner refiner;
    refiner.country = country;
    refiner.exporter = exporter_of(m, country, Stage::refine);
    refiner.output_t_per_day = 1.0;
    refiner.capacity_t_per_day = 1.1;
    refiner.first_link = static_cast<std::uint32_t>(m.links.size());
    for (int l = 0; l < 2; ++l) {
      auto mine = static_cast<std::uint32_t>(u(rng) * static_cast<double>(mines));
      m.links.push_back({mine, 0.3, true});
    }
    refiner.market_share = 0.4;
    refiner.end_link = static_cast<std::uint32_t>(m.links.size());
    m.refiners.push_back(refiner);
  }
  for (std::uint32_t r = 0; r < 10; ++r) {
    SupplySource source;
    source.country = m.refiners[r].country;
    source.baseline_t_per_day = 1.0;
    source.lead_time_days = 30.0;
    source.refiner = r;
    m.sources.push_back(source);
  }
  finish_network(m);
  m.primary_t_per_day = 10.0;
  m.demand_t_per_day = 10.0;
  m.horizon_days = 365.0;
  m.baseline_price = 1.0;
  m.price_step_days = 365.0;
  auto add = [&](EventSpec spec, std::uint32_t channel) {
    s->events.push_back(std::move(spec));
    CompiledTarget hit;
    hit.hits.push_back({channel, 30.0});
    m.events.push_back(CompiledEvent{{hit}});
  };
  // The same six nodes at every size: their links reach the refiners the focal economy buys from
  // only by chance, as in a real network.
  add(fixed_event("mine_0", 10.0, 60.0, 1.0), m.mine_channel(0));
  add(fixed_event("mine_1", 50.0, 90.0, 0.5), m.mine_channel(1));
  add(fixed_event("export_ban_2", 120.0, 120.0, 0.8), m.exporter_channel(m.mines[2].exporter));
  add(fixed_event("refinery_0", 30.0, 45.0, 1.0), m.refiner_channel(0));
  add(fixed_event("refinery_3", 200.0, 30.0, 0.6), m.refiner_channel(3));
  EventSpec random = fixed_event("random_mine_4", 0.0, 40.0, 0.7);
  random.start_day.reset();
  random.hazard_per_year = 2.0;
  add(random, m.mine_channel(4));
  StockPolicy stocks;
  stocks.commercial_inventory_days = 20.0;
  s->variants.push_back({&s->model, stocks});
  return s;
}

void network_size(benchmark::State& state, const Synthetic& s, std::uint64_t trials) {
  MonteCarloOptions options;
  options.trials = trials;
  options.seed = 3;
  options.threads = 1;
  for (auto _ : state) {
    MonteCarloResult result = run_monte_carlo(s.events, 365.0, s.variants, options);
    benchmark::DoNotOptimize(result.values(0, Metric::unmet_t).data());
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(trials));
}

void register_all() {
  static std::vector<std::unique_ptr<Synthetic>> networks;
  for (std::size_t nodes : {100u, 1000u, 10000u, 100000u}) {
    networks.push_back(synthetic(nodes));
    const Synthetic* s = networks.back().get();
    benchmark::RegisterBenchmark(("NetworkSize/nodes:" + std::to_string(nodes)).c_str(),
                                 [=](benchmark::State& st) { network_size(st, *s, 20000); })
        ->Unit(benchmark::kMillisecond)
        ->UseRealTime();
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
