// Every kind of bad input ends with one line (file:line:column, field, value found, what was
// expected) and exit code 2, and leaves no output file behind.

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <regex>

#include <gtest/gtest.h>

#include "cli_runner.h"

namespace mineflow {
namespace {

namespace fs = std::filesystem;
using testing::run_cli;

struct BadCase {
  const char* name;
  const char* find;      // text in the valid fixture
  const char* replace;   // what makes it bad
  const char* location;  // ":line:column" expected in the message
  const char* field;     // field path expected in the message
  const char* value;     // value (or description) expected in the message
};

std::string fixture() {
  return testing::read_text(testing::test_data_dir() + "/minimal_mineral.yaml");
}

// Readable test names in ctest instead of a byte dump of the parameter.
void PrintTo(const BadCase& c, std::ostream* os) {
  *os << c.name;
}

class BadMineralFile : public ::testing::TestWithParam<BadCase> {};

TEST_P(BadMineralFile, OneLineNamingFileLineFieldValueAndExitCode2) {
  const BadCase& c = GetParam();
  std::string text = fixture();
  auto at = text.find(c.find);
  ASSERT_NE(at, std::string::npos) << c.find;
  text.replace(at, std::string(c.find).size(), c.replace);
  fs::path dir = fs::temp_directory_path() / ("mineflow_bad_" + std::string(c.name));
  fs::create_directories(dir);
  fs::path file = dir / "bad.yaml";
  std::ofstream(file) << text;
  fs::path out = dir / "indicators.csv";
  fs::remove(out);

  auto result = run_cli({"indicators", file.string(), "--format", "csv", "--out", out.string()});
  EXPECT_EQ(result.exit_code, 2) << result.err;
  EXPECT_TRUE(result.out.empty());
  // Exactly one line, no stack trace.
  ASSERT_FALSE(result.err.empty());
  EXPECT_EQ(result.err.find('\n'), result.err.size() - 1) << result.err;
  EXPECT_NE(result.err.find(file.string() + c.location), std::string::npos) << result.err;
  EXPECT_NE(result.err.find(c.field), std::string::npos) << result.err;
  EXPECT_NE(result.err.find(c.value), std::string::npos) << result.err;
  EXPECT_NE(result.err.find("expected"), std::string::npos) << result.err;
  EXPECT_FALSE(fs::exists(out)) << "partial output written";
  fs::remove_all(dir);
}

INSTANTIATE_TEST_SUITE_P(
    Cases, BadMineralFile,
    ::testing::Values(
        BadCase{"syntax", "  total: 100\n", "  total: [100\n", ":", "(syntax)", "malformed YAML"},
        BadCase{
            "missing_field",
            "  unit: t\n  source: \"test fixture\"\n  shares_pct:\n    - {country: CHN, pct: 50}",
            "  source: \"test fixture\"\n  shares_pct:\n    - {country: CHN, pct: 50}", ":7:3",
            "reserves.unit", "field missing"},
        BadCase{"wrong_type", "total: 1000", "total: lots", ":8:10", "reserves.total", "'lots'"},
        BadCase{"unknown_country", "{country: AUS, pct: 30}", "{country: XYZ, pct: 30}", ":13:17",
                "reserves.shares_pct[1].country", "'XYZ'"},
        BadCase{"negative_quantity", "total: 1000", "total: -1000", ":8:10", "reserves.total",
                "'-1000'"},
        BadCase{"non_finite", "total: 1000", "total: .inf", ":8:10", "reserves.total", "'.inf'"},
        BadCase{"not_a_number", "total: 1000", "total: .nan", ":8:10", "reserves.total", "'.nan'"},
        BadCase{"shares_off_100", "{country: CHN, pct: 60}", "{country: CHN, pct: 70}", ":16:3",
                "mine_production.shares_pct", "110.00%"},
        BadCase{"duplicate_country", "{country: AUS, pct: 40}", "{country: CHN, pct: 40}", ":22:17",
                "mine_production.shares_pct[1].country", "'CHN'"},
        BadCase{"unknown_stage", "stage: refine", "stage: smelting", ":40:27",
                "capacities[0].stage", "'smelting'"},
        BadCase{"unknown_field", "mineral: testium\n", "mineral: testium\ncolour: blue\n", ":3:1",
                "colour", "'colour'"},
        BadCase{"share_out_of_range", "{country: KOR, pct: 25}", "{country: KOR, pct: 125}",
                ":38:", "imports.refined.shares_pct[1]", "125"},
        BadCase{"secondary_share_of_one", "value: 0.2", "value: 1.5", ":42:10",
                "secondary_share.value", "'1.5'"},
        BadCase{"consumption_negative", "secondary_share:\n",
                "consumption:\n  t: -5\n  year: \"2020\"\n  basis: reported\n  source: \"x\"\n"
                "  source_short: \"x\"\nsecondary_share:\n",
                ":42:6", "consumption.t", "'-5'"},
        BadCase{"consumption_basis", "secondary_share:\n",
                "consumption:\n  t: 5\n  year: \"2020\"\n  basis: guessed\n  source: \"x\"\n"
                "  source_short: \"x\"\nsecondary_share:\n",
                ":44:10", "consumption.basis", "'guessed'"}),
    [](const ::testing::TestParamInfo<BadCase>& param) { return std::string(param.param.name); });

// Hostile or mistaken files get one clear line, not a crash, a hang or a memory blow-up.
struct HostileCase {
  const char* name;
  std::string content;
  const char* expected;  // in the message
};

void PrintTo(const HostileCase& c, std::ostream* os) {
  *os << c.name;
}

class HostileFile : public ::testing::TestWithParam<HostileCase> {};

TEST_P(HostileFile, ClearErrorAndExitCode2) {
  fs::path file = fs::temp_directory_path() / ("mineflow_hostile_" + std::string(GetParam().name));
  std::ofstream(file, std::ios::binary) << GetParam().content;
  auto result = run_cli({"indicators", file.string()});
  EXPECT_EQ(result.exit_code, 2) << result.err;
  EXPECT_EQ(result.err.find('\n'), result.err.size() - 1) << result.err;
  EXPECT_NE(result.err.find(GetParam().expected), std::string::npos) << result.err;
  fs::remove(file);
}

std::string alias_bomb() {
  std::string text = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n";
  for (int i = 1; i < 1100; ++i) {
    text += "a" + std::to_string(i) + ": &a" + std::to_string(i) + " [*a" + std::to_string(i - 1) +
            ", *a" + std::to_string(i - 1) + "]\n";
  }
  return text;
}

std::string binary_garbage() {
  std::string bytes;
  std::uint32_t state = 12345;
  for (int i = 0; i < 4096; ++i) {
    state = state * 1664525u + 1013904223u;
    bytes += static_cast<char>(state >> 24);
  }
  return bytes;
}

INSTANTIATE_TEST_SUITE_P(
    Cases, HostileFile,
    ::testing::Values(HostileCase{"deep_flow",
                                  "mineral: " + std::string(100000, '[') + std::string(100000, ']'),
                                  "at most 64 levels of nesting"},
                      HostileCase{"deep_block",
                                  [] {
                                    std::string text;
                                    for (std::size_t i = 0; i < 200; ++i)
                                      text += std::string(2 * i, ' ') + "k:\n";
                                    return text;
                                  }(),
                                  "at most 64 levels of nesting"},
                      HostileCase{"alias_bomb", alias_bomb(), "at most 1000 aliases"},
                      HostileCase{"huge_number",
                                  "mineral: x\nname: x\nfocal_economy: JPN\n"
                                  "reserves: {unit: t, source: s, shares_pct: [], total: 1e999}\n",
                                  "a number within double range"},
                      HostileCase{"binary_garbage", binary_garbage(), "expected"}),
    [](const ::testing::TestParamInfo<HostileCase>& param) {
      return std::string(param.param.name);
    });

TEST(HostileFile, HundredsOfMegabytesAreRefusedBeforeReading) {
  fs::path file = fs::temp_directory_path() / "mineflow_hostile_huge.yaml";
  {
    std::ofstream out(file, std::ios::binary);
    out << "mineral: x\n";
  }
  fs::resize_file(file, 300ull * 1024 * 1024);  // sparse: no disk or memory used
  auto result = run_cli({"indicators", file.string()});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.err.find("at most 67108864 bytes"), std::string::npos) << result.err;
  fs::remove(file);
}

TEST(BadUsage, UnknownOptionIsOneLineAndExitCode2) {
  auto result = run_cli({"indicators", "--bogus"});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.err.find("bogus"), std::string::npos) << result.err;
  EXPECT_EQ(result.err.find('\n'), result.err.size() - 1) << result.err;
}

