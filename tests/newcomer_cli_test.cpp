// A newcomer's path through the CLI: mineflow list, bundled names wherever a file is taken, the
// closest-name suggestions, the one --out rule, and terminal output within 100 columns.

#include <gtest/gtest.h>

#include <filesystem>
#include <sstream>

#include "tests/cli_runner.h"
#include "tools/cli/closest_names.h"
#include "tools/io/text_table.h"

namespace mineflow::testing {
namespace {

namespace fs = std::filesystem;

fs::path fresh_dir(const std::string& name) {
  return fresh_temp_dir("mineflow_newcomer_" + name);
}

std::size_t widest_line(const std::string& text) {
  std::istringstream in(text);
  std::size_t widest = 0;
  for (std::string line; std::getline(in, line);) {
    std::size_t shown = 0;
    for (char c : line) shown += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
    widest = std::max(widest, shown);
  }
  return widest;
}

std::size_t line_count(const std::string& text) {
  return static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
}

TEST(ClosestNames, EditDistanceByHand) {
  EXPECT_EQ(cli::edit_distance("kitten", "sitting"), 3u);
  EXPECT_EQ(cli::edit_distance("", "abc"), 3u);
  EXPECT_EQ(cli::edit_distance("tungsten", "tungsten"), 0u);
  EXPECT_EQ(cli::edit_distance("tungstn", "tungsten"), 1u);
}

TEST(ClosestNames, TyposAndContainedNamesComeFirstUnrelatedOnesNever) {
  std::vector<std::string> names{"cobalt_background", "cobalt_drc_supply_cut", "copper",
                                 "rare_earths_china_2010", "tungsten"};
  EXPECT_EQ(cli::closest_names("tungstn", names), std::vector<std::string>{"tungsten"});
  EXPECT_EQ(cli::closest_names("cobalt", names),
            (std::vector<std::string>{"cobalt_background", "cobalt_drc_supply_cut"}));
  EXPECT_EQ(cli::closest_names("rare_earth_china_2010", names),
            std::vector<std::string>{"rare_earths_china_2010"});
  EXPECT_TRUE(cli::closest_names("zzz", names).empty());
}

TEST(List, ShowsEveryKindWithTheFilesOwnDescriptions) {
  CliResult result = run_cli({"list"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  for (const char* text :
       {"Minerals", "Scenarios, real events", "Scenarios, background risk", "Stock-flow models",
        "DR Congo cobalt supply cut (2025 export suspension)", "cobalt background supply risk",
        "Tungsten in use, Japan (recycling policy)",
        "Cobalt (t Co content; focal economy JPN; latest figures)"}) {
    EXPECT_NE(result.out.find(text), std::string::npos) << text;
  }
  EXPECT_LE(widest_line(result.out), 100u);
  CliResult csv = run_cli({"list", "--format", "csv"});
  ASSERT_EQ(csv.exit_code, 0) << csv.err;
  EXPECT_NE(csv.out.find("\nevent_scenario,cobalt_drc_supply_cut,"), std::string::npos);
  EXPECT_NE(csv.out.find("\nbackground_scenario,cobalt_background,"), std::string::npos);
  EXPECT_NE(csv.out.find("\nmfa_model,tungsten_policy,"), std::string::npos);
  EXPECT_NE(csv.out.find("\nmineral,rare_earths,"), std::string::npos);
  CliResult seed = run_cli({"list", "--vintage", "seed"});
  EXPECT_NE(seed.out.find("Cobalt (t Co contained; focal economy JPN; seed figures)"),
            std::string::npos)
      << seed.out;
  CliResult bad = run_cli({"list", "--vintage", "old"});
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_EQ(bad.err, "mineflow list: --vintage: found 'old', expected one of: seed, latest\n");
  // 10 minerals, 21 scenarios, 14 models, and the header (issue 26 added graphite, gallium,
  // germanium, antimony, their backgrounds and replays, and graphite's two stock-flow models).
  EXPECT_EQ(line_count(csv.out), 46u);
}

TEST(BundledNames, EveryCommandTakesANameWhereItTakesAFile) {
  const std::string data = scenarios_dir();
  auto same = [](const std::vector<std::string>& by_name, const std::vector<std::string>& by_file) {
    CliResult a = run_cli(by_name);
    CliResult b = run_cli(by_file);
    ASSERT_EQ(a.exit_code, 0) << a.err;
    EXPECT_EQ(a.out, b.out) << by_name[0];
  };
  same({"run", "rare_earths_china_2010", "--trials", "1"},
       {"run", data + "/disruptions/rare_earths_china_2010.yaml", "--trials", "1"});
  same({"stockpile", "cobalt_drc_supply_cut", "--trials", "200", "--quiet"},
       {"stockpile", data + "/disruptions/cobalt_drc_supply_cut.yaml", "--trials", "200",
        "--quiet"});
  same({"indicators", "cobalt", "nickel"},
       {"indicators", data + "/minerals/cobalt.yaml", data + "/minerals/nickel.yaml"});
  same({"mfa", "tungsten_policy"}, {"mfa", data + "/mfa/tungsten_policy.yaml"});
  same({"criticality", "cobalt_drc_supply_cut", "--trials", "100", "--quiet"},
       {"criticality", data + "/disruptions/cobalt_drc_supply_cut.yaml", "--trials", "100",
        "--quiet"});
  fs::path dir = fresh_dir("report_name");
  CliResult report = run_cli({"report", "copper", "--trials", "100", "--out", dir.string()});
  ASSERT_EQ(report.exit_code, 0) << report.err;
  EXPECT_TRUE(fs::is_regular_file(dir / "report.html"));
  fs::remove_all(dir);
}

// `mineflow mfa copper --out copper` makes a folder named like the model; the name still works.
TEST(BundledNames, AFolderOfTheSameNameDoesNotShadowABundledName) {
  fs::path dir = fresh_dir("shadow");
  fs::create_directories(dir / "copper");
  CliResult result = run_command_line(
      "cd " + shell_quote(dir.string()) + " && " + shell_quote(MINEFLOW_BINARY) + " mfa copper",
      dir);
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_NE(result.out.find("(copper)"), std::string::npos);
  fs::remove_all(dir);
}

TEST(BundledNames, AnUnknownNameSuggestsTheClosestOnOneLine) {
  CliResult run = run_cli({"run", "cobalt"});
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_EQ(line_count(run.err), 1u) << run.err;
  EXPECT_NE(run.err.find("mineflow run: SCENARIO: found 'cobalt', expected a scenario file or the "
                         "name of a bundled scenario (closest: cobalt_background, "
                         "cobalt_drc_supply_cut, cobalt_export_quota_2026; mineflow list shows "
                         "them all)"),
            std::string::npos)
      << run.err;
  CliResult mfa = run_cli({"mfa", "tungstn"});
  EXPECT_EQ(mfa.exit_code, 2);
  EXPECT_NE(mfa.err.find("(closest: tungsten;"), std::string::npos) << mfa.err;
  CliResult indicators = run_cli({"indicators", "cobalts"});
  EXPECT_EQ(indicators.exit_code, 2);
  EXPECT_NE(indicators.err.find("MINERAL: found 'cobalts'"), std::string::npos) << indicators.err;
  CliResult stockpile = run_cli({"stockpile", "nothing_like_it"});
  EXPECT_EQ(stockpile.exit_code, 2);
  EXPECT_NE(stockpile.err.find("(mineflow list shows them all)"), std::string::npos)
      << stockpile.err;
}

// Each command's --out, with a missing nested folder (created) and with a file in the way
// (refused on one line, exit 2, nothing written).
struct OutCase {
  std::vector<std::string> args;  // without --out
  std::string written;            // a file the command writes into the folder
};

TEST(OutRule, EveryCommandCreatesTheFolderOrRefusesOnOneLine) {
  const std::vector<OutCase> cases = {
      {{"indicators", "--format", "csv"}, "indicators.csv"},
      {{"run", "rare_earths_china_2010", "--trials", "1", "--format", "csv"}, "series.csv"},
      {{"stockpile", "cobalt_background", "--trials", "100", "--quiet"},
       "cobalt_background_stockpile.txt"},
      {{"mfa", "copper"}, "copper_series.csv"},
      {{"report", "copper", "--trials", "100"}, "report.html"},
  };
  fs::path root = fresh_dir("out_rule");
  fs::create_directories(root);
  std::ofstream(root / "a_file") << "in the way\n";
  for (const OutCase& c : cases) {
    SCOPED_TRACE(c.args[0]);
    fs::path folder = root / c.args[0] / "new" / "nested";
    std::vector<std::string> args = c.args;
    args.insert(args.end(), {"--out", folder.string() + "/"});
    CliResult made = run_cli(args);
    ASSERT_EQ(made.exit_code, 0) << made.err;
    EXPECT_TRUE(fs::is_regular_file(folder / c.written));

    args = c.args;
    args.insert(args.end(), {"--out", (root / "a_file" / "sub").string()});
    CliResult refused = run_cli(args);
    EXPECT_EQ(refused.exit_code, 2);
    EXPECT_EQ(line_count(refused.err), 1u) << refused.err;
    EXPECT_EQ(refused.err.rfind("mineflow " + c.args[0] + ": --out: found '", 0), 0u)
        << refused.err;
    EXPECT_NE(refused.err.find("expected a folder that exists or can be created"),
              std::string::npos)
        << refused.err;
  }
  fs::remove_all(root);
}

TEST(TerminalOutput, TablesFitOneHundredColumns) {
  for (const std::vector<std::string>& args : std::vector<std::vector<std::string>>{
           {"indicators"},
           {"indicators", "--bases"},
           {"indicators", "--method", "geopolrisk"},
           {"calibrate", "--backtest", "--price-trials", "50"},
           {"run", "cobalt_drc_supply_cut", "--trials", "500", "--quiet"},
           {"run", "rare_earths_china_2010", "--trials", "1"},
           {"stockpile", "cobalt_drc_supply_cut", "--trials", "200", "--recycling", "0,0.1",
            "--quiet"},
           {"stockpile", "--all", "--trials", "100", "--quiet"},
           {"mfa", "copper_policy"},
           {"criticality", "cobalt_drc_supply_cut", "--trials", "100", "--quiet"},
           {"list"}}) {
    CliResult result = run_cli(args);
    ASSERT_EQ(result.exit_code, 0) << result.err;
    EXPECT_LE(widest_line(result.out), 100u) << args[0] << "\n" << result.out;
  }
}

TEST(TerminalOutput, IndicatorBasesAreAFootnoteUnlessAskedFor) {
  CliResult compact = run_cli({"indicators"});
  ASSERT_EQ(compact.exit_code, 0) << compact.err;
  EXPECT_EQ(compact.out.find("\nBases:\n"), std::string::npos);
  EXPECT_NE(compact.out.find("--bases, or --format csv|json"), std::string::npos);
  // vintage line, two tables of at most six minerals, look-through rows, footnote
  EXPECT_LE(line_count(compact.out), 31u);
  CliResult full = run_cli({"indicators", "--bases"});
  ASSERT_EQ(full.exit_code, 0) << full.err;
  EXPECT_NE(full.out.find("\nBases:\n"), std::string::npos);
  EXPECT_NE(full.out.find("Cobalt, Price volatility: "), std::string::npos);
}

TEST(TextTable, SplitsWideTablesIntoBlocksRepeatingTheFirstColumn) {
  io::TextTable table({"name", "aaaaaaaaaa", "bbbbbbbbbb", "cccccccccc"});
  table.add_row({"x", "1", "2", "3"});
  // name(4) + 2 x (2 + 10) = 28 fits 30; the third column goes to a second block.
  EXPECT_EQ(table.render(30),
            "name  aaaaaaaaaa  bbbbbbbbbb\n"
            "----------------------------\n"
            "x              1           2\n"
            "\n"
            "name  cccccccccc\n"
            "----------------\n"
            "x              3\n");
}

TEST(TextTable, LongLinesWrapAtSpacesWithAHangingIndent) {
  EXPECT_EQ(io::wrap_long_lines("one two three four\nshort\n", 9),
            "one two\n  three\n  four\nshort\n");
  EXPECT_EQ(io::wrap_long_lines("  aa bb cc\n", 7), "  aa bb\n    cc\n");
  EXPECT_EQ(io::wrap_long_lines("unbreakable_word\n", 5), "unbreakable_word\n");
}

}  // namespace
}  // namespace mineflow::testing
