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

// The kinds of data file a command reads, each in its own folder of the data folder.
enum class DataKind {
  mineral,   // minerals/<name>.yaml
  scenario,  // disruptions/<name>.yaml (real events and background risk)
  mfa_model  // mfa/<name>.yaml (stock-flow models)
};
std::string data_kind_folder(DataKind kind);  // "minerals", "disruptions", "mfa"
std::string data_kind_noun(DataKind kind);    // "mineral", "scenario", "stock-flow model"

// The names (file stems) of the bundled files of one kind, sorted.
std::vector<std::string> bundled_names(DataKind kind, const DataPaths& paths);

// What every command does with an argument that names a data file: an existing regular file, or
// anything that looks like a path (contains '/' or ends in .yaml), is returned as given (the loader
// then reports what is wrong with it); a bare name is looked up as DATA/<folder>/<name>.yaml. An
// unknown name throws InputError on `field` (e.g. "SCENARIO") naming the closest bundled names
// (edit distance) and `mineflow list`.
std::string resolve_data_file(const std::string& argument, DataKind kind, const DataPaths& paths,
                              const std::string& field);

// The bundled mineral files in the seed's order (rare earths, lithium, cobalt, nickel, copper,
// tungsten), then any others alphabetically.
std::vector<std::string> bundled_mineral_files(const DataPaths& paths);

}  // namespace mineflow::cli
