#pragma once
// Propagation through the world tiers for one constant segment (docs/engine.md, "Supply
// model"): mine availability -> feed reaching each refiner (known links pro rata, the pooled
// market pro rata; lost feed replaced from spare mine capacity up to the volume lost) ->
// refiner output = min(capacity x own availability, feed received) -> every buyer of a refiner
// gets the same fraction of its baseline. Losses are computed as losses (1 - availability), so
// a segment without any cut gives exactly the baseline.

#include <vector>

#include "sim/model.h"

namespace mineflow {

struct NetworkOutcome {
  std::vector<double> output_fraction;  // per refiner: output / baseline output
  double world_mine_loss = 0.0;         // lost share of world mine output (node outages)
  double world_refined_loss = 0.0;      // lost share of world refined output reaching buyers
};

// `availability` is indexed by channel (Model::channel_count()).
void propagate(const Model& model, const std::vector<double>& availability, NetworkOutcome& out);

// Every flow of the tiers in one segment, t/day, computed edge by edge (for the mass-balance
// tests and the criticality report; the engine uses propagate).
struct NetworkFlows {
  std::vector<double> mine_available;   // output x availability
  std::vector<double> link_delivered;   // per feed link
  std::vector<double> market_in;        // per mine: sold on the market
  std::vector<double> spare_used;       // per mine: spare capacity sold to replace lost feed
  std::vector<double> refiner_feed;     // per refiner: links + market + replacement
  std::vector<double> refiner_output;   // per refiner
  std::vector<double> refiner_shipped;  // per refiner: to the focal economy + rest of world
  double market_out = 0.0;              // to refiners, replacement excluded
};
NetworkFlows network_flows(const Model& model, const std::vector<double>& availability);

}  // namespace mineflow
