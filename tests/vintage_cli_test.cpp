// --vintage seed|latest on the commands that simulate (run, stockpile, criticality, report,
// calibrate): the default is latest (as for the indicators), a latest import block of partial scope
// gives way to the seed's in a simulation and the terminal line says so, each output names the
// vintage it read (a table line, a CSV column, a JSON field), the two vintages give different
// results where their figures differ, and a bad value is one line with exit code 2.

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include "tests/cli_runner.h"

namespace mineflow {
namespace {

using testing::run_cli;

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

bool ends_with(const std::string& text, const std::string& tail) {
  return text.size() >= tail.size() &&
         text.compare(text.size() - tail.size(), tail.size(), tail) == 0;
}

// A terminal table wraps long lines at 100 columns with a two-space indent: undone here.
std::string unwrapped(std::string text) {
  for (std::size_t at = text.find("\n  "); at != std::string::npos; at = text.find("\n  ", at)) {
    text.replace(at, 3, " ");
  }
  return text;
}

bool has_line(const std::string& text, const std::string& line) {
  std::vector<std::string> lines = lines_of(text);
  return std::find(lines.begin(), lines.end(), line) != lines.end();
}

// The last field of a CSV row whose leading fields are `prefix` ("" when there is none).
std::string value_after(const std::string& csv, const std::string& prefix) {
  for (const std::string& line : lines_of(csv)) {
    if (line.rfind(prefix, 0) != 0) continue;
    std::string rest = line.substr(prefix.size());
    return rest.substr(0, rest.find(','));
  }
  return "";
}

// Every row of a CSV (header included) ends with the vintage column, or, with `empty_notes`,
// with the vintage and an empty notes column after it.
void expect_vintage_column(const std::string& csv, const std::string& vintage,
                           bool empty_notes = false) {
  const std::string tail = empty_notes ? "," : "";
  std::vector<std::string> rows = lines_of(csv);
  ASSERT_GE(rows.size(), 2u) << csv;
  EXPECT_TRUE(ends_with(rows.front(), empty_notes ? ",vintage,notes" : ",vintage")) << rows.front();
  for (std::size_t k = 1; k < rows.size(); ++k) {
    EXPECT_TRUE(ends_with(rows[k], "," + vintage + tail)) << rows[k];
  }
}

// run: the indicators' "before" column is the vintage's own (the same value `mineflow
// indicators` prints on that vintage), and they differ where the figures do (cobalt's
// production HHI: the seed's 2019 shares against USGS 2023).
TEST(VintageCli, RunReadsTheVintageAndNamesIt) {
  const std::vector<std::string> base = {
      "run", "cobalt_export_quota_2026", "--trials", "200", "--format", "csv"};
  auto with = [&](std::vector<std::string> extra) {
    std::vector<std::string> args = base;
    args.insert(args.end(), extra.begin(), extra.end());
    testing::CliResult r = run_cli(args);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return r.out;
  };
  std::string seed = with({"--vintage", "seed"});
  std::string latest = with({"--vintage", "latest"});
  EXPECT_EQ(with({}), latest);  // latest is the simulations' default
  expect_vintage_column(seed, "seed");
  expect_vintage_column(latest, "latest");
  const std::string row = "no_policy,indicators,production_concentration,before,";
  std::string seed_hhi = value_after(seed, row);
  std::string latest_hhi = value_after(latest, row);
  ASSERT_FALSE(seed_hhi.empty()) << seed;
  EXPECT_NE(seed_hhi, latest_hhi);
  for (const char* vintage : {"seed", "latest"}) {
    testing::CliResult ind =
        run_cli({"indicators", "cobalt", "--format", "csv", "--vintage", vintage});
    ASSERT_EQ(ind.exit_code, 0) << ind.err;
    // The indicators' CSV rounds to one decimal; the run's carries every digit.
    EXPECT_NEAR(std::stod(value_after(ind.out, "cobalt,production_concentration,")),
                std::stod(std::string(vintage) == "seed" ? seed_hhi : latest_hhi), 0.05);
  }
  // Cobalt's latest refined imports are one product (HS 282200, `scope: partial`): the run keeps
  // the seed's block and the terminal says so.
  testing::CliResult table = run_cli({"run", "cobalt_export_quota_2026", "--trials", "200"});
  ASSERT_EQ(table.exit_code, 0) << table.err;
  EXPECT_TRUE(has_line(unwrapped(table.out),
                       "Data vintage: latest, with the seed's imports.refined "
                       "(docs/data-sources.md, Vintages); market: clearing (docs/market.md)"))
      << table.out;
  testing::CliResult json = run_cli({"run", "cobalt_export_quota_2026", "--trials", "200",
                                     "--format", "json", "--vintage", "seed"});
  EXPECT_NE(json.out.find("\n  \"vintage\": \"seed\",\n"), std::string::npos) << json.out;
  EXPECT_NE(json.out.find("\n  \"market\": \"clearing\",\n"), std::string::npos) << json.out;
  testing::CliResult rationed = run_cli({"run", "cobalt_export_quota_2026", "--trials", "200",
                                         "--market", "rationing", "--vintage", "seed"});
  ASSERT_EQ(rationed.exit_code, 0) << rationed.err;
  EXPECT_TRUE(has_line(rationed.out,
                       "Data vintage: seed (docs/data-sources.md, Vintages); market: rationing "
                       "(docs/market.md)"))
      << rationed.out;
}

// A deterministic replay's summary and daily series name their vintage in every row and in
// their JSON.
TEST(VintageCli, DailySeriesNamesTheVintage) {
  for (bool series : {false, true}) {
    std::vector<std::string> args = {
        "run", "rare_earths_china_2010", "--format", "csv", "--vintage", "seed"};
    if (series) args.push_back("--series");
    testing::CliResult csv = run_cli(args);
    ASSERT_EQ(csv.exit_code, 0) << csv.err;
    expect_vintage_column(csv.out, "seed");
    args[3] = "json";
    args[5] = "latest";
    testing::CliResult json = run_cli(args);
    EXPECT_NE(json.out.find("\n  \"vintage\": \"latest\",\n"), std::string::npos) << series;
  }
}

// stockpile: the daily demand is the vintage's own (cobalt's refined imports: the seed's
// against Japan's 2024 customs figures).
TEST(VintageCli, StockpileReadsTheVintageAndNamesIt) {
  auto sweep = [](const char* vintage, const char* format) {
    testing::CliResult r =
        run_cli({"stockpile", "cobalt_background", "--trials", "200", "--days", "0,60",
                 "--recycling", "0", "--target", "none", "--format", format, "--vintage", vintage});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return r.out;
  };
  // --target none: no headline, so no notes.
  expect_vintage_column(sweep("seed", "csv"), "seed", true);
  expect_vintage_column(sweep("latest", "csv"), "latest", true);
  std::string seed = sweep("seed", "json");
  std::string latest = sweep("latest", "json");
  EXPECT_NE(seed.find("\n  \"vintage\": \"seed\",\n"), std::string::npos) << seed;
  EXPECT_NE(latest.find("\n  \"vintage\": \"latest\",\n"), std::string::npos) << latest;
  auto demand = [](const std::string& json) {
    std::size_t at = json.find("\"demand_t_per_day\": ");
    return at == std::string::npos ? std::string() : json.substr(at, json.find(',', at) - at);
  };
  // Demand is cobalt's consumption on either vintage (docs/data-sources.md, "Vintages and the
  // simulations"); the sources behind it, and so the cells, are the vintage's.
  ASSERT_FALSE(demand(seed).empty());
  EXPECT_EQ(demand(seed), demand(latest));
  EXPECT_NE(seed.find("\"demand_basis\": \"domestic consumption, 2012, 2013 (average)"),
            std::string::npos)
      << seed;
  EXPECT_NE(seed.substr(seed.find("\"cells\"")), latest.substr(latest.find("\"cells\"")));
  EXPECT_TRUE(has_line(
      sweep("seed", "table"),
      "Data vintage: seed (docs/data-sources.md, Vintages); market: clearing (docs/market.md)"));
}

// On latest the costs are per tonne too (USGS's USD/lb, cents/lb, kg and mtu series converted,
// tools/io/price_units.h): every background scenario sweeps, and cobalt's price is a per-t one.
TEST(VintageCli, LatestSweepsPriceEveryMineralPerTonne) {
  testing::CliResult all =
      run_cli({"stockpile", "--all", "--trials", "100", "--days", "0,60", "--recycling", "0",
               "--target", "none", "--format", "json", "--vintage", "latest"});
  ASSERT_EQ(all.exit_code, 0) << all.err;
  EXPECT_EQ(all.out.find("\"vintage\": \"seed\""), std::string::npos) << all.out;
  testing::CliResult cobalt =
      run_cli({"stockpile", "cobalt_background", "--trials", "100", "--days", "0", "--recycling",
               "0", "--target", "none", "--format", "json", "--vintage", "latest"});
  ASSERT_EQ(cobalt.exit_code, 0) << cobalt.err;
  EXPECT_NE(cobalt.out.find("\"price_unit\": \"USD/t\""), std::string::npos) << cobalt.out;
}

// criticality: the world shares of the nodes are the vintage's; every row names it.
TEST(VintageCli, CriticalityReadsTheVintageAndNamesIt) {
  auto rank = [](const char* vintage) {
    testing::CliResult r = run_cli({"criticality", "cobalt_drc_supply_cut", "--trials", "50",
                                    "--format", "csv", "--vintage", vintage});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return r.out;
  };
  std::string seed = rank("seed");
  std::string latest = rank("latest");
  expect_vintage_column(seed, "seed", true);  // and no notes: no lead time
  expect_vintage_column(latest, "latest", true);
  // Column 6 is world_share; the mine nodes' shares are the vintage's production shares.
  auto shares = [](const std::string& csv) {
    std::vector<std::string> out;
    for (const std::string& line : lines_of(csv)) {
      std::vector<std::string> fields;
      std::stringstream in(line);
      for (std::string f; std::getline(in, f, ',');) fields.push_back(f);
      if (fields.size() > 5 && fields[4] == "mine") out.push_back(fields[3] + "=" + fields[5]);
    }
    std::sort(out.begin(), out.end());
    return out;
  };
  ASSERT_FALSE(shares(seed).empty());
  EXPECT_NE(shares(seed), shares(latest));
  testing::CliResult table =
      run_cli({"criticality", "cobalt_drc_supply_cut", "--trials", "50", "--vintage", "seed"});
  EXPECT_TRUE(has_line(
      table.out,
      "Data vintage: seed (docs/data-sources.md, Vintages); market: clearing (docs/market.md)"))
      << table.out;
}

// report: one vintage for every section, named in the provenance and in indicators.csv/json.
TEST(VintageCli, ReportNamesTheVintage) {
  const std::filesystem::path dir =
      std::filesystem::temp_directory_path() / "mineflow_vintage_report";
  std::filesystem::remove_all(dir);
  testing::CliResult r = run_cli(
      {"report", "cobalt", "--trials", "100", "--vintage", "latest", "--out", dir.string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  expect_vintage_column(testing::read_text(dir / "indicators.csv"), "latest");
  EXPECT_NE(testing::read_text(dir / "indicators.json").find("\"vintage\": \"latest\""),
            std::string::npos);
  const std::string html = testing::read_text(dir / "report.html");
  EXPECT_NE(html.find("latest (docs/data-sources.md, Vintages)"), std::string::npos);
  // The vintage section: the ratings that change, as `indicators --compare-vintages` gives them
  // (cobalt's refined imports: Mid on the seed's 2019 reading, High on 2024 customs).
  testing::CliResult compared =
      run_cli({"indicators", "cobalt", "--compare-vintages", "--format", "csv"});
  ASSERT_EQ(compared.exit_code, 0) << compared.err;
  EXPECT_EQ(testing::read_text(dir / "vintage_changes.csv"), compared.out);
  EXPECT_NE(html.find("id=\"vintages\""), std::string::npos);
  EXPECT_NE(html.find("<tr><td>Cobalt</td><td>Import stability (refined)</td><td>1.0084 Mid</td>"
                      "<td>1.2909 High</td></tr>"),
            std::string::npos);
  std::filesystem::remove_all(dir);
}

// A bad value: one line naming the option, exit code 2, on every command that takes it.
TEST(VintageCli, BadValueIsOneLineAndExitTwo) {
  const std::string out =
      (std::filesystem::temp_directory_path() / "mineflow_vintage_bad").string();
  for (std::vector<std::string> args :
       {std::vector<std::string>{"run", "cobalt_background"},
        std::vector<std::string>{"stockpile", "cobalt_background"},
        std::vector<std::string>{"stockpile", "--all"},
        std::vector<std::string>{"criticality", "cobalt_drc_supply_cut"},
        std::vector<std::string>{"report", "cobalt", "--out", out},
        std::vector<std::string>{"calibrate", "--no-write"}}) {
    const std::string command = args.front();
    args.insert(args.end(), {"--vintage", "2019"});
    testing::CliResult r = run_cli(args);
    EXPECT_EQ(r.exit_code, 2) << command << ": " << r.out;
    EXPECT_EQ(r.err, "mineflow " + command + ": --vintage: found '2019', expected one of: seed, " +
                         "latest\n");
  }
  EXPECT_FALSE(std::filesystem::exists(out));
}

// calibrate names the vintage its exposure was read on.
TEST(VintageCli, CalibrateNamesTheVintage) {
  testing::CliResult r =
      run_cli({"calibrate", "--no-write", "--format", "csv", "--vintage", "seed"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  expect_vintage_column(r.out, "seed");
  testing::CliResult json =
      run_cli({"calibrate", "--no-write", "--format", "json", "--vintage", "latest"});
  EXPECT_NE(json.out.find("\"vintage\": \"latest\""), std::string::npos);
}

}  // namespace
}  // namespace mineflow
