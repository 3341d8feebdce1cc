#pragma once
// Reference, supply side: what reaches the focal economy each day before any stock, from the
// network and the events alone. Separate from the stock side so that a multi-tier network only
// replaces this function (mine -> refiner -> focal economy).

#include <vector>

#include "tests/reference/reference_case.h"

namespace mineflow::reference {

// Day d covers [d, d + 1); every event boundary and lead time is a whole number of days, so
// supply is constant within a day.
struct DaySupply {
  double domestic_t_per_day = 0.0;  // smelter output from imported concentrate
  double refined_t_per_day = 0.0;   // refined imports, rerouted volume included
  double recycling_available = 1.0;
  double world_shortfall = 0.0;  // fraction of world supply lost
};

std::vector<DaySupply> focal_supply_by_day(const Network& network, const std::vector<Event>& events,
                                           int horizon_days);

}  // namespace mineflow::reference
