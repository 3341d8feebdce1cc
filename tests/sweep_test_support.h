#pragma once
// One supplier of 10 t/day with a certain total outage of `outage_days` from day 100, a
// stockpile released at full demand from day one, no rerouting, as a sweep setup: a stockpile
// of s days and recycling share r (domestic, not cut) leave (1 - r) x 10 x outage - 10 s - I t
// unmet (I the inventory's tonnes). The stockpile sweep's and the optimiser's exact cases.

#include <optional>
#include <vector>

#include "sim/scenario.h"
#include "sim/sweep/stockpile_sweep.h"
#include "tests/sim_test_support.h"

namespace mineflow::testing {

struct OneSupplier {
  explicit OneSupplier(double outage_days, double inventory_days = 0.0,
                       std::optional<double> baseline_price = std::nullopt)
      : model(refined_model({10.0})), events{outage("S0", 100.0, outage_days)} {
    compile_events(model, events);
    if (baseline_price) model.baseline_price = *baseline_price;
    setup.events = &events;
    setup.horizon_days = 365.0;
    setup.model = &model;
    setup.stocks.release_rate_of_demand = 1.0;
    setup.stocks.decision_delay_days = 0.0;
    setup.stocks.commercial_inventory_days = inventory_days;
  }
  Model model;
  std::vector<EventSpec> events;
  SweepSetup setup;
};

}  // namespace mineflow::testing
