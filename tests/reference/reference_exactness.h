#pragma once
// Reference, where day stepping is exact for shaped events (supply side): whether every supply
// rate and the world shortfall are linear between the knots of the events' shapes, as the
// engine's pieces assume, and the cost the engine's mean-rate pricing of a phase may miss.

#include <vector>

#include "tests/reference/reference_sim.h"

namespace mineflow::reference {

void check_supply_linear(const Case& c, const std::vector<DaySupply>& supply,
                         const std::vector<DayEnds>& ends, Exactness& out);

}  // namespace mineflow::reference
