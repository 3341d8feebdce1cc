#include "tests/reference/reference_sim.h"

#include <algorithm>
#include <cmath>

#include "tests/reference/reference_exactness.h"
#include "tests/reference/reference_market.h"
#include "tests/reference/reference_release.h"

namespace mineflow::reference {
namespace {

constexpr double kDaysPerYear = 365.0;
// The engine's chords over a curve: halved until the midpoint of every chord is within this
// fraction of baseline primary supply (domestic and imports each) and of world supply.
constexpr double kEngineCurveTolerance = 1e-7;

// What one step of shortfall does to the stocks. Within a step the gap is taken constant (the
// step's mean) and stocks only fall, so the step splits into at most three parts in this order:
// the inventory covers the whole gap; then the stockpile releases up to its rate; then nothing.
// Unmet demand is therefore a tail of the step.
struct ShortStep {
  double unmet_t = 0.0;
  double short_days = 0.0;  // length of the tail with unmet demand > 0
};

ShortStep cover_gap(double gap, double h, bool release_allowed, double release_max,
                    double& inventory, double& stockpile) {
  double inventory_days = std::min(h, inventory / gap);
  inventory = inventory_days >= h ? std::max(0.0, inventory - gap * h) : 0.0;
  double rest = h - inventory_days;
  double release = release_allowed && stockpile > 0.0 ? std::min(gap, release_max) : 0.0;
  double release_days = release > 0.0 ? std::min(rest, stockpile / release) : 0.0;
  if (release > 0.0) {
    stockpile = release_days >= rest ? std::max(0.0, stockpile - release * rest) : 0.0;
  }
  ShortStep step;
  step.unmet_t = gap * rest - release * release_days;
  // A release below the gap leaves demand unmet from the moment the inventory is empty.
  step.short_days = release < gap ? rest : rest - release_days;
  return step;
}

}  // namespace

// The step mean of a rate against its value at the step's middle (what the reference uses).
// With slopes within [s_lo, s_hi] over the step, |mean - mid| <= (s_hi - s_lo) h / 8 (the worst
// case is a single kink at the middle); with one kink it is also at most the bend (the middle's
// distance from the chord). The slope range is read from the two half-chords of the step and
// the chords of its neighbours in the same day (where the supply goes straight on, a kink inside
// the step changes the chord slope from one step to the next).
double mean_error_bound(const Samples& s, const Samples* prev, const Samples* next, double h) {
  double half_left = 2.0 * (s.mid - s.start) / h;
  double half_right = 2.0 * (s.end - s.mid) / h;
  double lo = std::min(half_left, half_right);
  double hi = std::max(half_left, half_right);
  for (const Samples* n : {prev, next}) {
    if (n == nullptr) continue;
    lo = std::min(lo, n->chord_slope(h));
    hi = std::max(hi, n->chord_slope(h));
  }
  return (hi - lo) * h / 8.0 + s.bend();
}

double step_mean_error(const std::vector<StepSupply>& steps, std::size_t k,
                       const std::function<double(const DaySupply&)>& read, double tolerance) {
  const StepSupply& step = steps[k];
  if (!step.ramps) return 0.0;
  const double h = 1.0 / kStepsPerDay;
  auto samples = [&](const StepSupply& st) {
    return Samples{read(st.start), read(st.mean), read(st.end)};
  };
  const Samples s = samples(step);
  const std::size_t day_first = k - k % kStepsPerDay;
  const bool has_prev = k > day_first;
  const bool has_next = k + 1 < day_first + kStepsPerDay && k + 1 < steps.size();
  Samples prev, next;
  if (has_prev) prev = samples(steps[k - 1]);
  if (has_next) next = samples(steps[k + 1]);
  auto slope_changes = [&](const Samples& a, const Samples& b) {
    return std::abs(a.chord_slope(h) - b.chord_slope(h)) * h > tolerance;
  };
  const bool bent = s.bend() > tolerance || (has_prev && slope_changes(s, prev)) ||
                    (has_next && slope_changes(s, next));
  return bent ? mean_error_bound(s, has_prev ? &prev : nullptr, has_next ? &next : nullptr, h)
              : 0.0;
}

double demand_t_per_day(const Case& c) {
  double primary = 0.0;
  for (const Supplier& supplier : c.network.suppliers) primary += supplier.t_per_day;
  return (primary + c.network.secondary_t_per_day) * (1.0 - c.stocks.substitution_cut);
}

double supplied_t_per_day(const Case& c, const DaySupply& supply) {
  double primary_baseline = 0.0;
  for (const Supplier& supplier : c.network.suppliers) primary_baseline += supplier.t_per_day;
  const double demand = demand_t_per_day(c);
  const double primary = (1.0 - c.stocks.recycling_share) * demand;
  double scale = primary_baseline > 0.0 ? primary / primary_baseline : 0.0;
  return (supply.domestic_t_per_day + supply.refined_t_per_day) * scale +
         c.stocks.recycling_share * demand * supply.recycling_available;
}

double price_multiple(const Price& price, double w) {
  return w >= 1.0 ? price.cap_multiple
                  : std::min(price.cap_multiple, std::pow(1.0 - w, -1.0 / price.elasticity));
}

// With u = 1 - w linear over the interval, the mean of min(cap, u^-k) is the integral over u
// divided by the change of u. Below u_cap = cap^(-1/k) the cap binds (integrand cap); above it
// u^(1-k) / (1-k) (log u when k = 1) is an antiderivative.
double mean_price_multiple(const Price& price, double w_start, double w_end) {
  if (w_start == w_end) return price_multiple(price, w_start);
  const double k = 1.0 / price.elasticity;
  const double cap = price.cap_multiple;
  const double u_cap = std::pow(cap, -price.elasticity);
  auto area_to = [&](double u) {  // integral of min(cap, v^-k) dv from 0 to u
    if (u <= u_cap) return cap * u;
    double above = k == 1.0 ? std::log(u / u_cap)
                            : (std::pow(u, 1.0 - k) - std::pow(u_cap, 1.0 - k)) / (1.0 - k);
    return cap * u_cap + above;
  };
  double u_start = 1.0 - w_start;
  double u_end = 1.0 - w_end;
  return (area_to(u_end) - area_to(u_start)) / (u_end - u_start);
}

// The allowances (Exactness), step by step. A step is exact when its supplied rate and world
// shortfall are linear within it (the mean severities give the mean supply; the price's mean is
// closed form), its gap stays on one side of zero, and no stock switches inside it while the gap
// ramps: cover_gap's split of a constant gap is then the exact split. Elsewhere:
//  - a kink or curve of the supply inside a step (`bent`): the step mean is off the true mean by
//    at most e = (slope range) h / 8 + bend (mean_error_bound), a volume e h; where the supply may
//    be a curve the engine's chord is off by at most 1e-7 of primary supply (domestic and imports
//    each) and of recycling, a volume of that x h per step;
//  - the gap changes sides inside a step (`switch`): a spell starts or ends up to h apart in the
//    two, so the decision clock, the release and the refills move by up to h: (R + refill rates)
//    x h of stock, days short and spells by h;
//  - a stock empties or the release cap R is crossed inside a step whose gap ramps by dg: the
//    release of the mean gap differs from the mean release by at most dg h / 8, and a capped
//    release that starts where the inventory empties moves by dg h / (8 g), so by R x that (at
//    most R h); the time short moves by up to h.
// unmet_t is 1-Lipschitz in supply volume and in the stock levels (a tonne more in a stock covers
// at most a tonne more later), so these sums bound unmet_t and the lowest stockpile level. Where
// a stock empties, a level off by U moves the emptying (and the start of unmet demand) by U over
// the rate it drains at: days_bound adds that. The price: the peak within a bent step is above
// its samples by at most the bent world shortfall's e (plus the engine's chord tolerance on a
// curve), through the price curve; the cost adds the covariance of purchases and price within a
// step and within the engine's phases (L x rate change x price change / 4 over a straight run of
// L days), refills that stop inside a step with a ramping price, and every tonne of the unmet
// bound bought at up to the price cap.
Metrics simulate_stocks(const Case& c, const std::vector<StepSupply>& steps, Exactness* exactness,
                        const MarketDays* market) {
  const Stocks& s = c.stocks;
  const double h = 1.0 / kStepsPerDay;
  const double demand = demand_t_per_day(c);
  const double inventory_cap = s.inventory_days * demand;
  const double stockpile_cap = s.stockpile_days * demand;
  const double release_max = s.release_rate_of_demand * demand;
  const double inventory_refill_max = s.inventory_refill_rate_of_demand * demand;
  const double stockpile_refill_max = s.refill_rate_of_demand * demand;
  const double threshold = 1e-9 * demand;
  const double rate_tolerance = 1e-11 * (demand + 1.0);
  const double engine_chord_t_per_day =
      kEngineCurveTolerance *
      ((1.0 - s.recycling_share) * demand * 2.0 + s.recycling_share * demand);
  const int delay_steps = s.decision_delay_days * kStepsPerDay;
  Exactness unused;
  Exactness& exact = exactness != nullptr ? *exactness : unused;
  exact.step_days = h;

  auto rate = [&](const StepSupply& st) {
    return Samples{supplied_t_per_day(c, st.start), supplied_t_per_day(c, st.mean),
                   supplied_t_per_day(c, st.end)};
  };
  // Under clearing the world shortfall does not reach the step's price (the day's price is
  // constant within it): read as 0 here.
  auto world = [&](const StepSupply& st) {
    if (market != nullptr) return Samples{};
    return Samples{st.start.world_shortfall, st.mean.world_shortfall, st.end.world_shortfall};
  };
  auto price = [&](double w) { return price_multiple(c.price, std::clamp(w, 0.0, 1.0)); };

  double inventory = inventory_cap;
  double stockpile = stockpile_cap;
  bool in_shortfall = false;
  std::size_t shortfall_start = 0;
  double spell = 0.0;  // the unmet spell running at the end of the previous step
  double purchases_x_price = 0.0;
  double cost_bound = 0.0;  // in baseline price x t
  // The engine's phases: runs of steps where the supplied rate and the world shortfall go on in
  // one straight line, or along a possible curve (the engine's chords there). Over a run of L
  // days, purchases at their mean rate x the price integral are off by at most L x (variation of
  // the rate) x (variation of the price) / 4.
  double run_days = 0.0;
  double run_rate_variation = 0.0;   // total variation of the supplied rate over the run
  double run_price_variation = 0.0;  // ... and of the price multiple
  auto close_run = [&]() {
    cost_bound += run_days * run_rate_variation * run_price_variation / 4.0;
    run_days = run_rate_variation = run_price_variation = 0.0;
  };
  Metrics m;
  m.lowest_stockpile_t = stockpile;

  const std::size_t n = steps.size();
  for (std::size_t k = 0; k < n; ++k) {
    const StepSupply& today = steps[k];
    const Samples r = rate(today);
    // Under clearing the price is the day's (constant within a step): the world shortfall
    // reaches it only through the market's daily means, whose errors the market bounds.
    const Samples w = world(today);
    const double supplied = r.mid;
    const double gap = demand - supplied;
    const std::size_t day = k / kStepsPerDay;
    // Price: the exact mean over each half of the step, w linear in each (exact where w is
    // linear in the step; see `bent` below where it is not).
    double step_price = price(w.mid);
    if (market != nullptr) {
      step_price = market->price[day];
    } else if (today.ramps) {
      step_price = 0.5 * (mean_price_multiple(c.price, w.start, w.mid) +
                          mean_price_multiple(c.price, w.mid, w.end));
    }
    const double peak =
        market != nullptr ? step_price : std::max({price(w.start), price(w.mid), price(w.end)});
    m.peak_price_multiple = std::max(m.peak_price_multiple, peak);
    if (market != nullptr) {
      // The stockout's allowances (reference_market.cpp): its share's error as supply volume; on
      // a day whose stockout is uncertain a gap may come or go for the whole day, so a spell may
      // start or end a day apart, or restart its decision clock: the release over the delay and
      // a day, and a day of refills, and as many days short.
      exact.supply_bound_t += market->supply_error_t_per_day[day] * h;
      if (k % kStepsPerDay == 0 && market->stockout_uncertain[day]) {
        ++exact.stockout_uncertain_days;
        exact.switch_bound_t += (stockpile_cap > 0.0 ? release_max * (1.0 + s.decision_delay_days) +
                                                           stockpile_refill_max
                                                     : 0.0) +
                                (inventory_cap > 0.0 ? inventory_refill_max : 0.0);
        exact.days_bound += 1.0 + s.decision_delay_days;
      }
    }

    // Supply inside the step: linear, bent (a kink or curve), or a possible curve.
    double rate_error = 0.0;   // t/day
    double world_error = 0.0;  // fraction of world supply
    bool straight_on = false;  // this step carries on the previous step's line
    if (today.ramps) {
      ++exact.ramp_steps;
      const std::size_t day_first = k - k % kStepsPerDay;
      const bool has_prev = k > day_first;
      const bool has_next = k + 1 < day_first + kStepsPerDay;
      Samples r_prev, r_next, w_prev, w_next;
      if (has_prev) {
        r_prev = rate(steps[k - 1]);
        w_prev = world(steps[k - 1]);
      }
      if (has_next) {
        r_next = rate(steps[k + 1]);
        w_next = world(steps[k + 1]);
      }
      auto slope_changes = [&](const Samples& a, const Samples& b, double tol) {
        return std::abs(a.chord_slope(h) - b.chord_slope(h)) * h > tol;
      };
      const bool bent_rate = r.bend() > rate_tolerance ||
                             (has_prev && slope_changes(r, r_prev, rate_tolerance)) ||
                             (has_next && slope_changes(r, r_next, rate_tolerance));
      const bool bent_world = w.bend() > 1e-11 || (has_prev && slope_changes(w, w_prev, 1e-11)) ||
                              (has_next && slope_changes(w, w_next, 1e-11));
      if (bent_rate) {
        rate_error =
            mean_error_bound(r, has_prev ? &r_prev : nullptr, has_next ? &r_next : nullptr, h);
      }
      if (bent_world) {
        world_error =
            mean_error_bound(w, has_prev ? &w_prev : nullptr, has_next ? &w_next : nullptr, h);
      }
      if (bent_rate || bent_world) ++exact.bent_steps;
      if (today.curve) {
        ++exact.curve_steps;
        rate_error += engine_chord_t_per_day;
        if (market == nullptr) world_error += kEngineCurveTolerance;
      }
      // The previous step may be in the previous day: the engine's phase goes on across it. On
      // a possible curve the engine's chords may span any number of steps.
      if (k > 0 && steps[k - 1].ramps && ((!bent_rate && !bent_world) || today.curve)) {
        const Samples rp = rate(steps[k - 1]);
        const Samples wp = world(steps[k - 1]);
        straight_on = std::abs(rp.end - r.start) <= rate_tolerance &&
                      std::abs(wp.end - w.start) <= 1e-11 &&
                      (today.curve ||
                       (!slope_changes(r, rp, rate_tolerance) && !slope_changes(w, wp, 1e-11)));
      }
    }
    if (rate_error > 0.0) exact.supply_bound_t += rate_error * h;
    if (world_error > 0.0) {
      exact.peak_bound =
          std::max(exact.peak_bound, price(w.high() + world_error) - price(w.high()));
    }
    // Within the step: purchases x price against mean purchases x mean price (the covariance of
    // two monotone functions is at most range x range / 4; of any two, range x range).
    if (today.ramps) {
      const double price_range = price(w.high() + world_error) - price(w.low() - world_error);
      const double rate_range = r.high() - r.low() + 2.0 * rate_error;
      const bool monotone = rate_error == 0.0 && world_error == 0.0;
      cost_bound += h * rate_range * price_range / (monotone ? 4.0 : 1.0);
      if (world_error > 0.0) cost_bound += supplied * h * price_range;
    }
    if (!straight_on) close_run();
    if (today.ramps) {
      run_days += h;
      run_rate_variation += std::abs(r.mid - r.start) + std::abs(r.end - r.mid);
      run_price_variation +=
          std::abs(price(w.mid) - price(w.start)) + std::abs(price(w.end) - price(w.mid));
      // Under clearing the price jumps at the day's start (a run may go on across days).
      if (market != nullptr && straight_on && k % kStepsPerDay == 0) {
        run_price_variation += std::abs(market->price[day] - market->price[day - 1]);
      }
    }

    // The gap's side at the step's ends and middle.
    const bool short_start = demand - r.start > threshold;
    const bool short_mid = gap > threshold;
    const bool short_end = demand - r.end > threshold;
    const bool switches = short_start != short_mid || short_mid != short_end;
    if (switches) {
      ++exact.switch_steps;
      double stock_moves = (stockpile_cap > 0.0 ? release_max + stockpile_refill_max : 0.0) +
                           (inventory_cap > 0.0 ? inventory_refill_max : 0.0);
      exact.switch_bound_t += stock_moves * h;
      exact.days_bound += h;
      // A gap that touches zero inside a step of a spell that goes on: the engine may end the
      // spell there and restart the decision clock.
      if (short_start && short_end && !short_mid) ++exact.dip_steps;
    }

    double bought = supplied * h;
    if (gap <= threshold) {
      in_shortfall = false;
      spell = 0.0;
      double inventory_refill = std::min(inventory_refill_max * h, inventory_cap - inventory);
      double stockpile_refill = std::min(stockpile_refill_max * h, stockpile_cap - stockpile);
      inventory += inventory_refill;
      stockpile += stockpile_refill;
      bought += inventory_refill + stockpile_refill;
      // A refill that stops inside the step is bought early in it, not at the step's mean price.
      bool partial = inventory_refill < inventory_refill_max * h ||
                     stockpile_refill < stockpile_refill_max * h;
      if (partial && today.ramps) {
        cost_bound += (inventory_refill + stockpile_refill) *
                      (price(w.high() + world_error) - price(w.low() - world_error));
      }
    } else {
      if (!in_shortfall) {
        in_shortfall = true;
        shortfall_start = k;
      }
      const bool release_allowed = k >= shortfall_start + static_cast<std::size_t>(delay_steps);
      const double inventory_before = inventory;
      const double stockpile_before = stockpile;
      const bool releases =
          release_allowed && stockpile > 0.0 && release_max > 0.0 && inventory < gap * h;
      ShortStep d = cover_gap(gap, h, release_allowed, release_max, inventory, stockpile);
      if (d.unmet_t <= threshold * h) d = ShortStep{};
      // A ramping gap g0 -> g1 inside the step (the stock split of its mean is then not exact).
      const double g_start = demand - r.start;
      const double g_end = demand - r.end;
      const double change = std::abs(g_end - g_start) + 2.0 * rate_error;
      if (today.ramps && change > rate_tolerance) {
        const double low = std::min(g_start, g_end) - rate_error;
        const double high = std::max(g_start, g_end) + rate_error;
        const bool volumes_exact =
            !releases || high <= release_max || (inventory_before == 0.0 && low >= release_max);
        if (!volumes_exact) {
          ++exact.stock_switch_steps;
          exact.stock_bound_t +=
              (change / 8.0 + release_max * std::min(1.0, change / (8.0 * gap))) * h;
        }
        if (!volumes_exact || (d.short_days != 0.0 && d.short_days != h)) exact.days_bound += h;
      }
      // A stock that empties in this step: a level off by U moves the emptying by U / drain.
      const double level_bound = exact.supply_bound_t + exact.switch_bound_t + exact.stock_bound_t;
      if (level_bound > 0.0) {
        if (inventory_before > 0.0 && inventory == 0.0) {
          exact.days_bound += std::min<double>(c.horizon_days, level_bound / gap);
        }
        if (stockpile_before > 0.0 && stockpile == 0.0) {
          exact.days_bound +=
              std::min<double>(c.horizon_days, level_bound / std::min(gap, release_max));
        }
      }
      m.unmet_t += d.unmet_t;
      m.days_short += d.short_days;
      spell = d.short_days >= h ? spell + h : d.short_days;  // a whole step extends a spell
      m.longest_spell_days = std::max(m.longest_spell_days, spell);
    }
    purchases_x_price += bought * step_price;
    m.lowest_stockpile_t = std::min(m.lowest_stockpile_t, stockpile);
  }
  close_run();
  m.unmet_pct_annual_demand = demand > 0.0 ? 100.0 * m.unmet_t / (demand * kDaysPerYear) : 0.0;
  if (market != nullptr) {
    // What the price prices out is not bought (docs/market.md): at the day's price.
    for (std::size_t d = 0; d < market->priced_out_t.size(); ++d) {
      m.priced_out_t += market->priced_out_t[d];
      purchases_x_price -= market->priced_out_t[d] * market->price[d];
      exact.peak_bound = std::max(exact.peak_bound, market->price_error[d]);
    }
    exact.priced_out_bound_t = market->priced_out_bound_t;
    exact.stocked_out_days = market->days_stocked_out;
    exact.capped_days = market->days_capped;
    exact.inexact_mean_days = market->days_mean_inexact;
    cost_bound += market->cost_bound;
    // The split market (docs/market.md): the domestic price on the first day of the outside
    // peak. Every day whose price may be the engine's peak within the allowances is a candidate
    // day; the engine's value lies within the candidates' domestic prices and their allowances.
    exact.split_days = market->days_split;
    const auto& p = market->price;
    const auto& pe = market->price_error;
    std::size_t top = 0;
    for (std::size_t d = 0; d < p.size(); ++d) top = p[d] > p[top] ? d : top;
    if (!p.empty()) {
      m.domestic_price_at_peak = market->domestic_price[top];
      m.domestic_at_peak_low = m.domestic_at_peak_high = m.domestic_price_at_peak;
      for (std::size_t d = 0; d < p.size(); ++d) {
        if (p[d] + pe[d] + 1e-9 < p[top] - pe[top]) continue;
        const double dp = market->domestic_price[d];
        const double de = market->domestic_price_error[d] + 1e-9;
        m.domestic_at_peak_low = std::min(m.domestic_at_peak_low, dp - de);
        m.domestic_at_peak_high = std::max(m.domestic_at_peak_high, dp + de);
      }
    }
  } else {
    m.domestic_price_at_peak = m.domestic_at_peak_low = m.domestic_at_peak_high =
        m.peak_price_multiple;
  }
  m.not_served_t = m.unmet_t + m.priced_out_t;
  m.procurement_cost = purchases_x_price * c.price.baseline;
  exact.unmet_bound_t = exact.supply_bound_t + exact.switch_bound_t + exact.stock_bound_t;
  // Stock levels and supply off by up to unmet_bound_t move purchases (at most at the cap).
  cost_bound += exact.unmet_bound_t * c.price.cap_multiple;
  exact.cost_bound = cost_bound * c.price.baseline;
  return m;
}

Metrics simulate(const Case& c, Exactness* exactness) {
  std::vector<StepSupply> steps =
      focal_supply_by_step(c.network, c.events, c.horizon_days, kStepsPerDay, c.market.clearing,
                           c.market.resourcing_days);
  Exactness unused;
  Exactness& exact = exactness != nullptr ? *exactness : unused;
  if (c.market.clearing) {
    const MarketDays market = world_market(c, steps);
    apply_stockouts(market, steps);
    Metrics m = simulate_stocks(c, steps, &exact, &market);
    serve_priced_out(c, market, m, exact);
    exact.supply_linear_between_knots = supply_linear_between_knots(c);
    return m;
  }
  Metrics m = simulate_stocks(c, steps, &exact);
  exact.supply_linear_between_knots = supply_linear_between_knots(c);
  return m;
}

}  // namespace mineflow::reference
