#pragma once
// A scenario loaded from Python, with the data folder whose countries it was checked against.

#include <string>

#include "sim/scenario.h"

namespace mineflow::python {

struct ScenarioHandle {
  Scenario scenario;
  std::string data_dir;
};

}  // namespace mineflow::python
