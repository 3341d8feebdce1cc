#include "sim/stock_pass.h"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>

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
    case Metric::priced_out_t:
      return "priced_out_t";
    case Metric::priced_out_pct_annual_demand:
      return "priced_out_pct_annual_demand";
    case Metric::not_served_t:
      return "not_served_t";
    case Metric::not_served_pct_annual_demand:
      return "not_served_pct_annual_demand";
    case Metric::domestic_price_at_peak:
      return "domestic_price_at_peak";
    case Metric::price_spread_at_peak:
      return "price_spread_at_peak";
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

void MetricsObserver::start(double stockpile_t) {
  metrics_ = TrialMetrics{};
  metrics_[index(Metric::lowest_stockpile_t)] = stockpile_t;
  spell_ = 0.0;
  peak_price_ = 0.0;
  cost_units_ = 0.0;
}

TrialMetrics MetricsObserver::finish(double demand_t_per_day, double primary_t_per_day,
                                     double baseline_price, const MarketPath& market) {
  TrialMetrics& m = metrics_;
  auto pct = [&](double t) {
    return demand_t_per_day > 0.0 ? 100.0 * t / (demand_t_per_day * kDaysPerYear) : 0.0;
  };
  m[index(Metric::unmet_pct_annual_demand)] = pct(m[index(Metric::unmet_t)]);
  m[index(Metric::peak_price_multiple)] = peak_price_;
  if (market.priced_out_days > 0.0) {
    // The stock pass buys what physically arrives; the priced-out part of it is not bought.
    cost_units_ -= primary_t_per_day * market.priced_out_price_days;
  }
  m[index(Metric::procurement_cost)] = cost_units_ * baseline_price;
  m[index(Metric::priced_out_t)] = primary_t_per_day * market.priced_out_days;
  m[index(Metric::priced_out_pct_annual_demand)] = pct(m[index(Metric::priced_out_t)]);
  m[index(Metric::not_served_t)] = m[index(Metric::unmet_t)] + m[index(Metric::priced_out_t)];
  m[index(Metric::not_served_pct_annual_demand)] = pct(m[index(Metric::not_served_t)]);
  const double domestic = market.split ? market.domestic_price_at_peak : peak_price_;
  m[index(Metric::domestic_price_at_peak)] = domestic;
  m[index(Metric::price_spread_at_peak)] = domestic > 0.0 ? peak_price_ / domestic : 1.0;
  return m;
}

namespace {

constexpr double kNever = std::numeric_limits<double>::infinity();
// Rates closer than what they would cross within this time count as on a threshold, so a phase
// never ends a rounding error after it starts.
constexpr double kTimeEpsilonDays = 1e-9;

// Days until a draw that starts at `rate` t/day and changes by `slope` t/day per day has taken
// `amount` t: the smaller root of slope x^2 / 2 + rate x - amount = 0, written as
// 2 amount / (rate + sqrt(rate^2 + 2 slope amount)) so that no two close numbers are
// subtracted (the textbook (-rate + sqrt(...)) / slope cancels when slope is small); kNever when
// it never does.
double days_to_draw(double amount, double rate, double slope) {
  if (slope == 0.0) return rate > 0.0 ? amount / rate : kNever;
  double discriminant = rate * rate + 2.0 * slope * amount;
  if (discriminant < 0.0) return kNever;
  double denominator = rate + std::sqrt(discriminant);
  return denominator > 0.0 ? 2.0 * amount / denominator : kNever;
}

// A response (substitution, new supply) built so far, t/day, its build-up rate and its cap.
struct Response {
  double built = 0.0;
  double growth = 0.0;  // t/day per day at full pace
  double cap = 0.0;     // t/day
  double room() const { return built < cap ? growth : 0.0; }
};

// The policy's levels for this model, t and t/day: constant through the pass.
struct Limits {
  double demand = 0.0;  // after the substitution cut
  double primary = 0.0;
  double recycling_base = 0.0;
  double tiny = 0.0;  // rates below this are zero
  double inventory_cap = 0.0;
  double stockpile_cap = 0.0;
  double release_max = 0.0;
  double inventory_refill_rate = 0.0;
  double stockpile_refill_rate = 0.0;
  double decision_delay_days = 0.0;
};

// What carries from one phase to the next.
struct StockState {
  double t = 0.0;
  double inventory = 0.0;
  double stockpile = 0.0;
  Response substitution;
  Response new_supply;
  bool in_gap = false;     // inside a shortfall spell: the decision clock runs
  double gap_since = 0.0;  // when the spell began
};

// One supply segment: its rates, linear in time from their start to their end values.
struct SegmentLines {
  const ProfileSegment* segment = nullptr;
  double span = 0.0;
  LinearRate domestic;
  LinearRate imports;
  LinearRate recycling;
  double demand = 0.0;
  double tiny = 0.0;
  double base_gap_slope = 0.0;  // of the gap before any response or stock

