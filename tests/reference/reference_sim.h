#pragma once
// Reference, stock side and metrics: covers each day's demand from the day's supply, then the
// commercial inventory, then the national stockpile, one day at a time (docs/engine.md
// "Stocks" and "Metrics"). Slow and plain on purpose: it shares no code with sim/.

#include <vector>

#include "tests/reference/reference_case.h"
#include "tests/reference/reference_supply.h"

namespace mineflow::reference {

// Where whole-day stepping can differ from the engine's exact integration of shaped events, and
// by how much at most (reference_sim.cpp and reference_exactness.cpp derive the bounds). A case
// whose supply is linear between knots and has no inexact day agrees exactly.
struct Exactness {
  // Every supply rate and the world shortfall are linear between consecutive knots (no kink of
  // spare capacity, the smelter, the tiers, or two ramps multiplying inside a knot interval);
  // when false the engine's chords differ from the truth and from the reference's day means.
  bool supply_linear = true;
  double chord_gap_t = 0.0;  // volume between the chords over knot intervals and the day means
  int ramp_days = 0;         // days whose gap or price changes within the day
  // Ramping days where a stock empties inside the day, or the release cap is crossed: the day
  // mean places the switch elsewhere. unmet_bound_t bounds the unmet volume this changes.
  int stock_inexact_days = 0;
  int short_inexact_days = 0;  // ... and where the time with unmet demand is a part of the day
  double unmet_bound_t = 0.0;
  // Procurement cost: purchases x price where both change within a day (the reference) or a
  // knot interval (the engine's phases take the mean rate x the price integral), and refills
  // that stop inside a day whose price ramps; in units of the baseline price x t.
  double cost_bound = 0.0;
};

// Daily demand after substitution, and what the day's supply covers of it, t/day.
double demand_t_per_day(const Case& c);
double supplied_t_per_day(const Case& c, const DaySupply& supply);
// The scarcity price multiple at world shortfall w, and its exact mean over a day in which w
// goes linearly from w_start to w_end.
double price_multiple(const Price& price, double w);
double mean_price_multiple(const Price& price, double w_start, double w_end);

// `ends` (the supply at each day's two ends) makes the price of a day whose world shortfall
// ramps its exact mean; `exactness` collects where the stepping is inexact.
Metrics simulate_stocks(const Case& c, const std::vector<DaySupply>& supply,
                        const std::vector<DayEnds>* ends = nullptr, Exactness* exactness = nullptr);

// focal_supply_by_day, then simulate_stocks (with the ends and the exactness checks).
Metrics simulate(const Case& c, Exactness* exactness = nullptr);

}  // namespace mineflow::reference
