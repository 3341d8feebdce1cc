#pragma once
// `mineflow run` results as a table for people, CSV or JSON for programs: the per-metric
// Monte Carlo summary with the before/after policy view, or a deterministic daily series.

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "graph/indicators.h"
#include "sim/daily_series.h"
#include "sim/plan_series.h"
#include "sim/summary.h"
#include "sim/trial_metrics.h"
#include "tools/io/limit_notes.h"

namespace mineflow::io {

struct RunHeader {
  std::string scenario;  // id
  std::string name;
  std::string mineral;
  std::string price_unit;  // currency of procurement cost
  unsigned long long trials = 0;
  unsigned long long seed = 0;
  double horizon_days = 0.0;
  std::string vintage = "seed";  // the mineral figures read: seed | latest (graph/mineral_data.h)
  std::string market = "rationing";  // how scarce supply is shared: rationing | clearing
  std::string seed_blocks{};  // seed blocks kept on latest (MineralData::seed_blocks_kept), "" none
  std::vector<LimitNote> notes{};  // limits of the whole run (the mineral data's standing)
  // The country whose export restriction splits the market (docs/market.md, "Buyer groups and
  // the split price"); empty: the market never splits and the split metrics are left out.
  std::string split_country{};
};

struct PolicyReport {
  std::string name;
  std::array<MetricSummary, kMetricCount> metrics{};
  Proportion any_shortage;
  double expected_unmet_t = 0.0;            // E[unmet | policy]
  double reference_expected_unmet_t = 0.0;  // E[unmet | no stockpile, no recycling]
  std::vector<IndicatorValue> before;
  std::vector<IndicatorValue> after;
  // Residual import risk for indicators 3 and 4 (nullopt where the static figure is N/A).
  std::optional<double> residual_concentrate;
  std::optional<double> residual_refined;
  std::vector<LimitNote>
      notes{};  // limits of this policy's answer (the market's, sim/run_limits.h)
};

// Columns: policy,section,name,statistic,value,vintage (sections: summary, indicators, notes:
// name the note's id, statistic and value its number (tools/io/limit_notes.h: note_statistic);
// the run's own notes have no policy; the notes' lines are in the table and JSON).
std::string run_summary_csv(const RunHeader& header, const std::vector<PolicyReport>& policies);
std::string run_summary_json(const RunHeader& header, const std::vector<PolicyReport>& policies);
std::string run_summary_table(const RunHeader& header, const std::vector<PolicyReport>& policies);

using PolicySeries = PolicyDays;

std::string run_series_csv(const RunHeader& header, const std::vector<PolicySeries>& series);
// with_days false: the metrics and the days that matter (tools/io/series_key_days.h) per policy,
// not the daily records.
std::string run_series_json(const RunHeader& header, const std::vector<PolicySeries>& series,
                            bool with_days = true,
                            const std::vector<std::vector<LimitNote>>& notes = {});
std::string run_series_table(const RunHeader& header, const std::vector<PolicySeries>& series);

// A deterministic run said briefly: the metrics per policy and the days that matter. CSV columns:
// policy,name,day,value (day empty for the metrics, value empty for a day).
// `notes`: each policy's limits, parallel to `series` (empty: none).
std::string run_series_summary_csv(const RunHeader& header, const std::vector<PolicySeries>& series,
                                   const std::vector<std::vector<LimitNote>>& notes = {});
std::string run_series_summary_table(const RunHeader& header,
                                     const std::vector<PolicySeries>& series,
                                     const std::vector<std::vector<LimitNote>>& notes = {});

}  // namespace mineflow::io
