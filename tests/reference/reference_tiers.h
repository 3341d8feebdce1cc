#pragma once
// Reference, world tiers: one day's state of the mines, the concentrate market and the refiners
// from the events alone, in plain loops written from docs/network.md ("Propagation in the
// engine"). Shares no code with sim/network_flow.

#include <vector>

#include "tests/reference/reference_case.h"
#include "tests/reference/reference_shapes.h"

namespace mineflow::reference {

struct TierDay {
  std::vector<double> refiner_output_fraction;  // parallel to Tiers::refiners
  double world_shortfall = 0.0;                 // max(lost mine share, lost refined share)
  // For the differential test's coverage counts:
  double lost_feed_t_per_day = 0.0;  // before replacement
  double replaced_fraction = 0.0;    // rho: share of the lost feed spare mine capacity replaces
  bool capacity_binds = false;       // some refiner limited by its own outage, not its feed
  // The split market (docs/market.md, "Buyer groups and the split price"): where the split
  // country's refined exports are cut, the outside market's shortfall (of the use outside it)
  // and its domestic buyers' (negative: a glut).
  bool split = false;
  double outside_shortfall = 0.0;
  double domestic_shortfall = 0.0;
};

// The tiers on `day`: every event is seen on the refined clock (a cut anywhere in the tiers
// reaches the focal economy, and the world price, after the refined lead time).
TierDay tier_day(const Network& network, const std::vector<Event>& events, int day);  // day mean
TierDay tier_day(const Network& network, const std::vector<Event>& events, When when);

// The exports_of hits of an active event on `country` that cut `stage`'s exports.
bool cuts_exports(const Hit& hit, const std::string& country, Hit::Stage stage);

}  // namespace mineflow::reference
