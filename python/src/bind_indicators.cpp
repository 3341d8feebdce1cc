// mineflow.indicators(): the six indicators (or the GeoPolRisk figures) of each mineral file, with
// the command's options parsed by the command's own option table, so defaults, checks and messages
// are the CLI's.

#include <algorithm>
#include <sstream>

#include <pybind11/stl.h>
#include <boost/program_options.hpp>

#include "graph/source_ref.h"
#include "python/src/bindings.h"
#include "tools/cli/indicator_options.h"
#include "tools/cli/indicators_job.h"
#include "tools/cli/option_values.h"
#include "tools/cli/parse_args.h"
#include "tools/io/text_table.h"

namespace mineflow::python {

void bind_indicators(py::module_& m) {
  m.def(
      "indicators",
      [](const std::optional<std::vector<std::string>>& files, const std::string& method,
         const cli::Args& options) {
        namespace po = boost::program_options;
        po::options_description table;
        cli::add_data_dir_option(table);
        cli::add_vintage_option(table);
        cli::add_indicator_options(table);
        po::variables_map vm;
        std::ostringstream help;
        cli::parse_args(options, table, po::positional_options_description{}, vm, help);
        const std::vector<std::string> methods = cli::choices_of("--method");
        if (std::find(methods.begin(), methods.end(), method) == methods.end()) {
          throw InputError(SourceRef{}, "--method", method, cli::one_of("--method"));
        }
        std::vector<io::MineralIndicators> results;
        std::vector<io::MineralGeoPolRisk> risks;
        {
          py::gil_scoped_release release;
          cli::DataPaths paths = cli::data_paths(vm);
          io::Settings settings = cli::indicator_settings(paths.settings(), vm);
          const DataVintage vintage = cli::vintage_option(vm);
          CountryTable countries = io::load_countries(paths.countries());
          cli::check_stability_year(vm, settings, countries);
          RatingThresholds thresholds = io::load_thresholds(paths.thresholds());
          std::vector<std::string> chosen = cli::bundled_mineral_files(paths);
          if (files) {
            chosen.clear();
            for (const std::string& file : *files) {
              chosen.push_back(
                  cli::resolve_data_file(file, cli::DataKind::mineral, paths, "MINERAL"));
            }
          }
          for (const std::string& file : chosen) {
            if (method == "geopolrisk") {
              risks.push_back(cli::geopolrisk_of_file(file, settings, countries, vintage));
            } else {
              results.push_back(
                  cli::indicators_of_file(file, settings, countries, thresholds, vintage));
            }
          }
        }
        py::dict out;
        if (method == "geopolrisk") {
          out["csv"] = text(io::geopolrisk_csv(risks));
          out["json"] = text(io::geopolrisk_json(risks));
          out["text"] = text(io::wrap_long_lines(io::geopolrisk_table(risks)));  // as the CLI
          return out;
        }
        out["csv"] = text(io::indicators_csv(results));
        out["json"] = text(io::indicators_json(results));
        out["text"] = text(io::indicators_table(results));
        return out;
      },
      py::arg("files"), py::arg("method"), py::arg("options"),
      "CSV, JSON and table text of `mineflow indicators [FILES] --method METHOD OPTIONS`.");
}

}  // namespace mineflow::python
