#pragma once
// Step 2 of a trial: the supply the focal economy receives before any stocks, as segments of
// constant supply between event boundaries (and the price grid). Independent of the stockpile,
// commercial inventory, recycling share and substitution: those are applied by apply_stocks,
// so one profile serves every level of a sweep.

#include <cstdint>
#include <vector>

#include "sim/model.h"
#include "sim/occurrences.h"

namespace mineflow {

// Supply fractions are of the model's baseline primary supply (domestic refining + refined
// imports); recycling_available multiplies the recycling supply.
struct ProfileSegment {
  double start_day = 0.0;
  double end_day = 0.0;
  double domestic_fraction = 1.0;  // domestic refining of imported concentrate
  double imports_fraction = 1.0;   // refined imports, rerouted volumes included
  double recycling_available = 1.0;
  double world_shortfall = 0.0;  // fraction of world supply lost (drives the scarcity factor)
  double price_multiple = 1.0;   // stochastic factor x scarcity factor, capped
};

struct SupplyProfile {
  std::vector<ProfileSegment> segments;  // contiguous, covering [0, horizon)
};

// Reusable working memory for one thread (no allocation once warm).
struct ProfileScratch {
  struct Effect {
    std::uint32_t channel;
    double start_day;
    double end_day;
    double factor;  // 1 - severity
  };
  std::vector<Effect> effects;
  std::vector<double> boundaries;
  std::vector<double> availability;
  std::vector<double> log_price;
};

// The stochastic price factor is drawn from stream (seed, trial, kPriceStream).
void build_supply_profile(const Model& model, const std::vector<Occurrence>& occurrences,
                          std::uint64_t seed, std::uint64_t trial, ProfileScratch& scratch,
                          SupplyProfile& out);

}  // namespace mineflow
