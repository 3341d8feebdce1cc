#include "sim/supply_profile.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>
#include <type_traits>

#include "sim/day_order.h"
#include "sim/internal_error.h"
#include "sim/random_stream.h"
#include "sim/scarcity_integral.h"
#include "sim/world_market.h"

namespace mineflow {
namespace {

constexpr double kNoDay = std::numeric_limits<double>::infinity();

template <typename T>
T channel_value(const IncrementalPropagation& availability, std::uint32_t channel) {
  if constexpr (std::is_same_v<T, double>) {
    return availability.availability(channel);
  } else {
    return availability.sloped_availability(channel);
  }
}

// Supply of one import class, rerouting lost volume to spare capacity. A refined stream
// follows its refiner's output fraction. T: double, or LinearValue inside a ramp.
template <typename T>
T class_supply(const Model& model, const IncrementalPropagation& availability,
               const BasicNetworkOutcome<T>& network, ImportClass import_class, KinkClock* clock) {
  // Clearing: a stream's own channel carries only the cuts aimed at the focal economy
  // (compile_target); what its refiner loses is the world's loss, priced (docs/market.md).
  const bool follow_refiner = !model.clearing;
  T delivered = 0.0;
  T lost = 0.0;
  T spare = 0.0;
  for (std::size_t i = 0; i < model.sources.size(); ++i) {
    const SupplySource& source = model.sources[i];
    if (source.import_class != import_class) continue;
    T reach = channel_value<T>(availability, static_cast<std::uint32_t>(i));
    if (follow_refiner && source.refiner != SupplySource::kNone)
      reach = reach * network.output_fraction[source.refiner];
    delivered += source.baseline_t_per_day * reach;
    lost += source.baseline_t_per_day * (1.0 - reach);
    spare += source.spare_t_per_day * reach;
  }
  return delivered + lower_of(lost, spare, clock);
}

// Availabilities change only where an effect starts or ends; only those channels are
// recomputed (as the product of the effects covering the segment, in effect order), and the
// network propagation visits only what they reach. Effects on one channel are chained in effect
// order (first_on_channel, next_on_channel), built in one pass with per-channel stamps.
void sort_effects(const Model& model, ProfileScratch& scratch) {
  const auto& effects = scratch.effects;
  const auto n = static_cast<std::uint32_t>(effects.size());
  const double horizon = model.horizon_days;
  auto& keys = scratch.day_keys;
  keys.resize(effects.size());
  for (std::size_t i = 0; i < effects.size(); ++i) keys[i] = effects[i].start_day;
  order_by_day(keys, horizon, scratch.day_order, scratch.by_start);
  for (std::size_t i = 0; i < effects.size(); ++i) keys[i] = effects[i].end_day;
  order_by_day(keys, horizon, scratch.day_order, scratch.by_end);
  if (scratch.channel_stamp.size() != model.channel_count()) {
    scratch.channel_stamp.assign(model.channel_count(), 0u);
    scratch.channel_first.assign(model.channel_count(), 0u);
    scratch.channel_last.assign(model.channel_count(), 0u);
    scratch.stamp = 0;
  }
  if (++scratch.stamp == 0) {  // wrapped: clear the stamps so no stale one matches
    std::fill(scratch.channel_stamp.begin(), scratch.channel_stamp.end(), 0u);
    scratch.stamp = 1;
  }
  scratch.first_on_channel.resize(n);
  scratch.next_on_channel.resize(n);
  for (std::uint32_t i = 0; i < n; ++i) {
    const std::uint32_t c = effects[i].channel;
    if (scratch.channel_stamp[c] != scratch.stamp) {
      scratch.channel_stamp[c] = scratch.stamp;
      scratch.channel_first[c] = i;
    } else {
      scratch.next_on_channel[scratch.channel_last[c]] = i;
    }
    scratch.channel_last[c] = i;
    scratch.next_on_channel[i] = ProfileScratch::kNoEffect;
  }
  for (std::uint32_t i = 0; i < n; ++i) {
    scratch.first_on_channel[i] = scratch.channel_first[effects[i].channel];
  }
  scratch.next_start = 0;
  scratch.next_end = 0;
}

// The product at `day` of the effects on `effect`'s channel that cover the segment, in effect
// order, and its slope per day (two ramps on one channel make a curve: the slope is then the
// tangent's, and the supply profile checks how far the curve leaves it).
LinearValue channel_product(const ProfileScratch& scratch, std::uint32_t effect,
                            const ProfileSegment& segment, double day) {
  LinearValue product = 1.0;
  for (std::uint32_t i = scratch.first_on_channel[effect]; i != ProfileScratch::kNoEffect;
       i = scratch.next_on_channel[i]) {
    const auto& e = scratch.effects[i];
    if (e.start_day <= segment.start_day && e.end_day >= segment.end_day) {
      double slope = e.ramps() ? (e.factor_end - e.factor_start) / (e.end_day - e.start_day) : 0.0;
      product = product * LinearValue(e.factor_at(day), slope);
    }
  }
  return product;
}

template <typename T>
struct BasicSupplyPoint {
  T domestic_fraction = 1.0;
  T imports_fraction = 1.0;
  T recycling_available = 1.0;
  T world_shortfall = 0.0;
  T domestic_shortfall = 0.0;  // the split market's (0 where it does not split)
  bool split = false;
};
using SupplyPoint = BasicSupplyPoint<double>;
using SlopedSupplyPoint = BasicSupplyPoint<LinearValue>;

SupplyPoint values_of(const SlopedSupplyPoint& p) {
  return {p.domestic_fraction.value, p.imports_fraction.value,   p.recycling_available.value,
          p.world_shortfall.value,   p.domestic_shortfall.value, p.split};
}

void set_start(ProfileSegment& segment, const SupplyPoint& point) {
  segment.domestic_fraction = point.domestic_fraction;
  segment.imports_fraction = point.imports_fraction;
  segment.recycling_available = point.recycling_available;
  segment.world_shortfall = point.world_shortfall;
  segment.domestic_shortfall = point.domestic_shortfall;
  segment.split = point.split;
}

void set_end(ProfileSegment& segment, const SupplyPoint& point) {
  segment.domestic_fraction_end = point.domestic_fraction;
  segment.imports_fraction_end = point.imports_fraction;
  segment.recycling_available_end = point.recycling_available;
  segment.world_shortfall_end = point.world_shortfall;
  segment.domestic_shortfall_end = point.domestic_shortfall;
}

NetworkOutcome& outcome_for(ProfileScratch& scratch, double) {
  return scratch.network;
}
SlopedNetworkOutcome& outcome_for(ProfileScratch& scratch, LinearValue) {
  return scratch.sloped_network;
}

// Supply with the channel availabilities as they are set now (with slopes: and the time to the
// next kink in `clock`).
// The split market (docs/market.md, "Buyer groups and the split price"): the restricting
// country K (baseline output O, exports e O, domestic use H = (1 - e) O) ships e x reach of
// what its refiners make (A) abroad and keeps the rest. The outside market, of size W - H (W:
// world refined output), loses what the world loses less K's part plus K's lost exports:
//   w_out = (L - L_K + e O - reach e A) / (W - H),  at least the world mine loss;
// K's buyers have A (1 - reach e) for their H:  w_dom = 1 - A (1 - reach e) / H.
template <typename T>
void set_split_shortfalls(const Model& model, const BasicNetworkOutcome<T>& network,
                          BasicSupplyPoint<T>& point, KinkClock* clock) {
  const SplitMarket& split = model.split;
  const double world = model.world_refined_t_per_day;
  const double e = split.export_share;
  const T lost = network.world_refined_loss * world;
  const T kept_exports = network.split_reach * (e * network.split_output);
  const T outside = (lost - network.split_lost + (e * split.output_t_per_day - kept_exports)) /
                    (world - split.domestic_t_per_day);
  point.world_shortfall =
      clamp_to(upper_of(network.world_mine_loss, outside, clock), 0.0, 1.0, clock);
  point.domestic_shortfall = 1.0 - (network.split_output - kept_exports) / split.domestic_t_per_day;
  point.split = true;
}

template <typename T>
BasicSupplyPoint<T> read_supply(const Model& model, ProfileScratch& scratch, KinkClock* clock) {
  IncrementalPropagation& availability = scratch.propagation;
  BasicNetworkOutcome<T>& network = outcome_for(scratch, T());
  if constexpr (std::is_same_v<T, double>) {
    availability.propagate(model, network);
  } else {
    availability.propagate(model, network, *clock);
  }
  const double primary =
      model.exports_surplus ? model.primary_need_t_per_day : model.primary_t_per_day;
  T domestic;
  T refined;
  ProfileScratch::FocalSupply& kept = scratch.focal;
  if (std::is_same_v<T, double> && model.clearing && kept.version == availability.focal_version()) {
    domestic = kept.domestic_t_per_day;
    refined = kept.refined_t_per_day;
  } else {
    T concentrate = class_supply(model, availability, network, ImportClass::concentrate, clock);
    refined = class_supply(model, availability, network, ImportClass::refined, clock);
    domestic = lower_of(
        concentrate,
        model.smelter_capacity_t_per_day * channel_value<T>(availability, model.smelter_channel()),
        clock);
    if (model.exports_surplus) {
      // The focal economy keeps what it consumes; the rest of its smelters' output is exported,
      // so a cut reduces exports before it reaches the focal economy (docs/engine.md, "Demand").
      refined = lower_of(refined, T(primary), clock);
      domestic = lower_of(domestic, T(primary) - refined, clock);
    }
    if constexpr (std::is_same_v<T, double>) {
      kept = {availability.focal_version(), domestic, refined};
    }
  }
  BasicSupplyPoint<T> point;
  point.domestic_fraction = primary > 0.0 ? domestic / primary : T(0.0);
  point.imports_fraction = primary > 0.0 ? refined / primary : T(0.0);
  point.recycling_available = channel_value<T>(availability, model.recycling_channel());
  if (network.split_bound) {
    set_split_shortfalls(model, network, point, clock);
    return point;
  }
  point.world_shortfall = clamp_to(
      upper_of(network.world_mine_loss, network.world_refined_loss, clock), 0.0, 1.0, clock);
  return point;
}

// Sets the ramping channels to their values (and slopes) at `day` inside `cover` (the segment
// between two effect boundaries). Slopes are always set, so every evaluation inside a ramp sees
// the same nodes as cut, in the same order, plain or sloped.
void set_ramps_at(const Model& model, ProfileScratch& scratch, const ProfileSegment& cover,
                  double day) {
  for (std::uint32_t e : scratch.ramps) {
    LinearValue factor = channel_product(scratch, e, cover, day);
    scratch.propagation.set(model, scratch.effects[e].channel, factor.value, factor.slope);
  }
}

SupplyPoint supply_at(const Model& model, ProfileScratch& scratch, const ProfileSegment& cover,
                      double day) {
  set_ramps_at(model, scratch, cover, day);
  return read_supply<double>(model, scratch, nullptr);
}

// The same with slopes, and the days from `day` to the next kink if nothing bends.
SlopedSupplyPoint sloped_supply_at(const Model& model, ProfileScratch& scratch,
                                   const ProfileSegment& cover, double day, KinkClock& clock) {
  set_ramps_at(model, scratch, cover, day);
  return read_supply<LinearValue>(model, scratch, &clock);
}

void fill_supply(const Model& model, ProfileScratch& scratch, ProfileSegment& segment) {
  IncrementalPropagation& availability = scratch.propagation;
  // Boundaries include every effect's ends, so an effect covers a segment or misses it; the
  // channels whose effects start or end here, and those that ramp, are the only ones that change.
  const auto& effects = scratch.effects;
  auto update = [&](std::uint32_t e, double day) {
    LinearValue factor = channel_product(scratch, e, segment, day);
    availability.set(model, effects[e].channel, factor.value, factor.slope);
  };
  auto& ramps = scratch.ramps;
  while (scratch.next_start < effects.size() &&
         effects[scratch.by_start[scratch.next_start]].start_day <= segment.start_day) {
    std::uint32_t e = scratch.by_start[scratch.next_start++];
    update(e, segment.start_day);
    if (effects[e].ramps()) ramps.push_back(e);
  }
  while (scratch.next_end < effects.size() &&
         effects[scratch.by_end[scratch.next_end]].end_day <= segment.start_day) {
    std::uint32_t e = scratch.by_end[scratch.next_end++];
    update(e, segment.start_day);
    if (effects[e].ramps()) std::erase(ramps, e);
  }
  segment.ramped = !ramps.empty();
  if (segment.ramped) return;  // split_at_kinks gives its pieces their ends
  SupplyPoint start = supply_at(model, scratch, segment, segment.start_day);
  set_start(segment, start);
  set_end(segment, start);
}

// Inside a ramp every channel is linear in time, so the supply is piecewise linear with kinks
// where a min(), max() or clamp() switches (spare capacity running out, a capacity binding, a
// cap meeting the flow): the sloped propagation gives each switch as the root of a linear
// equation and the ramp is cut exactly there. Two ramps multiplying on one channel, and partial
// replacement of lost feed (spare / lost), bend the supply instead: a piece whose middle or end
// is off its tangent by more than kStraightTolerance is a curve. A curve is halved until, in every
// half, every min() and max() takes the same branch at both ends and the midpoint (a kink against a
// curve is not the root of a linear equation: this finds it to 2^-kMaxCurveDepth of the piece),
// and the midpoint is within kCurveTolerance of the chord (for a quadratic, the largest
// deviation anywhere in the half).
constexpr double kStraightTolerance = 1e-12;  // rounding of a propagation, fractions of supply
constexpr double kCurveTolerance = 1e-7;      // chord error of a curve, fractions of supply
constexpr int kMaxCurveDepth = 30;            // 2^-30 of a piece: a kink's place to ~1e-7 days
// A ramp is cut at most this often (kinks and curve halvings together): a bound far above any
// real case (each min() switches a few times), so an engine fault ends the run instead of
// looping.
constexpr int kMaxPiecesPerSegment = 1 << 20;

[[noreturn]] void throw_too_many_pieces(const ProfileSegment& cover) {
  throw InternalError("supply profile: more than " + std::to_string(kMaxPiecesPerSegment) +
                      " kinks and curve pieces in one ramp from day " +
                      std::to_string(cover.start_day));
}

double largest_deviation(const SupplyPoint& a, const SupplyPoint& b) {
  return std::max({std::abs(a.domestic_fraction - b.domestic_fraction),
                   std::abs(a.imports_fraction - b.imports_fraction),
                   std::abs(a.recycling_available - b.recycling_available),
                   std::abs(a.world_shortfall - b.world_shortfall),
                   std::abs(a.domestic_shortfall - b.domestic_shortfall)});
}

SupplyPoint along(const SlopedSupplyPoint& p, double days) {
  return {p.domestic_fraction.value + p.domestic_fraction.slope * days,
          p.imports_fraction.value + p.imports_fraction.slope * days,
          p.recycling_available.value + p.recycling_available.slope * days,
          p.world_shortfall.value + p.world_shortfall.slope * days,
          p.domestic_shortfall.value + p.domestic_shortfall.slope * days,
          p.split};
}

SupplyPoint midpoint(const SupplyPoint& a, const SupplyPoint& b) {
  return {0.5 * (a.domestic_fraction + b.domestic_fraction),
          0.5 * (a.imports_fraction + b.imports_fraction),
          0.5 * (a.recycling_available + b.recycling_available),
          0.5 * (a.world_shortfall + b.world_shortfall),
          0.5 * (a.domestic_shortfall + b.domestic_shortfall),
          a.split};
}

void add_piece(const ProfileSegment& cover, double from, const SupplyPoint& at_from, double to,
               const SupplyPoint& at_to, std::vector<ProfileSegment>& out) {
  ProfileSegment piece = cover;
  piece.start_day = from;
  piece.end_day = to;
  set_start(piece, at_from);
  set_end(piece, at_to);
  out.push_back(piece);
}

// The supply at `day` and which branches its min()s and max()s take there.
struct Reading {
  SupplyPoint values;
  std::uint64_t branches = 0;
};

Reading reading_at(const Model& model, ProfileScratch& scratch, const ProfileSegment& cover,
                   double day) {
  KinkClock clock;
  SlopedSupplyPoint point = sloped_supply_at(model, scratch, cover, day, clock);
  return {values_of(point), clock.branches};
}

void split_curve(const Model& model, ProfileScratch& scratch, const ProfileSegment& cover,
                 double from, const Reading& at_from, double to, const Reading& at_to, int depth,
                 std::vector<ProfileSegment>& out) {
  const double mid = 0.5 * (from + to);
  Reading at_mid = reading_at(model, scratch, cover, mid);
  bool smooth = at_from.branches == at_mid.branches && at_mid.branches == at_to.branches;
  bool close =
      largest_deviation(at_mid.values, midpoint(at_from.values, at_to.values)) <= kCurveTolerance;
  if (depth >= kMaxCurveDepth || (smooth && close)) {
    add_piece(cover, from, at_from.values, to, at_to.values, out);
    return;
  }
  if (out.size() >= kMaxPiecesPerSegment) throw_too_many_pieces(cover);
  split_curve(model, scratch, cover, from, at_from, mid, at_mid, depth + 1, out);
  split_curve(model, scratch, cover, mid, at_mid, to, at_to, depth + 1, out);
}

void split_at_kinks(const Model& model, ProfileScratch& scratch, const ProfileSegment& cover,
                    std::vector<ProfileSegment>& out) {
  double from = cover.start_day;
  KinkClock clock;
  SlopedSupplyPoint at_from = sloped_supply_at(model, scratch, cover, from, clock);
  for (int pieces = 0; from < cover.end_day; ++pieces) {
    if (pieces >= kMaxPiecesPerSegment || out.size() >= kMaxPiecesPerSegment) {
      throw_too_many_pieces(cover);
    }
    double to = cover.end_day;
    if (clock.next_days < to - from) to = from + clock.next_days;
    if (to <= from) to = std::nextafter(from, cover.end_day);  // a root within rounding of now
    KinkClock next_clock;
    SlopedSupplyPoint at_to = sloped_supply_at(model, scratch, cover, to, next_clock);
    SupplyPoint start = values_of(at_from);
    SupplyPoint end = values_of(at_to);
    // Straight when the middle and the end lie on the tangent at the start. (The end alone is
    // not enough: a predicted kink is where the tangent meets the other branch, so a curve's
    // end lands on its tangent there.)
    const double mid = 0.5 * (from + to);
    if (largest_deviation(end, along(at_from, to - from)) <= kStraightTolerance &&
        largest_deviation(supply_at(model, scratch, cover, mid), along(at_from, mid - from)) <=
            kStraightTolerance) {
      add_piece(cover, from, start, to, end, out);
    } else {
      // The branches just before `to` (at `to` itself a predicted kink may already have
      // switched): a half is smooth when its ends' fingerprints agree.
      double before = to - std::ldexp(to - from, -kMaxCurveDepth);
      Reading end_reading{end, reading_at(model, scratch, cover, before).branches};
      split_curve(model, scratch, cover, from, {start, clock.branches}, to, end_reading, 0, out);
    }
    from = to;
    at_from = at_to;
    clock = next_clock;
  }
}

double scarcity_of(const Model& model, double world_shortfall) {
  if (world_shortfall <= 0.0) return std::min(model.price_cap, 1.0);  // pow(1, -e) is exactly 1
  return world_shortfall >= 1.0 ? model.price_cap
                                : std::min(model.price_cap, std::pow(1.0 - world_shortfall,
                                                                     -model.inverse_elasticity));
}

// Integral over [from, to) of min(cap, factor x scarcity(t)) with the segment's world shortfall
// linear in t, and the peak of the integrand there (monotone between the ends).
struct PricePiece {
  double integral = 0.0;
  double peak = 0.0;
};

PricePiece ramped_price(const Model& model, const ProfileSegment& segment, double factor,
                        double from, double to) {
  double span = segment.end_day - segment.start_day;
  auto shortfall_at = [&](double day) {
    double w = segment.world_shortfall + (segment.world_shortfall_end - segment.world_shortfall) *
                                             ((day - segment.start_day) / span);
    return std::clamp(w, 0.0, 1.0);
  };
  double w_from = shortfall_at(from);
  double w_to = shortfall_at(to);
  PricePiece piece;
  piece.peak = std::max(std::min(model.price_cap, factor * scarcity_of(model, w_from)),
                        std::min(model.price_cap, factor * scarcity_of(model, w_to)));
  piece.integral =
      capped_scarcity_integral(model.price_cap * std::min(1.0, factor), factor,
                               model.inverse_elasticity, 1.0 - w_from, 1.0 - w_to, to - from);
  return piece;
}

// The segment's peak price multiple and its price integral over the grid cells it spans.
void add_prices(const Model& model, ProfileSegment& segment, SupplyProfile& out) {
  {
    segment.scarcity = scarcity_of(model, segment.world_shortfall);
    // Peak and integral over the price grid cells the segment spans.
    const std::vector<double>& factor = out.price_factor;
    auto first = static_cast<std::size_t>(segment.start_day / model.price_step_days);
    double peak = 0.0;
    double integral = 0.0;
    for (std::size_t k = std::min(first, factor.size() - 1); k < factor.size(); ++k) {
      double cell_start = static_cast<double>(k) * model.price_step_days;
      double cell_end =
          k + 1 == factor.size() ? segment.end_day : cell_start + model.price_step_days;
      double lo = std::max(cell_start, segment.start_day);
      double hi = std::min(cell_end, segment.end_day);
      if (hi <= lo && k > first) break;
      if (hi > lo && segment.ramped) {
        PricePiece piece = ramped_price(model, segment, factor[k], lo, hi);
        peak = std::max(peak, piece.peak);
        integral += piece.integral;
      } else if (hi > lo) {
        double multiple = std::min(model.price_cap, factor[k] * segment.scarcity);
        peak = std::max(peak, multiple);
        integral += multiple * (hi - lo);
      }
      if (cell_end >= segment.end_day) break;
    }
    segment.peak_price_multiple = peak;
    segment.price_days = integral;
    out.segments.push_back(segment);
  }
}

}  // namespace

void build_supply_profile(const Model& model, const std::vector<Occurrence>& occurrences,
                          std::uint64_t seed, std::uint64_t trial, ProfileScratch& scratch,
                          SupplyProfile& out, bool reuse_price_factor) {
  const double horizon = model.horizon_days;
  scratch.effects.clear();
  for (const Occurrence& occurrence : occurrences) {
    const CompiledTarget& target = model.events[occurrence.event].targets[occurrence.target];
    for (const ChannelHit& hit : target.hits) {
      add_channel_effects(occurrence, target, hit, horizon, scratch.effects);
    }
  }
  if (!reuse_price_factor) draw_price_factor(model, seed, trial, out.price_factor);

  out.segments.clear();
  scratch.ramps.clear();
  scratch.propagation.reset(model);
  sort_effects(model, scratch);
  // The boundaries: 0, every start and end (a merge of the two sorted orders), the horizon.
  std::vector<double>& cuts = scratch.boundaries;
  cuts.clear();
  cuts.push_back(0.0);
  {
    const auto& effects = scratch.effects;
    std::size_t i = 0;
    std::size_t j = 0;
    const std::size_t n = effects.size();
    while (i < n || j < n) {
      const double start = i < n ? effects[scratch.by_start[i]].start_day : kNoDay;
      const double end = j < n ? effects[scratch.by_end[j]].end_day : kNoDay;
      if (start <= end) {
        cuts.push_back(start);
        ++i;
      } else {
        cuts.push_back(end);
        ++j;
      }
    }
  }
  while (cuts.size() > 1 && cuts.back() >= horizon) cuts.pop_back();
  cuts.push_back(horizon);
  if (!std::is_sorted(cuts.begin(), cuts.end())) std::sort(cuts.begin(), cuts.end());
  cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());
  while (!cuts.empty() && cuts.back() > horizon) cuts.pop_back();

