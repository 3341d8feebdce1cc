// mineflow __complete OPTION [COMMAND WORD...]: the values bash completion offers after OPTION,
// one a line (tools/completion/mineflow.bash). Hidden from --help: the script is its user. The
// values come from the parsers' own table (tools/cli/option_values.h) or, for --policy, from the
// scenario on the command line, so completion says what the program accepts.

#include <algorithm>
#include <ostream>
#include <set>

#include "graph/source_ref.h"
#include "tools/cli/command.h"
#include "tools/cli/data_paths.h"
#include "tools/cli/option_values.h"
#include "tools/io/data_loaders.h"
#include "tools/io/scenario_loader.h"

namespace mineflow::cli {
namespace {

// The policies of the first word that names a scenario (a file or a bundled name).
std::vector<std::string> policy_names(const Args& words, const DataPaths& paths) {
  std::vector<std::string> names;
  if (!words.empty() && words[0] == "criticality") names.push_back("none");  // its default
  CountryTable countries = io::load_countries(paths.countries());
  for (std::size_t i = 1; i < words.size(); ++i) {
    if (words[i].empty() || words[i][0] == '-') continue;
    try {
      Scenario scenario = io::load_scenario(
          resolve_data_file(words[i], DataKind::scenario, paths, "SCENARIO"), countries);
      for (const PolicySet& policy : scenario.policies) names.push_back(policy.name);
      break;
    } catch (const std::exception&) {
      // not a scenario: an option's value, or a word still being typed
    }
  }
  return names;
}

// seed, and wmd:YEAR for every World Mining Data year of the bundled minerals.
std::vector<std::string> production_values(const DataPaths& paths) {
  CountryTable countries = io::load_countries(paths.countries());
  std::set<int> years;
  for (const std::string& file : bundled_mineral_files(paths)) {
    for (const Breakdown& block : io::load_mineral(file, countries).mine_production_wmd) {
      years.insert(block.year);
    }
  }
  std::vector<std::string> values{"seed"};
  for (int year : years) values.push_back("wmd:" + std::to_string(year));
  return values;
}

}  // namespace

int run_complete(const Args& args, std::ostream& out, std::ostream& /*err*/) {
  if (args.empty()) return 2;
  const std::string& option = args[0];
  const Args words(args.begin() + 1, args.end());
  try {
    boost::program_options::variables_map none;
    DataPaths paths = data_paths(none);
    std::vector<std::string> values = option == "--policy"       ? policy_names(words, paths)
                                      : option == "--production" ? production_values(paths)
                                                                 : choices_of(option);
    for (const std::string& value : values) out << value << "\n";
    return 0;
  } catch (const std::exception&) {
    return 1;  // completion stays silent: it offers nothing rather than an error mid-line
  }
}

}  // namespace mineflow::cli
