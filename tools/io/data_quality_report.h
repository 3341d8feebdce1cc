#pragma once
// `mineflow list --data-quality`: per mineral and file, how many figures are sourced, derived,
// judged and remembered (graph/data_quality.h; docs/data-quality.md).

#include <string>
#include <vector>

#include "graph/data_quality.h"

namespace mineflow::io {

std::string data_quality_table(const std::vector<MineralDataQuality>& minerals);
// Columns: mineral,file,sourced,derived,judged,remembered,total,vintage (file: mineral | network
// | all).
std::string data_quality_csv(const std::vector<MineralDataQuality>& minerals);
std::string data_quality_json(const std::vector<MineralDataQuality>& minerals);

}  // namespace mineflow::io
