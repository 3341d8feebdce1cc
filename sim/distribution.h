#pragma once
// Drawing a scenario Distribution from a trial's stream.

#include <string>

#include "sim/random_stream.h"
#include "sim/scenario.h"

namespace mineflow {

double sample(const Distribution& dist, RandomStream& stream);
double mean_of(const Distribution& dist);
std::string_view to_string(Distribution::Kind kind);

}  // namespace mineflow
