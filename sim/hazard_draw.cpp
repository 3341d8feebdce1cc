#include "sim/hazard_draw.h"

#include <cmath>

#include "sim/random_stream.h"

namespace mineflow {

HazardVariates draw_hazard_variates(std::uint64_t seed, std::uint64_t trial) {
  RandomStream stream(seed, trial, kParameterStream);
  HazardVariates v;
  // The policy-rate normals come first, as before the other parameters were drawn, so their
  // bits are unchanged.
  for (double& z : v.z) z = stream.normal();
  v.u = stream.uniform();
  return v;
}

double drawn_rate_per_year(const RateDraw& draw, const HazardVariates& v) {
  if (draw.kind == RateDraw::Kind::operational) {
    // Inverse CDF of triangular(low, mode, high), as RandomStream::triangular; per facility,
    // times the node's pieces.
    double lo = draw.rate_low, mode = draw.rate_mode, hi = draw.rate_high;
    double width = hi - lo;
    if (width <= 0.0) return draw.pieces * lo;
    double cut = (mode - lo) / width;
    if (v.u < cut) return draw.pieces * (lo + std::sqrt(v.u * width * (mode - lo)));
    return draw.pieces * (hi - std::sqrt((1.0 - v.u) * width * (hi - mode)));
  }
  double c[3];
  for (int i = 0; i < 3; ++i) {
    c[i] = draw.mean[i];
    for (int j = 0; j <= i; ++j) c[i] += draw.cholesky[3 * i + j] * v.z[j];
  }
  return draw.pieces * std::exp(c[0] + c[1] * draw.x1 + c[2] * draw.x2);
}

Distribution drawn_duration_days(const RateDraw& draw, const HazardVariates& v,
                                 const Distribution& fitted) {
  if (!draw.draw_duration) return fitted;
  const double* z = &v.z[3];
  const double* l = draw.duration_cholesky;
  double mu = draw.duration_mean[0] + l[0] * z[0];
  double ln_sigma = draw.duration_mean[1] + l[2] * z[0] + l[3] * z[1];
  return {Distribution::Kind::lognormal, std::exp(mu), std::exp(ln_sigma), 0.0};
}

}  // namespace mineflow
