#include "sim/hazard_model.h"

#include <cmath>

namespace mineflow {

// Here, not in the fit (sim/calibrate/): background_risk calls it on every run plan.
double policy_rate_per_year(const PolicyHazard& hazard, double stability_0to10,
                            double world_share) {
  if (world_share <= 0.0 || hazard.reference_share <= 0.0) return 0.0;
  double governance = std::isfinite(hazard.doubling_points)
                          ? std::exp2((stability_0to10 - 5.0) / hazard.doubling_points)
                          : 1.0;
  return hazard.rate_at_5_per_year * governance *
         std::pow(world_share / hazard.reference_share, hazard.share_exponent);
}

double facility_pieces(double world_share, double facility_share) {
  if (facility_share <= 0.0 || world_share <= facility_share) return 1.0;
  // The 1e-9 keeps a share that is an exact multiple of the facility size from rounding up.
  return std::ceil(world_share / facility_share - 1e-9);
}

}  // namespace mineflow
