#include "tests/reference/reference_sim.h"

#include <algorithm>
#include <cmath>

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

}  // namespace

Metrics simulate_stocks(const Case& c, const std::vector<DaySupply>& supply) {
  const Network& net = c.network;
  const Stocks& s = c.stocks;
  double primary_baseline = 0.0;
  for (const Supplier& supplier : net.suppliers) primary_baseline += supplier.t_per_day;
  const double demand = (primary_baseline + net.secondary_t_per_day) * (1.0 - s.substitution_cut);
  const double primary = (1.0 - s.recycling_share) * demand;
  const double inventory_cap = s.inventory_days * demand;
  const double stockpile_cap = s.stockpile_days * demand;

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
    double scale = primary_baseline > 0.0 ? primary / primary_baseline : 0.0;
    double supplied = (today.domestic_t_per_day + today.refined_t_per_day) * scale +
                      s.recycling_share * demand * today.recycling_available;
    double w = today.world_shortfall;
    double price =
        w >= 1.0 ? c.price.cap_multiple
                 : std::min(c.price.cap_multiple, std::pow(1.0 - w, -1.0 / c.price.elasticity));
    m.peak_price_multiple = std::max(m.peak_price_multiple, price);

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
    } else {
      if (!in_shortfall) {
        in_shortfall = true;
        shortfall_start = day;
      }
      bool release_allowed = day >= shortfall_start + s.decision_delay_days;
      ShortDay d =
          cover_gap(gap, release_allowed, s.release_rate_of_demand * demand, inventory, stockpile);
      if (d.unmet_t <= 1e-9 * demand) d = ShortDay{};
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
  return m;
}

Metrics simulate(const Case& c) {
  return simulate_stocks(c, focal_supply_by_day(c.network, c.events, c.horizon_days));
}

}  // namespace mineflow::reference
