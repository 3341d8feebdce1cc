#include "sim/optimise/optimise_search.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <set>

namespace mineflow {
namespace {

constexpr int kPointsPerBracket = 7;  // as the stockpile sweep: 8-fold narrowing a pass
constexpr int kMaxDaysPasses = 20;
// The first days grid, as fractions of the range: the stockpile sweep's 0..180 grid.
constexpr double kDaysFractions[] = {0.0,        15.0 / 180, 30.0 / 180,  45.0 / 180,
                                     60.0 / 180, 90.0 / 180, 120.0 / 180, 1.0};

constexpr Lever kGridLevers[] = {Lever::recycling_share, Lever::substitution_cut};
constexpr Lever kStructuralLevers[] = {Lever::diversified_t_per_yr, Lever::smelter_added_t_per_yr};

double bound(const MixCell& cell, const SweepTarget& target, double z) {
  Estimate e = metric_of(cell.stats, target.metric);
  return e.value + z * e.se;
}

// Cheaper first; ties broken by the mix's order, so the pick never depends on evaluation order.
bool cheaper(const MixCell& a, const MixCell& b) {
  if (a.cost.total() != b.cost.total()) return a.cost.total() < b.cost.total();
  return a.mix < b.mix;
}

bool same_but_days(PolicyMix a, PolicyMix b) {
  a.stockpile_days = 0.0;
  b.stockpile_days = 0.0;
  return a == b;
}

bool same_structure(const PolicyMix& a, const PolicyMix& b) {
  return a.diversified_t_per_yr == b.diversified_t_per_yr &&
         a.smelter_added_t_per_yr == b.smelter_added_t_per_yr;
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
        if (same_but_days(combos[c], cell.mix)) {
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
      if (same_but_days(mix, base) && (!out.stockpile_only || cheaper(cell, *out.stockpile_only))) {
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

namespace {

// The cheapest accepted mix with `structure`'s structural levels, if any.
std::optional<MixCell> best_at(const MixEvaluator& evaluator, const SweepTarget& target, double z,
                               const PolicyMix& structure) {
  std::optional<MixCell> out;
  for (const auto& [mix, cell] : evaluator.evaluated()) {
    if (same_structure(mix, structure) && meets(cell, target, z) && (!out || cheaper(cell, *out))) {
      out = cell;
    }
  }
  return out;
}

bool cancelled(const MixEvaluator& evaluator) {
  return evaluator.options().cancel != nullptr && evaluator.options().cancel->load();
}

// The stock levers' zooming grid (recycling x substitution, days bracketed) at one structural
// level; returns the rounds run.
int search_stock_levers(MixEvaluator& evaluator, const SweepTarget& target,
                        const SearchOptions& options, const PolicyMix& structure) {
  const int levels = std::max(3, options.levels);
  std::vector<Box> boxes;
  for (Lever lever : kGridLevers) {
    Box box;
    box.lo = evaluator.basis().base.level(lever);
    box.hi = lever_max(lever, evaluator.basis(), evaluator.costs());
    box.levels = box.hi > box.lo ? levels : 1;
    boxes.push_back(box);
  }
  const bool at_base = same_structure(structure, evaluator.basis().base);
  int rounds = 0;
  for (; rounds < options.max_rounds; ++rounds) {
    std::vector<PolicyMix> combos;
    for (int a = 0; a < boxes[0].levels; ++a) {
      for (int b = 0; b < boxes[1].levels; ++b) {
        PolicyMix m = structure;
        m.set(kGridLevers[0], boxes[0].at(a));
        m.set(kGridLevers[1], boxes[1].at(b));
        combos.push_back(m);
      }
    }
    // The base levels first (round 1 only): the stockpile-only answer bounds the rest.
    if (rounds == 0 && at_base) {
      search_days(evaluator, {evaluator.basis().base}, target, options, {});
      std::erase(combos, evaluator.basis().base);
    }
    std::optional<double> cap;
    if (auto so_far = best_evaluated(evaluator, target, options.z).best) {
      cap = so_far->cost.total();
    }
    search_days(evaluator, combos, target, options, cap);
    if (cancelled(evaluator)) break;
    std::optional<MixCell> here = best_at(evaluator, target, options.z, structure);
    if (!here) {
      ++rounds;
      break;  // round 1 held every stock lever's maximum (or the bound): nothing here meets it
    }
    bool narrow = true;
    for (std::size_t i = 0; i < boxes.size(); ++i) {
      if (boxes[i].step() > options.share_tolerance) narrow = false;
    }
    if (narrow) {
      ++rounds;
      break;
    }
    // Zoom: +/- one step around this level's incumbent, clipped to the lever's range.
    for (std::size_t i = 0; i < boxes.size(); ++i) {
      if (boxes[i].levels == 1) continue;
      const double at = here->mix.level(kGridLevers[i]);
      const double step = boxes[i].step();
      const double lo = evaluator.basis().base.level(kGridLevers[i]);
      const double hi = lever_max(kGridLevers[i], evaluator.basis(), evaluator.costs());
      boxes[i].lo = std::max(lo, at - step);
      boxes[i].hi = std::min(hi, at + step);
      boxes[i].levels = boxes[i].hi > boxes[i].lo ? levels : 1;
    }
  }
  return rounds;
}

}  // namespace

OptimiseFinding optimise_mix(MixEvaluator& evaluator, const SweepTarget& target,
                             const SearchOptions& options) {
  // The structural levers (diversification, smelter capacity) move risk either way: a grid over
  // their levels, every level searched in full over the stock levers, zooming around the
  // cheapest accepted level. Levels whose structural cost alone reaches the cheapest accepted
  // mix are skipped (the bound); the base level (0, 0) is searched first.
  const MixBasis& basis = evaluator.basis();
  const int levels = std::max(3, options.structural_levels);
  std::vector<Box> boxes;
  for (Lever lever : kStructuralLevers) {
    Box box;
    box.lo = basis.base.level(lever);
    box.hi = lever_max(lever, basis, evaluator.costs());
    box.levels = box.hi > box.lo ? levels : 1;
    boxes.push_back(box);
  }
  const std::array<double, 2> tolerance = {
      (boxes[0].hi - boxes[0].lo) * options.structural_tolerance,
      (boxes[1].hi - boxes[1].lo) * options.structural_tolerance};
  std::set<std::pair<double, double>> searched;
  int rounds = 0;
  for (int round = 0; round < options.max_structural_rounds; ++round) {
    std::vector<PolicyMix> structures;
    for (int a = 0; a < boxes[0].levels; ++a) {
      for (int b = 0; b < boxes[1].levels; ++b) {
        PolicyMix m = basis.base;
        m.set(kStructuralLevers[0], boxes[0].at(a));
        m.set(kStructuralLevers[1], boxes[1].at(b));
        if (searched.insert({m.diversified_t_per_yr, m.smelter_added_t_per_yr}).second) {
          structures.push_back(m);
        }
      }
    }
    // Cheapest structure first (the base costs nothing), so the bound prunes the dear ones.
    std::stable_sort(structures.begin(), structures.end(),
                     [&](const PolicyMix& x, const PolicyMix& y) {
                       return mix_cost(x, basis, evaluator.costs()).total() <
                              mix_cost(y, basis, evaluator.costs()).total();
                     });
    for (const PolicyMix& structure : structures) {
      if (auto so_far = best_evaluated(evaluator, target, options.z).best) {
        if (mix_cost(structure, basis, evaluator.costs()).total() >= so_far->cost.total()) continue;
      }
      rounds += search_stock_levers(evaluator, target, options, structure);
      if (cancelled(evaluator)) break;
    }
    if (cancelled(evaluator)) break;
    OptimiseFinding now = best_evaluated(evaluator, target, options.z);
    if (!now.best) break;
    bool narrow = true;
    for (std::size_t i = 0; i < boxes.size(); ++i) {
      if (boxes[i].levels > 1 && boxes[i].step() > tolerance[i]) narrow = false;
    }
    if (narrow) break;
    for (std::size_t i = 0; i < boxes.size(); ++i) {
      if (boxes[i].levels == 1) continue;
      const double at = now.best->mix.level(kStructuralLevers[i]);
      const double step = boxes[i].step();
      const double lo = basis.base.level(kStructuralLevers[i]);
      const double hi = lever_max(kStructuralLevers[i], basis, evaluator.costs());
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
