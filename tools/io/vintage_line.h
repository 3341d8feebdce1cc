#pragma once
// The line every terminal report opens with to name the data vintage its mineral figures were
// read on (graph/mineral_data.h, docs/data-sources.md "Vintages").

#include <string>

namespace mineflow::io {

inline std::string vintage_line(const std::string& vintage) {
  return "Data vintage: " + vintage + " (docs/data-sources.md, Vintages)\n";
}

}  // namespace mineflow::io
