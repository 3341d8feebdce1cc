#pragma once
// One `capacities` entry ({country, stage, t_per_yr, source, note}), shared by the mineral file
// and the network file; each names the stages it accepts.

#include <initializer_list>

#include "graph/mineral_data.h"
#include "tools/io/yaml_reader.h"

namespace mineflow::io {

// `stages` lists the accepted stages; `expected` says them for the error message.
StageCapacity read_stage_capacity(const YamlValue& item, std::initializer_list<Stage> stages,
                                  const char* expected);

}  // namespace mineflow::io
