#include "sim/stock_pass.h"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <limits>

#include "sim/units.h"

namespace mineflow {

std::string_view to_string(Metric metric) {
  switch (metric) {
    case Metric::unmet_t:
      return "unmet_t";
    case Metric::unmet_pct_annual_demand:
      return "unmet_pct_annual_demand";
    case Metric::days_short:
      return "days_short";
    case Metric::longest_spell_days:
      return "longest_spell_days";
    case Metric::lowest_stockpile_t:
      return "lowest_stockpile_t";
    case Metric::peak_price_multiple:
      return "peak_price_multiple";
    case Metric::procurement_cost:
      return "procurement_cost";
  }
  return "";
}

double balance_residual(const Phase& p) {
  return p.domestic + p.imports + p.recycling + p.inventory_draw + p.stockpile_release + p.unmet -
         p.demand;
}

double stock_residual(const Phase& p) {
  double dt = p.end_day - p.start_day;
  return std::abs(p.inventory_start_t + (p.inventory_refill - p.inventory_draw) * dt -
                  p.inventory_end_t) +
         std::abs(p.stockpile_start_t + (p.stockpile_refill - p.stockpile_release) * dt -
                  p.stockpile_end_t);
}

TrialMetrics apply_stocks(const Model& model, const SupplyProfile& profile,
                          const StockPolicy& policy, PhaseObserver* observer) {
  const double demand = model.demand_t_per_day * (1.0 - policy.substitution_cut);
  const double primary = (1.0 - policy.recycling_share) * demand;
  const double recycling_base = policy.recycling_share * demand;
  const double tiny = 1e-12 * std::max(demand, 1e-300);
  const double inventory_cap = policy.commercial_inventory_days * demand;
  const double stockpile_cap = policy.stockpile_days * demand;
  const double release_max = policy.release_rate_of_demand * demand;
  const double inventory_refill_rate = policy.commercial_refill_rate_of_demand * demand;
  const double stockpile_refill_rate = policy.refill_rate_of_demand * demand;

  double inventory = inventory_cap;
  double stockpile = stockpile_cap;
  bool in_gap = false;
  double gap_since = 0.0;
  double spell = 0.0;
  TrialMetrics m{};
  m[index(Metric::lowest_stockpile_t)] = stockpile;
  double peak_price = 0.0;
  double cost_units = 0.0;  // t x price multiple

  for (const ProfileSegment& segment : profile.segments) {
    Phase p;
    p.demand = demand;
    p.domestic = segment.domestic_fraction * primary;
    p.imports = segment.imports_fraction * primary;
    p.recycling = segment.recycling_available * recycling_base;
    p.scarcity = segment.scarcity;
    peak_price = std::max(peak_price, segment.peak_price_multiple);
    double gap = demand - p.domestic - p.imports - p.recycling;
    if (gap < tiny) gap = 0.0;
    double t = segment.start_day;
    while (t < segment.end_day) {
      double next = segment.end_day;
      p.inventory_draw = p.inventory_refill = p.stockpile_release = p.stockpile_refill = 0.0;
      bool empties_inventory = false;
      bool empties_stockpile = false;
      bool fills_inventory = false;
      bool fills_stockpile = false;
      if (gap == 0.0) {
        in_gap = false;
        double inventory_full = std::numeric_limits<double>::infinity();
        double stockpile_full = inventory_full;
        if (inventory < inventory_cap && inventory_refill_rate > 0.0) {
          p.inventory_refill = inventory_refill_rate;
          inventory_full = t + (inventory_cap - inventory) / inventory_refill_rate;
        }
        if (stockpile < stockpile_cap && stockpile_refill_rate > 0.0) {
          p.stockpile_refill = stockpile_refill_rate;
          stockpile_full = t + (stockpile_cap - stockpile) / stockpile_refill_rate;
        }
        next = std::min({next, inventory_full, stockpile_full});
        fills_inventory = inventory_full <= next;
        fills_stockpile = stockpile_full <= next;
      } else {
        if (!in_gap) {
          in_gap = true;
          gap_since = t;
        }
        if (inventory > 0.0) {
          p.inventory_draw = gap;
          double empty = t + inventory / gap;
          if (empty <= next) {
            next = empty;
            empties_inventory = true;
          }
        } else if (t < gap_since + policy.decision_delay_days) {
          next = std::min(next, gap_since + policy.decision_delay_days);
        } else if (stockpile > 0.0 && release_max > 0.0) {
          p.stockpile_release = std::min(gap, release_max);
          double empty = t + stockpile / p.stockpile_release;
          if (empty <= next) {
            next = empty;
            empties_stockpile = true;
          }
        }
      }
      p.unmet = gap - p.inventory_draw - p.stockpile_release;
      if (p.unmet < tiny) p.unmet = 0.0;
      double dt = next - t;
      p.start_day = t;
      p.end_day = next;
      p.inventory_start_t = inventory;
      p.stockpile_start_t = stockpile;
      inventory += (p.inventory_refill - p.inventory_draw) * dt;
      stockpile += (p.stockpile_refill - p.stockpile_release) * dt;
      // Snap to the exact level the phase was cut at, so rounding never leaves a sliver.
      if (empties_inventory) inventory = 0.0;
      if (empties_stockpile) stockpile = 0.0;
      if (fills_inventory) inventory = inventory_cap;
      if (fills_stockpile) stockpile = stockpile_cap;
      inventory = std::clamp(inventory, 0.0, inventory_cap);
      stockpile = std::clamp(stockpile, 0.0, stockpile_cap);
      p.inventory_end_t = inventory;
      p.stockpile_end_t = stockpile;
      assert(std::abs(balance_residual(p)) <= 1e-9 * std::max(demand, 1.0));

      m[index(Metric::unmet_t)] += p.unmet * dt;
      if (p.unmet > 0.0) {
        m[index(Metric::days_short)] += dt;
        spell += dt;
        m[index(Metric::longest_spell_days)] =
            std::max(m[index(Metric::longest_spell_days)], spell);
      } else {
        spell = 0.0;
      }
      m[index(Metric::lowest_stockpile_t)] =
          std::min(m[index(Metric::lowest_stockpile_t)], stockpile);
      // Price x days: the segment's precomputed integral unless stocks split the segment.
      double price_days = (t == segment.start_day && next == segment.end_day)
                              ? segment.price_days
                              : price_integral(model, profile, segment.scarcity, t, next);
      p.price_multiple = dt > 0.0 ? price_days / dt : segment.peak_price_multiple;
      cost_units +=
          (p.domestic + p.imports + p.recycling + p.inventory_refill + p.stockpile_refill) *
          price_days;
      if (observer != nullptr) observer->on_phase(p);
      t = next;
    }
  }
  m[index(Metric::unmet_pct_annual_demand)] =
      demand > 0.0 ? 100.0 * m[index(Metric::unmet_t)] / (demand * kDaysPerYear) : 0.0;
  m[index(Metric::peak_price_multiple)] = peak_price;
  m[index(Metric::procurement_cost)] = cost_units * model.baseline_price;
  return m;
}

}  // namespace mineflow
