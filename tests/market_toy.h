#pragma once
// The clearing market's toy networks (tests/data/network_mineral.yaml and tests/data/split/),
// one event from day 0 and one trial: the pieces market_test.cpp and split_market_test.cpp
// share. The price factor is exactly 1 (no volatility in the toys).

#include <string>
#include <vector>

#include "cli_runner.h"
#include "graph/build_graph.h"
#include "sim/run_plan.h"
#include "sim/trial.h"
#include "tools/io/data_loaders.h"

namespace mineflow::market_toy {

inline constexpr double kDays = 365.0;
inline constexpr double kPrimaryTPerDay = 20.0 / kDays;  // refined imports, CHN 10 + FIN 10

// A mineral of tests/data (`file` relative to it) as a graph.
inline MineralGraph graph_from(const std::string& file) {
  CountryTable countries = io::load_countries(testing::scenarios_dir() + "/countries.yaml");
  MineralData data = io::load_mineral(testing::test_data_dir() + file, countries);
  return build_mineral_graph(data, GraphOptions{});
}

inline EventTarget refiner_node(const std::string& country) {
  EventTarget target;
  target.kind = EventTarget::Kind::node;
  target.country = country;
  target.stage = Stage::refine;
  return target;
}

// One event from day 0: `duration` days at `severity`, then, when `recovery_days` > 0, a linear
// recovery to nothing over that many days.
inline EventSpec event_from_day_0(const EventTarget& target, double severity, double duration,
                                  double recovery_days = 0.0) {
  EventSpec spec;
  spec.id = "event";
  spec.start_day = 0.0;
  spec.duration_days = {Distribution::Kind::fixed, duration, 0.0, 0.0};
  spec.severity = {Distribution::Kind::fixed, severity, 0.0, 0.0};
  if (recovery_days > 0.0) {
    spec.recovery.kind = RecoveryShape::Kind::linear;
    spec.recovery.recovery_days = {Distribution::Kind::fixed, recovery_days, 0.0, 0.0};
  }
  spec.targets.push_back(target);
  return spec;
}

// The toy as a one-year, one-trial scenario with no events yet, under `market`, with world
// stocks of `inventory_days` days of use.
inline Scenario toy_scenario(MarketModel market, double inventory_days) {
  Scenario scenario;
  scenario.id = "toy";
  scenario.horizon_days = kDays;
  scenario.trials = 1;
  scenario.market = market;
  scenario.world_inventory_days = inventory_days;
  return scenario;
}

// One trial of `scenario` on `graph` with `spec` added, no policy.
inline TrialMetrics one_trial(const MineralGraph& graph, Scenario scenario, const EventSpec& spec) {
  scenario.events.push_back(spec);
  RunPlan plan = make_run_plan(scenario, graph, {}, CountryTable{}, IndicatorSettings{}, {});
  TrialScratch scratch;
  std::vector<TrialMetrics> out(1);
  run_trial(plan.scenario.events, kDays, {&plan.variants.front(), 1}, 1, 0, scratch, out);
  return out.front();
}

inline double metric(const TrialMetrics& m, Metric which) {
  return m[index(which)];
}

}  // namespace mineflow::market_toy
