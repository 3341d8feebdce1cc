#include "tests/reference/reference_market.h"

#include <algorithm>
#include <cmath>

#include "tests/reference/reference_sim.h"

namespace mineflow::reference {
namespace {

// The engine's chords over a curve: within this fraction of world supply (the world shortfall)
// and of baseline primary supply (domestic and imports each), docs/engine.md.
constexpr double kEngineCurveTolerance = 1e-7;
// Rounding: the engine and the reference compute a day's mean shortfall and the recursion in
// different orders (a sum of 64 step means against the integral of the engine's pieces, a few
// operations a day); 1e-12 a day is some thousand times what that can differ by.
constexpr double kRounding = 1e-12;

}  // namespace

// docs/market.md, "The clearing model, as built now". The day means: a day is 64 steps of the
// reference, each step's mean the supply at the step's mean severities, so w[d] is the mean of
// the 64 step means; exact wherever w is linear within each step (every knot of a shape, event
// and lead time is a whole day, so only a min() or max() switching inside a step, or a curve,
// breaks it). Where it is not, step_mean_error bounds the step's error (a kink: slope range x
// h / 8 + bend; a curve: the engine's chord on top), and the day's error e_d is their mean.
//
// The recursion x[d+1] = clamp(x[d] + (w[d] - min(x[d], c)) / tau, 0, 1): the map
// x -> x - min(x, c) / tau has slope 1 - 1/tau below c and 1 above (tau >= 1), so with the
// engine's x within E of the reference's and its w within e_d, its value before the clamp is
// within B = slope x E + e_d / tau (+ rounding) of the reference's; the clamp shrinks that, and
// makes it 0 where the reference's value is beyond 1 + B (both at 1). The price min(cap,
// (1 - x)^(-1/e)) moves at most (1/e) cap^(1+e) per unit of x (its steepest, at the cap).
// Stockout: certain where x = 1 with E = 0 and w - e_d > c, certainly none where x < 1 - E or
// w + e_d <= c; elsewhere uncertain (the reference counts those days and gives them the whole
// stockout share as supply allowance, plus a spell's restart; reference_sim.cpp).
// Priced out on day d: min(x[d], c) x min(1, f) x primary demand, f the day's mean primary
// supply fraction after the stockout; off by at most (E + c x (error of f)) x primary demand.
MarketDays world_market(const Case& c, const std::vector<StepSupply>& steps) {
  MarketDays m;
  const int days = c.horizon_days;
  const double tau = c.market.world_inventory_days;
  const double e = c.price.elasticity;
  const double k = 1.0 / e;
  const double cap = c.price.cap_multiple;
  const double clearable = 1.0 - std::pow(cap, -e);
  const double price_lipschitz = k * std::pow(cap, 1.0 + e);
  m.clearable = clearable;
  double primary_baseline = 0.0;
  for (const Supplier& s : c.network.suppliers) primary_baseline += s.t_per_day;
  const double demand = demand_t_per_day(c);
  const double primary_demand = (1.0 - c.stocks.recycling_share) * demand;
  const double purchases_max =
      demand *
      (1.0 + (c.stocks.inventory_days > 0.0 ? c.stocks.inventory_refill_rate_of_demand : 0.0) +
       (c.stocks.stockpile_days > 0.0 ? c.stocks.refill_rate_of_demand : 0.0));
  auto shortfall_of = [](const DaySupply& s) { return s.world_shortfall; };
  auto primary_of = [&](const DaySupply& s) {
    return primary_baseline > 0.0 ? (s.domestic_t_per_day + s.refined_t_per_day) / primary_baseline
                                  : 0.0;
  };

  // The response (docs/market.md, "Supply and demand response"): each part grows by its daily
  // step on a day that starts tight (x > 0), up to its cap. The engine's x is within x_error of
  // this one, so where x is within x_error of 0 it may build where this does not or the other
  // way round: the response's allowance r_error then grows by a day's steps (up to the caps),
  // and enters the loss left to the stocks as one more error of w.
  const Market& mk = c.market;
  const double idle_step = mk.idle_share / mk.idle_days;
  const double sub_step = mk.substitution_per_yr / 365.0;
  const double new_step = mk.new_supply_per_yr / 365.0;
  const double caps = mk.idle_share + mk.substitution_cap + mk.new_supply_cap;
  double idle = 0.0, substituted = 0.0, new_supply = 0.0;
  double r_error = 0.0;

  // The split market: the domestic scarcity x_dom of the restricting country's buyers (its own
  // stocks, tau days of its use), from the one market's x when a split starts, clamped below at
  // the floor's scarcity 1 - floor^-e; the markets pool their stocks by use when it ends.
  const Tiers& tiers = c.network.tiers;
  double split_output = 0.0, world_refined = 0.0;
  for (const WorldRefiner& r : tiers.refiners) {
    world_refined += r.output_t_per_day;
    if (r.country == tiers.split_country) split_output += r.output_t_per_day;
  }
  const double home_share =
      world_refined > 0.0 ? (1.0 - tiers.split_export_share) * split_output / world_refined : 0.0;
  const double x_floor = 1.0 - std::pow(c.market.domestic_price_floor, -e);
  auto domestic_of = [](const DaySupply& s) { return s.domestic_shortfall; };
  double x_dom = 0.0, x_dom_error = 0.0;
  bool was_split = false;

  double x = 0.0;
  double x_error = 0.0;
  for (int d = 0; d < days; ++d) {
    bool splits = false;
    double wd_sum = 0.0, wd_error = 0.0;
    for (int j = 0; j < kStepsPerDay; ++j) {
      const std::size_t s = static_cast<std::size_t>(d * kStepsPerDay + j);
      splits = splits || steps[s].mean.split;
      wd_sum += steps[s].mean.domestic_shortfall;
      wd_error += step_mean_error(steps, s, domestic_of, 1e-11);
      if (steps[s].curve) wd_error += kEngineCurveTolerance;
    }
    if (!splits && was_split) {  // the markets join: stocks pool by use
      const double pooled = home_share * x_dom + (1.0 - home_share) * x;
      x_error = home_share * x_dom_error + (1.0 - home_share) * x_error + kRounding;
      x = std::clamp(pooled, 0.0, 1.0);
      was_split = false;
    }
    if (splits && !was_split) {
      x_dom = x;
      x_dom_error = x_error;
      was_split = true;
    }
    // The day's means and their errors.
    double w_sum = 0.0, w_error = 0.0, f_sum = 0.0, f_error = 0.0;
    for (int j = 0; j < kStepsPerDay; ++j) {
      const std::size_t s = static_cast<std::size_t>(d * kStepsPerDay + j);
      w_sum += steps[s].mean.world_shortfall;
      f_sum += primary_of(steps[s].mean);
      w_error += step_mean_error(steps, s, shortfall_of, 1e-11);
      f_error += step_mean_error(steps, s, primary_of, 1e-11);
      if (steps[s].curve) {
        w_error += kEngineCurveTolerance;
        f_error += 2.0 * kEngineCurveTolerance;
      }
    }
    const double response = idle + substituted + new_supply;
    const double w = w_sum / kStepsPerDay - response;  // the loss left to stocks and price
    const double we = w_error / kStepsPerDay + r_error;
    const double f_before = std::min(1.0, f_sum / kStepsPerDay);
    const double fe = f_error / kStepsPerDay;

    const double price = x >= 1.0 ? cap : std::min(cap, std::pow(1.0 - x, -k));
    const double price_error = std::min(cap - 1.0, price_lipschitz * x_error);

    // Stockout.
    const bool out = x == 1.0 && w > clearable;
    const bool may = x >= 1.0 - x_error && w + we + kRounding > clearable;
    const bool surely = x == 1.0 && x_error == 0.0 && w - we - kRounding > clearable;
    const bool uncertain = may && !surely;
    const double stockout = out ? w - clearable : 0.0;
    const double stockout_error =
        surely ? we + kRounding : (uncertain ? std::max(0.0, w - clearable) + we + kRounding : 0.0);

    // Priced out: a share of what physically reaches the focal economy.
    const double f_after = f_before * (1.0 - stockout);
    const double priced = std::min(x, clearable);
    const double priced_out = priced * std::min(1.0, f_after) * primary_demand;
    const double priced_out_error = (x_error + clearable * (fe + stockout_error)) * primary_demand;

    m.shortfall.push_back(w + response);
    m.shortfall_error.push_back(we);
    m.scarcity.push_back(x);
    m.scarcity_error.push_back(x_error);
    m.price.push_back(price);
    m.price_error.push_back(price_error);
    m.stockout.push_back(stockout);
    m.stockout_uncertain.push_back(uncertain);
    m.primary_before.push_back(f_before);
    m.primary_error.push_back(fe);
    m.priced_out_t.push_back(priced_out);
    m.priced_share.push_back(priced);
    m.priced_out_error_t.push_back(priced_out_error);
    // What reaches the focal economy is 0 only where its supply is (a stockout cuts less than
    // all of it: w - R - c < 1).
    m.priced_uncertain.push_back((x_error > 0.0 && x <= x_error) ||
                                 (x > 0.0 && fe > 0.0 && f_before <= fe));
    m.supply_error_t_per_day.push_back(stockout_error * primary_demand);
    m.priced_out_bound_t += priced_out_error;
    // The cost: priced-out purchases (off by their error, at up to the cap, and by the price's
    // error), and every purchase of the day at a price off by price_error.
    m.cost_bound += priced_out_error * cap + priced_out * price_error + purchases_max * price_error;
    m.days_priced += price > 1.0 ? 1 : 0;
    m.days_capped += price == cap ? 1 : 0;
    m.days_stocked_out += out ? 1 : 0;
    m.days_mean_inexact += we > 0.0 || fe > 0.0 ? 1 : 0;
    m.split.push_back(splits);
    m.days_split += splits ? 1 : 0;
    if (splits) {
      const double wd = wd_sum / kStepsPerDay;
      const double wde = wd_error / kStepsPerDay;
      m.domestic_price.push_back(x_dom >= 1.0 ? cap : std::min(cap, std::pow(1.0 - x_dom, -k)));
      m.domestic_price_error.push_back(std::min(cap, price_lipschitz * x_dom_error + kRounding));
      // x -> x - min(x, c) / tau has slope at most 1; the clamp only shrinks the error.
      const double next_dom = x_dom + (wd - std::min(x_dom, clearable)) / tau;
      x_dom_error = x_dom_error + wde / tau + kRounding;
      x_dom = std::clamp(next_dom, x_floor, 1.0);
    } else {
      m.domestic_price.push_back(price);
      m.domestic_price_error.push_back(price_error);
    }

    // The next day's scarcity.
    const double next = x + (w - std::min(x, clearable)) / tau;
    const double slope = x + x_error <= clearable ? 1.0 - 1.0 / tau : 1.0;
    const double spread = slope * x_error + we / tau + kRounding;
    const bool tight = x > 0.0;
    const bool unsure = tight ? x <= x_error : x_error > 0.0;
    if (tight) {
      idle = std::min(mk.idle_share, idle + idle_step);
      substituted = std::min(mk.substitution_cap, substituted + sub_step);
      new_supply = std::min(mk.new_supply_cap, new_supply + new_step);
    }
    if (unsure) r_error = std::min(caps, r_error + idle_step + sub_step + new_step);
    // At rest on a day with no loss at all (w exactly 0 in both, the reference's x exact), the
    // engine's x is exactly 0 as well: no rounding allowance to carry, nothing uncertain to build.
    const bool surely_rest = x_error == 0.0 && we == 0.0 && w_sum == 0.0 && next <= 0.0;
    x = std::clamp(next, 0.0, 1.0);
    x_error = next >= 1.0 + spread || next <= -spread || surely_rest ? 0.0 : spread;
  }
  return m;
}

void apply_stockouts(const MarketDays& market, std::vector<StepSupply>& steps) {
  for (std::size_t s = 0; s < steps.size(); ++s) {
    const double keep = 1.0 - market.stockout[s / kStepsPerDay];
    if (keep == 1.0) continue;
    for (DaySupply* supply : {&steps[s].mean, &steps[s].start, &steps[s].end}) {
      supply->domestic_t_per_day *= keep;
      supply->refined_t_per_day *= keep;
    }
  }
}

}  // namespace mineflow::reference
