#pragma once
// docs/domain.md's residual import risk: what the simulation says a policy's stockpile and
// recycling leave of a static import-stability score.

#include <optional>

namespace mineflow {

// after x (E[unmet | policy] / E[unmet | no stockpile, no recycling]), both expectations over the
// same trials; a ratio of 1 when the reference has no unmet demand; N/A stays N/A.
inline std::optional<double> residual_import_risk(const std::optional<double>& after,
                                                  double policy_unmet_t, double reference_unmet_t) {
  if (!after) return std::nullopt;
  double ratio = reference_unmet_t > 0.0 ? policy_unmet_t / reference_unmet_t : 1.0;
  return *after * ratio;
}

}  // namespace mineflow
