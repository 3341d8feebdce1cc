#include "sim/supply_profile.h"

#include <algorithm>
#include <cmath>

#include "sim/random_stream.h"
#include "sim/scarcity_integral.h"

namespace mineflow {
namespace {

// The stochastic price factor on its grid: an exact Ornstein-Uhlenbeck chain of the log, from 0.
void draw_log_price(const Model& model, std::uint64_t seed, std::uint64_t trial,
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

// Supply of one import class, rerouting lost volume to spare capacity. A refined stream
// follows its refiner's output fraction.
double class_supply(const Model& model, const IncrementalPropagation& availability,
                    const NetworkOutcome& network, ImportClass import_class) {
  double delivered = 0.0;
  double lost = 0.0;
  double spare = 0.0;
  for (std::size_t i = 0; i < model.sources.size(); ++i) {
    const SupplySource& source = model.sources[i];
    if (source.import_class != import_class) continue;
    double reach = availability.availability(static_cast<std::uint32_t>(i));
    if (source.refiner != SupplySource::kNone) reach *= network.output_fraction[source.refiner];
    delivered += source.baseline_t_per_day * reach;
    lost += source.baseline_t_per_day * (1.0 - reach);
    spare += source.spare_t_per_day * reach;
  }
  return delivered + std::min(lost, spare);
}

// Availabilities change only where an effect starts or ends; only those channels are
// recomputed (as the product of the effects covering the segment, in effect order), and the
// network propagation visits only what they reach.
void sort_effects(ProfileScratch& scratch) {
  const auto& effects = scratch.effects;
  const auto n = static_cast<std::uint32_t>(effects.size());
  auto fill = [n](std::vector<std::uint32_t>& order) {
    order.resize(n);
    for (std::uint32_t i = 0; i < n; ++i) order[i] = i;
  };
  fill(scratch.by_start);
  fill(scratch.by_end);
  fill(scratch.by_channel);
  std::stable_sort(scratch.by_start.begin(), scratch.by_start.end(),
                   [&](auto a, auto b) { return effects[a].start_day < effects[b].start_day; });
  std::stable_sort(scratch.by_end.begin(), scratch.by_end.end(),
                   [&](auto a, auto b) { return effects[a].end_day < effects[b].end_day; });
  std::stable_sort(scratch.by_channel.begin(), scratch.by_channel.end(),
                   [&](auto a, auto b) { return effects[a].channel < effects[b].channel; });
  scratch.channel_group.resize(n);
  for (std::uint32_t begin = 0; begin < n;) {
    std::uint32_t end = begin;
    while (end < n &&
           effects[scratch.by_channel[end]].channel == effects[scratch.by_channel[begin]].channel) {
      ++end;
    }
    for (std::uint32_t i = begin; i < end; ++i)
      scratch.channel_group[scratch.by_channel[i]] = {begin, end};
    begin = end;
  }
  scratch.next_start = 0;
  scratch.next_end = 0;
}

// The product at `day` of the effects on `effect`'s channel that cover the segment, in effect
// order.
double channel_product(const ProfileScratch& scratch, std::uint32_t effect,
                       const ProfileSegment& segment, double day) {
  double product = 1.0;
  auto [begin, end] = scratch.channel_group[effect];
  for (std::uint32_t i = begin; i < end; ++i) {
    const auto& e = scratch.effects[scratch.by_channel[i]];
    if (e.start_day <= segment.start_day && e.end_day >= segment.end_day) {
      product *= e.factor_at(day);
    }
  }
  return product;
}

struct SupplyPoint {
  double domestic_fraction = 1.0;
  double imports_fraction = 1.0;
  double recycling_available = 1.0;
  double world_shortfall = 0.0;
};

void set_start(ProfileSegment& segment, const SupplyPoint& point) {
  segment.domestic_fraction = point.domestic_fraction;
  segment.imports_fraction = point.imports_fraction;
  segment.recycling_available = point.recycling_available;
  segment.world_shortfall = point.world_shortfall;
}

void set_end(ProfileSegment& segment, const SupplyPoint& point) {
  segment.domestic_fraction_end = point.domestic_fraction;
  segment.imports_fraction_end = point.imports_fraction;
  segment.recycling_available_end = point.recycling_available;
  segment.world_shortfall_end = point.world_shortfall;
}

// Supply with the channel availabilities as they are set now.
SupplyPoint read_supply(const Model& model, ProfileScratch& scratch) {
  IncrementalPropagation& availability = scratch.propagation;
  availability.propagate(model, scratch.network);
  double concentrate = class_supply(model, availability, scratch.network, ImportClass::concentrate);
  double refined = class_supply(model, availability, scratch.network, ImportClass::refined);
  double domestic = std::min(concentrate, model.smelter_capacity_t_per_day *
                                              availability.availability(model.smelter_channel()));
  double primary = model.primary_t_per_day;
  SupplyPoint point;
  point.domestic_fraction = primary > 0.0 ? domestic / primary : 0.0;
  point.imports_fraction = primary > 0.0 ? refined / primary : 0.0;
  point.recycling_available = availability.availability(model.recycling_channel());
  point.world_shortfall = std::clamp(
      std::max(scratch.network.world_mine_loss, scratch.network.world_refined_loss), 0.0, 1.0);
  return point;
}

// Supply at `day` inside `cover` (the segment between two effect boundaries) with the ramping
// channels set to their values then.
SupplyPoint supply_at(const Model& model, ProfileScratch& scratch, const ProfileSegment& cover,
                      double day) {
  for (std::uint32_t e : scratch.ramps) {
    scratch.propagation.set(model, scratch.effects[e].channel,
                            channel_product(scratch, e, cover, day));
  }
  return read_supply(model, scratch);
}

void fill_supply(const Model& model, ProfileScratch& scratch, ProfileSegment& segment) {
  IncrementalPropagation& availability = scratch.propagation;
  // Boundaries include every effect's ends, so an effect covers a segment or misses it; the
  // channels whose effects start or end here, and those that ramp, are the only ones that change.
  const auto& effects = scratch.effects;
  auto update = [&](std::uint32_t e, double day) {
    availability.set(model, effects[e].channel, channel_product(scratch, e, segment, day));
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
  SupplyPoint start = supply_at(model, scratch, segment, segment.start_day);
  set_start(segment, start);
  segment.ramped = !ramps.empty();
  set_end(segment, segment.ramped ? supply_at(model, scratch, segment, segment.end_day) : start);
}

// Supply is linear in a ramp only while no capacity or spare-capacity limit starts or stops
// binding (a kink) and no two ramps multiply on one channel (a curve). A piece whose midpoint is
// off the line through its ends by more than kLinearTolerance is halved. A kink lies in one
// half: that half is followed down, to within 2^-kMaxBendDepth of the segment, where the
// chord's volume error is negligible. A curve bends both halves: it is halved once and its
// chords are kept (docs/engine.md "Event shapes" states that error).
constexpr double kLinearTolerance = 1e-9;
constexpr int kMaxBendDepth = 20;

bool off_line(const ProfileSegment& piece, const SupplyPoint& at_mid) {
  auto off = [](double a, double b, double mid) {
    return std::abs(mid - 0.5 * (a + b)) > kLinearTolerance;
  };
  return off(piece.domestic_fraction, piece.domestic_fraction_end, at_mid.domestic_fraction) ||
         off(piece.imports_fraction, piece.imports_fraction_end, at_mid.imports_fraction) ||
         off(piece.recycling_available, piece.recycling_available_end,
             at_mid.recycling_available) ||
         off(piece.world_shortfall, piece.world_shortfall_end, at_mid.world_shortfall);
}

// `piece` is off its line, with supply `at_mid` at its midpoint.
void split_at_bends(const Model& model, ProfileScratch& scratch, const ProfileSegment& cover,
                    const ProfileSegment& piece, const SupplyPoint& at_mid, int depth,
                    std::vector<ProfileSegment>& out) {
  const double mid = 0.5 * (piece.start_day + piece.end_day);
  ProfileSegment left = piece;
  ProfileSegment right = piece;
  left.end_day = mid;
  set_end(left, at_mid);
  right.start_day = mid;
  set_start(right, at_mid);
  if (depth + 1 >= kMaxBendDepth) {
    out.push_back(left);
    out.push_back(right);
    return;
  }
  SupplyPoint left_mid = supply_at(model, scratch, cover, 0.5 * (left.start_day + left.end_day));
  SupplyPoint right_mid = supply_at(model, scratch, cover, 0.5 * (right.start_day + right.end_day));
  bool left_off = off_line(left, left_mid);
  bool right_off = off_line(right, right_mid);
  if (left_off && !right_off) {
    split_at_bends(model, scratch, cover, left, left_mid, depth + 1, out);
  } else {
    out.push_back(left);
  }
  if (right_off && !left_off) {
    split_at_bends(model, scratch, cover, right, right_mid, depth + 1, out);
  } else {
    out.push_back(right);
  }
}

double scarcity_of(const Model& model, double world_shortfall) {
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
  if (!reuse_price_factor) draw_log_price(model, seed, trial, out.price_factor);

  std::vector<double>& cuts = scratch.boundaries;
  cuts.clear();
  cuts.push_back(0.0);
  for (const auto& effect : scratch.effects) {
    cuts.push_back(effect.start_day);
    cuts.push_back(effect.end_day);
  }
  cuts.push_back(horizon);
  std::sort(cuts.begin(), cuts.end());
  cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());
  while (!cuts.empty() && cuts.back() > horizon) cuts.pop_back();

  out.segments.clear();
  scratch.ramps.clear();
  scratch.propagation.reset(model);
  sort_effects(scratch);
  std::vector<ProfileSegment>& pieces = scratch.pieces;
  for (std::size_t s = 0; s + 1 < cuts.size(); ++s) {
    ProfileSegment cover;
    cover.start_day = cuts[s];
    cover.end_day = cuts[s + 1];
    fill_supply(model, scratch, cover);
    pieces.clear();
    SupplyPoint at_mid;
    if (cover.ramped &&
        off_line(cover, at_mid = supply_at(model, scratch, cover,
                                           0.5 * (cover.start_day + cover.end_day)))) {
      split_at_bends(model, scratch, cover, cover, at_mid, 0, pieces);
    } else {
      pieces.push_back(cover);
    }
    for (ProfileSegment& segment : pieces) add_prices(model, segment, out);
  }
}

bool same_price_process(const Model& a, const Model& b) {
  return a.horizon_days == b.horizon_days && a.price_step_days == b.price_step_days &&
         a.price_decay == b.price_decay && a.price_noise_sd == b.price_noise_sd;
}

double price_integral(const Model& model, const SupplyProfile& profile,
                      const ProfileSegment& segment, double from_day, double to_day) {
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

}  // namespace mineflow
