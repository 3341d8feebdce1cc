#include "sim/event_shapes.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace mineflow {

double effective_severity(const Occurrence& occurrence, const CompiledTarget& target) {
  double allowed = -1.0;
  if (occurrence.allowed_fraction >= 0.0) {
    allowed = occurrence.allowed_fraction;
  } else if (occurrence.allowed_t_per_day >= 0.0) {
    // A target that ships nothing at baseline cannot be capped below its flow.
    allowed = target.cap_basis_t_per_day > 0.0
                  ? occurrence.allowed_t_per_day / target.cap_basis_t_per_day
                  : 1.0;
  }
  if (allowed < 0.0) return occurrence.severity;
  return 1.0 - std::min(1.0, allowed);
}

void add_channel_effects(const Occurrence& occurrence, const CompiledTarget& target,
                         const ChannelHit& hit, double horizon_days,
                         std::vector<ChannelEffect>& out) {
  const double lead = hit.lead_time_days;
  const double onset = occurrence.start_day;
  const double full_end = occurrence.end_day;
  // A licence cuts everything while nothing is licensed (to full_from), then what is not
  // approved; the shape recovers from there.
  const bool licensed = occurrence.licence_delay_days >= 0.0;
  const double full_from =
      licensed ? std::min(full_end, onset + occurrence.licence_delay_days) : onset;
  // Clearing: a hit the price reaches later cuts physically only until `physical_until` (days
  // before the lead): while nothing is licensed, or until the focal economy has re-sourced.
  double physical_until = std::numeric_limits<double>::infinity();
  if (hit.licence_delay_only || hit.resourcing_days >= 0.0) {
    physical_until =
        std::max(hit.licence_delay_only ? full_from : onset, onset + hit.resourcing_days);
  }
  // Severity s_from at `from` to s_to at `to`, days from the horizon's start before the lead.
  auto piece = [&](double from, double to, double s_from, double s_to) {
    if (from >= physical_until) return;
    if (to > physical_until) {  // the severity where the physical window closes
      if (s_to != s_from) s_to = s_from + (s_to - s_from) * (physical_until - from) / (to - from);
      to = physical_until;
    }
    double start = from + lead;
    double end = to + lead;
    if (start >= horizon_days || end <= start) return;
    double f_start = 1.0 - s_from;
    double f_end = 1.0 - s_to;
    if (end > horizon_days) {  // the factor where the horizon cuts the piece
      if (f_end != f_start)
        f_end = f_start + (f_end - f_start) * (horizon_days - start) / (end - start);
      end = horizon_days;
    }
    out.push_back({hit.channel, start, end, f_start, f_end});
  };
  // A restriction on some destinations cuts their share of the flow.
  double s = effective_severity(occurrence, target) * hit.severity_scale;
  if (licensed) {
    piece(onset, full_from, s, s);
    s *= 1.0 - occurrence.licence_approval_share;
  }
  if (full_from >= physical_until) return;  // the rest reaches this channel through the price
  switch (occurrence.shape) {
    case RecoveryShape::Kind::step:
      piece(full_from, full_end, s, s);
      break;
    case RecoveryShape::Kind::linear:
      piece(full_from, full_end, s, s);
      if (occurrence.shape_days > 0.0) piece(full_end, full_end + occurrence.shape_days, s, 0.0);
      break;
    case RecoveryShape::Kind::exponential: {
      piece(full_from, full_end, s, s);
      const double half_life = occurrence.shape_days;
      if (half_life <= 0.0) break;
      // Knots every half_life / kPiecesPerHalfLife on s x 2^(-t / half_life), scaled by the chord's
      // excess area (the same on every piece) so that each piece loses exactly the exponential's
      // volume.
      const double step = half_life / kPiecesPerHalfLife;
      const double x = std::log(2.0) / kPiecesPerHalfLife;
      const double chord_excess = 0.5 * x * (1.0 + std::exp(-x)) / (1.0 - std::exp(-x));
      for (int k = 0; k < kPiecesPerHalfLife * kHalfLivesFollowed; ++k) {
        double from = full_end + step * k;
        if (from + lead >= horizon_days || from >= physical_until) break;
        double s_from = s * std::exp2(-static_cast<double>(k) / kPiecesPerHalfLife) / chord_excess;
        double s_to =
            s * std::exp2(-static_cast<double>(k + 1) / kPiecesPerHalfLife) / chord_excess;
        piece(from, full_end + step * (k + 1), s_from, s_to);
      }
      break;
    }
    case RecoveryShape::Kind::profile:
      for (std::size_t i = 0; i + 1 < target.profile.size(); ++i) {
        const ProfilePoint& a = target.profile[i];
        const ProfilePoint& b = target.profile[i + 1];
        piece(onset + a.day, onset + b.day, a.severity * hit.severity_scale,
              b.severity * hit.severity_scale);
      }
      break;
  }
}

}  // namespace mineflow
