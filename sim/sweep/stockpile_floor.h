#pragma once
// Where a stockpile target sits on a floor (issue 25): the target's metric still above what the
// conservative bound needs at the largest level swept, so more days do not remove the risk; what
// is left is set by how fast the stockpile can release and how late it starts (the policy's
// release rate and decision delay, docs/stockpile.md "How to read"). The "days needed" is then
// none, or a number that moves with the trial count, and the outputs say so.

#include <optional>

#include "sim/summary.h"
#include "sim/sweep/stockpile_sweep.h"

namespace mineflow {

struct StockpileFloor {
  double largest_days = 0.0;  // the largest level swept at the finding's recycling share
  Estimate at_largest;        // the target's metric there
  bool met = false;           // the target is met (by the value) somewhere on the grid
};

// nullopt when the conservative bound (value + z SE, `days_high`) meets the target within the
// grid, or the sweep had no target.
std::optional<StockpileFloor> stockpile_floor(const SweepResult& result,
                                              const DaysFinding& finding);

}  // namespace mineflow
