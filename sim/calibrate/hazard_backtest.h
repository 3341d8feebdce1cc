#pragma once
// Backtest of a hazard fit against its own catalogue window (docs/hazard.md): predicted vs
// observed policy events per mineral and per stability band, and the predicted distribution
// of the annual copper loss against the realised years. Pure functions.

#include <cstdint>
#include <string>
#include <vector>

#include "sim/calibrate/hazard_fit.h"

namespace mineflow {

struct CountComparison {
  std::string group;  // mineral, or a stability band "w < 4"
  int observed = 0;
  double predicted = 0.0;  // expected count over the window
  int low90 = 0;           // 5 % and 95 % quantiles of Poisson(predicted)
  int high90 = 0;
};

struct HazardBacktest {
  std::vector<CountComparison> by_mineral;
  std::vector<CountComparison> by_band;
  // Annual loss of world copper mine supply from the operational class (fraction):
  // mean and 5 / 95 % quantiles over simulated years.
  double copper_loss_mean = 0.0;
  double copper_loss_p05 = 0.0;
  double copper_loss_p95 = 0.0;
  std::vector<RealisedLoss> copper_years;
};

// Stability bands of the backtest: [0, 4), [4, 6), [6, 10].
std::string stability_band(double stability_0to10);

// Smallest n with P(N <= n) >= p for N ~ Poisson(mean).
int poisson_quantile(double mean, double p);

// `copper_shares`: world mine shares of the copper nodes (they should sum to 1; OTH included).
// The copper loss distribution is simulated over `years` years from stream (seed, year, node).
HazardBacktest backtest_hazard(const HazardFit& fit, const FrequencyFigures& figures,
                               const std::vector<double>& copper_shares, std::uint64_t seed,
                               int years);

}  // namespace mineflow