TEST(BadUsage, UnknownFormat) {
  auto result = run_cli({"indicators", "--format", "xml"});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.err.find("--format: found 'xml', expected one of: table, csv, json"),
            std::string::npos)
      << result.err;
}

TEST(BadUsage, UnknownCommand) {
  auto result = run_cli({"indicatorz"});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.err.find("unknown command 'indicatorz'"), std::string::npos);
  // A mistyped command gets the closest on one line; --help lists --version.
  auto typo = run_cli({"runn"});
  EXPECT_EQ(typo.exit_code, 2);
  EXPECT_EQ(typo.err,
            "mineflow: unknown command 'runn' (did you mean run? mineflow --help lists them)\n");
  auto help = run_cli({"--help"});
  EXPECT_NE(help.out.find("\n  --version "), std::string::npos) << help.out;
}

TEST(BadUsage, MissingFile) {
  auto result = run_cli({"indicators", "/nonexistent/cobalt.yaml"});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.err.find("/nonexistent/cobalt.yaml"), std::string::npos) << result.err;
}

// The --out rule creates missing folders; a file in the way (/dev/null) cannot become one.
TEST(BadUsage, OutputIntoMissingFolderWritesNothing) {
  auto result = run_cli({"indicators", "--out", "/dev/null/dir/out.csv"});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.err.find("--out"), std::string::npos) << result.err;
}

TEST(BadUsage, WmdYearNotInTheFile) {
  auto result = run_cli({"indicators", "--production", "wmd:1999"});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.err.find("mine_production_wmd: found '1999'"), std::string::npos) << result.err;
}

}  // namespace
}  // namespace mineflow
