#pragma once
// Options shared by every command that computes indicators, applied over scenarios/settings.yaml.

#include <boost/program_options.hpp>

#include "tools/io/data_loaders.h"

namespace mineflow::cli {

void add_indicator_options(boost::program_options::options_description& options);
// Settings from the data folder's settings.yaml with the command line's overrides.
io::Settings indicator_settings(const std::string& settings_file,
                                const boost::program_options::variables_map& vm);

}  // namespace mineflow::cli
