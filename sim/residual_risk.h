#pragma once
// docs/domain.md's residual import risk: what the simulation says a policy's stockpile and
// recycling leave of a static import-stability score.

#include <optional>
#include <vector>

#include "graph/indicators.h"

namespace mineflow {

// after x (E[unmet | policy] / E[unmet | no stockpile, no recycling]), both expectations over the
// same trials; a ratio of 1 when the reference has no unmet demand; N/A stays N/A.
inline std::optional<double> residual_import_risk(const std::optional<double>& after,
                                                  double policy_unmet_t, double reference_unmet_t) {
  if (!after) return std::nullopt;
  double ratio = reference_unmet_t > 0.0 ? policy_unmet_t / reference_unmet_t : 1.0;
  return *after * ratio;
}

struct ResidualImportRisks {
  std::optional<double> concentrate;  // indicator 3
  std::optional<double> refined;      // indicator 4
};

// Both import indicators of a policy's after-values, looked up by id (never by position).
inline ResidualImportRisks residual_import_risks(const std::vector<IndicatorValue>& after,
                                                 double policy_unmet_t, double reference_unmet_t) {
  ResidualImportRisks out;
  for (const IndicatorValue& value : after) {
    if (value.id == IndicatorId::concentrate_import_stability) {
      out.concentrate = residual_import_risk(value.value, policy_unmet_t, reference_unmet_t);
    }
    if (value.id == IndicatorId::refined_import_stability) {
      out.refined = residual_import_risk(value.value, policy_unmet_t, reference_unmet_t);
    }
  }
  return out;
}

}  // namespace mineflow
