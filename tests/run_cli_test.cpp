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
  EXPECT_EQ(r.out, "wrote " + dir.string() + "/summary.json\n");  // where, not the content
  EXPECT_NE(testing::read_text(dir / "summary.json").find("\"p_any_shortage\""), std::string::npos);
  fs::remove_all(dir);
}

std::size_t line_count(const std::string& text) {
  return static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
}

// Quiet by default: a deterministic run prints its metrics and the days that matter, not the
// daily series (2,226 lines before); a --trials it cannot use is answered on one line.
TEST(RunCli, DeterministicRunPrintsASummaryAndNotesUnusedTrials) {
  testing::CliResult r = run_cli({"run", "rare_earths_china_2010"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_LE(line_count(r.out), 80u) << r.out;
  EXPECT_NE(r.out.find("Days that matter"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("first day short"), std::string::npos) << r.out;
  EXPECT_TRUE(r.err.empty()) << r.err;

  testing::CliResult many = run_cli({"run", "rare_earths_china_2010", "--trials", "5000"});
  ASSERT_EQ(many.exit_code, 0) << many.err;
  EXPECT_EQ(many.out, r.out);
  EXPECT_EQ(line_count(many.err), 1u) << many.err;
  EXPECT_NE(many.err.find("note: --trials 5000 not used"), std::string::npos) << many.err;

  // The summary's CSV and JSON carry the same days, for programs.
  testing::CliResult csv = run_cli({"run", "rare_earths_china_2010", "--format", "csv"});
  ASSERT_EQ(csv.exit_code, 0) << csv.err;
  EXPECT_EQ(csv.out.rfind("policy,name,day,value,vintage\n", 0), 0u) << csv.out;
  EXPECT_NE(csv.out.find(",first_short_day,"), std::string::npos) << csv.out;
  testing::CliResult json = run_cli({"run", "rare_earths_china_2010", "--format", "json"});
  ASSERT_EQ(json.exit_code, 0) << json.err;
  EXPECT_NE(json.out.find("\"whole_days_short\": "), std::string::npos) << json.out;
  EXPECT_EQ(json.out.find("\"days\": ["), std::string::npos);

  // --out writes the series and the summary and prints only where.
  fs::path dir = testing::fresh_temp_dir("mineflow_run_series_out");
  testing::CliResult files = run_cli({"run", "rare_earths_china_2010", "--out", dir.string()});
  ASSERT_EQ(files.exit_code, 0) << files.err;
  EXPECT_EQ(files.out,
            "wrote " + dir.string() + "/series.txt\nwrote " + dir.string() + "/summary.txt\n");
  EXPECT_EQ(testing::read_text(dir / "summary.txt"), r.out);
  EXPECT_EQ(testing::read_text(dir / "series.txt"),
            run_cli({"run", "rare_earths_china_2010", "--series"}).out);
  fs::remove_all(dir);

  // --series on a scenario with random events does not apply: a note, and the usual summary.
  testing::CliResult random =
      run_cli({"run", "cobalt_background", "--trials", "200", "--series", "--format", "csv"});
  ASSERT_EQ(random.exit_code, 0) << random.err;
  EXPECT_NE(random.err.find("note: --series not used"), std::string::npos) << random.err;
  EXPECT_EQ(random.out.rfind("policy,section,name,statistic,value,vintage\n", 0), 0u);
}

// Terminal tables group thousands; CSV keeps plain digits for programs.
TEST(RunCli, TerminalTablesGroupThousandsAndCsvDoesNot) {
  testing::CliResult table = run_cli({"run", "rare_earths_china_2010"});
  ASSERT_EQ(table.exit_code, 0) << table.err;
  EXPECT_TRUE(std::regex_search(table.out, std::regex(R"(procurement_cost +[0-9]{1,3},[0-9]{3},)")))
      << table.out;
  testing::CliResult csv = run_cli({"run", "rare_earths_china_2010", "--format", "csv"});
  EXPECT_TRUE(std::regex_search(csv.out, std::regex(R"(,procurement_cost,,[0-9]{7,})"))) << csv.out;
}

// --series prints the deterministic replay's daily series; golden file with an update mode.
TEST(RunCli, DeterministicReplayMatchesGolden) {
  std::string file = scenarios_dir() + "/disruptions/rare_earths_china_2010.yaml";
  testing::CliResult r = run_cli({"run", file, "--series", "--format", "csv"});
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

// `mineral: cobalt` names a bundled mineral inside a scenario, as on the command line; a file
// path still works and a name that is neither is refused at its line.
TEST(RunCli, ScenarioTakesABundledMineralName) {
  fs::path dir = testing::fresh_temp_dir("mineflow_mineral_name");
  fs::create_directories(dir);
  const std::string body =
      "scenario: x\nname: x\nevents:\n  - id: e\n    start_day: 10\n    duration_days: 30\n"
      "    severity: 0.5\n    targets:\n      - exports_of: COD\n";
  std::ofstream(dir / "by_name.yaml") << "mineral: cobalt\n" << body;
  std::ofstream(dir / "by_path.yaml") << "mineral: " << scenarios_dir() << "/minerals/cobalt.yaml\n"
                                      << body;
  std::ofstream(dir / "unknown.yaml") << "mineral: cobalts\n" << body;
  testing::CliResult by_name = run_cli({"run", (dir / "by_name.yaml").string(), "--format", "csv"});
  ASSERT_EQ(by_name.exit_code, 0) << by_name.err;
  testing::CliResult by_path = run_cli({"run", (dir / "by_path.yaml").string(), "--format", "csv"});
  ASSERT_EQ(by_path.exit_code, 0) << by_path.err;
  EXPECT_EQ(by_name.out, by_path.out);
  testing::CliResult unknown = run_cli({"run", (dir / "unknown.yaml").string()});
  EXPECT_EQ(unknown.exit_code, 2);
  EXPECT_NE(unknown.err.find("unknown.yaml:1:10: mineral: found 'cobalts'"), std::string::npos)
      << unknown.err;
  fs::remove_all(dir);
}

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
      {"start_past_horizon",
       "scenario: x\nname: x\nmineral: ../minerals/cobalt.yaml\nhorizon_days: 545\nevents:\n"
       "  - id: e\n    start_day: 600\n    duration_days: 10\n    severity: 1\n"
       "    targets:\n      - exports_of: CHN\n",
       7, "start_day: found '600', expected a day before the scenario's horizon_days (545)"},
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
