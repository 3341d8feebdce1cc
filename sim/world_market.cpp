#include "sim/world_market.h"

#include <algorithm>
#include <cmath>

#include "sim/buyer_groups.h"
#include "sim/internal_error.h"
#include "sim/units.h"

namespace mineflow {
namespace {

// The value of a segment's linear quantity at `day`.
double at(const ProfileSegment& s, double start_value, double end_value, double day) {
  if (start_value == end_value) return start_value;
  return start_value +
         (end_value - start_value) * ((day - s.start_day) / (s.end_day - s.start_day));
}

double day_length(std::size_t d, double horizon_days) {
  return std::min(1.0, horizon_days - static_cast<double>(d));
}

// The day-by-day mean of a linear quantity of the segments (fn picks its start and end values).
template <class Ends>
void daily_means(const std::vector<ProfileSegment>& segments, double horizon_days,
                 std::vector<double>& out, Ends ends) {
  std::fill(out.begin(), out.end(), 0.0);
  for (const ProfileSegment& s : segments) {
    // Named values, not a structured binding: the lambda below captures v0 (clang 14, which
    // builds CI's fuzz stage, refuses to capture a binding).
    const std::pair<double, double> values = ends(s);
    const double v0 = values.first;
    const double v1 = values.second;
    if (v0 == 0.0 && v1 == 0.0) continue;
    // The integral over [from, to) of the segment's line: its value at the middle x the length.
    const double slope = v0 == v1 ? 0.0 : (v1 - v0) / (s.end_day - s.start_day);
    auto first = static_cast<std::size_t>(s.start_day);
    if (slope == 0.0) {  // a constant: whole days inside the segment take v0 x 1 as they are
      const std::size_t n = out.size();
      auto partial = [&](std::size_t d) {
        const auto day = static_cast<double>(d);
        double from = std::max(s.start_day, day);
        double to = std::min(s.end_day, day + 1.0);
        if (to > from) out[d] += v0 * (to - from);
      };
      std::size_t d = first;
      if (d < n && static_cast<double>(d) < s.start_day) partial(d++);  // starts inside day d
      // Days d with d + 1 <= end: d < floor(end). A plain loop, no conversion per day.
      const std::size_t whole_end = s.end_day >= static_cast<double>(n)
                                        ? n
                                        : std::max(d, static_cast<std::size_t>(s.end_day));
      for (; d < whole_end; ++d) out[d] += v0;
      if (d < n && static_cast<double>(d) < s.end_day) partial(d);  // ends inside day d
      continue;
    }
    for (std::size_t d = first; d < out.size() && static_cast<double>(d) < s.end_day; ++d) {
      double from = std::max(s.start_day, static_cast<double>(d));
      double to = std::min(s.end_day, static_cast<double>(d) + 1.0);
      if (!(to > from)) continue;
      double middle = slope == 0.0 ? v0 : v0 + slope * (0.5 * (from + to) - s.start_day);
      out[d] += middle * (to - from);
    }
  }
  // Every day but a partial last one is one day long.
  if (!out.empty()) out.back() /= day_length(out.size() - 1, horizon_days);
}

// Splits the segments at the day boundaries of stockout days and scales the focal economy's
// supply there by (1 - stockout), the share of its demand the market cannot supply.
void apply_stockouts(const std::vector<double>& stockout, std::vector<ProfileSegment>& segments,
                     std::vector<ProfileSegment>& split) {
  split.clear();
  for (const ProfileSegment& s : segments) {
    auto first = static_cast<std::size_t>(s.start_day);
    bool touched = false;
    for (std::size_t d = first; d < stockout.size() && static_cast<double>(d) < s.end_day; ++d) {
      touched = touched || stockout[d] > 0.0;
    }
    if (!touched) {
      split.push_back(s);
      continue;
    }
    // One piece per run of days with the same stockout share (a constant loss gives one).
    for (std::size_t d = first; d < stockout.size() && static_cast<double>(d) < s.end_day;) {
      std::size_t last = d;
      while (last + 1 < stockout.size() && static_cast<double>(last + 1) < s.end_day &&
             stockout[last + 1] == stockout[d]) {
        ++last;
      }
      double from = std::max(s.start_day, static_cast<double>(d));
      double to = std::min(s.end_day, static_cast<double>(last) + 1.0);
      const double keep = 1.0 - stockout[d];
      d = last + 1;
      if (!(to > from)) continue;
      ProfileSegment piece = s;
      piece.start_day = from;
      piece.end_day = to;
      piece.domestic_fraction = keep * at(s, s.domestic_fraction, s.domestic_fraction_end, from);
      piece.domestic_fraction_end = keep * at(s, s.domestic_fraction, s.domestic_fraction_end, to);
      piece.imports_fraction = keep * at(s, s.imports_fraction, s.imports_fraction_end, from);
      piece.imports_fraction_end = keep * at(s, s.imports_fraction, s.imports_fraction_end, to);
      piece.recycling_available = at(s, s.recycling_available, s.recycling_available_end, from);
      piece.recycling_available_end = at(s, s.recycling_available, s.recycling_available_end, to);
      piece.world_shortfall = at(s, s.world_shortfall, s.world_shortfall_end, from);
      piece.world_shortfall_end = at(s, s.world_shortfall, s.world_shortfall_end, to);
      piece.domestic_shortfall = at(s, s.domestic_shortfall, s.domestic_shortfall_end, from);
      piece.domestic_shortfall_end = at(s, s.domestic_shortfall, s.domestic_shortfall_end, to);
      piece.ramped = piece.domestic_fraction != piece.domestic_fraction_end ||
                     piece.imports_fraction != piece.imports_fraction_end ||
                     piece.recycling_available != piece.recycling_available_end ||
                     piece.world_shortfall != piece.world_shortfall_end;
      split.push_back(piece);
    }
  }
  segments.swap(split);
}

// Integral of the daily price path over [0, t).
double price_to(const MarketPath& market, double t) {
  auto d = static_cast<std::size_t>(t);
  if (d >= market.price.size()) return market.price_prefix.back();
  return market.price_prefix[d] + market.price[d] * (t - static_cast<double>(d));
}

}  // namespace

double clearable_share(const Model& model) {
  return 1.0 - std::pow(model.price_cap, -1.0 / model.inverse_elasticity);
}

void rerun_world_market(const Model& model, SupplyProfile& profile, MarketScratch& scratch) {
  profile.segments.assign(scratch.input.begin(), scratch.input.end());
  run_world_market(model, profile, scratch);
}

void run_world_market(const Model& model, SupplyProfile& profile, MarketScratch& scratch) {
  const double horizon = model.horizon_days;
  const auto days = static_cast<std::size_t>(std::ceil(horizon));
  if (scratch.keep_input) scratch.input.assign(profile.segments.begin(), profile.segments.end());
  const double c = clearable_share(model);
  const double tau = model.world_inventory_days;
  // A multiply, not a divide, in the day's dependency chain (x feeds the next day): the divide's
  // latency was the loop's largest cost on a tight market.
  const double inv_tau = 1.0 / tau;
  std::vector<double>& w = scratch.shortfall;
  w.resize(days);
  daily_means(profile.segments, horizon, w, [](const ProfileSegment& s) {
    return std::pair{s.world_shortfall, s.world_shortfall_end};
  });

  // The split market (docs/market.md, "Buyer groups and the split price"): a day splits where
  // some of it does; its domestic shortfall is the day's mean (0 where it does not split).
  const bool any_split =
      model.split.active() && std::any_of(profile.segments.begin(), profile.segments.end(),
                                          [](const ProfileSegment& s) { return s.split; });
  std::vector<double>& w_dom = scratch.domestic_shortfall;
  std::vector<double>& split_day = scratch.split_day;
  if (any_split) {
    w_dom.resize(days);
    split_day.resize(days);
    daily_means(profile.segments, horizon, w_dom, [](const ProfileSegment& s) {
      return s.split ? std::pair{s.domestic_shortfall, s.domestic_shortfall_end}
                     : std::pair{0.0, 0.0};
    });
    daily_means(profile.segments, horizon, split_day, [](const ProfileSegment& s) {
      return s.split ? std::pair{1.0, 1.0} : std::pair{0.0, 0.0};
    });
  }
  // One demand curve (every group at the scenario's elasticity) keeps the closed form below;
  // buyer groups of their own take the general step, and so does every split day.
  const bool one_curve = model.one_demand_curve;
  const double world_h =
      any_split ? model.split.domestic_t_per_day / model.world_refined_t_per_day : 0.0;
  const DemandCurve world_curve = demand_curve(model.focal_world_share, model.focal_elasticity,
                                               model.rest_elasticity, model.price_cap);
  const DemandCurve outside_curve =
      demand_curve(std::min(1.0, model.focal_world_share / (1.0 - world_h)), model.focal_elasticity,
                   model.rest_elasticity, model.price_cap);
  const DemandCurve domestic_curve = demand_curve(0.0, model.restricting_elasticity,
                                                  model.restricting_elasticity, model.price_cap);
  // The domestic price floor as a scarcity: at x_floor the price is the floor.
  const double floor_scarcity =
      1.0 - std::pow(model.domestic_price_floor, -model.restricting_elasticity);
  double x_dom = 0.0;
  bool was_split = false;

  MarketPath& market = profile.market;
  market.price.resize(days);
  market.split = any_split;
  market.domestic_price.clear();
  if (any_split) market.domestic_price.assign(days, 0.0);
  scratch.stockout.assign(days, 0.0);
  std::vector<double>& priced_out = scratch.priced_out;
  priced_out.assign(days, 0.0);
  const std::vector<double>& factor = profile.price_factor;
  if (scratch.power.k() != model.inverse_elasticity) {
    scratch.power = ScarcityPower(model.inverse_elasticity);
  }
  const ScarcityPower& power = scratch.power;
  double x = 0.0;  // scarcity: the share of the baseline stocks drawn
  // The supply and demand response built so far, shares of world use (docs/market.md): idle
  // capacity restarted, substitution, new supply; `response` their sum. Each builds at its rate
  // on a day that starts tight (x > 0), up to its cap; what is built stays.
  const double idle_cap = model.idle_capacity_share;
  const double idle_step = model.idle_capacity_per_day;
  const double sub_cap = model.market_response.substitution_cap;
  const double sub_step = model.market_response.substitution_per_yr / kDaysPerYear;
  const double new_cap = model.market_response.new_supply_cap;
  const double new_step = model.market_response.new_supply_per_yr / kDaysPerYear;
  const bool responds = (idle_cap > 0.0 && idle_step > 0.0) || (sub_cap > 0.0 && sub_step > 0.0) ||
                        (new_cap > 0.0 && new_step > 0.0);
  double idle = 0.0, substituted = 0.0, new_supply = 0.0, response = 0.0;
  bool any_stockout = false;
  bool any_priced_out = false;
  market.price_prefix.resize(days + 1);
  market.price_prefix[0] = 0.0;
  double prefix = 0.0;
  std::size_t cell = 0;
  double cell_end = model.price_step_days;
  // The scarcity from which the day's price is surely the cap in a cell: factor x (1 - x)^-k is
  // at least cap (1 + 1e-9) there, far beyond the few ulp of exp and log1p, so min() gives the
  // cap exactly as computing it would; a capped day then costs no transcendental.
  const double margin_cap = model.price_cap * (1.0 + 1e-9);
  auto capped_from = [&](double f) {
    return f > 0.0 ? 1.0 - std::pow(margin_cap / f, -1.0 / model.inverse_elasticity) : 2.0;
  };
  double cap_scarcity = factor.empty() ? 2.0 : capped_from(factor[0]);
  for (std::size_t d = 0; d < days; ++d) {
    while (static_cast<double>(d) >= cell_end && cell + 1 < factor.size()) {
      ++cell;
      cell_end = static_cast<double>(cell + 1) * model.price_step_days;
      cap_scarcity = capped_from(factor[cell]);
    }
    const bool splits = any_split && split_day[d] > 0.0;
    if (any_split && !splits && was_split) {
      // The markets join again: their stocks pool, each weighted by its use.
      x = std::clamp(world_h * x_dom + (1.0 - world_h) * x, 0.0, 1.0);
      was_split = false;
    }
    if (splits || !one_curve) {
      if (splits && !was_split) {
        x_dom = x;  // the split starts from the one market's stocks
        was_split = true;
      }
      const DemandCurve& curve = splits ? outside_curve : world_curve;
      double price_scarcity = 1.0;  // the day's price multiple before the factor, capped
      if (x > 0.0) {
        price_scarcity = x >= curve.clearable ? model.price_cap
                                              : std::min(model.price_cap, scarcity_price(curve, x));
      }
      market.price[d] = std::min(model.price_cap, factor[cell] * price_scarcity);
      prefix += market.price[d] * day_length(d, horizon);
      market.price_prefix[d + 1] = prefix;
      const double cut = std::clamp(x, 0.0, curve.clearable);  // demand the price holds out
      const double net = w[d] - response;
      if (x > 0.0) {
        priced_out[d] = focal_priced_out(curve, price_scarcity);
        any_priced_out = true;
        if (x >= 1.0 && net > curve.clearable) {
          scratch.stockout[d] = net - curve.clearable;
          any_stockout = true;
        }
      }
      const bool tight = x > 0.0;
      x = std::clamp(x + (net - cut) * inv_tau, 0.0, 1.0);
      if (splits) {
        // The restricting country's buyers: one group; a glut (x_dom < 0) lowers the price to
        // at most the floor, where its refiners cut runs.
        double p_dom = x_dom >= 1.0
                           ? model.price_cap
                           : std::min(model.price_cap, scarcity_price(domestic_curve, x_dom));
        market.domestic_price[d] = std::min(model.price_cap, factor[cell] * p_dom);
        const double cut_dom = std::min(x_dom, domestic_curve.clearable);
        x_dom = std::clamp(x_dom + (w_dom[d] - cut_dom) * inv_tau, floor_scarcity, 1.0);
      } else if (any_split) {
        market.domestic_price[d] = market.price[d];
      }
      if (responds && tight) {
        idle = std::min(idle_cap, idle + idle_step);
        substituted = std::min(sub_cap, substituted + sub_step);
        new_supply = std::min(new_cap, new_supply + new_step);
        response = idle + substituted + new_supply;
      }
      continue;
    }
    if (x == 0.0) {  // at rest: the baseline price, nothing priced out, nothing built
      market.price[d] = std::min(model.price_cap, factor[cell]);
      prefix += market.price[d] * day_length(d, horizon);
      market.price_prefix[d + 1] = prefix;
      x = std::clamp((w[d] - response) * inv_tau, 0.0, 1.0);
      continue;
    }
    if (x < 1.0 && x >= cap_scarcity) {
      market.price[d] = model.price_cap;
    } else {
      // (1 - x)^-k: a series at small x, else exp and log1p (sim/scarcity_power.h).
      const double drawn = x >= 1.0 ? model.price_cap : power(x);
      market.price[d] = std::min(model.price_cap, factor[cell] * drawn);
    }
    prefix += market.price[d] * day_length(d, horizon);
    market.price_prefix[d + 1] = prefix;
    priced_out[d] = std::min(x, c);
    any_priced_out = true;
    const double net = w[d] - response;  // the loss the response leaves to stocks and price
    if (x >= 1.0 && net > c) {
      scratch.stockout[d] = net - c;
      any_stockout = true;
    }
    x = std::clamp(x + (net - priced_out[d]) * inv_tau, 0.0, 1.0);
    if (responds) {  // the day started tight: every response builds
      idle = std::min(idle_cap, idle + idle_step);
      substituted = std::min(sub_cap, substituted + sub_step);
      new_supply = std::min(new_cap, new_supply + new_step);
      response = idle + substituted + new_supply;
    }
  }
  market.domestic_price_at_peak = 0.0;
  if (any_split) {
    // One market on the days that do not split; the domestic price on the outside peak's day.
    std::size_t peak_day = 0;
    for (std::size_t d = 0; d < days; ++d) {
      if (split_day[d] == 0.0) market.domestic_price[d] = market.price[d];
      if (market.price[d] > market.price[peak_day]) peak_day = d;
    }
    if (days > 0) market.domestic_price_at_peak = market.domestic_price[peak_day];
  }
  if (any_stockout) apply_stockouts(scratch.stockout, profile.segments, scratch.split);

  // What physically reaches the focal economy each day, as a share of its primary demand: the
  // price prices out its share of that.
  double priced_out_days = 0.0;
  double priced_out_price_days = 0.0;
  market.priced_out_by_day.clear();
  market.priced_out_share.clear();
  if (any_priced_out) {
    market.priced_out_by_day.assign(days, 0.0);
    market.priced_out_share.assign(priced_out.begin(), priced_out.end());
    // Where every segment supplies at least the whole demand, every day's mean does: reach 1.
    const bool whole =
        std::all_of(profile.segments.begin(), profile.segments.end(), [](const ProfileSegment& s) {
          return s.domestic_fraction + s.imports_fraction >= 1.0 &&
                 s.domestic_fraction_end + s.imports_fraction_end >= 1.0;
        });
    std::vector<double>& reach = scratch.shortfall;  // w is no longer needed
    if (!whole) {
      daily_means(profile.segments, horizon, reach, [](const ProfileSegment& s) {
        return std::pair{s.domestic_fraction + s.imports_fraction,
                         s.domestic_fraction_end + s.imports_fraction_end};
      });
    }
    for (std::size_t d = 0; d < days; ++d) {
      if (priced_out[d] == 0.0) continue;
      const double reach_d = whole ? 1.0 : std::clamp(reach[d], 0.0, 1.0);
      double share = priced_out[d] * reach_d * day_length(d, horizon);
      priced_out_days += share;
      priced_out_price_days += share * market.price[d];
      market.priced_out_by_day[d] = share;
    }
  }
  market.priced_out_days = priced_out_days;
  market.priced_out_price_days = priced_out_price_days;
  // Segments are contiguous: one segment's end is the next one's start, so each end's integral
  // serves twice (the same call on the same day, so the same bits).
  double integral_at = 0.0;
  double integral_day = -1.0;
  for (ProfileSegment& s : profile.segments) {
    s.scarcity = 1.0;
    const double from = s.start_day == integral_day ? integral_at : price_to(market, s.start_day);
    integral_day = s.end_day;
    integral_at = price_to(market, s.end_day);
    s.price_days = integral_at - from;
    // Days d from floor(start) with d < end: d < ceil(end).
    const std::size_t to = s.end_day >= static_cast<double>(days)
                               ? days
                               : static_cast<std::size_t>(std::ceil(s.end_day));
    double peak = 0.0;
    for (auto d = static_cast<std::size_t>(s.start_day); d < to; ++d) {
      peak = std::max(peak, market.price[d]);
    }
    s.peak_price_multiple = peak;
  }
}

double market_price_integral(const MarketPath& market, double from_day, double to_day) {
  return price_to(market, to_day) - price_to(market, from_day);
}

double market_domestic_price_integral(const MarketPath& market, double from_day, double to_day) {
  double integral = market_price_integral(market, from_day, to_day);
  if (!market.split) return integral;
  // A profile that kept the split flag but not the daily prices (sim/profile_cache.h keeps only
  // what the stock pass reads) would otherwise answer with the outside price.
  if (market.domestic_price.size() < market.price.size()) {
    throw InternalError(
        "market_domestic_price_integral: a split market without its daily "
        "domestic prices (a cached profile?)");
  }
  // The outside price's integral plus the days' differences (no prefix is kept for the domestic
  // price; the series asks for a day or less at a time), so a day that does not split gives
  // exactly the outside price's value.
  const std::vector<double>& domestic = market.domestic_price;
  for (double t = from_day; t < to_day;) {
    const auto d = static_cast<std::size_t>(t);
    if (d >= domestic.size()) break;
    const double end = std::min(to_day, static_cast<double>(d) + 1.0);
    if (domestic[d] != market.price[d]) integral += (domestic[d] - market.price[d]) * (end - t);
    t = end;
  }
  return integral;
}

}  // namespace mineflow
