#pragma once
// Closed forms the hazard fit is checked against; test-only, so not in sim/calibrate/.

#include <stdexcept>
#include <vector>

#include "sim/calibrate/hazard_fit.h"

namespace mineflow {

// The exponential MLE in closed form: total time at risk / number of ended events.
inline double exponential_mean_closed_form(const std::vector<DurationObservation>& data) {
  double total = 0.0;
  int ended = 0;
  for (const DurationObservation& obs : data) {
    total += obs.days;
    if (!obs.censored) ++ended;
  }
  if (ended == 0) throw std::invalid_argument("no ended event");
  return total / ended;
}

}  // namespace mineflow