  SegmentLines(const ProfileSegment& s, const Limits& limits)
      : segment(&s),
        span(s.end_day - s.start_day),
        domestic{s.domestic_fraction * limits.primary, s.domestic_fraction_end * limits.primary},
        imports{s.imports_fraction * limits.primary, s.imports_fraction_end * limits.primary},
        recycling{s.recycling_available * limits.recycling_base,
                  s.recycling_available_end * limits.recycling_base},
        demand(limits.demand),
        tiny(limits.tiny) {
    base_gap_slope = s.ramped ? (base_gap_at(s.end_day) - base_gap_at(s.start_day)) / span : 0.0;
  }

  // A rate on the segment's line from its start value to its end value.
  double on_segment(const LinearRate& rate, double day) const {
    return rate.start == rate.end
               ? rate.start
               : rate.start + (rate.end - rate.start) * ((day - segment->start_day) / span);
  }
  // The gap before any response or stock.
  double base_gap_at(double day) const {
    double gap =
        demand - on_segment(domestic, day) - on_segment(imports, day) - on_segment(recycling, day);
    return gap < tiny ? 0.0 : gap;
  }
};

// Which way the stocks move over a phase.
enum class Regime : unsigned char {
  covered,            // no gap left: stocks refill
  drawing_inventory,  // short, commercial inventory covers the gap
  awaiting_decision,  // short, inventory empty, the release decision still pending
  releasing,          // short, the stockpile releases (the gap, or its maximum rate)
  unserved,           // short with nothing to draw
};

// The rates at the start of a phase and how they move: constant over the phase.
struct Rates {
  double base_gap = 0.0;
  double built = 0.0;  // responses in place, t/day
  double gap = 0.0;    // what the response leaves short, t/day
  double pace = 0.0;   // share of the responses' full build-up rate
  bool short_now = false;
  double substitution_growth = 0.0;
  double new_supply_growth = 0.0;
  double gap_slope = 0.0;
  double band = 0.0;   // rates this close to a threshold count as on it
  double slack = 0.0;  // response built beyond the base gap, t/day
  Regime regime = Regime::covered;
  bool release_follows_gap = false;  // else it runs at its maximum
  double inventory_refill = 0.0;
  double stockpile_refill = 0.0;
};

// When each switch ahead happens (kNever when none is ahead). Each is the root of a linear
// equation in time (a rate reaches a level) or, for a stock under a linear draw, the smaller root
// of a quadratic (days_to_draw).
struct Switches {
  double substitution_capped_at = kNever;
  double new_supply_capped_at = kNever;
  double closes_at = kNever;  // the gap closes
  double inventory_empty_at = kNever;
  double stockpile_empty_at = kNever;
  double inventory_full_at = kNever;
  double stockpile_full_at = kNever;
  double other_at = kNever;  // the base gap meets the response; a delay ends; a release saturates
  double first(double segment_end) const {
    return std::min({segment_end, substitution_capped_at, new_supply_capped_at, closes_at,
                     inventory_empty_at, stockpile_empty_at, inventory_full_at, stockpile_full_at,
                     other_at});
  }
};

// The flows at `state.t` and how they move (the regime is set apart: set_regime).
[[gnu::always_inline]] inline Rates flow_rates(const StockState& state, const SegmentLines& lines,
                                               const Limits& limits) {
  Rates r;
  const double t = state.t;
  r.base_gap = lines.base_gap_at(t);
  r.built = state.substitution.built + state.new_supply.built;
  const double room = state.substitution.room() + state.new_supply.room();
  const double base_gap_slope = lines.base_gap_slope;
  const double band = limits.tiny + (std::abs(base_gap_slope) + room) * kTimeEpsilonDays;
  r.band = band;
  r.gap = r.base_gap - r.built;
  if (r.gap < band) r.gap = 0.0;
  const double slack = r.gap > 0.0 ? 0.0 : std::max(0.0, r.built - r.base_gap);
  r.slack = slack;
  // How fast the responses build: at full pace while short (or when a rising base gap outruns
  // them), keeping pace with a rising base gap they can match, else not at all.
  if (r.gap > 0.0 || (slack <= band && base_gap_slope > room)) {
    r.pace = 1.0;
  } else if (slack <= band && base_gap_slope > 0.0) {
    r.pace = base_gap_slope / room;
  }
  r.short_now = r.gap > 0.0 || (r.pace == 1.0 && base_gap_slope > room);
  r.substitution_growth = state.substitution.room() * r.pace;
  r.new_supply_growth = state.new_supply.room() * r.pace;
  r.gap_slope = r.short_now ? base_gap_slope - r.substitution_growth - r.new_supply_growth : 0.0;
  return r;
}

// Which way the stocks move from `state.t` under the flows `r`; moves the decision clock (a
// spell starts or ends here).
[[gnu::always_inline]] inline void set_regime(StockState& state, Rates& r, const Limits& limits) {
  const double t = state.t;
  r.release_follows_gap = false;
  r.inventory_refill = r.stockpile_refill = 0.0;
  if (!r.short_now) {
    state.in_gap = false;
    r.regime = Regime::covered;
    if (state.inventory < limits.inventory_cap && limits.inventory_refill_rate > 0.0) {
      r.inventory_refill = limits.inventory_refill_rate;
    }
    if (state.stockpile < limits.stockpile_cap && limits.stockpile_refill_rate > 0.0) {
      r.stockpile_refill = limits.stockpile_refill_rate;
    }
    return;
  }
  if (!state.in_gap) {
    state.in_gap = true;
    state.gap_since = t;
  }
  if (state.inventory > 0.0) {
    r.regime = Regime::drawing_inventory;
  } else if (t < state.gap_since + limits.decision_delay_days) {
    r.regime = Regime::awaiting_decision;
  } else if (state.stockpile > 0.0 && limits.release_max > 0.0) {
    r.regime = Regime::releasing;
    const bool at_max = std::abs(r.gap - limits.release_max) <= r.band;
    r.release_follows_gap = at_max ? r.gap_slope <= 0.0 : r.gap < limits.release_max;
  } else {
    r.regime = Regime::unserved;
  }
}

// The next event time's ingredients: when each switch ahead happens.
Switches switches_ahead(const StockState& state, const Rates& r, const SegmentLines& lines,
                        const Limits& limits) {
  Switches s;
  const double t = state.t;
  if (r.substitution_growth > 0.0) {
    s.substitution_capped_at =
        t + (state.substitution.cap - state.substitution.built) / r.substitution_growth;
  }
  if (r.new_supply_growth > 0.0) {
    s.new_supply_capped_at =
        t + (state.new_supply.cap - state.new_supply.built) / r.new_supply_growth;
  }
  if (r.short_now && r.gap_slope < 0.0) s.closes_at = t + r.gap / -r.gap_slope;
  switch (r.regime) {
    case Regime::covered: {
      // The rising base gap uses up the slack.
      if (r.slack > r.band && lines.base_gap_slope > 0.0) {
        s.other_at = t + r.slack / lines.base_gap_slope;
      }
      if (r.inventory_refill > 0.0) {
        s.inventory_full_at = t + (limits.inventory_cap - state.inventory) / r.inventory_refill;
      }
      if (r.stockpile_refill > 0.0) {
        s.stockpile_full_at = t + (limits.stockpile_cap - state.stockpile) / r.stockpile_refill;
      }
      break;
    }
    case Regime::drawing_inventory:
      s.inventory_empty_at = t + days_to_draw(state.inventory, r.gap, r.gap_slope);
      break;
    case Regime::awaiting_decision:
      s.other_at = state.gap_since + limits.decision_delay_days;
      break;
    case Regime::releasing: {
      const bool at_max = std::abs(r.gap - limits.release_max) <= r.band;
      if (r.release_follows_gap) {
        if (r.gap_slope > 0.0 && !at_max)
          s.other_at = t + (limits.release_max - r.gap) / r.gap_slope;
        s.stockpile_empty_at = t + days_to_draw(state.stockpile, r.gap, r.gap_slope);
      } else {
        if (r.gap_slope < 0.0 && !at_max)
          s.other_at = t + (r.gap - limits.release_max) / -r.gap_slope;
        s.stockpile_empty_at = t + state.stockpile / limits.release_max;
      }
      break;
    }
    case Regime::unserved:
      break;
  }
  return s;
}

// The advance step: integrates the phase [state.t, next) into `p` (every rate field set) and
// moves the state to its end, snapping each stock or response whose switch ends the phase to the
// exact level it switched at, so rounding never leaves a sliver.
void advance(StockState& state, const Rates& r, const Switches& s, double next,
             const SegmentLines& lines, const Limits& limits, Phase& p) {
  const double t = state.t;
  const double dt = next - t;
  const double gap_end = s.closes_at <= next ? 0.0 : std::max(0.0, r.gap + r.gap_slope * dt);
  LinearRate draw;
  LinearRate release;
  if (r.regime == Regime::drawing_inventory) draw = {r.gap, gap_end};
  if (r.regime == Regime::releasing) {
    release = r.release_follows_gap ? LinearRate{r.gap, gap_end}
                                    : LinearRate{limits.release_max, limits.release_max};
  }
  p.domestic = {lines.on_segment(lines.domestic, t), lines.on_segment(lines.domestic, next)};
  p.imports = {lines.on_segment(lines.imports, t), lines.on_segment(lines.imports, next)};
  p.recycling = {lines.on_segment(lines.recycling, t), lines.on_segment(lines.recycling, next)};
  p.substitution = p.new_supply = p.unmet = LinearRate{};
  const Response& substitution = state.substitution;
  const Response& new_supply = state.new_supply;
  if (r.pace > 0.0) {
    // Everything built is in use.
    p.substitution = {substitution.built, substitution.built + r.substitution_growth * dt};
    p.new_supply = {new_supply.built, new_supply.built + r.new_supply_growth * dt};
  } else if (r.built > 0.0) {
    // Only what the base gap needs, shared in proportion to what is built.
    double share = substitution.built / r.built;
    double need_end = lines.base_gap_at(next);
    p.substitution = {r.base_gap * share, need_end * share};
    p.new_supply = {r.base_gap - p.substitution.start, need_end - p.substitution.end};
  }
  p.inventory_draw = draw;
  p.stockpile_release = release;
  p.inventory_refill = r.inventory_refill;
  p.stockpile_refill = r.stockpile_refill;
  if (r.short_now) {
    auto unmet_at = [&limits](double g, double d, double rel) {
      double unmet = g - d - rel;
      return unmet < limits.tiny ? 0.0 : unmet;
    };
    p.unmet = {unmet_at(r.gap, draw.start, release.start),
               unmet_at(gap_end, draw.end, release.end)};
  }
  p.start_day = t;
  p.end_day = next;
  p.inventory_start_t = state.inventory;
  p.stockpile_start_t = state.stockpile;
  double inventory = state.inventory + (p.inventory_refill - draw.mean()) * dt;
  double stockpile = state.stockpile + (p.stockpile_refill - release.mean()) * dt;
  if (s.inventory_empty_at <= next) inventory = 0.0;
  if (s.stockpile_empty_at <= next) stockpile = 0.0;
  if (s.inventory_full_at <= next) inventory = limits.inventory_cap;
  if (s.stockpile_full_at <= next) stockpile = limits.stockpile_cap;
  state.inventory = std::clamp(inventory, 0.0, limits.inventory_cap);
  state.stockpile = std::clamp(stockpile, 0.0, limits.stockpile_cap);
  Response& sub = state.substitution;
  Response& fresh = state.new_supply;
  sub.built = s.substitution_capped_at <= next
                  ? sub.cap
                  : std::min(sub.cap, sub.built + r.substitution_growth * dt);
  fresh.built = s.new_supply_capped_at <= next
                    ? fresh.cap
                    : std::min(fresh.cap, fresh.built + r.new_supply_growth * dt);
  p.inventory_end_t = state.inventory;
  p.stockpile_end_t = state.stockpile;
  state.t = next;
  assert(std::abs(balance_residual(p)) <= 1e-9 * std::max(limits.demand, 1.0));
}

// The constant-phase fast path. When a segment's supply lines are flat and no response is still
// building (its room is zero, so pace x room is zero whatever the gap), every flow holds for the
// whole segment: the base gap, the responses in use, whether supply falls short, the gap. Only
// the stocks and the decision clock move, so a phase ends only where a stock empties or fills
// or the decision delay ends. These functions are the general path's next-event and advance
// step with every slope zero, written so each value comes out of the same operations on the
// same operands (x + 0 x dt is x; a constant LinearRate's mean is its value): the phases are
// bit-identical to the general path's (tests/stock_pass_test.cpp runs both and compares).
bool rates_constant(const SegmentLines& lines, const StockState& state) {
  return lines.domestic.start == lines.domestic.end && lines.imports.start == lines.imports.end &&
         lines.recycling.start == lines.recycling.end && state.substitution.room() == 0.0 &&
         state.new_supply.room() == 0.0;
}

// The flows of every phase of a constant segment, set once.
void set_constant_flows(const StockState& state, const Rates& r, const SegmentLines& lines,
                        Phase& p) {
  p.domestic = {lines.domestic.start, lines.domestic.start};
  p.imports = {lines.imports.start, lines.imports.start};
  p.recycling = {lines.recycling.start, lines.recycling.start};
  p.substitution = p.new_supply = LinearRate{};
  if (r.pace > 0.0) {
    p.substitution = {state.substitution.built, state.substitution.built};
    p.new_supply = {state.new_supply.built, state.new_supply.built};
  } else if (r.built > 0.0) {
    double share = state.substitution.built / r.built;
    double need = r.base_gap * share;
    p.substitution = {need, need};
    p.new_supply = {r.base_gap - need, r.base_gap - need};
  }
}

// Next event time and advance step of a constant segment's phase from `state.t`.
void advance_constant(StockState& state, const Rates& r, double segment_end, const Limits& limits,
                      Phase& p) {
  const double t = state.t;
  double inventory_empty_at = kNever;
  double stockpile_empty_at = kNever;
  double inventory_full_at = kNever;
  double stockpile_full_at = kNever;
  double other_at = kNever;
  double draw = 0.0;     // t/day, constant
  double release = 0.0;  // t/day, constant
  switch (r.regime) {
    case Regime::covered:
      if (r.inventory_refill > 0.0) {
        inventory_full_at = t + (limits.inventory_cap - state.inventory) / r.inventory_refill;
      }
      if (r.stockpile_refill > 0.0) {
        stockpile_full_at = t + (limits.stockpile_cap - state.stockpile) / r.stockpile_refill;
      }
      break;
    case Regime::drawing_inventory:
      inventory_empty_at = t + days_to_draw(state.inventory, r.gap, 0.0);
      draw = r.gap;
      break;
    case Regime::awaiting_decision:
      other_at = state.gap_since + limits.decision_delay_days;
      break;
    case Regime::releasing:
      if (r.release_follows_gap) {
        stockpile_empty_at = t + days_to_draw(state.stockpile, r.gap, 0.0);
        release = r.gap;
      } else {
        stockpile_empty_at = t + state.stockpile / limits.release_max;
        release = limits.release_max;
      }
      break;
    case Regime::unserved:
      break;
  }
  double next = std::min({segment_end, inventory_empty_at, stockpile_empty_at, inventory_full_at,
                          stockpile_full_at, other_at});
  if (!(next > t)) next = std::min(segment_end, std::nextafter(t, kNever));
  const double dt = next - t;
  p.inventory_draw = {draw, draw};
  p.stockpile_release = {release, release};
  p.inventory_refill = r.inventory_refill;
  p.stockpile_refill = r.stockpile_refill;
  p.unmet = LinearRate{};
  if (r.short_now) {
    double unmet = r.gap - draw - release;
    unmet = unmet < limits.tiny ? 0.0 : unmet;
    p.unmet = {unmet, unmet};
  }
  p.start_day = t;
  p.end_day = next;
  p.inventory_start_t = state.inventory;
  p.stockpile_start_t = state.stockpile;
  double inventory = state.inventory + (p.inventory_refill - draw) * dt;
  double stockpile = state.stockpile + (p.stockpile_refill - release) * dt;
  if (inventory_empty_at <= next) inventory = 0.0;
  if (stockpile_empty_at <= next) stockpile = 0.0;
  if (inventory_full_at <= next) inventory = limits.inventory_cap;
  if (stockpile_full_at <= next) stockpile = limits.stockpile_cap;
  state.inventory = std::clamp(inventory, 0.0, limits.inventory_cap);
  state.stockpile = std::clamp(stockpile, 0.0, limits.stockpile_cap);
  p.inventory_end_t = state.inventory;
  p.stockpile_end_t = state.stockpile;
  state.t = next;
}

Limits limits_of(const Model& model, const StockPolicy& policy) {
  Limits l;
  l.demand = model.demand_t_per_day * (1.0 - policy.substitution_cut);
  l.primary = (1.0 - policy.recycling_share) * l.demand;
  l.recycling_base = policy.recycling_share * l.demand;
  l.tiny = 1e-12 * std::max(l.demand, 1e-300);
  l.inventory_cap = policy.commercial_inventory_days * l.demand;
  l.stockpile_cap = policy.stockpile_days * l.demand;
  l.release_max = policy.release_rate_of_demand * l.demand;
  l.inventory_refill_rate = policy.commercial_refill_rate_of_demand * l.demand;
  l.stockpile_refill_rate = policy.refill_rate_of_demand * l.demand;
  l.decision_delay_days = policy.decision_delay_days;
  return l;
}

[[noreturn]] void too_many_phases(const ProfileSegment& segment, double t, int bound) {
  throw std::logic_error(
      "stock pass: more than " + std::to_string(bound) + " phases in the supply segment from day " +
      std::to_string(segment.start_day) + " to day " + std::to_string(segment.end_day) +
      " (stuck at day " + std::to_string(t) + "); please report this scenario");
}

}  // namespace

