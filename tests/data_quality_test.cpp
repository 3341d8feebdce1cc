// `mineflow list --data-quality`: the figures of a mineral's files counted by standing (sourced,
// derived, judged, remembered), exactly on a hand-counted fixture, and the command's outputs.

#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#include "graph/data_quality.h"
#include "tests/cli_runner.h"
#include "tests/test_data.h"
#include "tools/io/data_loaders.h"
#include "tools/io/data_quality_loader.h"

namespace mineflow {
namespace {

std::array<int, kFigureStandingCount> counts(int sourced, int derived, int judged, int remembered) {
  return {sourced, derived, judged, remembered};
}

MineralDataQuality fixture_quality() {
  MineralData data = io::load_mineral(testing::test_data_dir() + "/quality_mineral.yaml",
                                      testing::load_bundled().countries, DataVintage::latest);
  EXPECT_TRUE(data.network.has_value());
  return count_data_quality(data, io::judged_network_shares(data.network->file));
}

// Counted by hand in the fixture's comments.
TEST(DataQuality, FixtureCountsAreExact) {
  MineralDataQuality q = fixture_quality();
  EXPECT_EQ(q.mineral, "qualium");
  EXPECT_EQ(q.vintage, "seed");  // no vintages.latest block: read on its own figures
  EXPECT_EQ(q.mineral_file.by_standing, counts(4, 1, 4, 0));
  EXPECT_EQ(q.network_file.by_standing, counts(5, 3, 2, 1));
  EXPECT_EQ(q.all().by_standing, counts(9, 4, 6, 1));
  EXPECT_EQ(q.all().total(), 20);
}

TEST(DataQuality, JudgedNetworkSharesNameTheirBlock) {
  std::vector<JudgedShare> judged =
      io::judged_network_shares(testing::test_data_dir() + "/quality_network.yaml");
  ASSERT_EQ(judged.size(), 2u);
  EXPECT_EQ(judged[0].block, "refining");
  EXPECT_EQ(judged[0].country, "KOR");
  EXPECT_EQ(judged[1].block, "CHN");
  EXPECT_EQ(judged[1].country, "CHL");
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

// The CSV: three rows per bundled mineral (mineral file, network file, both), each row's total
// the sum of its four counts and `all` the sum of the two files; the vintage in every row.
TEST(DataQuality, ListCsvAddsUp) {
  testing::CliResult r = testing::run_cli({"list", "--data-quality", "--format", "csv"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::vector<std::string> rows = lines_of(r.out);
  ASSERT_EQ(rows.size(), 1u + 3u * 10u) << r.out;  // ten bundled minerals
  EXPECT_EQ(rows[0], "mineral,file,sourced,derived,judged,remembered,total,vintage");
  std::vector<std::vector<int>> numbers;
  for (std::size_t k = 1; k < rows.size(); ++k) {
    std::vector<std::string> fields;
    std::stringstream in(rows[k]);
    for (std::string f; std::getline(in, f, ',');) fields.push_back(f);
    ASSERT_EQ(fields.size(), 8u) << rows[k];
    EXPECT_EQ(fields[1], k % 3 == 1 ? "mineral" : k % 3 == 2 ? "network" : "all");
    EXPECT_EQ(fields[7], "latest");
    std::vector<int> n;
    for (std::size_t c = 2; c <= 6; ++c) n.push_back(std::stoi(fields[c]));
    EXPECT_EQ(n[0] + n[1] + n[2] + n[3], n[4]) << rows[k];
    numbers.push_back(n);
    if (k % 3 == 0) {
      for (std::size_t c = 0; c < 5; ++c) EXPECT_EQ(numbers[k - 3][c] + numbers[k - 2][c], n[c]);
    }
  }
  // Mineral files hold no remembered figure; the cobalt network file does (Finland's and
  // Canada's refinery feeds, among others, are marked memory: true).
  std::size_t cobalt = 0;
  for (std::size_t k = 1; k < rows.size(); ++k) {
    if (rows[k].rfind("cobalt,mineral,", 0) == 0) cobalt = k;
  }
  ASSERT_GT(cobalt, 0u) << r.out;
  EXPECT_EQ(numbers[cobalt - 1][3], 0);
  EXPECT_GT(numbers[cobalt][3], 0);
}

TEST(DataQuality, TableAndJsonNameTheVintage) {
  testing::CliResult table = testing::run_cli({"list", "--data-quality", "--vintage", "seed"});
  ASSERT_EQ(table.exit_code, 0) << table.err;
  // The strategy's six on seed, the four it does not cover (`seed: none`) on their latest.
  EXPECT_EQ(lines_of(table.out).at(1),
            "Data vintage: mixed (per mineral in --format csv) (docs/data-sources.md, Vintages)");
  testing::CliResult json = testing::run_cli({"list", "--data-quality", "--format", "json"});
  ASSERT_EQ(json.exit_code, 0) << json.err;
  EXPECT_NE(json.out.find("{\"mineral\": \"cobalt\", \"vintage\": \"latest\""), std::string::npos)
      << json.out;
  testing::CliResult bad = testing::run_cli({"list", "--data-quality", "--vintage", "new"});
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_EQ(bad.err, "mineflow list: --vintage: found 'new', expected one of: seed, latest\n");
}

}  // namespace
}  // namespace mineflow
