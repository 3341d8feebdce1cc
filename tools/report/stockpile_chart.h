#pragma once
// Stockpile-days curves from the stockpile sweep (sim/sweep/stockpile_sweep.h): the sweep's target
// metric against stockpile days, one curve per recycling share, with the 60-day base and the
// days the target needs marked as vertical lines and the target threshold as a flat dashed line.

#include <string>
#include <vector>

#include "sim/sweep/stockpile_sweep.h"
#include "tools/io/stockpile_report.h"
#include "tools/report/labels.h"
#include "tools/report/line_chart.h"

namespace mineflow::report {

struct MineralSweep {
  std::string mineral_id;
  std::string mineral_name;  // label in charts
  std::string scenario_id;
  std::string policy;  // whose release / delay / refill levers the sweep used
  SweepResult result;
  // As `stockpile --all` has it (the current recycling share picks the headline's days).
  io::SweepHeader header;
};

// The metric drawn: the target's, else the probability of any shortage.
SweepMetric drawn_metric(const SweepResult& result);

LineChart stockpile_days_chart(const MineralSweep& sweep, Lang lang);

// mineral,scenario,policy,recycling_share,days,metric,value,se,stock_t,carrying_cost_per_year
// for every grid cell.
std::string stockpile_days_csv(const std::vector<const MineralSweep*>& sweeps);

}  // namespace mineflow::report
