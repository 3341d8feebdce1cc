#include "tools/cli/command.h"

namespace mineflow::cli {

const std::vector<Command>& commands() {
  static const std::vector<Command> table{
      {"indicators", "the six supply-risk indicators of each mineral", &run_indicators},
      {"report", "an HTML report with charts, and the CSV/JSON behind them", &run_report},
  };
  return table;
}

}  // namespace mineflow::cli
