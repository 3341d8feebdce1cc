#pragma once
// Reference, stock side and metrics: covers each day's demand from the day's supply, then the
// commercial inventory, then the national stockpile, one day at a time (docs/engine.md
// "Stocks" and "Metrics"). Slow and plain on purpose: it shares no code with sim/.

#include <vector>

#include "tests/reference/reference_case.h"
#include "tests/reference/reference_supply.h"

namespace mineflow::reference {

Metrics simulate_stocks(const Case& c, const std::vector<DaySupply>& supply);

// focal_supply_by_day, then simulate_stocks.
Metrics simulate(const Case& c);

}  // namespace mineflow::reference
