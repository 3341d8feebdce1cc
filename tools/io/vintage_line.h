#pragma once
// The line every terminal report opens with to name the data vintage its mineral figures were
// read on (graph/mineral_data.h, docs/data-sources.md "Vintages").

#include <string>

namespace mineflow::io {

inline std::string vintage_line(const std::string& vintage) {
  return "Data vintage: " + vintage + " (docs/data-sources.md, Vintages)\n";
}

// The same for a simulation, with how scarce supply is shared (docs/market.md) and the seed
// blocks it kept on the latest vintage (MineralData::seed_blocks_kept; "" for none).
inline std::string vintage_line(const std::string& vintage, const std::string& market,
                                const std::string& seed_blocks = "") {
  const std::string kept = seed_blocks.empty() ? "" : ", with the seed's " + seed_blocks;
  return "Data vintage: " + vintage + kept +
         " (docs/data-sources.md, Vintages); market: " + market + " (docs/market.md)\n";
}

}  // namespace mineflow::io
