#include "sim/occurrences.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <optional>

#include "sim/distribution.h"
#include "sim/hazard_draw.h"
#include "sim/units.h"

namespace mineflow {
namespace {

struct ShapeDraw {
  RecoveryShape::Kind kind = RecoveryShape::Kind::step;
  double days = 0.0;
};

// Shape and cap parameters are drawn after duration and severities, and only when an event has
// them, so adding a shape to one event leaves every other draw as it was.
ShapeDraw draw_shape(const RecoveryShape& shape, RandomStream& stream) {
  switch (shape.kind) {
    case RecoveryShape::Kind::linear:
      return {shape.kind, std::max(0.0, sample(shape.recovery_days, stream))};
    case RecoveryShape::Kind::exponential:
      return {shape.kind, std::max(0.0, sample(shape.half_life_days, stream))};
    default:
      return {shape.kind, 0.0};
  }
}

void draw_cap(const ExportCap& cap, RandomStream& stream, Occurrence& out) {
  double utilisation = std::max(0.0, sample(cap.utilisation, stream));
  if (cap.t_per_yr) {
    out.allowed_t_per_day =
        std::max(0.0, sample(*cap.t_per_yr, stream)) * utilisation / kDaysPerYear;
  } else if (cap.fraction_of_baseline) {
    out.allowed_fraction = std::max(0.0, sample(*cap.fraction_of_baseline, stream)) * utilisation;
  }
}

void add_occurrence(const EventSpec& spec, const Distribution& duration_days, std::uint32_t event,
                    double start_day, RandomStream& stream, std::vector<Occurrence>& out) {
  double duration = std::max(0.0, sample(duration_days, stream));
  double shared_severity = std::clamp(sample(spec.severity, stream), 0.0, 1.0);
  const std::size_t first = out.size();
  for (std::size_t t = 0; t < spec.targets.size(); ++t) {
    const EventTarget& target = spec.targets[t];
    double severity =
        target.severity ? std::clamp(sample(*target.severity, stream), 0.0, 1.0) : shared_severity;
    out.push_back(
        {event, static_cast<std::uint32_t>(t), start_day, start_day + duration, severity});
  }
  ShapeDraw shared_shape = draw_shape(spec.recovery, stream);
  Occurrence shared_cap;
  if (spec.cap) draw_cap(*spec.cap, stream, shared_cap);
  for (std::size_t t = 0; t < spec.targets.size(); ++t) {
    const EventTarget& target = spec.targets[t];
    Occurrence& o = out[first + t];
    ShapeDraw shape = target.recovery ? draw_shape(*target.recovery, stream) : shared_shape;
    o.shape = shape.kind;
    o.shape_days = shape.days;
    const Occurrence* cap = &shared_cap;
    Occurrence own_cap;
    if (target.cap) {
      draw_cap(*target.cap, stream, own_cap);
      cap = &own_cap;
    }
    o.allowed_t_per_day = cap->allowed_t_per_day;
    o.allowed_fraction = cap->allowed_fraction;
  }
  // Drawn last and only for a licensed event, so every other draw stays as it was.
  if (spec.licence) {
    double delay = std::max(0.0, sample(spec.licence->delay_days, stream));
    double approval = std::clamp(sample(spec.licence->approval_share, stream), 0.0, 1.0);
    for (std::size_t t = first; t < out.size(); ++t) {
      out[t].severity = spec.licence->scale;
      out[t].licence_delay_days = delay;
      out[t].licence_approval_share = approval;
    }
  }
}

}  // namespace

void draw_occurrences(const std::vector<EventSpec>& events, double horizon_days, std::uint64_t seed,
                      std::uint64_t trial, std::vector<Occurrence>& out) {
  out.clear();
  std::optional<HazardVariates> variates;  // --parameter-uncertainty: drawn on first use
  std::array<PhiloxBlock, kPhiloxLanes> first_blocks;
  // The events' first blocks in lock-step groups of kPhiloxLanes; the events after the last
  // whole group (all of them in a scenario of a few events) compute theirs on their first draw,
  // which costs less than a group of lanes for one or two: the same bits either way.
  const std::size_t grouped = events.size() - events.size() % kPhiloxLanes;
  for (std::size_t e = 0; e < events.size(); ++e) {
    const EventSpec& spec = events[e];
    auto event = static_cast<std::uint32_t>(e);
    if (e < grouped && e % kPhiloxLanes == 0) {
      philox_first_blocks(seed, trial, kEventStreamBase + event, first_blocks);
    }
    RandomStream stream = e < grouped ? RandomStream(seed, trial, kEventStreamBase + event,
                                                     first_blocks[e % kPhiloxLanes])
                                      : RandomStream(seed, trial, kEventStreamBase + event);
    if (spec.start_day) {
      if (*spec.start_day < horizon_days) {
        add_occurrence(spec, spec.duration_days, event, *spec.start_day, stream, out);
      }
      continue;
    }
    double rate = spec.hazard_per_year.value_or(0.0);
    Distribution duration_days = spec.duration_days;
    if (spec.rate_draw) {
      if (!variates) variates = draw_hazard_variates(seed, trial);
      rate = drawn_rate_per_year(*spec.rate_draw, *variates);
      duration_days = drawn_duration_days(*spec.rate_draw, *variates, spec.duration_days);
    }
    if (rate <= 0.0) continue;
    double mean_gap_days = kDaysPerYear / rate;
    // Most nodes see no event in a trial: the first gap -mean x log(u) exceeds the horizon. As
    // log(u) <= -(x + x^2 / 2) with x = 1 - u, a u with x + x^2 / 2 above horizon / mean (with a
    // margin far above the rounding of log) is such a draw, told without calling log; every
    // other u takes the exact path, so every result keeps its bits.
    const double first_u = stream.uniform();
    const double x = 1.0 - first_u;
    if (x + 0.5 * x * x > horizon_days / mean_gap_days * (1.0 + 1e-9)) continue;
    for (double t = -mean_gap_days * std::log(first_u); t < horizon_days;
         t += stream.exponential(mean_gap_days)) {
      add_occurrence(spec, duration_days, event, t, stream, out);
    }
  }
}

bool is_deterministic(const std::vector<EventSpec>& events) {
  for (const EventSpec& spec : events) {
    if (!spec.start_day || !spec.duration_days.is_fixed() || !spec.severity.is_fixed()) {
      return false;
    }
    auto fixed_shape = [](const RecoveryShape& shape) {
      return shape.recovery_days.is_fixed() && shape.half_life_days.is_fixed();
    };
    auto fixed_cap = [](const std::optional<ExportCap>& cap) {
      return !cap ||
             (cap->utilisation.is_fixed() && (!cap->t_per_yr || cap->t_per_yr->is_fixed()) &&
              (!cap->fraction_of_baseline || cap->fraction_of_baseline->is_fixed()));
    };
    if (!fixed_shape(spec.recovery) || !fixed_cap(spec.cap)) return false;
    if (spec.licence &&
        !(spec.licence->delay_days.is_fixed() && spec.licence->approval_share.is_fixed())) {
      return false;
    }
    for (const EventTarget& target : spec.targets) {
      if (target.severity && !target.severity->is_fixed()) return false;
      if (target.recovery && !fixed_shape(*target.recovery)) return false;
      if (!fixed_cap(target.cap)) return false;
    }
  }
  return true;
}

}  // namespace mineflow
