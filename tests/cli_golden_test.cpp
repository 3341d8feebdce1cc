// `mineflow indicators` end to end against golden files, in all three formats.

#include <filesystem>

#include <gtest/gtest.h>

#include "cli_runner.h"
#include "golden.h"

namespace mineflow {
namespace {

using testing::expect_golden;
using testing::run_cli;

TEST(IndicatorsCli, CsvHas60RowsPlusLookThroughInTheDocumentedColumns) {
  auto result = run_cli({"indicators", "--format", "csv"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_TRUE(result.err.empty()) << result.err;
  std::size_t lines = 0;
  for (char c : result.out) lines += c == '\n' ? 1 : 0;
  // header + 10 minerals (the strategy's six and the four under export control, issue 26) x
  // (6 indicators + the look-through row beyond the six)
  EXPECT_EQ(lines, 71u);
  for (const char* mineral : {"rare_earths", "lithium", "cobalt", "nickel", "copper", "tungsten",
                              "graphite", "gallium", "germanium", "antimony"}) {
    EXPECT_NE(result.out.find(std::string(mineral) + ",look_through_refined_import_stability,"),
              std::string::npos)
        << mineral;
  }
  EXPECT_EQ(result.out.substr(0, result.out.find('\n')),
            "mineral,indicator,value,rating,unit,basis,quality,vintage");
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

TEST(IndicatorsCli, SeedVintageMatchesItsGoldenAndEveryOutputNamesItsVintage) {
  auto seed = run_cli({"indicators", "--vintage", "seed"});
  ASSERT_EQ(seed.exit_code, 0) << seed.err;
  // The strategy's six on seed, the four it does not cover on their latest (`seed: none`).
  EXPECT_EQ(seed.out.rfind("Data vintage: Rare earths seed,", 0), 0u) << seed.out;
  EXPECT_NE(seed.out.find("Antimony latest"), std::string::npos) << seed.out;
  expect_golden("indicators_seed.txt", seed.out);
  auto latest = run_cli({"indicators"});
  EXPECT_EQ(latest.out.rfind("Data vintage: latest", 0), 0u) << latest.out;
  auto csv = run_cli({"indicators", "cobalt", "--format", "csv"});
  EXPECT_NE(csv.out.find("cobalt,price_volatility,"), std::string::npos);
  std::size_t rows = 0;
  std::size_t latest_rows = 0;
  std::size_t start = csv.out.find('\n') + 1;  // past the header
  for (std::size_t end = csv.out.find('\n', start); end != std::string::npos;
       start = end + 1, end = csv.out.find('\n', start)) {
    ++rows;
    if (csv.out.compare(end - 7, 7, ",latest") == 0) ++latest_rows;
  }
  EXPECT_EQ(rows, 7u);  // six indicators and the look-through row
  EXPECT_EQ(latest_rows, rows) << csv.out;
  auto json = run_cli({"indicators", "cobalt", "--format", "json", "--vintage", "seed"});
  EXPECT_NE(json.out.find("\"vintage\": \"seed\""), std::string::npos) << json.out;
  auto geo = run_cli({"indicators", "cobalt", "--method", "geopolrisk", "--format", "csv"});
  EXPECT_NE(geo.out.find(",basis,vintage\n"), std::string::npos) << geo.out;
  EXPECT_NE(geo.out.find(",latest\n"), std::string::npos) << geo.out;
}

TEST(IndicatorsCli, BadVintageIsOneLineAndExit2) {
  auto bad = run_cli({"indicators", "--vintage", "2019"});
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_EQ(bad.err,
            "mineflow indicators: --vintage: found '2019', expected one of: seed, latest\n");
  EXPECT_TRUE(bad.out.empty());
}

TEST(IndicatorsCli, CompareVintagesListsEachChangedRatingWithItsFigures) {
  auto table = run_cli({"indicators", "--compare-vintages"});
  ASSERT_EQ(table.exit_code, 0) << table.err;
  // Nickel production: the seed's 1,784 (Mid; Indonesia 35 %) against USGS 2023 (Indonesia 50 %).
  EXPECT_NE(table.out.find("1784.0 Mid"), std::string::npos) << table.out;
  EXPECT_NE(table.out.find("2813.3 High"), std::string::npos) << table.out;
  auto csv = run_cli({"indicators", "nickel", "--compare-vintages", "--format", "csv"});
  ASSERT_EQ(csv.exit_code, 0) << csv.err;
  EXPECT_EQ(csv.out.substr(0, csv.out.find('\n')),
            "mineral,indicator,seed_value,seed_rating,latest_value,latest_rating,unit,seed_basis,"
            "latest_basis");
  std::size_t row = csv.out.find("\nnickel,production_concentration,1784.0,Mid,");
  ASSERT_NE(row, std::string::npos) << csv.out;
  std::string line = csv.out.substr(row + 1, csv.out.find('\n', row + 1) - row - 1);
  EXPECT_NE(line.find("mine_production (year not stated)"), std::string::npos) << line;
  EXPECT_NE(line.find("mine_production 2023, USGS Mineral Commodity Summaries 2024"),
            std::string::npos)
      << line;
  // Unchanged ratings are not listed: nickel's concentrate imports keep the seed's figures.
  EXPECT_EQ(csv.out.find("concentrate_import_stability"), std::string::npos) << csv.out;
  auto json = run_cli({"indicators", "--compare-vintages", "--format", "json"});
  EXPECT_NE(json.out.find("\"compare_vintages\": [\"seed\", \"latest\"]"), std::string::npos);
  auto geo = run_cli({"indicators", "--compare-vintages", "--method", "geopolrisk"});
  EXPECT_EQ(geo.exit_code, 2);
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
  // The seed's figures: the latest vintage's end-of-life figure is another (0.23, japan_derived).
  auto eol = run_cli({"indicators", testing::scenarios_dir() + "/minerals/tungsten.yaml",
                      "--format", "csv", "--vintage", "seed"});
  ASSERT_EQ(eol.exit_code, 0) << eol.err;
  EXPECT_NE(eol.out.find("tungsten,scrap_recycling,0.0500,High,"), std::string::npos) << eol.out;
  EXPECT_NE(eol.out.find(",world_proxy,seed\n"), std::string::npos) << eol.out;
  auto rc = run_cli({"indicators", testing::scenarios_dir() + "/minerals/tungsten.yaml", "--format",
                     "csv", "--secondary-definition", "recycled_content", "--vintage", "seed"});
  ASSERT_EQ(rc.exit_code, 0) << rc.err;
  EXPECT_NE(rc.out.find("tungsten,scrap_recycling,0.2300,Mid,"), std::string::npos) << rc.out;
  EXPECT_NE(rc.out.find(",japan_derived,seed\n"), std::string::npos) << rc.out;
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
  // The seed's figures (docs/indicators.md's GeoPolRisk table).
  auto result =
      run_cli({"indicators", "--method", "geopolrisk", "--format", "csv", "--vintage", "seed"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.out.substr(0, result.out.find('\n')),
            "mineral,focal_economy,stage,production_hhi,import_risk,score,upper_bound,lower_bound,"
            "basis,vintage");
  // Copper refined: Japan refines 1.5 Mt itself, so imports carry little GeoPolRisk.
  EXPECT_NE(result.out.find("copper,JPN,refined,0.1294,0.01548,0.002004,false,true,"),
            std::string::npos)
      << result.out;
  EXPECT_NE(result.out.find("WGI PV 2022"), std::string::npos);
}

}  // namespace
}  // namespace mineflow
