#include "tools/cli/data_paths.h"

#include <algorithm>
#include <array>
#include <cstdlib>
#include <filesystem>

#include "graph/source_ref.h"
#include "tools/cli/closest_names.h"

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

std::string data_kind_folder(DataKind kind) {
  switch (kind) {
    case DataKind::mineral:
      return "minerals";
    case DataKind::scenario:
      return "disruptions";
    case DataKind::mfa_model:
      return "mfa";
  }
  return "";
}

std::string data_kind_noun(DataKind kind) {
  switch (kind) {
    case DataKind::mineral:
      return "mineral";
    case DataKind::scenario:
      return "scenario";
    case DataKind::mfa_model:
      return "stock-flow model";
  }
  return "";
}

std::vector<std::string> bundled_names(DataKind kind, const DataPaths& paths) {
  std::vector<std::string> names;
  std::error_code error;
  for (const auto& entry :
       std::filesystem::directory_iterator(paths.data_dir + "/" + data_kind_folder(kind), error)) {
    if (entry.path().extension() == ".yaml") names.push_back(entry.path().stem().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

std::string resolve_data_file(const std::string& argument, DataKind kind, const DataPaths& paths,
                              const std::string& field) {
  namespace fs = std::filesystem;
  bool looks_like_path = argument.find('/') != std::string::npos ||
                         fs::path(argument).extension() == ".yaml" ||
                         fs::is_regular_file(argument);  // not a folder: `--out copper` makes one
  if (looks_like_path) return argument;
  std::string bundled = paths.data_dir + "/" + data_kind_folder(kind) + "/" + argument + ".yaml";
  if (fs::is_regular_file(bundled)) return bundled;
  std::string expected =
      "a " + data_kind_noun(kind) + " file or the name of a bundled " + data_kind_noun(kind) + " (";
  std::vector<std::string> close = closest_names(argument, bundled_names(kind, paths));
  if (!close.empty()) {
    expected += "closest: ";
    for (std::size_t i = 0; i < close.size(); ++i) expected += (i ? ", " : "") + close[i];
    expected += "; ";
  }
  throw InputError(SourceRef{}, field, argument, expected + "mineflow list shows them all)");
}

std::vector<std::string> bundled_mineral_files(const DataPaths& paths) {
  // The strategy's six in its order, then the minerals under export control (issue 26).
  static constexpr std::array<std::string_view, 10> kSeedOrder = {
      "rare_earths", "lithium",  "cobalt",  "nickel",    "copper",
      "tungsten",    "graphite", "gallium", "germanium", "antimony"};
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
