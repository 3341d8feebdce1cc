#include "tools/io/capacity_reader.h"

#include <algorithm>

namespace mineflow::io {

StageCapacity read_stage_capacity(const YamlValue& item, std::initializer_list<Stage> stages,
                                  const char* expected) {
  item.allow_only({"country", "stage", "t_per_yr", "source", "note"});
  StageCapacity capacity;
  YamlValue country = item.require("country");
  capacity.country = country.as_string();
  capacity.where = country.where();
  YamlValue stage = item.require("stage");
  auto parsed = parse_stage(stage.as_string());
  if (!parsed || std::find(stages.begin(), stages.end(), *parsed) == stages.end()) {
    stage.fail(expected);
  }
  capacity.stage = *parsed;
  capacity.t_per_yr = item.require("t_per_yr").as_non_negative();
  return capacity;
}

}  // namespace mineflow::io
