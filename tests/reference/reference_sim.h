#pragma once
// Reference, stock side and metrics: covers each step's demand from the step's supply, then the
// commercial inventory, then the national stockpile, one step of 1 / kStepsPerDay day at a time
// (docs/engine.md "Stocks" and "Metrics"). Slow and plain on purpose: it shares no code with
// sim/.

#include <algorithm>
#include <cmath>
#include <functional>
#include <vector>

#include "tests/reference/reference_case.h"
#include "tests/reference/reference_supply.h"

namespace mineflow::reference {

struct MarketDays;  // reference_market.h

// Steps per day: h = 1/64 day. Every event boundary, knot of a shape, lead time and decision
// delay is a whole day, so they all fall on step boundaries.
constexpr int kStepsPerDay = 64;

// Where stepping can differ from the engine's exact integration, and by how much at most
// (reference_sim.cpp derives each bound). On a step whose supply is linear within it and whose
// gap does not change sides or switch a stock inside it, the step is exact; the allowances sum
// what the other steps can move.
struct Exactness {
  double step_days = 1.0 / kStepsPerDay;
  // The old criterion (day stepping): every supply rate and the world shortfall linear between
  // the shapes' knots. Cases where it fails were excluded before the sub-day reference; they
  // stay counted as a regression set ("former exclusions").
  bool supply_linear_between_knots = true;
  int ramp_steps = 0;          // steps where some severity ramps
  int bent_steps = 0;          // ... where the supply is not linear within the step (a kink)
  int curve_steps = 0;         // ... where the supply may be a curve (the engine's chords)
  int switch_steps = 0;        // the gap changes sides within the step
  int stock_switch_steps = 0;  // a stock empties or the release cap is crossed inside a ramp
  int dip_steps = 0;           // the gap touches zero inside a step of an ongoing spell
  // unmet_t and lowest_stockpile_t (t), the shares of it by cause:
  double unmet_bound_t = 0.0;
  double supply_bound_t = 0.0;  // supply volume: step means at kinks, the engine's chords
  double switch_bound_t = 0.0;  // spell starts/ends inside a step: release and refill timing
  double stock_bound_t = 0.0;   // a stock switch inside a ramping step
  double days_bound = 0.0;      // days_short and longest_spell_days
  double peak_bound = 0.0;      // peak_price_multiple
  double cost_bound = 0.0;      // procurement_cost (currency)
  // Clearing (reference_market.h): priced_out_t, and days whose stockout the reference cannot
  // decide for the engine (the scarcity or the shortfall within its allowance of the edge).
  double priced_out_bound_t = 0.0;
  int stockout_uncertain_days = 0;
  // A release price below the market's (reference_release.h): what the stockpile served of the
  // priced-out demand, and the allowance of that (it moves priced_out_t, not_served_t and
  // lowest_stockpile_t).
  double served_priced_out_t = 0.0;
  double release_bound_t = 0.0;
  int stocked_out_days = 0;   // coverage: days the world stocks are gone and the market short
  int capped_days = 0;        // ... the price at its cap
  int inexact_mean_days = 0;  // days whose means the steps give only within an allowance
  int split_days = 0;         // days the split market splits (docs/market.md)
};

// A rate read three times over a step of h days: just after its start, at its middle (the
// supply at the step's mean severities) and just before its end.
struct Samples {
  double start = 0.0;
  double mid = 0.0;
  double end = 0.0;
  double chord_slope(double h) const { return (end - start) / h; }
  // How far the middle is off the chord: 0 where the rate is linear within the step.
  double bend() const { return std::abs(mid - 0.5 * (start + end)); }
  double low() const { return std::min({start, mid, end}); }
  double high() const { return std::max({start, mid, end}); }
};

double mean_error_bound(const Samples& s, const Samples* prev, const Samples* next, double h);

// The same for any quantity `read` from step k's supply: 0 where the step does not ramp or the
// quantity is linear within it (to `tolerance`) and goes on in the line of its neighbours of the
// same day; else mean_error_bound. The engine's chords over a curve come on top.
double step_mean_error(const std::vector<StepSupply>& steps, std::size_t k,
                       const std::function<double(const DaySupply&)>& read, double tolerance);

// Daily demand after substitution, and what a supply covers of it, t/day.
double demand_t_per_day(const Case& c);
double supplied_t_per_day(const Case& c, const DaySupply& supply);
// The scarcity price multiple at world shortfall w, and its exact mean over an interval in
// which w goes linearly from w_start to w_end.
double price_multiple(const Price& price, double w);
double mean_price_multiple(const Price& price, double w_start, double w_end);

// Steps the stocks over `steps` (focal_supply_by_step with kStepsPerDay); `exactness` collects
// where the stepping is inexact and the allowances.
// Under clearing `market` gives the daily prices (instead of the scarcity price of the world
// shortfall), the priced-out demand and its allowances; the steps carry the stockouts already.
Metrics simulate_stocks(const Case& c, const std::vector<StepSupply>& steps,
                        Exactness* exactness = nullptr, const MarketDays* market = nullptr);

// focal_supply_by_step, then simulate_stocks; also the old day-stepping linearity criterion.
Metrics simulate(const Case& c, Exactness* exactness = nullptr);

}  // namespace mineflow::reference
