// Export restrictions by destination and by licence, through `mineflow run` (docs/engine.md
// "Export restrictions"), under the rationing engine: hand-computed physical shortfalls, and
// bad input answered with its location and exit code 2.

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <string>

#include "tests/cli_runner.h"

namespace mineflow {
namespace {

namespace fs = std::filesystem;

fs::path scenario_dir() {
  fs::path dir = fs::temp_directory_path() / ("mineflow_restrict_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  return dir;
}

// A scenario with no lead times, no inventory and one policy (none), on `mineral`.
std::string write_scenario(const std::string& name, const std::string& mineral,
                           const std::string& events, const std::string& extra = "") {
  fs::path file = scenario_dir() / (name + ".yaml");
  std::ofstream out(file);
  out << "scenario: " << name << "\nname: \"" << name << "\"\nmineral: " << mineral
      << "\nhorizon_days: 365\ntrials: 1\nseed: 1\nprice: {volatility: 0}\n"
      << "lead_times: {concentrate_days: 0, refined_days: 0}\n"
      << extra << "events:\n"
      << events << "policies:\n  - name: no_policy\n";
  return file.string();
}

std::string kinkium() {
  return testing::test_data_dir() + "/kinks/two_class_mineral.yaml";
}

std::string rare_earths() {
  return testing::scenarios_dir() + "/minerals/rare_earths.yaml";
}

// Kinkium's refined imports: CHN 0.6 t/day, CAN 0.4 t/day with 0.2 t/day spare.
constexpr const char* kCanadaSpare =
    "spare_capacity:\n  - {country: CAN, class: refined, extra_pct_of_flow: 50}\n";

// A step restriction of CHN's refined exports from day 10 for `days`, scoped by `scope`
// (e.g. "to: [JPN]"), with `shape` lines (severity or licence).
std::string refined_ban(const std::string& scope, int days, const std::string& shape) {
  return "  - id: restriction\n    start_day: 10\n    duration_days: " + std::to_string(days) +
         "\n" + shape + "    targets:\n      - exports_of: {country: CHN, stage: refine" +
         (scope.empty() ? "" : ", " + scope) + "}\n";
}

using Metrics = std::map<std::string, double>;

Metrics no_policy_metrics(const std::string& file) {
  testing::CliResult r = testing::run_cli({"run", file, "--format", "json", "--quiet"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  Metrics out;
  std::regex policy(R"re("name": "no_policy",\s*"metrics": \{([^}]*)\})re");
  std::regex metric(R"re("(\w+)": ([-0-9.eE+]+))re");
  std::smatch found;
  if (!std::regex_search(r.out, found, policy)) {
    ADD_FAILURE() << r.out.substr(0, 2000);
    return out;
  }
  std::string body = found[1];
  for (std::sregex_iterator m(body.begin(), body.end(), metric), end; m != end; ++m) {
    out[(*m)[1]] = std::stod((*m)[2]);
  }
  return out;
}

TEST(RestrictionsCli, BanToTheFocalEconomyOnlyCostsItsShareLessSpare) {
  // 0.6 t/day lost, 0.2 t/day replaced by Canada: 0.4 t/day short for 120 days = 48 t.
  auto m = no_policy_metrics(write_scenario(
      "to_jpn", kinkium(), refined_ban("to: [JPN]", 120, "    severity: 1\n"), kCanadaSpare));
  EXPECT_NEAR(m.at("unmet_t"), 48.0, 1e-9);
  EXPECT_NEAR(m.at("days_short"), 120.0, 1e-9);
}

TEST(RestrictionsCli, BanToAThirdCountryLeavesTheFocalEconomySupplied) {
  auto m = no_policy_metrics(write_scenario(
      "to_usa", kinkium(),
      refined_ban("to: [USA], share_of_world_imports: 0.2", 120, "    severity: 1\n"),
      kCanadaSpare));
  EXPECT_EQ(m.at("unmet_t"), 0.0);
  // `except` the focal economy is the same restriction seen from the other side.
  auto except = no_policy_metrics(write_scenario(
      "except_jpn", kinkium(),
      refined_ban("except: [JPN], share_of_world_imports: 0.2", 120, "    severity: 1\n"),
      kCanadaSpare));
  EXPECT_EQ(except.at("unmet_t"), 0.0);
}

TEST(RestrictionsCli, LicenceDelayThenApprovedShare) {
  // 90 days: nothing licensed for 30 (0.6 lost, 0.2 replaced: 0.4 t/day short), then half
  // approved (0.3 lost, all but 0.1 replaced): 12 t + 6 t over 90 days short.
  auto m = no_policy_metrics(write_scenario(
      "licence", kinkium(),
      refined_ban("", 90, "    licence: {approval_share: 0.5, delay_days: 30}\n"), kCanadaSpare));
  EXPECT_NEAR(m.at("unmet_t"), 18.0, 1e-9);
  EXPECT_NEAR(m.at("days_short"), 90.0, 1e-9);
  EXPECT_NEAR(m.at("longest_spell_days"), 90.0, 1e-9);
}

TEST(RestrictionsCli, RareEarthBanToJapanOnlyAndToTheUnitedStatesOnly) {
  // Japan's refined rare-earth imports from China in scenarios/minerals/rare_earths.yaml on the
  // default (latest) vintage: 79.6 % of its imports (customs, H1 2024), scaled to its consumption
  // of 17,706 t/yr (docs/engine.md, "Demand"). No spare capacity, inventory or lead time: a
  // 120-day ban to JPN leaves exactly that flow unmet for 120 days, and the world price where it
  // was.
  const double china_t_per_day = 0.796 * 17706.0 / 365.0;
  auto jpn = no_policy_metrics(
      write_scenario("re_jpn", rare_earths(), refined_ban("to: [JPN]", 120, "    severity: 1\n")));
  EXPECT_NEAR(jpn.at("unmet_t"), 120.0 * china_t_per_day, 1e-9 * 120.0 * china_t_per_day);
  EXPECT_NEAR(jpn.at("peak_price_multiple"), 1.0, 1e-12);
  // To the United States only (a fifth of world imports, say): no tonne missing in Japan, but
  // the world outside China loses a fifth of China's refined sales, and the price rises.
  auto usa = no_policy_metrics(write_scenario(
      "re_usa", rare_earths(),
      refined_ban("to: [USA], share_of_world_imports: 0.2", 120, "    severity: 1\n")));
  EXPECT_EQ(usa.at("unmet_t"), 0.0);
  EXPECT_GT(usa.at("peak_price_multiple"), 1.0);
}

// Bad restrictions: one line naming file:line:column, the field and what was expected; exit 2.
void expect_refused(const std::string& name, const std::string& events, const std::string& field,
                    const std::string& line_col) {
  std::string file = write_scenario(name, kinkium(), events, kCanadaSpare);
  testing::CliResult r = testing::run_cli({"run", file, "--quiet"});
  EXPECT_EQ(r.exit_code, 2) << r.out << r.err;
  EXPECT_NE(r.err.find(file + ":" + line_col), std::string::npos) << r.err;
  EXPECT_NE(r.err.find(field), std::string::npos) << r.err;
  EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
}

TEST(RestrictionsCli, BadRestrictionsAreLocated) {
  expect_refused("both_lists", refined_ban("to: [JPN], except: [USA]", 30, "    severity: 1\n"),
                 "except", "17:");
  expect_refused("unknown_destination", refined_ban("to: [XXX]", 30, "    severity: 1\n"), "XXX",
                 "17:");
  expect_refused("approval_share",
                 refined_ban("", 30, "    licence: {approval_share: 1.5, delay_days: 30}\n"),
                 "approval_share", "15:");
  expect_refused("missing_share", refined_ban("to: [USA]", 30, "    severity: 1\n"),
                 "share_of_world_imports", "17:");
}

}  // namespace
}  // namespace mineflow
