#pragma once
// An event occurrence as pieces of linear availability on a channel (docs/engine.md "Event
// shapes"). Pieces are what the supply profile sweeps: a step gives one constant piece, a linear
// recovery two, an exponential one its full-loss piece and four per half-life (sixteen
// half-lives at most: what is left then, 2^-16 of the volume, is dropped), a profile one per pair
// of points.

#include <cstdint>
#include <vector>

#include "sim/model.h"
#include "sim/occurrences.h"

namespace mineflow {

// The availability factor (1 - severity) of one channel goes linearly from factor_start to
// factor_end over [start_day, end_day) (equal factors for a step).
struct ChannelEffect {
  std::uint32_t channel;
  double start_day;
  double end_day;
  double factor_start;
  double factor_end;

  bool ramps() const { return factor_start != factor_end; }
  // The factor at `day` in [start_day, end_day]; exactly factor_start for a step.
  double factor_at(double day) const {
    if (factor_start == factor_end) return factor_start;
    return factor_start + (factor_end - factor_start) * (day - start_day) / (end_day - start_day);
  }
};

// The severity an occurrence cuts with: its drawn severity, or for a cap what lies above the
// allowed flow (1 - min(1, allowed / basis)).
double effective_severity(const Occurrence& occurrence, const CompiledTarget& target);

// Appends the pieces of `occurrence` on `hit`'s channel, shifted by the hit's lead time and
// clipped to [0, horizon_days).
void add_channel_effects(const Occurrence& occurrence, const CompiledTarget& target,
                         const ChannelHit& hit, double horizon_days,
                         std::vector<ChannelEffect>& out);

// Pieces per half-life of an exponential recovery, and how many half-lives are followed. Each
// piece loses exactly the exponential's volume; within a piece the severity is off by at most
// (ln 2 / 4)^2 / 8 = 0.4 % of its value (bench/README.md "Event shapes" for the cost).
inline constexpr int kPiecesPerHalfLife = 4;
inline constexpr int kHalfLivesFollowed = 16;

}  // namespace mineflow
