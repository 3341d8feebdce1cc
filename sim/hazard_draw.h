#pragma once
// --parameter-uncertainty (docs/hazard.md): the hazard parameters of one trial. Every trial
// draws the same variates in the same order from its own stream (seed, trial,
// kParameterStream), whichever events ask, so the draws never depend on threads, on the event
// order or on which classes a scenario has; each event then maps them through its RateDraw.

#include <cstdint>

#include "sim/scenario.h"

namespace mineflow {

// The trial's variates: z[0..2] policy rate, z[3..4] policy duration (standard normals), u the
// operational rate's uniform.
struct HazardVariates {
  double z[5] = {0.0, 0.0, 0.0, 0.0, 0.0};
  double u = 0.5;
};

HazardVariates draw_hazard_variates(std::uint64_t seed, std::uint64_t trial);

// The event's rate per year for the trial.
double drawn_rate_per_year(const RateDraw& draw, const HazardVariates& v);

// The event's duration distribution for the trial: lognormal with the drawn (ln median,
// ln sigma) when draw.draw_duration, else `fitted` unchanged.
Distribution drawn_duration_days(const RateDraw& draw, const HazardVariates& v,
                                 const Distribution& fitted);

}  // namespace mineflow
