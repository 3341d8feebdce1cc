#pragma once
// `mineflow optimise` outputs (docs/optimise.md): the cheapest mix per target beside the
// stockpile-only answer, as a table, CSV and JSON; the budget split over minerals likewise.
// Every row names each lever's level, its cost, cost_per_year, the target's metric with its SE
// and meets_target (value + z SE <= threshold).

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "sim/optimise/budget_split.h"
#include "sim/optimise/optimise_search.h"
#include "tools/io/stockpile_report.h"

namespace mineflow::io {

// One scenario's search: its header (as `stockpile` prints it), the lever costs and basis, and
// one finding per target; `grid` holds the budget grid's cells (--budget).
struct OptimiseReport {
  SweepHeader header;
  std::string levers_file;
  MixBasis basis;
  LeverCosts costs;
  std::uint64_t trials = 0;
  std::uint64_t seed = 0;
  int passes = 0;
  double z = 2.0;
  std::vector<OptimiseFinding> findings;
  std::vector<MixCell> grid;
  // The diversification lever's source ("country class"), where the model has imports.
  std::optional<std::string> largest_source;
};

std::string optimise_table(const OptimiseReport& report);
// Columns: scenario, mineral, target, row (cheapest | stockpile_only | best_reachable),
// stockpile_days, recycling_share, substitution_cut, diversified_t_per_yr,
// smelter_added_t_per_yr, stockpile_usd_per_year, recycling_usd_per_year,
// substitution_usd_per_year, diversification_usd_per_year, smelter_usd_per_year, cost_per_year,
// metric, metric_value, metric_se, meets_target, not_served_t, not_served_t_se (expected demand not
// served: unmet + priced out, t).
std::string optimise_csv(const OptimiseReport& report);
std::string optimise_json(const OptimiseReport& report);

// Several scenarios (--all): the tables one after another, the CSVs' rows under one header, the
// JSON objects in one array.
std::string optimise_summary_table(const std::vector<OptimiseReport>& reports);
std::string optimise_summary_csv(const std::vector<OptimiseReport>& reports);
std::string optimise_summary_json(const std::vector<OptimiseReport>& reports);

// The budget split: per mineral the mix bought, its cost, the expected value of demand not
// served before (at the base mix) and after, and the marginal value of a dollar.
struct BudgetRow {
  const OptimiseReport* mineral = nullptr;
  MixCell base;    // the cost-0 mix
  MixCell chosen;  // the mix the budget buys
  double marginal_value = 0.0;
};
struct BudgetReport {
  double budget_usd_per_year = 0.0;
  std::vector<BudgetRow> rows;
};
std::string budget_table(const BudgetReport& report);
// Columns: mineral, scenario, stockpile_days, recycling_share, substitution_cut, cost_per_year,
// loss_base_usd_per_year, loss_usd_per_year, loss_se, marginal_value_per_usd.
std::string budget_csv(const BudgetReport& report);
std::string budget_json(const BudgetReport& report);

}  // namespace mineflow::io
