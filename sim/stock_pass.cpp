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
  auto at = [&p](double fraction) {
    return p.domestic.at(fraction) + p.imports.at(fraction) + p.recycling.at(fraction) +
           p.new_supply.at(fraction) + p.inventory_draw.at(fraction) +
           p.stockpile_release.at(fraction) + p.unmet.at(fraction) -
           (p.demand - p.substitution.at(fraction));
  };
  double start = at(0.0);
  double end = at(1.0);
  return std::abs(start) >= std::abs(end) ? start : end;
}

double stock_residual(const Phase& p) {
  double dt = p.end_day - p.start_day;
  return std::abs(p.inventory_start_t + (p.inventory_refill - p.inventory_draw.mean()) * dt -
                  p.inventory_end_t) +
         std::abs(p.stockpile_start_t + (p.stockpile_refill - p.stockpile_release.mean()) * dt -
                  p.stockpile_end_t);
}

namespace {

constexpr double kNever = std::numeric_limits<double>::infinity();
constexpr double kTimeEpsilonDays = 1e-9;

// Days until a draw that starts at `rate` t/day and changes by `slope` t/day per day has taken
// `amount` t (the smaller root of rate x + slope x^2 / 2 = amount); kNever when it never does.
double days_to_draw(double amount, double rate, double slope) {
  if (slope == 0.0) return rate > 0.0 ? amount / rate : kNever;
  double discriminant = rate * rate + 2.0 * slope * amount;
  if (discriminant < 0.0) return kNever;
  double denominator = rate + std::sqrt(discriminant);
  return denominator > 0.0 ? 2.0 * amount / denominator : kNever;
}

// Responses (substitution, new supply) built so far, t/day, and their build-up rates and caps.
struct Response {
  double built = 0.0;
  double growth = 0.0;  // t/day per day at full pace
  double cap = 0.0;     // t/day
  double room() const { return built < cap ? growth : 0.0; }
};

}  // namespace

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
  Response substitution{0.0, policy.response.substitution_per_yr * demand / kDaysPerYear,
                        policy.response.substitution_cap * demand};
  Response new_supply{0.0, policy.response.new_supply_per_yr * demand / kDaysPerYear,
                      policy.response.new_supply_cap * demand};

  double inventory = inventory_cap;
  double stockpile = stockpile_cap;
  bool in_gap = false;
  double gap_since = 0.0;
  double spell = 0.0;
  TrialMetrics m{};
  m[index(Metric::lowest_stockpile_t)] = stockpile;
  double peak_price = 0.0;
  double cost_units = 0.0;  // t x price multiple

  Phase phase;
  for (const ProfileSegment& segment : profile.segments) {
    const double span = segment.end_day - segment.start_day;
    // A supply rate on the segment's line from its start value to its end value.
    auto on_segment = [&](double at_start, double at_end, double day) {
      return at_start == at_end
                 ? at_start
                 : at_start + (at_end - at_start) * ((day - segment.start_day) / span);
    };
    const LinearRate domestic{segment.domestic_fraction * primary,
                              segment.domestic_fraction_end * primary};
    const LinearRate imports{segment.imports_fraction * primary,
                             segment.imports_fraction_end * primary};
    const LinearRate recycling{segment.recycling_available * recycling_base,
                               segment.recycling_available_end * recycling_base};
    // The gap before any response or stock, linear over the segment.
    auto base_gap_at = [&](double day) {
      double gap = demand - on_segment(domestic.start, domestic.end, day) -
                   on_segment(imports.start, imports.end, day) -
                   on_segment(recycling.start, recycling.end, day);
      return gap < tiny ? 0.0 : gap;
    };
    const double base_gap_slope =
        segment.ramped ? (base_gap_at(segment.end_day) - base_gap_at(segment.start_day)) / span
                       : 0.0;
    peak_price = std::max(peak_price, segment.peak_price_multiple);
    double t = segment.start_day;
    phase.demand = demand;
    phase.segment = &segment;
    while (t < segment.end_day) {
      Phase& p = phase;  // reused: every field is set below (no per-phase zeroing)
      p.substitution = p.new_supply = p.unmet = LinearRate{};
      const double base_gap = base_gap_at(t);
      const double built = substitution.built + new_supply.built;
      const double room = substitution.room() + new_supply.room();
      // Rates closer than this to a threshold count as on it: what they would cross within
      // kTimeEpsilonDays, so a piece never ends a rounding error after it starts.
      const double band = tiny + (std::abs(base_gap_slope) + room) * kTimeEpsilonDays;
      double gap = base_gap - built;  // what the response leaves short
      if (gap < band) gap = 0.0;
      const double slack = gap > 0.0 ? 0.0 : std::max(0.0, built - base_gap);
      // How fast the responses build: at full pace while short (or when a rising base gap
      // outruns them), keeping pace with a rising base gap they can match, else not at all.
      double pace = 0.0;
      if (gap > 0.0 || (slack <= band && base_gap_slope > room)) {
        pace = 1.0;
      } else if (slack <= band && base_gap_slope > 0.0) {
        pace = base_gap_slope / room;
      }
      const bool short_now = gap > 0.0 || (pace == 1.0 && base_gap_slope > room);
      const double substitution_growth = substitution.room() * pace;
      const double new_supply_growth = new_supply.room() * pace;
      const double gap_slope =
          short_now ? base_gap_slope - substitution_growth - new_supply_growth : 0.0;

      // Where the piece ends: the first of these.
      double substitution_capped_at = kNever;
      double new_supply_capped_at = kNever;
      double closes_at = kNever;
      double inventory_empty_at = kNever;
      double stockpile_empty_at = kNever;
      double inventory_full_at = kNever;
      double stockpile_full_at = kNever;
      double other_at =
          kNever;  // the base gap meets the response; a delay ends; a release saturates
      if (substitution_growth > 0.0) {
        substitution_capped_at = t + (substitution.cap - substitution.built) / substitution_growth;
      }
      if (new_supply_growth > 0.0) {
        new_supply_capped_at = t + (new_supply.cap - new_supply.built) / new_supply_growth;
      }
      if (short_now && gap_slope < 0.0) closes_at = t + gap / -gap_slope;
      if (!short_now && slack > band && base_gap_slope > 0.0) {
        other_at = t + slack / base_gap_slope;
      }
      bool drawing_inventory = false;
      bool releasing = false;
      bool release_follows_gap = false;
      p.inventory_refill = p.stockpile_refill = 0.0;
      if (!short_now) {
        in_gap = false;
        if (inventory < inventory_cap && inventory_refill_rate > 0.0) {
          p.inventory_refill = inventory_refill_rate;
          inventory_full_at = t + (inventory_cap - inventory) / inventory_refill_rate;
        }
        if (stockpile < stockpile_cap && stockpile_refill_rate > 0.0) {
          p.stockpile_refill = stockpile_refill_rate;
          stockpile_full_at = t + (stockpile_cap - stockpile) / stockpile_refill_rate;
        }
      } else {
        if (!in_gap) {
          in_gap = true;
          gap_since = t;
        }
        if (inventory > 0.0) {
          drawing_inventory = true;
          inventory_empty_at = t + days_to_draw(inventory, gap, gap_slope);
        } else if (t < gap_since + policy.decision_delay_days) {
          other_at = gap_since + policy.decision_delay_days;
        } else if (stockpile > 0.0 && release_max > 0.0) {
          releasing = true;
          const bool at_max = std::abs(gap - release_max) <= band;
          release_follows_gap = at_max ? gap_slope <= 0.0 : gap < release_max;
          if (release_follows_gap) {
            if (gap_slope > 0.0 && !at_max) other_at = t + (release_max - gap) / gap_slope;
            stockpile_empty_at = t + days_to_draw(stockpile, gap, gap_slope);
          } else {
            if (gap_slope < 0.0 && !at_max) other_at = t + (gap - release_max) / -gap_slope;
            stockpile_empty_at = t + stockpile / release_max;
          }
        }
      }
      double next = std::min({segment.end_day, substitution_capped_at, new_supply_capped_at,
                              closes_at, inventory_empty_at, stockpile_empty_at, inventory_full_at,
                              stockpile_full_at, other_at});
      // Every cut changes the state (a stock or a response snaps to its bound, a threshold is
      // passed); should rounding ever put one at t itself, move on by the smallest step.
      if (!(next > t)) next = std::min(segment.end_day, std::nextafter(t, kNever));
      const double dt = next - t;
      const double gap_end = closes_at <= next ? 0.0 : std::max(0.0, gap + gap_slope * dt);
      LinearRate draw;
      LinearRate release;
      if (drawing_inventory) draw = {gap, gap_end};
      if (releasing)
        release =
            release_follows_gap ? LinearRate{gap, gap_end} : LinearRate{release_max, release_max};

      p.domestic = {on_segment(domestic.start, domestic.end, t),
                    on_segment(domestic.start, domestic.end, next)};
      p.imports = {on_segment(imports.start, imports.end, t),
                   on_segment(imports.start, imports.end, next)};
      p.recycling = {on_segment(recycling.start, recycling.end, t),
                     on_segment(recycling.start, recycling.end, next)};
      if (pace > 0.0) {
        // Everything built is in use.
        p.substitution = {substitution.built, substitution.built + substitution_growth * dt};
        p.new_supply = {new_supply.built, new_supply.built + new_supply_growth * dt};
      } else if (built > 0.0) {
        // Only what the base gap needs, shared in proportion to what is built.
        double share = substitution.built / built;
        double need_end = base_gap_at(next);
        p.substitution = {base_gap * share, need_end * share};
        p.new_supply = {base_gap - p.substitution.start, need_end - p.substitution.end};
      }
      p.inventory_draw = draw;
      p.stockpile_release = release;
      auto unmet_at = [&](double g, double d, double r) {
        double unmet = g - d - r;
        return unmet < tiny ? 0.0 : unmet;
      };
      if (short_now) {
        p.unmet = {unmet_at(gap, draw.start, release.start),
                   unmet_at(gap_end, draw.end, release.end)};
      }
      p.start_day = t;
      p.end_day = next;
      p.inventory_start_t = inventory;
      p.stockpile_start_t = stockpile;
      inventory += (p.inventory_refill - draw.mean()) * dt;
      stockpile += (p.stockpile_refill - release.mean()) * dt;
      // Snap to the exact level the phase was cut at, so rounding never leaves a sliver.
      if (inventory_empty_at <= next) inventory = 0.0;
      if (stockpile_empty_at <= next) stockpile = 0.0;
      if (inventory_full_at <= next) inventory = inventory_cap;
      if (stockpile_full_at <= next) stockpile = stockpile_cap;
      inventory = std::clamp(inventory, 0.0, inventory_cap);
      stockpile = std::clamp(stockpile, 0.0, stockpile_cap);
      substitution.built =
          substitution_capped_at <= next
              ? substitution.cap
              : std::min(substitution.cap, substitution.built + substitution_growth * dt);
      new_supply.built = new_supply_capped_at <= next
                             ? new_supply.cap
                             : std::min(new_supply.cap, new_supply.built + new_supply_growth * dt);
      p.inventory_end_t = inventory;
      p.stockpile_end_t = stockpile;
      assert(std::abs(balance_residual(p)) <= 1e-9 * std::max(demand, 1.0));

      m[index(Metric::unmet_t)] += p.unmet.mean() * dt;
      if (p.unmet.mean() > 0.0) {
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
                              : price_integral(model, profile, segment, t, next);
      p.price_multiple = dt > 0.0 ? price_days / dt : segment.peak_price_multiple;
      // Purchases at their mean rate (exact when the rates or the price are constant over the
      // phase; docs/engine.md "Event shapes").
      cost_units += (p.domestic.mean() + p.imports.mean() + p.recycling.mean() +
                     p.new_supply.mean() + p.inventory_refill + p.stockpile_refill) *
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
