#pragma once
// The world tiers behind the focal economy's imports (docs/network.md):
//   mine(country) -> feed link | concentrate market -> refine(country) -> focal | rest of world
// Refiner output = its share of world refined output x the world mine total (contained metal in
// = out). Known feed links are shares of a refiner's feed; the rest, and every refiner without a
// feed mix, buys from the pooled concentrate market (mine output nobody else has committed).

#include <string>
#include <vector>

#include "graph/mineral_data.h"
#include "graph/supply_graph.h"

namespace mineflow {

// What the network rests on, for the basis of every figure it touches.
struct NetworkBasis {
  bool present = false;
  std::string refining;                      // "refining: IEA ... 2024 (tonnage)"
  std::vector<std::string> market_feed;      // refiners on the pooled-market default
  std::vector<std::string> scaled_links;     // mine countries whose committed feed was scaled down
  std::vector<std::string> value_based;      // refiners whose feed mix is a value (BACI) share
  std::vector<std::string> memory_based;     // refiners whose feed mix is a recollection
  std::vector<std::string> other_to_market;  // refiners whose OTH feed went to the market
  // Refining countries' baseline exports, shares of their refined output (NetworkData).
  std::vector<CountryShare> refined_exports;
  std::string describe() const;  // one line
};

// Adds refiners, feed links, market feed and rest-of-world edges to a graph that already has
// the mine nodes (capacity = output), the focal imports and the production edges; lowers each
// production edge (mine -> market) by the feed committed to named refiners. Throws InputError
// (file:line:column) for: unknown countries, feed shares off 100 %, a feed from a country that
// is not a mine node, a focal refined-import source that is not a refiner, focal imports above
// a refiner's output, a stated capacity below output, duplicate refiners or feed mixes.
NetworkBasis add_network(const NetworkData& network, const MineralData& data,
                         const Breakdown& production, SupplyGraph& graph);

}  // namespace mineflow
