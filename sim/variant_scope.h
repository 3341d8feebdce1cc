#pragma once
// What a Monte Carlo run keeps of each variant (sim/monte_carlo.h): every metric per trial, or,
// for a variant that is only some policy's no-stockpile reference (reported by its expected
// unmet demand alone), unmet_t's per-trial values, summarised by their moments and P(any
// shortage). One double per metric per trial is most of a run's memory, and first touching
// it most of a large run's system time.

#include <cstddef>
#include <vector>

#include "sim/trial_metrics.h"

namespace mineflow {

enum class VariantScope { full, unmet_only };

// The per-trial series a run keeps for `scope` (empty: `variants` full variants).
inline std::size_t kept_series(const std::vector<VariantScope>& scope, std::size_t variants) {
  if (scope.empty()) return variants * kMetricCount;
  std::size_t series = 0;
  for (VariantScope s : scope) series += s == VariantScope::full ? kMetricCount : 1;
  return series;
}

}  // namespace mineflow