TrialMetrics apply_stocks(const Model& model, const SupplyProfile& profile,
                          const StockPolicy& policy, PhaseObserver* observer,
                          const StockPassOptions& options) {
  const Limits limits = limits_of(model, policy);
  StockState state;
  state.inventory = limits.inventory_cap;
  state.stockpile = limits.stockpile_cap;
  state.substitution = {0.0, policy.response.substitution_per_yr * limits.demand / kDaysPerYear,
                        policy.response.substitution_cap * limits.demand};
  state.new_supply = {0.0, policy.response.new_supply_per_yr * limits.demand / kDaysPerYear,
                      policy.response.new_supply_cap * limits.demand};
  MetricsObserver metrics;
  metrics.start(state.stockpile);

  Phase p;  // reused: each path sets every field before an observer sees it
  p.demand = limits.demand;
  const ProfileSegment* segment = nullptr;
  // Price x days of the phase [t, next): the segment's precomputed integral unless stocks split
  // the segment; then the phase goes to the metrics and the caller's observer.
  auto emit = [&](double t, double next) {
    const double dt = next - t;
    p.price_days = (t == segment->start_day && next == segment->end_day)
                       ? segment->price_days
                       : price_integral(model, profile, *segment, t, next);
    metrics.record(p);
    if (observer != nullptr) {  // the mean price multiple is for observers only
      p.price_multiple = dt > 0.0 ? p.price_days / dt : segment->peak_price_multiple;
      observer->on_phase(p);
    }
  };
  const int max_phases = options.max_phases_per_segment;
  // The last segment, when it was quiet, and what it bought per day: a next segment with the same
  // constant supply finds the same state and rates, so it is quiet too and buys the same.
  const ProfileSegment* quiet = nullptr;
  double quiet_supply = 0.0;
  auto same_constant_supply = [](const ProfileSegment& a, const ProfileSegment& b) {
    return !a.ramped && !b.ramped && a.domestic_fraction == b.domestic_fraction &&
           a.imports_fraction == b.imports_fraction &&
           a.recycling_available == b.recycling_available;
  };
  for (const ProfileSegment& s : profile.segments) {
    segment = &s;
    metrics.on_segment(s);
    if (quiet != nullptr && same_constant_supply(s, *quiet)) {
      if (s.start_day < s.end_day) {
        metrics.record_quiet(quiet_supply, s.price_days, state.stockpile);
        state.t = s.end_day;
      }
      continue;
    }
    quiet = nullptr;
    const SegmentLines lines(s, limits);
    p.segment = &s;
    state.t = s.start_day;
    if (!(state.t < s.end_day)) continue;  // an empty segment: no phase (nor regime) at all
    int phases = 0;
    if (options.constant_fast_path && rates_constant(lines, state)) {
      Rates rates = flow_rates(state, lines, limits);
      set_regime(state, rates, limits);
      if (observer == nullptr && rates.regime == Regime::covered && rates.inventory_refill == 0.0 &&
          rates.stockpile_refill == 0.0) {
        // Quiet: supply covers demand and the stocks are full. Nothing moves, so the segment is
        // one phase whose only effects on the metrics are its purchases (advance_constant and
        // record with every zero term dropped: x + 0 and x + 0 x dt are x).
        double supply = lines.domestic.start + lines.imports.start + lines.recycling.start;
        supply += rates.pace > 0.0 ? state.new_supply.built
                  : rates.built > 0.0
                      ? rates.base_gap - rates.base_gap * (state.substitution.built / rates.built)
                      : 0.0;
        metrics.record_quiet(supply, s.price_days, state.stockpile);
        state.t = s.end_day;
        quiet = &s;
        quiet_supply = supply;
        continue;
      }
      set_constant_flows(state, rates, lines, p);
      for (bool first = true; state.t < s.end_day; first = false) {
        if (++phases > max_phases) too_many_phases(s, state.t, max_phases);
        if (!first) set_regime(state, rates, limits);
        const double t = state.t;
        advance_constant(state, rates, s.end_day, limits, p);
        emit(t, state.t);
      }
      continue;
    }
    while (state.t < s.end_day) {
      if (++phases > max_phases) too_many_phases(s, state.t, max_phases);
      Rates rates = flow_rates(state, lines, limits);
      set_regime(state, rates, limits);
      const Switches switches = switches_ahead(state, rates, lines, limits);
      const double t = state.t;
      double next = switches.first(s.end_day);
      // Every switch changes the state (a stock or a response snaps to its bound, a threshold
      // is passed); should rounding ever put one at t itself, move on by the smallest step.
      if (!(next > t)) next = std::min(s.end_day, std::nextafter(t, kNever));
      advance(state, rates, switches, next, lines, limits, p);
      emit(t, next);
    }
  }
  TrialMetrics out =
      metrics.finish(limits.demand, limits.primary, model.baseline_price, profile.market);
  if (policy.release_price != ReleasePrice::market && !profile.market.priced_out_by_day.empty()) {
    // The focal economy's own elasticity where its buyer group has one (docs/market.md).
    const double inverse_focal =
        model.one_demand_curve ? model.inverse_elasticity : 1.0 / model.focal_elasticity;
    serve_priced_out(out, profile.market, policy, limits.demand, limits.primary, inverse_focal,
                     model.horizon_days);
  }
  return out;
}

