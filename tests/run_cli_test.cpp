// End-to-end tests of `mineflow run`: every bundled scenario runs, output is byte-identical for
// any thread count, bad scenario files are reported with file:line:column and exit code 2, and
// the deterministic replay matches its golden file (MINEFLOW_UPDATE_GOLDEN=1 rewrites it).

#include <gtest/gtest.h>

#include <oneapi/tbb/global_control.h>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include "tests/cli_runner.h"
#include "tests/golden.h"
#include "tools/cli/command.h"

namespace mineflow {
namespace {

namespace fs = std::filesystem;
using testing::run_cli;
using testing::scenarios_dir;

std::vector<std::string> bundled_scenarios() {
  std::vector<std::string> files;
  for (const auto& entry : fs::directory_iterator(scenarios_dir() + "/disruptions")) {
    if (entry.path().extension() == ".yaml") files.push_back(entry.path().string());
  }
  std::sort(files.begin(), files.end());
  return files;
}

// (f) Every bundled scenario runs, in every format.
TEST(RunCli, EveryBundledScenarioRuns) {
  std::vector<std::string> files = bundled_scenarios();
  ASSERT_GE(files.size(), 12u);
  for (const std::string& file : files) {
    for (const char* format : {"table", "csv", "json"}) {
      testing::CliResult r = run_cli({"run", file, "--trials", "300", "--format", format});
      EXPECT_EQ(r.exit_code, 0) << file << " " << format << ": " << r.err;
      EXPECT_FALSE(r.out.empty()) << file;
    }
  }
}

std::string run_in_process(const std::vector<std::string>& args) {
  std::ostringstream out;
  std::ostringstream err;
  int code = cli::run_run(args, out, err);
  EXPECT_EQ(code, 0) << err.str();
  return out.str();
}

// (d) Byte-identical output for 1, 2, 3 and 8 threads (TBB's cap raised in-process).
TEST(RunCli, OutputIsByteIdenticalForAnyThreadCount) {
  tbb::global_control allow(tbb::global_control::max_allowed_parallelism, 8);
  // cobalt_export_quota_2026: a cap with a random utilisation and the buyers' response.
  for (const char* name : {"nickel_indonesia_ore_ban.yaml", "rare_earths_background.yaml",
                           "cobalt_export_quota_2026.yaml"}) {
    std::string file = scenarios_dir() + "/disruptions/" + name;
    std::string reference;
    for (const char* threads : {"1", "2", "3", "8"}) {
      std::string out = run_in_process(
          {file, "--trials", "3000", "--threads", threads, "--format", "csv", "--quiet"});
      if (reference.empty()) {
        reference = out;
      } else {
        EXPECT_EQ(out, reference) << name << " with " << threads << " threads";
      }
    }
  }
  // And across processes with the real binary.
  std::string file = scenarios_dir() + "/disruptions/tungsten_china_quotas.yaml";
  testing::CliResult one = run_cli({"run", file, "--trials", "2000", "--threads", "1"});
  testing::CliResult two = run_cli({"run", file, "--trials", "2000", "--threads", "2"});
  EXPECT_EQ(one.exit_code, 0);
  EXPECT_EQ(one.out, two.out);
}

TEST(RunCli, SeedAndPolicyOptionsChangeWhatTheySay) {
  std::string file = scenarios_dir() + "/disruptions/cobalt_drc_supply_cut.yaml";
  testing::CliResult a =
      run_cli({"run", file, "--trials", "500", "--seed", "1", "--format", "csv"});
  testing::CliResult b =
      run_cli({"run", file, "--trials", "500", "--seed", "2", "--format", "csv"});
  EXPECT_NE(a.out, b.out);
  testing::CliResult only =
      run_cli({"run", file, "--trials", "500", "--policy", "stockpile_60", "--format", "csv"});
  EXPECT_EQ(only.exit_code, 0);
  EXPECT_EQ(only.out.find("no_policy"), std::string::npos);
  EXPECT_NE(only.out.find("stockpile_60,indicators,refined_import_stability,residual_risk"),
            std::string::npos);
  testing::CliResult bad = run_cli({"run", file, "--policy", "nonsense"});
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("nonsense"), std::string::npos);
}

TEST(RunCli, OutWritesFilesIntoTheFolder) {
  fs::path dir = fs::temp_directory_path() / ("mineflow_run_out_" + std::to_string(::getpid()));
  std::string file = scenarios_dir() + "/disruptions/copper_andean_strikes.yaml";
  testing::CliResult r =
      run_cli({"run", file, "--trials", "200", "--format", "json", "--out", dir.string()});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(r.out.empty());
  EXPECT_NE(testing::read_text(dir / "summary.json").find("\"p_any_shortage\""), std::string::npos);
  fs::remove_all(dir);
}

// The deterministic replay prints its daily series; golden file with an update mode.
TEST(RunCli, DeterministicReplayMatchesGolden) {
  std::string file = scenarios_dir() + "/disruptions/rare_earths_china_2010.yaml";
  testing::CliResult r = run_cli({"run", file, "--format", "csv"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  testing::expect_golden("rare_earths_china_2010_series.csv", r.out);
  // 366 lines per policy (header once) and two policies.
  EXPECT_EQ(std::count(r.out.begin(), r.out.end(), '\n'), 1 + 2 * 365);
}

struct BadCase {
  const char* name;
  const char* text;
  int line;
  const char* needle;
};

// (g) Bad scenario files: one line naming file:line:column, exit code 2.
TEST(RunCli, BadScenarioFilesGiveFileLineErrorsAndExitTwo) {
  const BadCase cases[] = {
      {"unknown_key",
       "scenario: x\nname: x\nmineral: ../minerals/cobalt.yaml\nevents: []\nbogus: 1\n", 5,
       "bogus"},
      {"missing_mineral", "scenario: x\nname: x\nmineral: ../minerals/nope.yaml\nevents: []\n", 3,
       "nope.yaml"},
      {"bad_country",
       "scenario: x\nname: x\nmineral: ../minerals/cobalt.yaml\nevents:\n  - id: e\n"
       "    start_day: 0\n    duration_days: 10\n    severity: 1\n    targets:\n"
       "      - exports_of: XXX\n",
       10, "XXX"},
      {"severity_above_one",
       "scenario: x\nname: x\nmineral: ../minerals/cobalt.yaml\nevents:\n  - id: e\n"
       "    start_day: 0\n    duration_days: 10\n    severity: 1.5\n    targets:\n"
       "      - exports_of: CHN\n",
       8, "1.5"},
      {"uniform_max_below_min",
       "scenario: x\nname: x\nmineral: ../minerals/cobalt.yaml\nevents:\n  - id: e\n"
       "    hazard_per_year: 1\n    duration_days: {dist: uniform, min: 10, max: 5}\n"
       "    severity: 1\n    targets:\n      - exports_of: CHN\n",
       7, "max"},
      {"both_start_and_hazard",
       "scenario: x\nname: x\nmineral: ../minerals/cobalt.yaml\nevents:\n  - id: e\n"
       "    start_day: 0\n    hazard_per_year: 1\n    duration_days: 10\n    severity: 1\n"
       "    targets:\n      - exports_of: CHN\n",
       7, "hazard_per_year"},
      {"unknown_distribution",
       "scenario: x\nname: x\nmineral: ../minerals/cobalt.yaml\nevents:\n  - id: e\n"
       "    start_day: 0\n    duration_days: {dist: gamma, mean: 3}\n    severity: 1\n"
       "    targets:\n      - exports_of: CHN\n",
       7, "gamma"},
      {"syntax_error", "scenario: x\nname: [unclosed\n", 0, ""},
  };
  // A private temporary folder; `mineral:` paths are relative to the scenario's folder, and an
  // absolute one is taken as is.
  fs::path dir = fs::temp_directory_path() / ("mineflow_bad_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  std::string minerals = scenarios_dir() + "/minerals/";
  for (const BadCase& c : cases) {
    fs::path file = dir / ("bad_" + std::string(c.name) + ".yaml");
    std::ofstream(file) << std::regex_replace(c.text, std::regex(R"(\.\./minerals/)"), minerals);
    testing::CliResult r = run_cli({"run", file.string()});
    EXPECT_EQ(r.exit_code, 2) << c.name << ": " << r.err;
    std::string prefix = file.string() + ":";
    EXPECT_NE(r.err.find(prefix), std::string::npos) << c.name << ": " << r.err;
    if (c.line > 0) {
      std::regex where(std::regex_replace(prefix, std::regex(R"([.^$|()\[\]{}*+?\\])"), R"(\$&)") +
                       std::to_string(c.line) + ":[0-9]+");
      EXPECT_TRUE(std::regex_search(r.err, where)) << c.name << ": " << r.err;
      EXPECT_NE(r.err.find(c.needle), std::string::npos) << c.name << ": " << r.err;
    }
    EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << c.name << ": " << r.err;
  }
  fs::remove_all(dir);
  testing::CliResult missing = run_cli({"run", "/nonexistent/scenario.yaml"});
  EXPECT_EQ(missing.exit_code, 2);
  testing::CliResult bad_trials =
      run_cli({"run", scenarios_dir() + "/disruptions/cobalt_background.yaml", "--trials", "0"});
  EXPECT_EQ(bad_trials.exit_code, 2);
}

}  // namespace
}  // namespace mineflow
