#pragma once
// The line every terminal report opens with to name the data vintage its mineral figures were
// read on (graph/mineral_data.h, docs/data-sources.md "Vintages").

#include <string>

namespace mineflow::io {

inline std::string vintage_line(const std::string& vintage) {
  return "Data vintage: " + vintage + " (docs/data-sources.md, Vintages)\n";
}

// The same for a simulation, with how scarce supply is shared (docs/market.md).
inline std::string vintage_line(const std::string& vintage, const std::string& market) {
  return "Data vintage: " + vintage + " (docs/data-sources.md, Vintages); market: " + market +
         " (docs/market.md)\n";
}

}  // namespace mineflow::io
