#pragma once
// `mineflow stockpile` results: the sweep of one scenario (grid, days needed, recycling
// alternative) and the one-line-per-mineral summary of `--all`, as a table for people or CSV
// and JSON for programs.

#include <optional>
#include <string>
#include <vector>

#include "sim/stockpile_sweep.h"

namespace mineflow::io {

struct SweepHeader {
  std::string scenario;  // id
  std::string name;
  std::string mineral;
  std::string policy;      // whose release, delay and refill levers the sweep uses
  std::string price_unit;  // e.g. "USD/t"
  double horizon_days = 365.0;
  double carrying_rate_per_year = kDefaultCarryingRatePerYear;
  // The mineral's current recycling share; nullopt: unknown (the sweep then uses 0 only).
  std::optional<double> current_recycling_share;
  bool recycling_is_proxy = false;
};

std::string sweep_table(const SweepHeader& header, const SweepResult& result);
// Columns: row (cell | days_needed | recycling_alternative), recycling_share, days, days_low,
// days_high, then every metric and its se, stock_t, carrying_cost_per_year.
std::string sweep_csv(const SweepHeader& header, const SweepResult& result);
std::string sweep_json(const SweepHeader& header, const SweepResult& result);

struct SweepSummaryRow {
  SweepHeader header;
  SweepResult result;
};

std::string sweep_summary_table(const std::vector<SweepSummaryRow>& rows);
std::string sweep_summary_csv(const std::vector<SweepSummaryRow>& rows);
std::string sweep_summary_json(const std::vector<SweepSummaryRow>& rows);

}  // namespace mineflow::io
