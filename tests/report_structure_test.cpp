// The report's structure without a browser: a contents list whose every link resolves to a
// section, the summary first with one row per mineral, sections that fold with <details>, and
// Japanese rating words.

#include <gtest/gtest.h>

#include <filesystem>
#include <set>

#include "tests/cli_runner.h"

namespace mineflow::testing {
namespace {

namespace fs = std::filesystem;

// Every value of `attribute="..."` in `html`, in order.
std::vector<std::string> attribute_values(const std::string& html, const std::string& attribute) {
  std::vector<std::string> values;
  const std::string marker = attribute + "=\"";
  for (std::size_t at = html.find(marker); at != std::string::npos;
       at = html.find(marker, at + 1)) {
    std::size_t start = at + marker.size();
    values.push_back(html.substr(start, html.find('"', start) - start));
  }
  return values;
}

std::string make_report(const std::string& lang) {
  fs::path dir = fresh_temp_dir("mineflow_structure_" + lang);
  CliResult made =
      run_cli({"report", "--all", "--lang", lang, "--trials", "200", "--out", dir.string()});
  EXPECT_EQ(made.exit_code, 0) << made.err;
  std::string html = read_text(dir / "report.html");
  fs::remove_all(dir);
  return html;
}

TEST(ReportStructure, ContentsLinksResolveAndTheSummaryComesFirst) {
  std::string html = make_report("en");
  std::size_t nav = html.find("<nav id=\"contents\">");
  std::size_t nav_end = html.find("</nav>");
  ASSERT_NE(nav, std::string::npos);
  ASSERT_NE(nav_end, std::string::npos);
  std::vector<std::string> links = attribute_values(html.substr(nav, nav_end - nav), "href");
  std::vector<std::string> ids = attribute_values(html, "id");
  std::set<std::string> id_set(ids.begin(), ids.end());
  EXPECT_EQ(id_set.size(), ids.size()) << "duplicate ids";
  ASSERT_GE(links.size(), 8u);
  for (const std::string& link : links) {
    ASSERT_EQ(link.rfind('#', 0), 0u) << link;
    EXPECT_EQ(id_set.count(link.substr(1)), 1u) << link;
  }
  // One link per section, in order, the summary first and before any chart.
  std::vector<std::string> sections = attribute_values(html, "<section id");
  EXPECT_EQ(links.size(), sections.size());
  EXPECT_EQ(links.front(), "#summary");
  std::size_t summary = html.find("<section id=\"summary\">");
  EXPECT_LT(summary, html.find("<svg "));
  EXPECT_LT(nav, summary);
  std::string summary_html = html.substr(summary, html.find("</section>", summary) - summary);
  std::size_t rows = 0;
  for (std::size_t at = summary_html.find("<tr>"); at != std::string::npos;
       at = summary_html.find("<tr>", at + 1)) {
    ++rows;
  }
  EXPECT_EQ(rows, 11u) << "a header and one row per mineral (ten)";
  for (const char* text :
       {"Cobalt", "cobalt_drc_supply_cut", "Stockpile days needed", " trials<"}) {
    EXPECT_NE(summary_html.find(text), std::string::npos) << text;
  }
  // Every section folds: one <details open> per section, no script.
  std::size_t details = 0;
  for (std::size_t at = html.find("<details open>"); at != std::string::npos;
       at = html.find("<details open>", at + 1)) {
    ++details;
  }
  EXPECT_EQ(details, sections.size());
  EXPECT_EQ(html.find("<script"), std::string::npos);
}

TEST(ReportStructure, JapaneseRatingsAreTranslated) {
  std::string html = make_report("ja");
  EXPECT_NE(html.find("<h2>目次</h2>"), std::string::npos);
  EXPECT_NE(html.find("<h2>要約</h2>"), std::string::npos);
  for (const char* word : {">高<", ">中<", ">低<"}) {
    EXPECT_NE(html.find(word), std::string::npos) << word;  // heat table cells and legend
  }
  for (const char* word : {">High<", ">Mid<", ">Low<"}) {
    EXPECT_EQ(html.find(word), std::string::npos) << word;
  }
  // 高/中/低 throughout: no English rating word in the prose, thresholds or summary either, and
  // no internal policy id or English days wording in the summary.
  for (const char* word : {"Low|", "|High", "Low <", "Low >=", "High >", "not met within",
                           "trial 0", "stockpile_60", "no_policy"}) {
    EXPECT_EQ(html.find(word), std::string::npos) << word;
  }
  EXPECT_NE(html.find("低|中"), std::string::npos);
  EXPECT_NE(html.find("政策なし"), std::string::npos);
  // Scenario names from the files' name_ja.
  EXPECT_NE(html.find("中国の2010年レアアース輸出制限（再現） (rare_earths_china_2010)"),
            std::string::npos);
  // Japanese lines break at word joins, not inside words.
  EXPECT_NE(html.find("word-break: keep-all"), std::string::npos);
}

}  // namespace
}  // namespace mineflow::testing
