#pragma once
// The clearing market's toy networks (tests/data/network_mineral.yaml and tests/data/split/),
// one event from day 0 and one trial: the pieces market_test.cpp and split_market_test.cpp
// share. The price factor is exactly 1 (no volatility in the toys).

#include <cmath>
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

// CHN's refined exports licensed to every buyer from day 0 for 100 days: nothing for 30 days,
// then half.
inline EventSpec chn_refined_licence_100_days() {
  EventTarget licensed;
  licensed.kind = EventTarget::Kind::exports_of;
  licensed.country = "CHN";
  licensed.export_stage = Stage::refine;
  EventSpec spec = event_from_day_0(licensed, 1.0, 100.0);
  spec.licence = Licence{{Distribution::Kind::fixed, 0.5, 0.0, 0.0},
                         {Distribution::Kind::fixed, 30.0, 0.0, 0.0}};
  return spec;
}

// The clearing market's closed form for a constant world loss `w` from day 0 for `days` days,
// below what the cap clears, with world stocks of `tau` days (q = 1 - 1/tau): the scarcity is
// x_d = w (1 - q^d) to day `days`, then x_days q^(d - days) (docs/market.md).
struct ConstantLossPath {
  double w = 0.0;
  double tau = 1.0;
  double days = 0.0;
  double q() const { return 1.0 - 1.0 / tau; }
  double scarcity_at_end() const { return w * (1.0 - std::pow(q(), days)); }
  // The sum of x_d over days [0, n), n <= days: days of demand priced out (all of it arriving).
  double priced_days_to(double n) const { return w * (n - (1.0 - std::pow(q(), n)) / (1.0 - q())); }
  // The same over the whole horizon.
  double priced_days(double horizon) const {
    return priced_days_to(days) +
           scarcity_at_end() * (1.0 - std::pow(q(), horizon - days)) / (1.0 - q());
  }
};

}  // namespace mineflow::market_toy
