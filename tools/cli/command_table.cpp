#include "tools/cli/command.h"

namespace mineflow::cli {

const std::vector<Command>& commands() {
  static const std::vector<Command> table{
      {"indicators", "the six supply-risk indicators of each mineral", &run_indicators},
      {"run", "disruption Monte Carlo of a scenario, with the before/after policy view", &run_run},
      {"stockpile",
       "stockpile days each mineral needs: sweep, target search, recycling alternative",
       &run_stockpile},
  };
  return table;
}

}  // namespace mineflow::cli
