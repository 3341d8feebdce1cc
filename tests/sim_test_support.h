#pragma once
// Small hand-built models and scenarios for the engine's exact and statistical tests.

#include <string>
#include <vector>

#include <algorithm>
#include <cmath>

#include <gtest/gtest.h>

#include "sim/model.h"
#include "sim/scenario.h"
#include "sim/stock_pass.h"

namespace mineflow::testing {

// One refined supplier per entry (t/day), demand = their sum, no recycling, flat price.
inline Model refined_model(const std::vector<double>& flows_t_per_day,
                           double horizon_days = 365.0) {
  Model model;
  model.focal_economy = "JPN";
  double total = 0.0;
  for (std::size_t i = 0; i < flows_t_per_day.size(); ++i) {
    SupplySource source;
    source.country = "S" + std::to_string(i);
    source.import_class = ImportClass::refined;
    source.baseline_t_per_day = flows_t_per_day[i];
    source.refiner = static_cast<std::uint32_t>(model.refiners.size());
    model.sources.push_back(source);
    // Its refiner: no inputs, output = what it ships to the focal economy.
    NetworkRefiner refiner;
    refiner.country = source.country;
    refiner.exporter = exporter_of(model, source.country, Stage::refine);
    refiner.output_t_per_day = flows_t_per_day[i];
    refiner.capacity_t_per_day = flows_t_per_day[i];
    model.refiners.push_back(refiner);
    total += flows_t_per_day[i];
  }
  finish_network(model);
  model.primary_t_per_day = total;
  model.demand_t_per_day = total;
  model.horizon_days = horizon_days;
  model.baseline_price = 1.0;
  model.price_step_days = horizon_days;
  return model;
}

inline EventTarget edge_target(const std::string& country) {
  EventTarget target;
  target.kind = EventTarget::Kind::edge;
  target.country = country;
  target.import_class = ImportClass::refined;
  return target;
}

inline Distribution fixed(double value) {
  return {Distribution::Kind::fixed, value, 0.0, 0.0};
}

inline EventSpec outage(const std::string& country, double start_day, double duration_days,
                        double severity = 1.0) {
  EventSpec spec;
  spec.id = "outage_" + country;
  spec.start_day = start_day;
  spec.duration_days = fixed(duration_days);
  spec.severity = fixed(severity);
  spec.targets.push_back(edge_target(country));
  return spec;
}

// Compiles event targets against a hand-built model (what compile_model does for files).
inline void compile_events(Model& model, const std::vector<EventSpec>& events) {
  model.events.clear();
  for (const EventSpec& spec : events) {
    CompiledEvent event;
    for (const EventTarget& target : spec.targets) {
      CompiledTarget compiled;
      for (std::size_t i = 0; i < model.sources.size(); ++i) {
        const SupplySource& s = model.sources[i];
        bool hit = target.kind == EventTarget::Kind::exports_of
                       ? s.country == target.country
                       : s.country == target.country && s.import_class == target.import_class;
        if (hit) compiled.hits.push_back({static_cast<std::uint32_t>(i), s.lead_time_days});
      }
      event.targets.push_back(compiled);
    }
    model.events.push_back(event);
  }
}

// Checks mass balance and stock bounds in every phase of a trial, and that phases tile time.
class BalanceChecker : public PhaseObserver {
 public:
  void on_phase(const Phase& p) override {
    ++phases;
    double scale = std::max(p.demand, 1.0);
    EXPECT_LE(std::abs(balance_residual(p)), 1e-9 * scale);
    EXPECT_LE(stock_residual(p), 1e-7 * scale);
    EXPECT_GE(p.unmet.start, 0.0);
    EXPECT_GE(p.unmet.end, 0.0);
    EXPECT_GE(p.inventory_end_t, 0.0);
    EXPECT_GE(p.stockpile_end_t, 0.0);
    EXPECT_LE(p.domestic.start + p.imports.start + p.recycling.start, p.demand * (1.0 + 1e-12));
    EXPECT_LE(p.domestic.end + p.imports.end + p.recycling.end, p.demand * (1.0 + 1e-12));
    EXPECT_DOUBLE_EQ(p.start_day, last_end);
    last_end = p.end_day;
    unmet_t += p.unmet.mean() * (p.end_day - p.start_day);
  }
  int phases = 0;
  double last_end = 0.0;
  double unmet_t = 0.0;
};

}  // namespace mineflow::testing
