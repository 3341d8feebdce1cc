#pragma once
// A disruption scenario's results as charts: the daily series of one deterministic run (supply
// by source, unmet demand, stock levels, price), exceedance curves P(unmet demand > x) from the
// Monte Carlo trials of each policy, and the radar's "after" polygon with the residual import
// risk. Plain results in, LineChart / RadarChart / CSV out.

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "graph/indicators.h"
#include "sim/daily_series.h"
#include "sim/residual_risk.h"
#include "tools/io/limit_notes.h"
#include "tools/report/labels.h"
#include "tools/report/line_chart.h"
#include "tools/report/radar_chart.h"

namespace mineflow::report {

// A daily quantity across trials: per day its 5 %, 50 % and 95 % quantiles.
struct DailyBand {
  std::vector<double> q05;
  std::vector<double> q50;
  std::vector<double> q95;
};

struct PolicyOutcome {
  std::string name;
  std::vector<DayRecord> days;  // the deterministic run: trial 0 of the scenario's seed
  // Across the first band_trials trials (empty for a deterministic scenario, whose one path
  // `days` is): every field's daily mean (the stacked supply chart: means add up to mean
  // demand), and the bands of the stockpile, the commercial inventory and the price.
  std::vector<DayRecord> mean_days;
  DailyBand stockpile_t;
  DailyBand inventory_t;
  DailyBand price_multiple;
  DailyBand domestic_price_multiple;  // the restricting country's, where the market can split
  std::vector<double> unmet_t;        // unmet demand of every Monte Carlo trial, in trial order
  double expected_unmet_t = 0.0;
  double reference_expected_unmet_t = 0.0;  // same draws, no stockpile, no recycling
  std::vector<IndicatorValue> after;        // indicators of the graph with the policy applied
  // Residual import risk of indicators 3 and 4: the after value scaled by the share of the
  // reference's expected unmet demand the policy leaves (nullopt where the indicator is N/A).
  std::optional<double> residual_concentrate;
  std::optional<double> residual_refined;
  std::vector<io::LimitNote> notes{};  // the market's limits of its Monte Carlo answer
};

struct MineralScenario {
  std::string mineral_id;
  std::string mineral_name;  // label in charts
  std::string scenario_id;
  std::string scenario_name;
  std::string scenario_name_ja;  // empty: scenario_name
  std::string scenario_file;
  std::uint64_t seed = 0;
  std::uint64_t trials = 0;
  std::uint64_t band_trials = 0;  // trials behind the daily bands; 0: deterministic (one path)
  // The country whose restriction can split the market (docs/market.md, "Buyer groups and the
  // split price"); empty where it cannot: the price chart then has one line per policy.
  std::string split_country;
  std::vector<PolicyOutcome> policies;  // in the scenario's order
};

// The policy the radar's "after" layer and the stacked daily chart show: the last one listed
// (scenarios list the do-nothing case first).
const PolicyOutcome& headline_policy(const MineralScenario& scenario);

// Stacked bands: domestic, imports, recycling, inventory draw, stockpile release, unmet demand,
// so the top edge is demand (draws net of refills, clamped at 0: refills are bought on top).
LineChart daily_supply_chart(const MineralScenario& scenario, const PolicyOutcome& policy,
                             Lang lang);
// National stockpile (solid) and commercial inventory (dashed) of each policy, t.
LineChart stock_level_chart(const MineralScenario& scenario, Lang lang);
// Daily mean price as a multiple of the baseline, one line per policy; where the market can
// split, the restricting country's domestic price dashed (one line when every policy has the
// same, else one beside each policy in its colour), the outside price being the focal economy's.
LineChart daily_price_chart(const MineralScenario& scenario, Lang lang);
// P(unmet demand > x) per policy, from the Monte Carlo trials.
LineChart exceedance_chart(const MineralScenario& scenario, Lang lang);

// The empirical exceedance function P(X > x) of `values` at `points` + 1 evenly spaced x from 0
// to the largest value (a single point at 0 when every value is 0).
struct ExceedancePoint {
  double x = 0.0;
  double p = 0.0;
};
std::vector<ExceedancePoint> exceedance_curve(std::span<const double> values, int points);

// mineral,scenario,policy,day,quantity,value,unit for every day and quantity of each policy.
std::string scenario_series_csv(const std::vector<const MineralScenario*>& scenarios);
// mineral,scenario,policy,unmet_t,p_exceed.
std::string exceedance_csv(const std::vector<const MineralScenario*>& scenarios);

}  // namespace mineflow::report
