#include "sim/distribution.h"

#include <cmath>

namespace mineflow {

double sample(const Distribution& dist, RandomStream& stream) {
  switch (dist.kind) {
    case Distribution::Kind::fixed:
      return dist.a;
    case Distribution::Kind::uniform:
      return stream.uniform(dist.a, dist.b);
    case Distribution::Kind::triangular:
      return stream.triangular(dist.a, dist.b, dist.c);
    case Distribution::Kind::lognormal:
      return stream.lognormal(dist.a, dist.b);
    case Distribution::Kind::exponential:
      return stream.exponential(dist.a);
  }
  return dist.a;
}

double mean_of(const Distribution& dist) {
  switch (dist.kind) {
    case Distribution::Kind::fixed:
      return dist.a;
    case Distribution::Kind::uniform:
      return 0.5 * (dist.a + dist.b);
    case Distribution::Kind::triangular:
      return (dist.a + dist.b + dist.c) / 3.0;
    case Distribution::Kind::lognormal:
      return dist.a * std::exp(0.5 * dist.b * dist.b);
    case Distribution::Kind::exponential:
      return dist.a;
  }
  return dist.a;
}

std::string_view to_string(Distribution::Kind kind) {
  switch (kind) {
    case Distribution::Kind::fixed:
      return "fixed";
    case Distribution::Kind::uniform:
      return "uniform";
    case Distribution::Kind::triangular:
      return "triangular";
    case Distribution::Kind::lognormal:
      return "lognormal";
    case Distribution::Kind::exponential:
      return "exponential";
  }
  return "fixed";
}

}  // namespace mineflow
