#include "tools/cli/command.h"

namespace mineflow::cli {

const std::vector<Command>& commands() {
  static const std::vector<Command> table{
      {"calibrate", "fit the background hazard to the event catalogue; --backtest", &run_calibrate},
      {"criticality",
       "rank mine and refining nodes by the focal economy's unmet demand when each fails",
       &run_criticality},
      {"indicators", "the six supply-risk indicators of each mineral", &run_indicators},
      {"list", "the bundled minerals, scenarios and stock-flow models, with descriptions",
       &run_list},
      {"mfa", "stocks, flows and recycling of a mineral over time (material-flow model)", &run_mfa},
      {"optimise",
       "the cheapest mix of stockpile, recycling and substitution meeting a risk target",
       &run_optimise},
      {"report", "an HTML report with charts, and the CSV/JSON behind them", &run_report},
      {"run", "disruption Monte Carlo of a scenario, with the before/after policy view", &run_run},
      {"stockpile",
       "stockpile days each mineral needs: sweep, target search, recycling alternative",
       &run_stockpile},
  };
  return table;
}

}  // namespace mineflow::cli
