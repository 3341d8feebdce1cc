// mineflow mfa MODEL: the dynamic material-flow model of one mineral (docs/stock-flow.md).

#include <filesystem>
#include <iostream>

#include <boost/program_options.hpp>

#include "graph/source_ref.h"
#include "tools/cli/command.h"
#include "tools/cli/data_paths.h"
#include "tools/cli/mfa_job.h"
#include "tools/cli/output.h"
#include "tools/cli/parse_args.h"
#include "tools/io/atomic_file.h"
#include "tools/io/mfa_report.h"
#include "tools/io/text_table.h"

namespace mineflow::cli {

namespace po = boost::program_options;

int run_mfa(const Args& args, std::ostream& out, std::ostream& /*err*/) {
  po::options_description options(
      "mineflow mfa MODEL [options]\n\n"
      "Stocks and flows of one mineral: in-use stock by product, end-of-life flows, collection,\n"
      "scrap exports, secondary supply and its share of demand, year by year. MODEL is a file\n"
      "or a bundled model name (e.g. tungsten, tungsten_policy).\n\nOptions");
  options.add_options()("help,h", "show this help")(
      "format", po::value<std::string>()->default_value("table"), "table | csv | json")(
      "out", po::value<std::string>(),
      "write (DIR created if missing) DIR/<model>_series.csv, DIR/<model>_sankey_<year>.csv, "
      "DIR/<model>_cohorts_<year>.csv and DIR/<model>.json, and print only where")(
      "year", po::value<int>(), "year of the Sankey flow table (default: the last model year)")(
      "model", po::value<std::string>(), "model file or bundled model name");
  add_data_dir_option(options);
  po::positional_options_description positional;
  positional.add("model", 1);
  po::variables_map vm;
  if (!parse_args(args, options, positional, vm, out)) return 0;
  if (!vm.count("model")) throw InputError(SourceRef{}, "MODEL", "nothing", "a model to run");
  Format format = parse_format(vm["format"].as<std::string>());
  DataPaths paths = data_paths(vm);
  std::optional<int> year;
  if (vm.count("year")) year = vm["year"].as<int>();
  auto [result, info] = run_mfa_model(vm["model"].as<std::string>(), year, paths);
  if (vm.count("out")) {
    std::string dir = make_out_folder(vm["out"].as<std::string>());
    std::string stem = dir + "/" + info.model_id;
    std::string year_text = std::to_string(info.sankey_year);
    const std::pair<std::string, std::string> files[] = {
        {stem + "_series.csv", io::mfa_csv(result)},
        {stem + "_sankey_" + year_text + ".csv", io::mfa_sankey_csv(result, info.sankey_year)},
        {stem + "_cohorts_" + year_text + ".csv", io::mfa_cohort_csv(result, info.sankey_year)},
        {stem + ".json", io::mfa_json(result, info)}};
    // The files hold everything: the terminal gets where they are, not their content.
    for (const auto& [path, content] : files) io::write_file_atomically(path, content);
    for (const auto& [path, content] : files) out << "wrote " << path << "\n";
    return 0;
  }
  std::string content = format == Format::csv    ? io::mfa_csv(result)
                        : format == Format::json ? io::mfa_json(result, info)
                                                 : io::wrap_long_lines(io::mfa_table(result, info));
  emit(content, "", out);
  return 0;
}

}  // namespace mineflow::cli
