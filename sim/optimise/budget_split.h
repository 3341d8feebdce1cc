#pragma once
// One budget spread over several minerals (docs/optimise.md "A budget over minerals"): each
// mineral offers mixes with a cost (USD/yr) and an expected loss (the expected value of demand
// not served, USD at the base price); the split minimises the total expected loss within the
// budget. Method: each mineral's options reduced to their lower convex hull in (cost, loss),
// then the budget goes step by step to the hull step with the most loss avoided per dollar that
// still fits (greedy on convex hulls: optimal up to the last step that does not fit whole).

#include <cstddef>
#include <vector>

namespace mineflow {

struct BudgetOption {
  double cost_usd_per_year = 0.0;
  double loss_usd_per_year = 0.0;  // expected value of demand not served
};

struct BudgetShare {
  std::size_t option = 0;  // index into the mineral's options
  // Loss avoided per extra dollar at the next hull step (0 at the hull's end): the mineral's
  // marginal value of a dollar.
  double marginal_value = 0.0;
};

// The hull of `options`: indices by rising cost, loss falling strictly, slopes flattening.
std::vector<std::size_t> lower_hull(const std::vector<BudgetOption>& options);

// One share per mineral; each mineral needs an option of cost 0 (its base). Ties go to the
// earlier mineral.
std::vector<BudgetShare> split_budget(const std::vector<std::vector<BudgetOption>>& minerals,
                                      double budget_usd_per_year);

}  // namespace mineflow
