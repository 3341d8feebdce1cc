#pragma once
// Reference, event shapes: a hit's severity as a function of time, read three ways. The
// stepping uses the mean over a step (the exact area of each linear piece in it); the checks of
// where stepping is exact use the values just after and just before an instant.

#include <vector>

#include "tests/reference/reference_case.h"

namespace mineflow::reference {

// When a severity is read: the mean over [t, t + width), or the limit from the right (`after`)
// or from the left (`before`) at the instant `t` (days).
struct When {
  enum class Kind { mean, after, before };
  Kind kind = Kind::mean;
  double t = 0.0;
  double width = 1.0;
};

// The severity of `hit` of `event` seen `lead_days` later, at `when`; with `physical_days` >= 0,
// only over the event's first physical_days (0 after: docs/market.md, "Re-sourcing lead time").
double severity(const Event& event, const Hit& hit, int lead_days, When when,
                int physical_days = -1);

// Whether the network's tiers hold a refiner in `country`.
bool refines_in(const Network& network, const std::string& country);

// Days where a hit's severity may jump or change slope, for each lead time it is seen with (the
// engine cuts its segments at the same days): between two consecutive such days every severity
// is linear in time.
std::vector<int> shape_knots(const Network& network, const std::vector<Event>& events);

}  // namespace mineflow::reference
