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
  double world_shortfall = 0.0;  // fraction of world supply lost (outside, where it splits)
  // Clearing with a split market (docs/market.md): whether the split country's exports are cut,
  // and its domestic buyers' shortfall.
  bool split = false;
  double domestic_shortfall = 0.0;
  // Tiers: spare mine capacity replaces a part (not none, not all) of the lost feed: the
  // refiners' output is then spare / lost, a curve when either ramps.
  bool partial_replacement = false;
};

// Supply from the severities read `when` (a day's mean, or an instant). `clearing`: what the
// focal economy's streams carry under a clearing market (docs/market.md): only the cuts the
// price cannot reach (and, over an event's first `resourcing_days`, the cuts of their
// suppliers); the world shortfall is the same either way.
DaySupply focal_supply(const Network& network, const std::vector<Event>& events, When when,
                       bool clearing = false, int resourcing_days = 0);

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

// One step [t, t + h) of the reference's grid (h = 1 / steps_per_day; every knot of a shape, an
// event and a lead time is a whole day, so a step lies inside one linear piece of every
// severity): the supply at the step's mean severities, and just after its start and just before
// its end. `ramps`: some severity changes within the step. `curve`: the supply may be curved
// there (two severities ramp at once and may multiply on one channel, or with world tiers spare
// mine capacity replaces lost feed in part); the engine draws chords there.
struct StepSupply {
  DaySupply mean;
  DaySupply start;
  DaySupply end;
  bool ramps = false;
  bool curve = false;
};
std::vector<StepSupply> focal_supply_by_step(const Network& network,
                                             const std::vector<Event>& events, int horizon_days,
                                             int steps_per_day, bool clearing = false,
                                             int resourcing_days = 0);

}  // namespace mineflow::reference
