#pragma once
// The least-cost policy mix meeting a risk target (docs/optimise.md "Method"): a zooming grid
// over the levers whose effect need not be monotone (recycling share, substitution cut), and
// for every grid point a bracketing search over stockpile days, in which every metric is
// non-increasing on common random numbers (sim/sweep/sweep_target.h). A mix is accepted only
// when value + z SE <= threshold (as `stockpile` reads its conservative bound).
//
// Stopping rule: round 1 lays `levels` points over each lever's whole range (the base to its
// maximum); every later round lays the same number of points over +/- one step around the
// cheapest accepted mix so far, so the step shrinks (levels - 1) / 2-fold a round. The search
// stops when every step is at most its tolerance (or after max_rounds); the days search of a
// grid point stops when its bracket is at most days_tolerance wide. Bound: the base levels
// (stockpile only) are searched first, and a grid point whose other levers alone cost at least
// the cheapest accepted mix so far is skipped (its days search stops at that cost too): costs
// are exact, so a dearer mix can never be the answer. The answer is the cheapest
// accepted mix among everything evaluated, so it is never dearer than the stockpile-only
// answer (the base levels are grid points of round 1) and the frontier built from one pool is
// monotone.
//
// Structural levers (diversification, smelter capacity: sim/optimise/structural_levers.h) move
// risk either way, so they are an outer grid: `structural_levels` levels of each over its range,
// the search above run in full at every level, cheapest level first, a level whose structural
// cost alone reaches the cheapest accepted mix skipped; later rounds lay the same number of
// levels over +/- one step around the cheapest accepted mix's levels (step halves a round) until
// every step is at most structural_tolerance of its range or after max_structural_rounds.

#include <optional>
#include <vector>

#include "sim/optimise/mix_evaluator.h"
#include "sim/sweep/sweep_target.h"

namespace mineflow {

struct SearchOptions {
  double z = 2.0;
  int levels = 6;  // grid points per non-day lever and round (>= 3)
  int max_rounds = 8;
  double days_tolerance = 0.25;     // days
  double share_tolerance = 0.0025;  // recycling share and substitution cut
  // Diversification and smelter capacity: a grid of this many levels per lever over its range,
  // zoomed +/- one step around the cheapest accepted level (step halves a round) until every
  // step is at most structural_tolerance of the lever's range, or after max_structural_rounds.
  int structural_levels = 5;
  int max_structural_rounds = 3;
  double structural_tolerance = 0.05;
};

bool meets(const MixCell& cell, const SweepTarget& target, double z);

struct OptimiseFinding {
  SweepTarget target;
  std::optional<MixCell> best;            // the cheapest accepted mix; nullopt: unreachable
  std::optional<MixCell> stockpile_only;  // the cheapest accepted with other levers at base
  MixCell best_reachable;                 // lowest metric value + z SE of everything evaluated
  int rounds = 0;
};

// Runs the search on `evaluator` (its cache keeps every mix, for later targets).
OptimiseFinding optimise_mix(MixEvaluator& evaluator, const SweepTarget& target,
                             const SearchOptions& options);

// The cheapest accepted mix, the stockpile-only one and the best reachable among everything
// `evaluator` has evaluated.
OptimiseFinding best_evaluated(const MixEvaluator& evaluator, const SweepTarget& target, double z);

// One search per threshold (same metric) on one evaluator, then every point re-read from the
// whole pool: cost is non-increasing as the threshold loosens.
std::vector<OptimiseFinding> optimise_frontier(MixEvaluator& evaluator, SweepMetric metric,
                                               const std::vector<double>& thresholds,
                                               const SearchOptions& options);

}  // namespace mineflow
