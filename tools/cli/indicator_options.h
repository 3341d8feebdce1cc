#pragma once
// Options shared by every command that computes indicators, applied over scenarios/settings.yaml.

#include <boost/program_options.hpp>

#include "tools/io/data_loaders.h"

namespace mineflow::cli {

void add_indicator_options(boost::program_options::options_description& options);
// Settings from the data folder's settings.yaml with the command line's overrides.
io::Settings indicator_settings(const std::string& settings_file,
                                const boost::program_options::variables_map& vm);

// --vintage seed|latest (default latest): which figures of the mineral files to read
// (docs/data-sources.md, Vintages). Only for commands that honour it (indicators, list, the
// Python module's indicators()); a bad value is an InputError (exit 2).
void add_vintage_option(boost::program_options::options_description& options);
DataVintage vintage_option(const boost::program_options::variables_map& vm);

}  // namespace mineflow::cli
