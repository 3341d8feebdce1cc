#pragma once
// The judgement marks of a network file that the network loader reads past: every refining or
// feed share with an `assumption:` reason (graph/data_quality.h counts them as judged).

#include <string>
#include <vector>

#include "graph/data_quality.h"

namespace mineflow::io {

// The file has already been read by load_network (load_mineral), so its shape is known good.
std::vector<JudgedShare> judged_network_shares(const std::string& network_file);

// The figures of a loaded mineral counted by standing, its network file's marks read again.
MineralDataQuality data_quality_of(const MineralData& data);

}  // namespace mineflow::io
