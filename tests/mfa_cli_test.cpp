// The mfa model files and command end to end: bad files name file:line:column and exit 2; the
// bundled models balance; outputs match golden files (MINEFLOW_UPDATE_GOLDEN=1 rewrites them).

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>

#include <gtest/gtest.h>

#include "graph/source_ref.h"
#include "sim/stock_flow/stock_flow_model.h"
#include "tests/cli_runner.h"
#include "tests/golden.h"
#include "tools/io/mfa_loader.h"
#include "tools/io/mfa_report.h"

namespace mineflow {
namespace {

namespace fs = std::filesystem;
using testing::expect_golden;
using testing::run_cli;

const char* kGoodModel = R"(model: tiny
unit: t
years: {first: 2020, last: 2026}
regions:
  - {id: north, share: 0.25}
  - {id: south, share: 0.75}
categories:
  - id: tools
    driver: inflow
    path: {points: {2020: 100, 2026: 160}, source: test}
    lifetime: {distribution: fixed, mean: 2}
    end_of_life:
      collection_rate: {points: {2020: 0.5, 2026: 0.8}}
      scrap_export_share: 0.25
      recovery_efficiency: 0.9
  - id: magnets
    driver: stock
    path: {points: {2020: 50, 2023: 200, 2026: 100}}
    lifetime: {distribution: normal, mean: 4, sd: 1.5}
    end_of_life: {collection_rate: 0.3, scrap_export_share: 0.0, recovery_efficiency: 1}
)";

class TempDir {
 public:
  TempDir() : path_(fs::temp_directory_path() / ("mineflow_mfa_" + std::to_string(::getpid()))) {
    fs::create_directories(path_);
  }
  ~TempDir() { fs::remove_all(path_); }
  std::string write(const std::string& name, const std::string& text) const {
    std::ofstream(path_ / name, std::ios::binary) << text;
    return (path_ / name).string();
  }
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

// Replaces the first occurrence of `from` in the good model.
std::string broken(const std::string& from, const std::string& to) {
  std::string text = kGoodModel;
  std::size_t at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  return text.replace(at, from.size(), to);
}

struct BadCase {
  std::string from;
  std::string to;
  std::string where;  // expected file:line:column suffix
  std::string says;   // expected part of the message
};

TEST(MfaLoader, BadFilesNameFileLineAndColumnAndExitTwo) {
  TempDir dir;
  std::vector<BadCase> cases{
      {"distribution: fixed", "distribution: gamma", ":11:30", "one of: fixed"},
      {"scrap_export_share: 0.25", "scrap_export_share: 1.25", ":14:27", "share in [0, 1]"},
      {"2026: 160", "2026: -160", ":10:38", "a number >= 0"},
      {"{2020: 0.5, 2026: 0.8}", "{20x0: 0.5, 2026: 0.8}", ":13:40", "a year between"},
      {"mean: 4, sd: 1.5", "mean: 4", ":19:15", "field 'sd' to be present"},
      {"share: 0.75", "share: 0.5", ":5:3", "region shares summing to 1"},
      {"id: magnets", "id: tools", ":16:9", "a category id used once"},
      {"driver: stock", "driver: stocks", ":17:13", "inflow, stock"},
      {"last: 2026", "last: 2010", ":3:28", "an integer in [2020, 2300]"},
      {"recovery_efficiency: 0.9", "recovery_eff: 0.9", ":15:7", "a known field"},
      {"last: 2026}", "last: 2026}\nreference_year: 2030", ":4:17",
       "a year within the model's years, 2020 to 2026"},
      {"last: 2026}", "last: 2026}\nreference_year: 2019", ":4:17",
       "a year within the model's years, 2020 to 2026"},
      {"last: 2026}", "last: 2026}\nreference_year: soon", ":4:17", "an integer"},
  };
  for (const BadCase& c : cases) {
    std::string file = dir.write("bad.yaml", broken(c.from, c.to));
    testing::CliResult result = run_cli({"mfa", file});
    EXPECT_EQ(result.exit_code, 2) << c.to;
    EXPECT_NE(result.err.find(file + c.where), std::string::npos) << c.to << "\n" << result.err;
    EXPECT_NE(result.err.find(c.says), std::string::npos) << c.to << "\n" << result.err;
    EXPECT_EQ(result.out, "");
  }
}

// A reference year outside the model's years is one located line, as every other bad field.
TEST(MfaLoader, BadReferenceYearIsOneLocatedLine) {
  TempDir dir;
  std::string file =
      dir.write("bad.yaml", broken("last: 2026}", "last: 2026}\nreference_year: 2027"));
  testing::CliResult result = run_cli({"mfa", file});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_EQ(result.out, "");
  EXPECT_EQ(result.err, "mineflow mfa: " + file +
                            ":4:17: reference_year: found '2027', expected a year within the "
                            "model's years, 2020 to 2026\n");
  EXPECT_EQ(std::count(result.err.begin(), result.err.end(), '\n'), 1) << result.err;
}

TEST(MfaLoader, ReferenceYearIsOptional) {
  EXPECT_FALSE(io::load_mfa_model_text(kGoodModel, "tiny.yaml").reference_year.has_value());
  stock_flow::StockFlowModel m = io::load_mfa_model_text(
      broken("last: 2026}", "last: 2026}\nreference_year: 2026"), "tiny.yaml");
  ASSERT_TRUE(m.reference_year.has_value());
  EXPECT_EQ(*m.reference_year, 2026);
}

TEST(MfaLoader, ReadsPathsRegionsAndLifetimes) {
  stock_flow::StockFlowModel m = io::load_mfa_model_text(kGoodModel, "tiny.yaml");
  ASSERT_EQ(m.years, 7);
  ASSERT_EQ(m.regions.size(), 2u);
  // Linear between points, split by region share.
  EXPECT_DOUBLE_EQ(m.categories[0].driver_series.at(3, 1), 0.75 * 130.0);
  EXPECT_DOUBLE_EQ(m.categories[0].end_of_life.collection_rate[2], 0.6);
  EXPECT_EQ(m.categories[1].driver, stock_flow::Driver::stock);
  EXPECT_EQ(m.categories[1].lifetime_by_cohort.size(), 1u);
}

TEST(MfaLoader, CohortVaryingLifetimeAndOptions) {
  std::string text = broken("lifetime: {distribution: normal, mean: 4, sd: 1.5}",
                            "lifetime: {distribution: lognormal, mean: {points: {2020: 4, 2026: "
                            "10}}, sd: 2}");
  text = "timing: mid_year\nnegative_inflow_correction: true\n" + text;
  stock_flow::StockFlowModel m = io::load_mfa_model_text(text, "vary.yaml");
  EXPECT_EQ(m.timing, stock_flow::InflowTiming::mid_year);
  EXPECT_TRUE(m.negative_inflow_correction);
  const auto& lifetimes = m.categories[1].lifetime_by_cohort;
  ASSERT_EQ(lifetimes.size(), 7u);
  EXPECT_EQ(lifetimes[0].kind, stock_flow::LifetimeKind::lognormal);
  EXPECT_DOUBLE_EQ(lifetimes[3].mean_yr, 7.0);
  EXPECT_DOUBLE_EQ(lifetimes[6].sd_yr, 2.0);
  // A Weibull lifetime takes shape and scale, never a mean.
  EXPECT_THROW(
      io::load_mfa_model_text(
          broken("distribution: fixed, mean: 2", "distribution: weibull, mean: 2"), "w.yaml"),
      InputError);
}

TEST(MfaModels, EveryBundledModelBalancesToRounding) {
  for (const auto& entry : fs::directory_iterator(fs::path(testing::scenarios_dir()) / "mfa")) {
    stock_flow::StockFlowModel m = io::load_mfa_model(entry.path().string());
    stock_flow::StockFlowResult r = stock_flow::run_stock_flow_model(m);
    double scale = 1.0;
    for (double v : r.demand.values) scale = std::max(scale, v);
    for (const auto& process : r.residual) {
      for (double v : process) EXPECT_LE(std::fabs(v), 1e-13 * scale) << entry.path();
    }
    for (int t = 0; t < r.years; ++t) {
      double share = stock_flow::secondary_share_in_year(r, r.first_year + t);
      EXPECT_GE(share, 0.0);
      EXPECT_LE(share, 1.0);
    }
  }
}

TEST(MfaModels, PolicyVariantRaisesTheSecondaryShare) {
  std::string dir = testing::scenarios_dir() + "/mfa/";
  for (const char* mineral : {"rare_earths", "lithium", "cobalt", "nickel", "copper", "tungsten"}) {
    auto base = stock_flow::run_stock_flow_model(io::load_mfa_model(dir + mineral + ".yaml"));
    auto policy =
        stock_flow::run_stock_flow_model(io::load_mfa_model(dir + mineral + "_policy.yaml"));
    EXPECT_DOUBLE_EQ(stock_flow::secondary_share_in_year(base, 2020),
                     stock_flow::secondary_share_in_year(policy, 2020))
        << mineral;
    EXPECT_GT(stock_flow::secondary_share_in_year(policy, 2040),
              stock_flow::secondary_share_in_year(base, 2040) + 0.05)
        << mineral;
  }
}

TEST(MfaCommand, GoldenOutputs) {
  TempDir dir;
  std::string model = dir.write("tiny.yaml", kGoodModel);
  testing::CliResult csv = run_cli({"mfa", model, "--format", "csv"});
  ASSERT_EQ(csv.exit_code, 0) << csv.err;
  expect_golden("mfa_tiny.csv", csv.out);

  testing::CliResult table = run_cli({"mfa", "tungsten_policy", "--year", "2035"});
  ASSERT_EQ(table.exit_code, 0) << table.err;
  expect_golden("mfa_tungsten_policy_table.txt", table.out);

  testing::CliResult files = run_cli(
      {"mfa", "tungsten", "--out", dir.path().string(), "--year", "2030", "--format", "json"});
  ASSERT_EQ(files.exit_code, 0) << files.err;
  expect_golden("mfa_tungsten_sankey_2030.csv",
                testing::read_text(dir.path() / "tungsten_sankey_2030.csv"));
  EXPECT_EQ(testing::read_text(dir.path() / "tungsten.json"),
            run_cli({"mfa", "tungsten", "--year", "2030", "--format", "json"}).out);
  // --out prints where the files went, one line each, never their content.
  const std::string stem = dir.path().string() + "/tungsten";
  EXPECT_EQ(files.out, "wrote " + stem + "_series.csv\nwrote " + stem + "_sankey_2030.csv\nwrote " +
                           stem + "_cohorts_2030.csv\nwrote " + stem + ".json\n");
  testing::CliResult copper =
      run_cli({"mfa", "copper", "--format", "csv", "--out", dir.path().string()});
  ASSERT_EQ(copper.exit_code, 0) << copper.err;
  EXPECT_LE(std::count(copper.out.begin(), copper.out.end(), '\n'), 5) << copper.out;
  EXPECT_TRUE(fs::exists(dir.path() / "tungsten_cohorts_2030.csv"));
  EXPECT_EQ(testing::read_text(dir.path() / "tungsten_series.csv"),
            run_cli({"mfa", "tungsten", "--format", "csv"}).out);
}

TEST(MfaReports, CohortRowsSumToTotalsAndSankeyNodesBalance) {
  stock_flow::StockFlowResult r =
      stock_flow::run_stock_flow_model(io::load_mfa_model_text(kGoodModel, "tiny.yaml"));
  // Cohort rows of 2024 add up to each category's stock and outflow.
  std::map<std::string, double> sums;
  std::istringstream lines(io::mfa_cohort_csv(r, 2024));
  std::string line;
  std::getline(lines, line);  // header
  while (std::getline(lines, line)) {
    std::vector<std::string> f;
    std::istringstream fields(line);
    for (std::string cell; std::getline(fields, cell, ',');) f.push_back(cell);
    ASSERT_EQ(f.size(), 7u) << line;
    sums[f[1] + "/" + f[2] + "/" + f[4]] += std::stod(f[5]);
  }
  for (int region = 0; region < 2; ++region) {
    for (std::size_t k = 0; k < 2; ++k) {
      std::string key = r.regions[static_cast<std::size_t>(region)] + "/" + r.category_ids[k] + "/";
      EXPECT_NEAR(sums[key + "in_use_stock"], r.categories[k].stock.stock.at(4, region), 1e-9);
      EXPECT_NEAR(sums[key + "eol_outflow"], r.categories[k].stock.outflow.at(4, region), 1e-9);
    }
  }
  // Every inner node of the Sankey table passes on what it receives.
  for (int year = 2020; year <= 2026; ++year) {
    std::map<std::string, double> net;
    for (const auto& flow : stock_flow::sankey_flows_in_year(r, year)) {
      EXPECT_GE(flow.value, 0.0);
      net[flow.source] -= flow.value;
      net[flow.target] += flow.value;
    }
    for (const char* node : {"market", "collection", "recycling", "use: tools", "use: magnets"}) {
      EXPECT_NEAR(net[node], 0.0, 1e-9) << node << " " << year;
    }
  }
}

TEST(MfaCommand, WarnsAboutNegativeInflowUnlessCorrected) {
  TempDir dir;
  std::string falling =
      broken("{2020: 50, 2023: 200, 2026: 100}", "{2020: 50, 2023: 200, 2024: 10}");
  testing::CliResult plain = run_cli({"mfa", dir.write("fall.yaml", falling)});
  ASSERT_EQ(plain.exit_code, 0) << plain.err;
  EXPECT_NE(plain.out.find("magnets needs negative inflow"), std::string::npos) << plain.out;
  testing::CliResult corrected =
      run_cli({"mfa", dir.write("fixed.yaml", "negative_inflow_correction: true\n" + falling)});
  ASSERT_EQ(corrected.exit_code, 0) << corrected.err;
  EXPECT_EQ(corrected.out.find("negative inflow in"), std::string::npos) << corrected.out;
}

TEST(MfaCommand, UsageErrorsExitTwo) {
  EXPECT_EQ(run_cli({"mfa"}).exit_code, 2);
  EXPECT_EQ(run_cli({"mfa", "no_such_mineral"}).exit_code, 2);
  EXPECT_EQ(run_cli({"mfa", "tungsten", "--year", "1900"}).exit_code, 2);
  EXPECT_EQ(run_cli({"mfa", "tungsten", "--format", "xml"}).exit_code, 2);
  EXPECT_EQ(run_cli({"mfa", "tungsten", "--out", "/dev/null/dir"}).exit_code, 2);  // not a folder
  EXPECT_EQ(run_cli({"mfa", "--help"}).exit_code, 0);
}

}  // namespace
}  // namespace mineflow
