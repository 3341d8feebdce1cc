#include "tools/io/data_quality_loader.h"

#include "tools/io/yaml_reader.h"

namespace mineflow::io {

std::vector<JudgedShare> judged_network_shares(const std::string& network_file) {
  YamlValue root = load_yaml_file(network_file);
  std::vector<JudgedShare> out;
  auto collect = [&out](const YamlValue& shares, const std::string& block) {
    for (const YamlValue& item : shares.items()) {
      if (item.get("assumption")) out.push_back({block, item.require("country").as_string()});
    }
  };
  if (auto refining = root.get("refining")) collect(refining->require("shares_pct"), "refining");
  if (auto feeds = root.get("feeds")) {
    for (const YamlValue& feed : feeds->items()) {
      collect(feed.require("shares_pct"), feed.require("refiner").as_string());
    }
  }
  return out;
}

MineralDataQuality data_quality_of(const MineralData& data) {
  return count_data_quality(
      data, data.network ? judged_network_shares(data.network->file) : std::vector<JudgedShare>{});
}

}  // namespace mineflow::io
