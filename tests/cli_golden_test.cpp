// `mineflow indicators` end to end against golden files, in all three formats.

#include <filesystem>

#include <gtest/gtest.h>

#include "cli_runner.h"
#include "golden.h"

namespace mineflow {
namespace {

using testing::expect_golden;
using testing::run_cli;

TEST(IndicatorsCli, CsvHas36RowsPlusLookThroughInTheDocumentedColumns) {
  auto result = run_cli({"indicators", "--format", "csv"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_TRUE(result.err.empty()) << result.err;
  std::size_t lines = 0;
  for (char c : result.out) lines += c == '\n' ? 1 : 0;
  // header + 6 minerals x (6 indicators + the look-through row beyond the six)
  EXPECT_EQ(lines, 43u);
  for (const char* mineral : {"rare_earths", "lithium", "cobalt", "nickel", "copper", "tungsten"}) {
    EXPECT_NE(result.out.find(std::string(mineral) + ",look_through_refined_import_stability,"),
              std::string::npos)
        << mineral;
  }
  EXPECT_EQ(result.out.substr(0, result.out.find('\n')),
            "mineral,indicator,value,rating,unit,basis,quality");
  for (const char* mineral : {"rare_earths", "lithium", "cobalt", "tungsten"}) {
    EXPECT_NE(result.out.find(std::string(mineral) + ",concentrate_import_stability,,N/A,"),
              std::string::npos)
        << mineral;
  }
  expect_golden("indicators.csv", result.out);
}

TEST(IndicatorsCli, TableAndJsonMatchGolden) {
  auto table = run_cli({"indicators"});
  ASSERT_EQ(table.exit_code, 0) << table.err;
  expect_golden("indicators.txt", table.out);
  auto json = run_cli({"indicators", "--format", "json"});
  ASSERT_EQ(json.exit_code, 0) << json.err;
  expect_golden("indicators.json", json.out);
}

TEST(IndicatorsCli, OutWritesTheWholeFileAndNothingToStdout) {
  auto path = std::filesystem::temp_directory_path() / "mineflow_indicators_out.csv";
  std::filesystem::remove(path);
  auto result = run_cli({"indicators", "--format", "csv", "--out", path.string()});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_TRUE(result.out.empty());
  EXPECT_EQ(testing::read_text(path), run_cli({"indicators", "--format", "csv"}).out);
  std::filesystem::remove(path);
}

TEST(IndicatorsCli, OptionsChangeTheBasis) {
  auto result = run_cli({"indicators", "--format", "csv", "--stability", "wgi_pv", "--oth",
                         "one_block", "--production", "wmd:2022", "--secondary-proxy"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_NE(result.out.find("wgi_pv 2022"), std::string::npos);
  EXPECT_NE(result.out.find("mine_production_wmd 2022"), std::string::npos);
  EXPECT_NE(result.out.find("OTH as one block"), std::string::npos);
}

TEST(IndicatorsCli, SecondaryDefinitionPicksTheFigureAndShowsItsFlag) {
  auto eol = run_cli(
      {"indicators", testing::scenarios_dir() + "/minerals/tungsten.yaml", "--format", "csv"});
  ASSERT_EQ(eol.exit_code, 0) << eol.err;
  EXPECT_NE(eol.out.find("tungsten,scrap_recycling,0.0500,High,"), std::string::npos) << eol.out;
  EXPECT_NE(eol.out.find(",world_proxy\n"), std::string::npos) << eol.out;
  auto rc = run_cli({"indicators", testing::scenarios_dir() + "/minerals/tungsten.yaml", "--format",
                     "csv", "--secondary-definition", "recycled_content"});
  ASSERT_EQ(rc.exit_code, 0) << rc.err;
  EXPECT_NE(rc.out.find("tungsten,scrap_recycling,0.2300,Mid,"), std::string::npos) << rc.out;
  EXPECT_NE(rc.out.find(",japan_derived\n"), std::string::npos) << rc.out;
  auto bad = run_cli({"indicators", "--secondary-definition", "old_scrap"});
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("--secondary-definition: found 'old_scrap'"), std::string::npos)
      << bad.err;
}

TEST(IndicatorsCli, HelpListsOptionsAndExitsZero) {
  auto result = run_cli({"indicators", "--help"});
  EXPECT_EQ(result.exit_code, 0);
  EXPECT_NE(result.out.find("--format"), std::string::npos);
}

TEST(IndicatorsCli, SecondFocalEconomyWorksWithBothMethods) {
  const std::string file = testing::scenarios_dir() + "/examples/china_lithium.yaml";
  auto meti = run_cli({"indicators", file, "--format", "csv"});
  ASSERT_EQ(meti.exit_code, 0) << meti.err;
  EXPECT_NE(meti.out.find("lithium_china,concentrate_import_stability,"), std::string::npos);
  EXPECT_NE(meti.out.find("no refined imports into CHN"), std::string::npos) << meti.out;
  auto gpr = run_cli({"indicators", file, "--method", "geopolrisk", "--format", "csv"});
  ASSERT_EQ(gpr.exit_code, 0) << gpr.err;
  EXPECT_NE(gpr.out.find("lithium_china,CHN,concentrate,0.3726,"), std::string::npos) << gpr.out;
  auto run = run_cli({"run", testing::scenarios_dir() + "/examples/china_lithium_background.yaml",
                      "--trials", "200", "--threads", "1", "--quiet"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_NE(run.out.find("P(any shortage)"), std::string::npos) << run.out;
  auto bad = run_cli({"indicators", file, "--method", "hhi"});
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("--method: found 'hhi'"), std::string::npos) << bad.err;
}

TEST(IndicatorsCli, GeoPolRiskForTheBundledMineralsGivesBasisAndBounds) {
  auto result = run_cli({"indicators", "--method", "geopolrisk", "--format", "csv"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.out.substr(0, result.out.find('\n')),
            "mineral,focal_economy,stage,production_hhi,import_risk,score,upper_bound,lower_bound,"
            "basis");
  // Copper refined: Japan refines 1.5 Mt itself, so imports carry little GeoPolRisk.
  EXPECT_NE(result.out.find("copper,JPN,refined,0.1294,0.01548,0.002004,false,true,"),
            std::string::npos)
      << result.out;
  EXPECT_NE(result.out.find("WGI PV 2022"), std::string::npos);
}

}  // namespace
}  // namespace mineflow
