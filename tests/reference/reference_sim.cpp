#include "tests/reference/reference_sim.h"

#include <algorithm>
#include <cmath>

#include "tests/reference/reference_exactness.h"

namespace mineflow::reference {
namespace {

constexpr double kDaysPerYear = 365.0;

// What one day of shortfall does to the stocks. Within a day the gap is constant and stocks
// only fall, so the day splits into at most three parts in this order: the inventory covers
// the whole gap; then the stockpile releases up to its rate; then nothing. Unmet demand is
// therefore a tail of the day.
struct ShortDay {
  double unmet_t = 0.0;
  double short_days = 0.0;  // length of the tail with unmet demand > 0
};

ShortDay cover_gap(double gap, bool release_allowed, double release_max, double& inventory,
                   double& stockpile) {
  double inventory_days = std::min(1.0, inventory / gap);
  inventory = inventory_days >= 1.0 ? std::max(0.0, inventory - gap) : 0.0;
  double rest = 1.0 - inventory_days;
  double release = release_allowed && stockpile > 0.0 ? std::min(gap, release_max) : 0.0;
  double release_days = release > 0.0 ? std::min(rest, stockpile / release) : 0.0;
  if (release > 0.0) {
    stockpile = release_days >= rest ? std::max(0.0, stockpile - release * rest) : 0.0;
  }
  ShortDay day;
  day.unmet_t = gap * rest - release * release_days;
  // A release below the gap leaves demand unmet from the moment the inventory is empty.
  day.short_days = release < gap ? rest : rest - release_days;
  return day;
}

// A day whose gap changes within it (a shaped event ramps) is stepped with its mean gap. That
// is exact for the volumes when the inventory covers the whole gap while it lasts and the
// release follows the gap (both take the day's volume, wherever it falls in the day), or when
// the release is capped all day from the day's start. It is not when the release cap is
// crossed inside the day (the mean release of a gap g0 -> g1 against a cap R differs from the
// release of the mean gap by at most |g1 - g0| / 8), or when a capped release starts where the
// inventory empties inside the day (the emptying time moves by at most |g1 - g0| / (8 g),
// g the mean gap, so the release by R times that, and by at most R). unmet_t is 1-Lipschitz in
// the stock levels (a tonne more in a stock covers at most a tonne more later), so the day's
// bound also bounds what it does to the rest of the horizon.
void check_ramping_short_day(double g_start, double g_end, double gap, double release_max,
                             bool releases, double inventory_before, const ShortDay& day,
                             Exactness& out) {
  const double change = std::abs(g_end - g_start);
  const double low = std::min(g_start, g_end);
  const double high = std::max(g_start, g_end);
  const bool volumes_exact =
      !releases || high <= release_max || (inventory_before == 0.0 && low >= release_max);
  if (!volumes_exact) {
    ++out.stock_inexact_days;
    out.unmet_bound_t += change / 8.0 + release_max * std::min(1.0, change / (8.0 * gap));
  }
  // The time with unmet demand is the same when it is the whole day or none of it.
  if (!volumes_exact || (day.short_days != 0.0 && day.short_days != 1.0)) {
    ++out.short_inexact_days;
  }
}

}  // namespace

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

// With u = 1 - w linear over the day, the mean of min(cap, u^-k) is the integral over u divided
// by the change of u. Below u_cap = cap^(-1/k) the cap binds (integrand cap); above it
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

Metrics simulate_stocks(const Case& c, const std::vector<DaySupply>& supply,
                        const std::vector<DayEnds>* ends, Exactness* exactness) {
  const Stocks& s = c.stocks;
  const double demand = demand_t_per_day(c);
  const double inventory_cap = s.inventory_days * demand;
  const double stockpile_cap = s.stockpile_days * demand;
  const double release_max = s.release_rate_of_demand * demand;
  Exactness unused;
  Exactness& exact = exactness != nullptr ? *exactness : unused;

  double inventory = inventory_cap;
  double stockpile = stockpile_cap;
  bool in_shortfall = false;
  int shortfall_start = 0;
  double spell = 0.0;  // the unmet spell running at the end of the previous day
  double purchases_x_price = 0.0;
  Metrics m;
  m.lowest_stockpile_t = stockpile;

  for (int day = 0; day < c.horizon_days; ++day) {
    const DaySupply& today = supply[static_cast<std::size_t>(day)];
    double supplied = supplied_t_per_day(c, today);
    // Price: constant over a step day; the exact mean where the world shortfall ramps.
    double price = price_multiple(c.price, today.world_shortfall);
    double peak = price;
    double g_start = demand - supplied;
    double g_end = g_start;
    double price_change = 0.0;
    double supplied_change = 0.0;
    if (ends != nullptr) {
      const DayEnds& e = (*ends)[static_cast<std::size_t>(day)];
      double w0 = e.start.world_shortfall;
      double w1 = e.end.world_shortfall;
      if (w0 != w1) {
        price = mean_price_multiple(c.price, w0, w1);
        peak = std::max(price_multiple(c.price, w0), price_multiple(c.price, w1));
        price_change = std::abs(price_multiple(c.price, w1) - price_multiple(c.price, w0));
      }
      double s0 = supplied_t_per_day(c, e.start);
      double s1 = supplied_t_per_day(c, e.end);
      g_start = demand - s0;
      g_end = demand - s1;
      supplied_change = std::abs(s1 - s0);
    }
    const bool gap_ramps = std::abs(g_end - g_start) > 1e-12 * demand;
    if (gap_ramps || price_change > 0.0) ++exact.ramp_days;
    // Supply bought at its mean rate and the mean price: the covariance of a linear rate and a
    // monotone price over a day is at most (rate change / 4) x price change.
    exact.cost_bound += supplied_change * price_change / 4.0;
    m.peak_price_multiple = std::max(m.peak_price_multiple, peak);

    double gap = demand - supplied;
    double bought = supplied;
    if (gap <= 1e-9 * demand) {
      in_shortfall = false;
      spell = 0.0;
      double inventory_refill =
          std::min(s.inventory_refill_rate_of_demand * demand, inventory_cap - inventory);
      double stockpile_refill =
          std::min(s.refill_rate_of_demand * demand, stockpile_cap - stockpile);
      inventory += inventory_refill;
      stockpile += stockpile_refill;
      bought += inventory_refill + stockpile_refill;
      // A refill that stops inside the day is bought early in it, not at the day's mean price.
      bool partial = inventory_refill < s.inventory_refill_rate_of_demand * demand ||
                     stockpile_refill < s.refill_rate_of_demand * demand;
      if (partial) exact.cost_bound += (inventory_refill + stockpile_refill) * price_change;
    } else {
      if (!in_shortfall) {
        in_shortfall = true;
        shortfall_start = day;
      }
      bool release_allowed = day >= shortfall_start + s.decision_delay_days;
      const double inventory_before = inventory;
      const bool releases =
          release_allowed && stockpile > 0.0 && release_max > 0.0 && inventory < gap;
      ShortDay d = cover_gap(gap, release_allowed, release_max, inventory, stockpile);
      if (d.unmet_t <= 1e-9 * demand) d = ShortDay{};
      if (gap_ramps) {
        check_ramping_short_day(g_start, g_end, gap, release_max, releases, inventory_before, d,
                                exact);
      }
      m.unmet_t += d.unmet_t;
      m.days_short += d.short_days;
      spell = d.short_days >= 1.0 ? spell + 1.0 : d.short_days;  // a whole day extends a spell
      m.longest_spell_days = std::max(m.longest_spell_days, spell);
    }
    purchases_x_price += bought * price;
    m.lowest_stockpile_t = std::min(m.lowest_stockpile_t, stockpile);
  }
  m.unmet_pct_annual_demand = demand > 0.0 ? 100.0 * m.unmet_t / (demand * kDaysPerYear) : 0.0;
  m.procurement_cost = purchases_x_price * c.price.baseline;
  // Stock levels off by up to unmet_bound_t move refills (bought at most at the cap) as much.
  exact.cost_bound += exact.unmet_bound_t * c.price.cap_multiple;
  return m;
}

Metrics simulate(const Case& c, Exactness* exactness) {
  std::vector<DaySupply> supply = focal_supply_by_day(c.network, c.events, c.horizon_days);
  std::vector<DayEnds> ends = focal_supply_ends_by_day(c.network, c.events, c.horizon_days);
  Exactness unused;
  Exactness& exact = exactness != nullptr ? *exactness : unused;
  check_supply_linear(c, supply, ends, exact);
  Metrics m = simulate_stocks(c, supply, &ends, &exact);
  exact.cost_bound *= c.price.baseline;
  return m;
}

}  // namespace mineflow::reference
