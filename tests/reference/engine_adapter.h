#pragma once
// Runs a reference Case through the engine's public path: MineralData -> build_mineral_graph ->
// compile_model -> stock_policy -> run_trial (one trial: every event is fixed).

#include "tests/reference/reference_case.h"

namespace mineflow::reference {

Metrics run_engine(const Case& c);

}  // namespace mineflow::reference
