#include "sim/optimise/budget_split.h"

#include <algorithm>
#include <numeric>

namespace mineflow {

std::vector<std::size_t> lower_hull(const std::vector<BudgetOption>& options) {
  std::vector<std::size_t> order(options.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    if (options[a].cost_usd_per_year != options[b].cost_usd_per_year) {
      return options[a].cost_usd_per_year < options[b].cost_usd_per_year;
    }
    return options[a].loss_usd_per_year < options[b].loss_usd_per_year;
  });
  std::vector<std::size_t> hull;
  for (std::size_t i : order) {
    const BudgetOption& p = options[i];
    // Dearer and no better than the hull's last point: never worth buying.
    if (!hull.empty() && p.loss_usd_per_year >= options[hull.back()].loss_usd_per_year) continue;
    // Drop points above the segment from their predecessor to p (convexity).
    while (hull.size() >= 2) {
      const BudgetOption& a = options[hull[hull.size() - 2]];
      const BudgetOption& b = options[hull.back()];
      const double cross =
          (b.cost_usd_per_year - a.cost_usd_per_year) *
              (p.loss_usd_per_year - a.loss_usd_per_year) -
          (b.loss_usd_per_year - a.loss_usd_per_year) * (p.cost_usd_per_year - a.cost_usd_per_year);
      if (cross > 0.0) break;  // b lies below the chord a-p: keep it
      hull.pop_back();
    }
    hull.push_back(i);
  }
  return hull;
}

std::vector<BudgetShare> split_budget(const std::vector<std::vector<BudgetOption>>& minerals,
                                      double budget_usd_per_year) {
  std::vector<std::vector<std::size_t>> hulls;
  std::vector<std::size_t> at(minerals.size(), 0);  // position on the hull
  for (const auto& options : minerals) hulls.push_back(lower_hull(options));
  auto slope = [&](std::size_t m) {
    const auto& h = hulls[m];
    if (at[m] + 1 >= h.size()) return 0.0;
    const BudgetOption& a = minerals[m][h[at[m]]];
    const BudgetOption& b = minerals[m][h[at[m] + 1]];
    return (a.loss_usd_per_year - b.loss_usd_per_year) /
           (b.cost_usd_per_year - a.cost_usd_per_year);
  };
  auto step_cost = [&](std::size_t m) {
    const auto& h = hulls[m];
    return minerals[m][h[at[m] + 1]].cost_usd_per_year - minerals[m][h[at[m]]].cost_usd_per_year;
  };
  double left = budget_usd_per_year;
  std::vector<bool> stuck(minerals.size(), false);  // its next step no longer fits
  while (true) {
    std::size_t pick = minerals.size();
    double best = 0.0;
    for (std::size_t m = 0; m < minerals.size(); ++m) {
      if (stuck[m] || hulls[m].empty() || at[m] + 1 >= hulls[m].size()) continue;
      const double s = slope(m);
      if (s > best) {
        best = s;
        pick = m;
      }
    }
    if (pick == minerals.size()) break;
    if (step_cost(pick) > left) {
      stuck[pick] = true;
      continue;
    }
    left -= step_cost(pick);
    ++at[pick];
  }
  std::vector<BudgetShare> out;
  for (std::size_t m = 0; m < minerals.size(); ++m) {
    BudgetShare share;
    if (!hulls[m].empty()) share.option = hulls[m][at[m]];
    share.marginal_value = slope(m);
    out.push_back(share);
  }
  return out;
}

}  // namespace mineflow
