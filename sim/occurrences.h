#pragma once
// Step 1 of a trial: draw when each event happens, for how long and how hard. Depends only on
// the scenario's events, the seed and the trial index, never on a policy or a model: every
// policy variant and every sweep level reuses the same draws (common random numbers).

#include <cstdint>
#include <vector>

#include "sim/scenario.h"

namespace mineflow {

// One event occurrence hitting one target (a group of targets gives one entry per target, all
// with the same start and end).
struct Occurrence {
  std::uint32_t event = 0;   // index into Scenario::events
  std::uint32_t target = 0;  // index into EventSpec::targets
  double start_day = 0.0;
  double end_day = 0.0;   // end of the full-loss phase (the shape may recover after it)
  double severity = 0.0;  // fraction lost, 0..1 (unused for a cap)
  RecoveryShape::Kind shape = RecoveryShape::Kind::step;
  double shape_days = 0.0;  // linear: recovery days; exponential: half-life
  // A cap (ExportCap), utilisation applied: the flow allowed in t/day, or as a fraction of the
  // target's baseline; negative when the event cuts by severity.
  double allowed_t_per_day = -1.0;
  double allowed_fraction = -1.0;
  // Licensing (EventSpec::licence): nothing flows for the delay, then the approved share;
  // a negative delay when the event has no licence.
  double licence_delay_days = -1.0;
  double licence_approval_share = 0.0;
};

// Clears `out` and fills it, event by event in index order. Each event draws from its own
// stream (seed, trial, kEventStreamBase + event index).
void draw_occurrences(const std::vector<EventSpec>& events, double horizon_days, std::uint64_t seed,
                      std::uint64_t trial, std::vector<Occurrence>& out);

// True when no event is random (fixed starts, fixed durations and severities).
bool is_deterministic(const std::vector<EventSpec>& events);

}  // namespace mineflow