void serve_priced_out(TrialMetrics& m, const MarketPath& market, const StockPolicy& policy,
                      double demand_t_per_day, double primary_t_per_day, double inverse_elasticity,
                      double horizon_days) {
  if (policy.release_price == ReleasePrice::market || market.priced_out_by_day.empty()) return;
  // Only the tonnes the physical pass never draws: physical shortage keeps priority, so unmet
  // demand is bit for bit that of `market`.
  double left = m[index(Metric::lowest_stockpile_t)];
  if (!(left > 0.0) || !(primary_t_per_day > 0.0)) return;
  // Share of a day's priced-out demand the release price wins back: all of it at the pre-crisis
  // price; at F x the market price, demand F^-e (1 - s) of baseline against 1 - s at the market.
  const double gain =
      policy.release_price == ReleasePrice::discount && policy.release_discount > 0.0
          ? std::pow(policy.release_discount, -1.0 / inverse_elasticity) - 1.0
          : kNever;
  const double delay = policy.decision_delay_days;
  const double rate = policy.release_rate_of_demand * demand_t_per_day;
  double served = 0.0;
  double spell_start = 0.0;
  bool in_spell = false;
  const std::size_t days = market.priced_out_by_day.size();
  for (std::size_t d = 0; d < days && left > 0.0; ++d) {
    const double share = market.priced_out_by_day[d];
    if (share == 0.0) {
      in_spell = false;
      continue;
    }
    const double day = static_cast<double>(d);
    const double length = std::min(1.0, horizon_days - day);
    if (!in_spell) {
      in_spell = true;
      spell_start = day;
    }
    // The part of the day after the decision delay (counted from the spell's first day).
    const double open = std::clamp(day + length - (spell_start + delay), 0.0, length) / length;
    if (open == 0.0) continue;
    const double s = market.priced_out_share[d];
    const double won = gain == kNever ? 1.0 : std::min(1.0, (1.0 - s) * gain / s);
    const double want = primary_t_per_day * share * won * open;
    const double take = std::min({want, rate * length * open, left});
    served += take;
    left -= take;
  }
  if (served == 0.0) return;
  auto pct = [&](double t) {
    return demand_t_per_day > 0.0 ? 100.0 * t / (demand_t_per_day * kDaysPerYear) : 0.0;
  };
  m[index(Metric::priced_out_t)] = std::max(0.0, m[index(Metric::priced_out_t)] - served);
  m[index(Metric::priced_out_pct_annual_demand)] = pct(m[index(Metric::priced_out_t)]);
  m[index(Metric::not_served_t)] = m[index(Metric::unmet_t)] + m[index(Metric::priced_out_t)];
  m[index(Metric::not_served_pct_annual_demand)] = pct(m[index(Metric::not_served_t)]);
  m[index(Metric::lowest_stockpile_t)] = left;
}

}  // namespace mineflow
