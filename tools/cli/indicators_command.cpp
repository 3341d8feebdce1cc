// mineflow indicators [FILE...]: the six indicators of each mineral, side by side.

#include <algorithm>
#include <iostream>

#include <boost/program_options.hpp>

#include "tools/cli/command.h"
#include "tools/cli/data_paths.h"
#include "tools/cli/html_option.h"
#include "tools/cli/indicator_options.h"
#include "tools/cli/indicators_job.h"
#include "tools/cli/option_values.h"
#include "tools/cli/output.h"
#include "tools/cli/parse_args.h"
#include "tools/io/atomic_file.h"
#include "tools/io/data_loaders.h"
#include "tools/io/geopolrisk_report.h"
#include "tools/io/indicator_report.h"
#include "tools/io/text_table.h"
#include "tools/report/mineral_report.h"

namespace mineflow::cli {

namespace po = boost::program_options;

int run_indicators(const Args& args, std::ostream& out, std::ostream& /*err*/) {
  po::options_description options(
      "mineflow indicators [MINERAL...] [options]\n\n"
      "The six supply-risk indicators of each mineral, a file or a bundled name\n(default: "
      "every bundled mineral).\n\nOptions");
  options.add_options()("help,h", "show this help")(
      "format", po::value<std::string>()->default_value("table"), "table | csv | json")(
      "method", po::value<std::string>()->default_value("meti"),
      "meti (the strategy's six indicators) | geopolrisk (import risk x production HHI)")(
      "bases", "table: list every cell's basis under it (CSV and JSON always carry them)")(
      "compare-vintages",
      "list each rating that changes between the seed and the latest vintage, with the figures "
      "behind both (--vintage is then not used)")(
      "out", po::value<std::string>(),
      "write to FILE, or DIR/indicators.<txt|csv|json> when it names a folder (created if "
      "missing), instead of stdout")("files", po::value<std::vector<std::string>>(),
                                     "mineral files or bundled names");
  add_data_dir_option(options);
  add_vintage_option(options);
  add_indicator_options(options);
  add_html_option(options);
  po::positional_options_description positional;
  positional.add("files", -1);
  po::variables_map vm;
  if (!parse_args(args, options, positional, vm, out)) return 0;
  Format format = parse_format(vm["format"].as<std::string>());
  const DataVintage vintage = vintage_option(vm);
  DataPaths paths = data_paths(vm);
  io::Settings settings = indicator_settings(paths.settings(), vm);
  CountryTable countries = io::load_countries(paths.countries());
  check_stability_year(vm, settings, countries);
  RatingThresholds thresholds = io::load_thresholds(paths.thresholds());
  std::vector<std::string> files = bundled_mineral_files(paths);
  if (vm.count("files")) {
    files.clear();
    for (const std::string& file : vm["files"].as<std::vector<std::string>>()) {
      files.push_back(resolve_data_file(file, DataKind::mineral, paths, "MINERAL"));
    }
  }

  const std::string method = vm["method"].as<std::string>();
  const std::vector<std::string> methods = choices_of("--method");
  if (std::find(methods.begin(), methods.end(), method) == methods.end()) {
    throw InputError(SourceRef{}, "--method", method, one_of("--method"));
  }
  // --out FILE, or DIR/<stem>.<ext> when it names a folder (docs/limits.md, the --out rule).
  auto write_result = [&](const std::string& content, const std::string& stem) {
    if (!vm.count("out")) {
      out << content;
      return;
    }
    std::string name = stem + (format == Format::csv    ? ".csv"
                               : format == Format::json ? ".json"
                                                        : ".txt");
    io::write_file_atomically(out_file_path(vm["out"].as<std::string>(), name), content);
  };
  if (method == "geopolrisk" && vm.count("compare-vintages")) {
    throw InputError(SourceRef{}, "--compare-vintages", "with --method geopolrisk",
                     "--method meti (the ratings compared are the strategy's six)");
  }
  if (method == "geopolrisk") {
    std::vector<io::MineralGeoPolRisk> risks;
    for (const std::string& file : files) {
      risks.push_back(geopolrisk_of_file(file, settings, countries, vintage));
    }
    std::string content = format == Format::csv ? io::geopolrisk_csv(risks)
                          : format == Format::json
                              ? io::geopolrisk_json(risks)
                              : io::wrap_long_lines(io::geopolrisk_table(risks));
    write_result(content, "geopolrisk");
    return 0;
  }
  if (vm.count("compare-vintages")) {
    std::vector<io::MineralIndicators> seed;
    std::vector<io::MineralIndicators> latest;
    for (const std::string& file : files) {
      seed.push_back(indicators_of_file(file, settings, countries, thresholds, DataVintage::seed));
      latest.push_back(
          indicators_of_file(file, settings, countries, thresholds, DataVintage::latest));
    }
    std::vector<io::VintageChange> changes = io::vintage_changes(seed, latest);
    write_result(format == Format::csv    ? io::vintage_changes_csv(changes)
                 : format == Format::json ? io::vintage_changes_json(changes)
                                          : io::vintage_changes_table(changes),
                 "vintage_changes");
    return 0;
  }
  std::vector<io::MineralIndicators> results;
  for (const std::string& file : files) {
    results.push_back(indicators_of_file(file, settings, countries, thresholds, vintage));
  }
  std::string content = format == Format::csv ? io::indicators_csv(results)
                        : format == Format::json
                            ? io::indicators_json(results)
                            : io::indicators_table(results, vm.count("bases") > 0);
  write_result(content, "indicators");
  write_html_if_requested(
      vm, report::indicators_document(results, thresholds, MINEFLOW_VERSION, report::Lang::en));
  return 0;
}

}  // namespace mineflow::cli
