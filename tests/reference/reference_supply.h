#pragma once
// Reference, supply side: what reaches the focal economy each day before any stock, from the
// network and the events alone. Separate from the stock side so that a multi-tier network only
// replaces this function (mine -> refiner -> focal economy).

#include <vector>

#include "tests/reference/reference_case.h"
#include "tests/reference/reference_shapes.h"

namespace mineflow::reference {

// Day d covers [d, d + 1); every event boundary and lead time is a whole number of days, so a
// step event's supply is constant within a day. A shaped event's severity may change within a
// day: the day then sees the day's mean severity of each hit.
struct DaySupply {
  double domestic_t_per_day = 0.0;  // smelter output from imported concentrate
  double refined_t_per_day = 0.0;   // refined imports, rerouted volume included
  double recycling_available = 1.0;
  double world_shortfall = 0.0;  // fraction of world supply lost
};

// Supply from the severities read `when` (a day's mean, or an instant).
DaySupply focal_supply(const Network& network, const std::vector<Event>& events, When when);

std::vector<DaySupply> focal_supply_by_day(const Network& network, const std::vector<Event>& events,
                                           int horizon_days);

// Supply just after the start and just before the end of each day (what the engine's linear
// pieces join; the checks of where day stepping is exact read them).
struct DayEnds {
  DaySupply start;
  DaySupply end;
};
std::vector<DayEnds> focal_supply_ends_by_day(const Network& network,
                                              const std::vector<Event>& events, int horizon_days);

}  // namespace mineflow::reference
