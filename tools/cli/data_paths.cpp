#include "tools/cli/data_paths.h"

#include <algorithm>
#include <array>
#include <cstdlib>
#include <filesystem>

#include "graph/source_ref.h"

namespace mineflow::cli {

namespace po = boost::program_options;

void add_data_dir_option(po::options_description& options) {
  options.add_options()("data-dir", po::value<std::string>(),
                        "folder with countries.yaml, settings.yaml, thresholds.yaml and "
                        "minerals/ (default: $MINEFLOW_DATA_DIR or the bundled scenarios/)");
}

DataPaths data_paths(const po::variables_map& vm) {
  DataPaths paths;
  if (vm.count("data-dir")) {
    paths.data_dir = vm["data-dir"].as<std::string>();
  } else if (const char* env = std::getenv("MINEFLOW_DATA_DIR"); env != nullptr && *env != 0) {
    paths.data_dir = env;
  } else {
    paths.data_dir = MINEFLOW_SCENARIOS_DIR;
  }
  if (!std::filesystem::is_directory(paths.data_dir)) {
    throw InputError(SourceRef{}, "--data-dir", paths.data_dir, "an existing folder");
  }
  return paths;
}

std::vector<std::string> bundled_mineral_files(const DataPaths& paths) {
  static constexpr std::array<std::string_view, 6> kSeedOrder = {
      "rare_earths", "lithium", "cobalt", "nickel", "copper", "tungsten"};
  std::vector<std::string> files;
  for (const auto& entry : std::filesystem::directory_iterator(paths.minerals_dir())) {
    if (entry.path().extension() == ".yaml") files.push_back(entry.path().string());
  }
  auto rank = [](const std::string& file) {
    std::string stem = std::filesystem::path(file).stem().string();
    auto it = std::find(kSeedOrder.begin(), kSeedOrder.end(), stem);
    return static_cast<std::size_t>(it - kSeedOrder.begin());
  };
  std::sort(files.begin(), files.end(), [&](const std::string& a, const std::string& b) {
    return rank(a) != rank(b) ? rank(a) < rank(b) : a < b;
  });
  return files;
}

}  // namespace mineflow::cli