  std::vector<ProfileSegment>& pieces = scratch.pieces;
  for (std::size_t s = 0; s + 1 < cuts.size(); ++s) {
    ProfileSegment cover;
    cover.start_day = cuts[s];
    cover.end_day = cuts[s + 1];
    fill_supply(model, scratch, cover);
    pieces.clear();
    if (cover.ramped) {
      split_at_kinks(model, scratch, cover, pieces);
    } else {
      pieces.push_back(cover);
    }
    if (model.clearing) {
      out.segments.insert(out.segments.end(), pieces.begin(), pieces.end());
    } else {
      for (ProfileSegment& segment : pieces) add_prices(model, segment, out);
    }
  }
  if (model.clearing) run_world_market(model, out, scratch.market);
}

bool same_price_process(const Model& a, const Model& b) {
  return a.horizon_days == b.horizon_days && a.price_step_days == b.price_step_days &&
         a.price_decay == b.price_decay && a.price_noise_sd == b.price_noise_sd;
}

double price_integral(const Model& model, const SupplyProfile& profile,
                      const ProfileSegment& segment, double from_day, double to_day) {
  if (model.clearing) return market_price_integral(profile.market, from_day, to_day);
  const double scarcity = segment.scarcity;
  const std::vector<double>& factor = profile.price_factor;
  auto k = std::min(static_cast<std::size_t>(from_day / model.price_step_days), factor.size() - 1);
  double integral = 0.0;
  double t = from_day;
  while (t < to_day) {
    double cell_end =
        k + 1 >= factor.size() ? to_day : static_cast<double>(k + 1) * model.price_step_days;
    double hi = std::min(cell_end, to_day);
    if (hi > t && segment.ramped) {
      integral += ramped_price(model, segment, factor[k], t, hi).integral;
    } else if (hi > t) {
      integral += std::min(model.price_cap, factor[k] * scarcity) * (hi - t);
    }
    t = std::max(t, hi);
    if (k + 1 >= factor.size()) break;
    ++k;
  }
  return integral;
}

// The stochastic price factor on its grid: an exact Ornstein-Uhlenbeck chain of the log, from 0.
void draw_price_factor(const Model& model, std::uint64_t seed, std::uint64_t trial,
                       std::vector<double>& log_price) {
  auto steps = static_cast<std::size_t>(std::ceil(model.horizon_days / model.price_step_days));
  log_price.assign(std::max<std::size_t>(steps, 1), 0.0);
  if (model.price_noise_sd > 0.0) {
    RandomStream stream(seed, trial, kPriceStream);
    for (std::size_t k = 1; k < log_price.size(); ++k) {
      log_price[k] = log_price[k - 1] * model.price_decay + model.price_noise_sd * stream.normal();
    }
  }
  for (double& x : log_price) x = std::exp(x);  // from here on, the factor itself
}

}  // namespace mineflow
