// mineflow report end to end: the files it writes, what the page says, Japanese labels, errors.

#include <gtest/gtest.h>

#include <cstdio>
#include <sstream>

#include <filesystem>
#include <regex>

#include "tests/cli_runner.h"

namespace mineflow::testing {
namespace {

namespace fs = std::filesystem;

fs::path fresh_dir(const std::string& name) {
  return fresh_temp_dir("mineflow_report_" + name);
}

std::size_t count(const std::string& text, const std::string& needle) {
  std::size_t n = 0;
  for (std::size_t at = text.find(needle); at != std::string::npos;
       at = text.find(needle, at + needle.size())) {
    ++n;
  }
  return n;
}

TEST(ReportCommand, WritesTheReportAndTheDataBehindIt) {
  fs::path dir = fresh_dir("all");
  CliResult result = run_cli({"report", "--all", "--out", dir.string()});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  for (const char* name :
       {"report.html", "indicators.csv", "indicators.json", "radar.csv", "flows.csv", "prices.csv",
        "stock_flow.csv", "scenario_series.csv", "exceedance.csv", "policy_radar.csv"}) {
    EXPECT_TRUE(fs::is_regular_file(dir / name)) << name;
  }
  std::string html = read_text(dir / "report.html");
  // One heat table, a radar and a Sankey per mineral (ten: the strategy's six and the four under
  // export control), one price chart, and per mineral with a stock-flow model (seven: the six
  // and graphite) a stacked in-use stock and a flow chart plus one secondary-share chart for all.
  EXPECT_EQ(count(html, "data-chart=\"heat-table\""), 1u);
  EXPECT_EQ(count(html, "data-chart=\"radar\""), 10u);
  EXPECT_EQ(count(html, "data-chart=\"sankey\""), 10u);
  // Scenarios: per mineral daily supply, stock levels, price and exceedance curves.
  // Stockpile sweep: one stockpile-days chart per mineral.
  EXPECT_EQ(count(html, "data-chart=\"line\""), 1u + 7u * 2u + 1u + 10u * 4u + 10u);
  EXPECT_NE(html.find("id=\"stockpile\""), std::string::npos);
  EXPECT_EQ(count(html, ">60-day base<"), 10u);
  EXPECT_NE(html.find("stockpile sweeps: rare_earths_background: seed 1, trials 5000"),
            std::string::npos);
  // One headline: the summary's days are `stockpile --all`'s at the same trials, with their
  // ±2 SE range and the trial count, for every mineral.
  CliResult all = run_cli({"stockpile", "--all", "--trials", "5000", "--format", "csv"});
  ASSERT_EQ(all.exit_code, 0) << all.err;
  std::istringstream rows(all.out);
  std::string line;
  std::getline(rows, line);
  ASSERT_EQ(
      line.rfind("mineral,scenario,target,recycling_share,days_needed,days_low,days_high,", 0), 0u)
      << line;
  int minerals = 0;
  while (std::getline(rows, line)) {
    std::vector<std::string> f;
    std::stringstream fields(line);
    for (std::string cell; std::getline(fields, cell, ',');) f.push_back(cell);
    ASSERT_GE(f.size(), 7u) << line;
    auto two = [](const std::string& v) {
      char text[32];
      std::snprintf(text, sizeof text, "%.2f", std::stod(v));
      return std::string(text);
    };
    std::string beyond = "&gt; 180.00";
    std::string expected = f[4].empty() ? beyond + " (not met within 180.00 days)"
                                        : two(f[4]) + " (" + (f[5].empty() ? beyond : two(f[5])) +
                                              " to " + (f[6].empty() ? beyond : two(f[6])) + ")";
    EXPECT_NE(html.find(expected + ", 5,000 trials"), std::string::npos)
        << f[0] << ": " << expected;
    ++minerals;
  }
  EXPECT_EQ(minerals, 10);
  EXPECT_NE(html.find("id=\"scenarios\""), std::string::npos);
  EXPECT_EQ(count(html, "After policy: "), 10u);  // the radar's after layer, in each legend
  EXPECT_NE(html.find("lithium_price_spike_2021: seed 2021, trials 5000"), std::string::npos);
  EXPECT_NE(html.find("rare_earths_china_2010: seed 2010, trials 1"), std::string::npos);
  EXPECT_NE(html.find("disruptions/nickel_indonesia_ore_ban.yaml (fnv1a "), std::string::npos);
  EXPECT_NE(read_text(dir / "exceedance.csv").find("nickel,nickel_indonesia_ore_ban,"),
            std::string::npos);
  EXPECT_NE(html.find("id=\"stock-flow\""), std::string::npos);
  EXPECT_NE(html.find("Secondary supply (recycling policy)"), std::string::npos);
  EXPECT_NE(html.find("mfa/tungsten_policy.yaml (fnv1a "), std::string::npos);
  EXPECT_NE(html.find("prices.csv, stock_flow.csv"), std::string::npos);
  std::string stock_flow = read_text(dir / "stock_flow.csv");
  EXPECT_EQ(stock_flow.rfind("mineral,variant,year,quantity,category,value,unit\n", 0), 0u);
  EXPECT_NE(stock_flow.find("lithium,policy,2050,secondary_share,,"), std::string::npos);
  EXPECT_NE(stock_flow.find("copper,base,2000,in_use_stock,"), std::string::npos);
  // Self-contained: no scripts, no references to anything outside the file.
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_EQ(html.find("src="), std::string::npos);
  // Links only to anchors inside the page (the contents list).
  for (std::size_t at = html.find("href="); at != std::string::npos;
       at = html.find("href=", at + 1)) {
    EXPECT_EQ(html.compare(at, 7, "href=\"#"), 0) << html.substr(at, 60);
  }
  EXPECT_EQ(html.find("url("), std::string::npos);
  // Provenance: version, data files and settings.
  EXPECT_NE(html.find("mineflow 0.1.0"), std::string::npos);
  EXPECT_NE(html.find("minerals/cobalt.yaml"), std::string::npos);
  EXPECT_NE(html.find("thresholds.yaml"), std::string::npos);
  EXPECT_NE(html.find("wgi_pv 2022"), std::string::npos);
  EXPECT_TRUE(std::regex_search(html, std::regex("cobalt.yaml \\(fnv1a [0-9a-f]{16}\\)")));
  EXPECT_EQ(read_text(dir / "indicators.csv").rfind("mineral,indicator,value,rating", 0), 0u);
  // flows.csv: a header and one row per edge; the nickel graph imports concentrate.
  std::string flows = read_text(dir / "flows.csv");
  EXPECT_NE(flows.find("nickel,"), std::string::npos);
  EXPECT_NE(flows.find(",concentrate_import,"), std::string::npos);
  fs::remove_all(dir);
}

TEST(ReportCommand, IsDeterministic) {
  fs::path a = fresh_dir("det_a");
  fs::path b = fresh_dir("det_b");
  ASSERT_EQ(run_cli({"report", "--out", a.string()}).exit_code, 0);
  ASSERT_EQ(run_cli({"report", "--out", b.string()}).exit_code, 0);
  // The page names its data folder, not its output folder, so the bytes match.
  EXPECT_EQ(read_text(a / "report.html"), read_text(b / "report.html"));
  EXPECT_EQ(read_text(a / "stock_flow.csv"), read_text(b / "stock_flow.csv"));
  EXPECT_EQ(read_text(a / "exceedance.csv"), read_text(b / "exceedance.csv"));
  EXPECT_EQ(read_text(a / "stockpile_days.csv"), read_text(b / "stockpile_days.csv"));
  EXPECT_EQ(read_text(a / "scenario_series.csv"), read_text(b / "scenario_series.csv"));
  fs::remove_all(a);
  fs::remove_all(b);
}

TEST(ReportCommand, JapaneseLabelsAreTheSeedsNames) {
  fs::path dir = fresh_dir("ja");
  CliResult result = run_cli({"report", "--all", "--lang", "ja", "--out", dir.string()});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  std::string html = read_text(dir / "report.html");
  EXPECT_NE(html.find("<html lang=\"ja\">"), std::string::npos);
  for (const char* label :
       {"国別埋蔵寡占度", "国別生産寡占度", "輸入安定性（精鉱）", "輸入安定性（製錬品）",
        "価格変動幅", "スクラップ等再生", "製錬品", "国内需要", "レアアース",
        "製品別の使用中ストック", "二次供給（リサイクル政策）"}) {
    EXPECT_NE(html.find(label), std::string::npos) << label;
  }
  // The stock-flow categories by their name_ja (scenarios/mfa), and the provenance's words.
  EXPECT_NE(html.find("EV駆動モーター用ネオジム磁石"), std::string::npos);
  EXPECT_EQ(html.find("NdFeB magnets in EV traction motors"), std::string::npos);
  EXPECT_NE(html.find("シナリオごとのモンテカルロ"), std::string::npos);
  EXPECT_EQ(html.find("Monte Carlo per scenario"), std::string::npos);
  fs::remove_all(dir);
}

TEST(ReportCommand, OneMineralFile) {
  fs::path dir = fresh_dir("one");
  CliResult result =
      run_cli({"report", scenarios_dir() + "/minerals/copper.yaml", "--out", dir.string()});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  std::string html = read_text(dir / "report.html");
  EXPECT_EQ(count(html, "data-chart=\"radar\""), 1u);
  EXPECT_NE(html.find("Copper"), std::string::npos);
  fs::remove_all(dir);
}

TEST(ReportCommand, IndicatorsCanAlsoWriteAnHtmlPage) {
  fs::path dir = fresh_dir("html");
  fs::create_directories(dir);
  CliResult result =
      run_cli({"indicators", "--format", "csv", "--html", (dir / "indicators.html").string()});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.out.rfind("mineral,indicator", 0), 0u);  // stdout unchanged
  std::string html = read_text(dir / "indicators.html");
  EXPECT_EQ(count(html, "data-chart=\"heat-table\""), 1u);
  EXPECT_EQ(count(html, "data-chart=\"radar\""), 10u);  // one per bundled mineral
  fs::remove_all(dir);
}

TEST(ReportCommand, BadUsageExitsTwoWithOneLine) {
  CliResult no_out = run_cli({"report", "--all"});
  EXPECT_EQ(no_out.exit_code, 2);
  EXPECT_NE(no_out.err.find("--out"), std::string::npos);
  CliResult bad_lang = run_cli({"report", "--lang", "fr", "--out", "/tmp"});
  EXPECT_EQ(bad_lang.exit_code, 2);
  EXPECT_NE(bad_lang.err.find("--lang: found 'fr'"), std::string::npos) << bad_lang.err;
  CliResult both =
      run_cli({"report", "--all", scenarios_dir() + "/minerals/copper.yaml", "--out", "/tmp"});
  EXPECT_EQ(both.exit_code, 2);
  CliResult no_trials = run_cli({"report", "--trials", "0", "--out", "/tmp"});
  EXPECT_EQ(no_trials.exit_code, 2);
  EXPECT_NE(no_trials.err.find("--trials"), std::string::npos) << no_trials.err;
}

}  // namespace
}  // namespace mineflow::testing
