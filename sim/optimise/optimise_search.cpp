#include "sim/optimise/optimise_search.h"

#include <algorithm>
#include <cmath>
#include <map>

namespace mineflow {
namespace {

constexpr int kPointsPerBracket = 7;  // as the stockpile sweep: 8-fold narrowing a pass
constexpr int kMaxDaysPasses = 20;
// The first days grid, as fractions of the range: the stockpile sweep's 0..180 grid.
constexpr double kDaysFractions[] = {0.0,        15.0 / 180, 30.0 / 180,  45.0 / 180,
                                     60.0 / 180, 90.0 / 180, 120.0 / 180, 1.0};

constexpr Lever kGridLevers[] = {Lever::recycling_share, Lever::substitution_cut};

double bound(const MixCell& cell, const SweepTarget& target, double z) {
  Estimate e = metric_of(cell.stats, target.metric);
  return e.value + z * e.se;
}

// Cheaper first; ties broken by the mix's order, so the pick never depends on evaluation order.
bool cheaper(const MixCell& a, const MixCell& b) {
  if (a.cost.total() != b.cost.total()) return a.cost.total() < b.cost.total();
  return a.mix < b.mix;
}

struct Box {
  double lo = 0.0;
  double hi = 0.0;
  int levels = 1;
  double step() const { return levels > 1 ? (hi - lo) / (levels - 1) : 0.0; }
  double at(int k) const { return levels > 1 ? lo + (hi - lo) * k / (levels - 1) : lo; }
};

// For every combo (days ignored), the smallest days in [base, max] meeting the target, by
// bracketing all combos together, one evaluator pass per narrowing.
// Bound: with `cap` (the cheapest accepted cost so far) a combo whose other levers alone cost
// at least the cap is skipped, and the others search only the days that keep them below it: a
// mix dearer than an accepted one can never be the answer, and costs are exact.
void search_days(MixEvaluator& evaluator, std::vector<PolicyMix> all_combos,
                 const SweepTarget& target, const SearchOptions& options,
                 std::optional<double> cap) {
  const MixBasis& basis = evaluator.basis();
  const LeverCosts& costs = evaluator.costs();
  const double lo = basis.base.stockpile_days;
  const double max_days = lever_max(Lever::stockpile_days, basis, costs);
  std::vector<PolicyMix> combos;
  std::vector<double> his;
  for (PolicyMix combo : all_combos) {
    combo.stockpile_days = lo;
    const double fixed = mix_cost(combo, basis, costs).total();
    double hi = max_days;
    if (cap) {
      if (fixed >= *cap) continue;
      PolicyMix one_more = combo;
      one_more.stockpile_days = lo + 1.0;
      const double per_day = mix_cost(one_more, basis, costs).total() - fixed;
      if (per_day > 0.0) hi = std::min(hi, lo + std::max(0.0, *cap - fixed) / per_day);
    }
    combos.push_back(combo);
    his.push_back(hi);
  }
  std::vector<std::map<double, bool>> met(combos.size());  // days -> accepted
  std::vector<PolicyMix> next;
  for (std::size_t c = 0; c < combos.size(); ++c) {
    for (double f : kDaysFractions) {
      PolicyMix m = combos[c];
      m.stockpile_days = lo + (his[c] - lo) * f;
      next.push_back(m);
    }
  }
  for (int pass = 0; pass < kMaxDaysPasses && !next.empty(); ++pass) {
    std::vector<MixCell> cells = evaluator.evaluate(next);
    if (evaluator.options().cancel != nullptr && evaluator.options().cancel->load()) return;
    for (const MixCell& cell : cells) {
      for (std::size_t c = 0; c < combos.size(); ++c) {
        if (combos[c].recycling_share == cell.mix.recycling_share &&
            combos[c].substitution_cut == cell.mix.substitution_cut) {
          met[c][cell.mix.stockpile_days] = meets(cell, target, options.z);
        }
      }
    }
    next.clear();
    for (std::size_t c = 0; c < combos.size(); ++c) {
      std::optional<double> below;
      std::optional<double> above;
      for (const auto& [days, ok] : met[c]) {
        if (ok) {
          above = days;
          break;
        }
        below = days;
      }
      if (!above || !below || *above - *below <= options.days_tolerance) continue;
      for (int j = 1; j <= kPointsPerBracket; ++j) {
        PolicyMix m = combos[c];
        m.stockpile_days = *below + (*above - *below) * j / (kPointsPerBracket + 1);
        next.push_back(m);
      }
    }
  }
}

}  // namespace

bool meets(const MixCell& cell, const SweepTarget& target, double z) {
  return bound(cell, target, z) <= target.threshold;
}

OptimiseFinding best_evaluated(const MixEvaluator& evaluator, const SweepTarget& target, double z) {
  OptimiseFinding out;
  out.target = target;
  const PolicyMix& base = evaluator.basis().base;
  bool first = true;
  for (const auto& [mix, cell] : evaluator.evaluated()) {
    if (meets(cell, target, z)) {
      if (!out.best || cheaper(cell, *out.best)) out.best = cell;
      if (mix.recycling_share == base.recycling_share &&
          mix.substitution_cut == base.substitution_cut &&
          (!out.stockpile_only || cheaper(cell, *out.stockpile_only))) {
        out.stockpile_only = cell;
      }
    }
    const double b = bound(cell, target, z);
    const double best_b = first ? 0.0 : bound(out.best_reachable, target, z);
    if (first || b < best_b || (b == best_b && cheaper(cell, out.best_reachable))) {
      out.best_reachable = cell;
      first = false;
    }
  }
  return out;
}

OptimiseFinding optimise_mix(MixEvaluator& evaluator, const SweepTarget& target,
                             const SearchOptions& options) {
  const int levels = std::max(3, options.levels);
  std::vector<Box> boxes;
  for (Lever lever : kGridLevers) {
    Box box;
    box.lo = evaluator.basis().base.level(lever);
    box.hi = lever_max(lever, evaluator.basis(), evaluator.costs());
    box.levels = box.hi > box.lo ? levels : 1;
    boxes.push_back(box);
  }
  int rounds = 0;
  for (; rounds < options.max_rounds; ++rounds) {
    std::vector<PolicyMix> combos;
    for (int a = 0; a < boxes[0].levels; ++a) {
      for (int b = 0; b < boxes[1].levels; ++b) {
        PolicyMix m = evaluator.basis().base;
        m.set(kGridLevers[0], boxes[0].at(a));
        m.set(kGridLevers[1], boxes[1].at(b));
        combos.push_back(m);
      }
    }
    // The base levels first (round 1 only): the stockpile-only answer bounds the rest.
    if (rounds == 0) {
      search_days(evaluator, {evaluator.basis().base}, target, options, {});
      std::erase(combos, evaluator.basis().base);
    }
    std::optional<double> cap;
    if (auto so_far = best_evaluated(evaluator, target, options.z).best) {
      cap = so_far->cost.total();
    }
    search_days(evaluator, combos, target, options, cap);
    if (evaluator.options().cancel != nullptr && evaluator.options().cancel->load()) break;
    OptimiseFinding now = best_evaluated(evaluator, target, options.z);
    if (!now.best) {
      ++rounds;
      break;  // round 1 held every lever's maximum: nothing meets the target
    }
    bool narrow = true;
    for (std::size_t i = 0; i < boxes.size(); ++i) {
      if (boxes[i].step() > options.share_tolerance) narrow = false;
    }
    if (narrow) {
      ++rounds;
      break;
    }
    // Zoom: +/- one step around the incumbent, clipped to the lever's range.
    for (std::size_t i = 0; i < boxes.size(); ++i) {
      if (boxes[i].levels == 1) continue;
      const double at = now.best->mix.level(kGridLevers[i]);
      const double step = boxes[i].step();
      const double lo = evaluator.basis().base.level(kGridLevers[i]);
      const double hi = lever_max(kGridLevers[i], evaluator.basis(), evaluator.costs());
      boxes[i].lo = std::max(lo, at - step);
      boxes[i].hi = std::min(hi, at + step);
      boxes[i].levels = boxes[i].hi > boxes[i].lo ? levels : 1;
    }
  }
  OptimiseFinding out = best_evaluated(evaluator, target, options.z);
  out.rounds = rounds;
  return out;
}

std::vector<OptimiseFinding> optimise_frontier(MixEvaluator& evaluator, SweepMetric metric,
                                               const std::vector<double>& thresholds,
                                               const SearchOptions& options) {
  std::vector<OptimiseFinding> out;
  for (double t : thresholds) {
    out.push_back(optimise_mix(evaluator, SweepTarget{metric, t}, options));
  }
  for (OptimiseFinding& f : out) {
    const int rounds = f.rounds;
    f = best_evaluated(evaluator, f.target, options.z);
    f.rounds = rounds;
  }
  return out;
}

}  // namespace mineflow
