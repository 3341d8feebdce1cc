#pragma once
// Where the bundled data live and which files a command reads by default.

#include <string>
#include <vector>

#include <boost/program_options.hpp>

namespace mineflow::cli {

struct DataPaths {
  std::string data_dir;  // the scenarios/ folder
  std::string countries() const { return data_dir + "/countries.yaml"; }
  std::string settings() const { return data_dir + "/settings.yaml"; }
  std::string thresholds() const { return data_dir + "/thresholds.yaml"; }
  std::string minerals_dir() const { return data_dir + "/minerals"; }
};

// --data-dir, else $MINEFLOW_DATA_DIR, else the scenarios/ folder of the source tree it was built
// from.
void add_data_dir_option(boost::program_options::options_description& options);
DataPaths data_paths(const boost::program_options::variables_map& vm);

// The bundled mineral files in the seed's order (rare earths, lithium, cobalt, nickel, copper,
// tungsten), then any others alphabetically.
std::vector<std::string> bundled_mineral_files(const DataPaths& paths);

}  // namespace mineflow::cli
