#pragma once
// Options shared by every command that computes indicators, applied over scenarios/settings.yaml.

#include <boost/program_options.hpp>

#include "graph/country_table.h"
#include "tools/io/data_loaders.h"

namespace mineflow::cli {

void add_indicator_options(boost::program_options::options_description& options);
// Settings from the data folder's settings.yaml with the command line's overrides.
io::Settings indicator_settings(const std::string& settings_file,
                                const boost::program_options::variables_map& vm);

// A --stability-year for which countries.yaml has no score of the chosen measure is the
// option's fault, not a data file's: refused naming --stability-year and the years there are.
void check_stability_year(const boost::program_options::variables_map& vm,
                          const io::Settings& settings, const CountryTable& countries);

// --vintage seed|latest: which figures of the mineral files to read (docs/data-sources.md,
// Vintages), `latest` by default. Every command that reads mineral data takes it (indicators,
// list, run, stockpile, criticality, report, calibrate, and the Python module's functions); a
// bad value is an InputError (exit 2). The simulations read it through
// io::load_mineral_for_simulation (a latest import block of partial scope keeps the seed's).
void add_vintage_option(boost::program_options::options_description& options);
DataVintage vintage_option(const boost::program_options::variables_map& vm);
// The same check for a value given as text (the Python module's `vintage=` arguments).
DataVintage vintage_from_text(const std::string& text);

}  // namespace mineflow::cli
