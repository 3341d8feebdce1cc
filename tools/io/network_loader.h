#pragma once
// Adapter: a network file (scenarios/network/<mineral>.yaml; format in docs/network.md) to the
// core's NetworkData. Shapes and ranges are checked here; how the network fits the mineral
// (countries, focal imports, mine output) is checked by graph/network.h when it is built.

#include <string>

#include "graph/mineral_data.h"

namespace mineflow::io {

NetworkData load_network(const std::string& file);

}  // namespace mineflow::io
