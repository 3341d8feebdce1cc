// mineflow list: what the data folder bundles (minerals, scenarios, stock-flow models), each with
// its one-line description and the commands that take its name in place of a file.

#include <algorithm>
#include <iostream>

#include <boost/program_options.hpp>

#include "graph/data_quality.h"
#include "tools/cli/command.h"
#include "tools/cli/data_paths.h"
#include "tools/cli/indicator_options.h"
#include "tools/cli/output.h"
#include "tools/cli/parse_args.h"
#include "tools/io/bundled_catalog.h"
#include "tools/io/data_loaders.h"
#include "tools/io/data_quality_loader.h"
#include "tools/io/data_quality_report.h"
#include "tools/io/text_escape.h"

namespace mineflow::cli {

namespace po = boost::program_options;

namespace {

std::string kind_id(io::CatalogKind kind) {
  switch (kind) {
    case io::CatalogKind::mineral:
      return "mineral";
    case io::CatalogKind::event_scenario:
      return "event_scenario";
    case io::CatalogKind::background_scenario:
      return "background_scenario";
    case io::CatalogKind::mfa_model:
      return "mfa_model";
  }
  return "";
}

std::string kind_heading(io::CatalogKind kind) {
  switch (kind) {
    case io::CatalogKind::mineral:
      return "Minerals (minerals/): mineflow indicators NAME [--vintage seed|latest], report NAME";
    case io::CatalogKind::event_scenario:
      return "Scenarios, real events (disruptions/): run NAME, stockpile NAME, criticality NAME";
    case io::CatalogKind::background_scenario:
      return "Scenarios, background risk (disruptions/): run NAME, stockpile NAME or --all";
    case io::CatalogKind::mfa_model:
      return "Stock-flow models (mfa/): mineflow mfa NAME";
  }
  return "";
}

std::string catalog_table(const std::vector<io::CatalogEntry>& entries,
                          const std::string& data_dir) {
  std::size_t width = 0;
  for (const io::CatalogEntry& entry : entries) width = std::max(width, entry.name.size());
  std::string out = "Bundled data in " + data_dir + "\n";
  for (std::size_t i = 0; i < entries.size(); ++i) {
    if (i == 0 || entries[i].kind != entries[i - 1].kind) {
      out += "\n" + kind_heading(entries[i].kind) + "\n";
    }
    const io::CatalogEntry& entry = entries[i];
    out += "  " + entry.name + std::string(width + 2 - entry.name.size(), ' ') + entry.description +
           "\n";
  }
  return out;
}

std::string catalog_csv(const std::vector<io::CatalogEntry>& entries) {
  std::string out = "kind,name,description,file\n";
  for (const io::CatalogEntry& entry : entries) {
    out += kind_id(entry.kind) + "," + io::csv_field(entry.name) + "," +
           io::csv_field(entry.description) + "," + io::csv_field(entry.file) + "\n";
  }
  return out;
}

std::string catalog_json(const std::vector<io::CatalogEntry>& entries) {
  std::string out = "{\n  \"bundled\": [";
  for (std::size_t i = 0; i < entries.size(); ++i) {
    const io::CatalogEntry& entry = entries[i];
    out += std::string(i == 0 ? "\n" : ",\n") +
           "    {\"kind\": " + io::json_string(kind_id(entry.kind)) +
           ", \"name\": " + io::json_string(entry.name) +
           ", \"description\": " + io::json_string(entry.description) +
           ", \"file\": " + io::json_string(entry.file) + "}";
  }
  return out + "\n  ]\n}\n";
}

// Every bundled mineral, read on `vintage`, with its figures counted by standing.
std::vector<MineralDataQuality> data_quality_of(const DataPaths& paths, DataVintage vintage) {
  CountryTable countries = io::load_countries(paths.countries());
  std::vector<MineralDataQuality> out;
  for (const std::string& file : bundled_mineral_files(paths)) {
    MineralData data = io::load_mineral(file, countries, vintage);
    out.push_back(io::data_quality_of(data));
  }
  return out;
}

}  // namespace

int run_list(const Args& args, std::ostream& out, std::ostream& /*err*/) {
  po::options_description options(
      "mineflow list [options]\n\n"
      "The bundled minerals, disruption scenarios (real events and background risk) and\n"
      "stock-flow models, each with its description. Every command takes these names in place\n"
      "of a file: mineflow run cobalt_drc_supply_cut, mineflow mfa tungsten_policy.\n\nOptions");
  options.add_options()("help,h", "show this help")(
      "format", po::value<std::string>()->default_value("table"), "table | csv | json")(
      "data-quality",
      "per mineral, how many figures of its mineral and network files are sourced, derived, "
      "judged and remembered (docs/data-quality.md)");
  add_vintage_option(options);
  add_data_dir_option(options);
  po::variables_map vm;
  if (!parse_args(args, options, po::positional_options_description{}, vm, out)) return 0;
  Format format = parse_format(vm["format"].as<std::string>());
  DataPaths paths = data_paths(vm);
  if (vm.count("data-quality")) {
    std::vector<MineralDataQuality> counts = data_quality_of(paths, vintage_option(vm));
    out << (format == Format::csv    ? io::data_quality_csv(counts)
            : format == Format::json ? io::data_quality_json(counts)
                                     : io::data_quality_table(counts));
    return 0;
  }
  std::vector<io::CatalogEntry> entries =
      io::read_bundled_catalog(paths.data_dir, vintage_option(vm));
  out << (format == Format::csv    ? catalog_csv(entries)
          : format == Format::json ? catalog_json(entries)
                                   : catalog_table(entries, paths.data_dir));
  return 0;
}

}  // namespace mineflow::cli
