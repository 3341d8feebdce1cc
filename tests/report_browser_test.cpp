// The generated report opened in a real browser (headless Chromium): no console messages (the
// page has no scripts, so any message is a fault), every chart's <svg> present and non-empty in
// the DOM Chromium built, every chart laid out with a size and no label outside its chart, and
// a full-page PNG screenshot saved for people to look at.
//
// Needs Debian's `chromium` and a CJK font (tools/setup-browser-tests.sh). Without Chromium the
// tests FAIL with a message saying so; MINEFLOW_SKIP_BROWSER=1 turns them into explicit skips.

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "tests/cli_runner.h"
#include "tests/report_gallery.h"

namespace mineflow::testing {
namespace {

namespace fs = std::filesystem;

std::string chromium_path() {
  const char* env = std::getenv("MINEFLOW_CHROMIUM");
  return env != nullptr && *env != 0 ? env : "/usr/bin/chromium";
}

bool skip_requested() {
  const char* env = std::getenv("MINEFLOW_SKIP_BROWSER");
  return env != nullptr && std::string(env) == "1";
}

using BrowserRun = testing::CliResult;

// One headless Chromium run with a fresh profile; no network (every host resolves to nothing),
// so a page that referred to anything outside itself could not load it.
BrowserRun chromium(const std::vector<std::string>& mode_args, const fs::path& page,
                    const fs::path& work) {
  static int runs = 0;  // a fresh profile per run; each test has its own `work` folder
  fs::path profile = work / ("profile_" + std::to_string(runs++));
  fs::create_directories(profile);
  std::string command = "timeout 120 " + shell_quote(chromium_path()) +
                        " --headless --no-sandbox --disable-gpu --disable-quic --no-first-run"
                        " --disable-background-networking --disable-component-update"
                        " --disable-sync --host-resolver-rules='MAP * ~NOTFOUND'"
                        " --user-data-dir=" +
                        shell_quote(profile.string()) + " --enable-logging=stderr --v=0";
  for (const std::string& arg : mode_args) command += " " + shell_quote(arg);
  command += " " + shell_quote("file://" + fs::absolute(page).string());
  BrowserRun run = testing::run_command_line(command, work);
  fs::remove_all(profile);
  return run;
}

// Chromium logs every console message of the page as "...:CONSOLE:<line>] "<text>", source: ..".
std::vector<std::string> console_lines(const std::string& log) {
  std::vector<std::string> lines;
  std::istringstream in(log);
  for (std::string line; std::getline(in, line);) {
    if (line.find(":CONSOLE") != std::string::npos) lines.push_back(line);
  }
  return lines;
}

// Script appended to a COPY of the report (the report itself has none): measures each chart as
// laid out and writes the figures into the DOM, which --dump-dom then prints.
constexpr const char* kProbeScript = R"(<script>
(function () {
  const rows = [];
  document.querySelectorAll('svg.chart').forEach(function (svg) {
    const box = svg.getBoundingClientRect();
    const content = svg.getBBox();
    let outside = [];
    // Client rectangles include each label's own transform (rotated axis titles).
    svg.querySelectorAll('text').forEach(function (t) {
      const r = t.getBoundingClientRect();
      if (r.left < box.left - 1 || r.top < box.top - 1 || r.right > box.right + 1 ||
          r.bottom > box.bottom + 1)
        outside.push(t.textContent);
    });
    rows.push([svg.dataset.chart, Math.round(box.width), Math.round(box.height),
               Math.round(content.width), Math.round(content.height),
               svg.querySelectorAll('path,rect,line,polygon,circle,text').length,
               outside.length, outside.join('|')].join('\t'));
  });
  const pre = document.createElement('pre');
  pre.id = 'mineflow-probe';
  pre.setAttribute('data-page-height', String(document.documentElement.scrollHeight));
  // The contents list: links counted, and those whose target the browser cannot find listed.
  const broken = [];
  document.querySelectorAll('a[href^="#"]').forEach(function (a) {
    const target = a.getAttribute('href').slice(1);
    if (!document.getElementById(target)) broken.push(target);
  });
  pre.setAttribute('data-contents-links', String(document.querySelectorAll('nav a').length));
  pre.setAttribute('data-broken-links', broken.join(' '));
  pre.setAttribute('data-summary-rows',
                   String(document.querySelectorAll('#summary table tr').length));
  pre.textContent = rows.join('\n');
  document.body.appendChild(pre);
})();
</script>)";

struct ChartProbe {
  std::string kind;
  int width = 0, height = 0, content_width = 0, content_height = 0, elements = 0, outside = 0;
  std::string outside_texts;
};

std::vector<ChartProbe> parse_probe(const std::string& dom, int& page_height) {
  std::vector<ChartProbe> probes;
  const std::string marker = "<pre id=\"mineflow-probe\" data-page-height=\"";
  std::size_t at = dom.find(marker);
  if (at == std::string::npos) return probes;
  std::size_t number_end = dom.find('"', at + marker.size());
  std::size_t text_start = dom.find('>', number_end) + 1;
  std::size_t text_end = dom.find("</pre>", text_start);
  if (number_end == std::string::npos || text_end == std::string::npos) return probes;
  page_height = std::stoi(dom.substr(at + marker.size(), number_end - at - marker.size()));
  std::istringstream in(dom.substr(text_start, text_end - text_start));
  for (std::string line; std::getline(in, line);) {
    std::istringstream fields(line);
    ChartProbe p;
    std::string number;
    std::getline(fields, p.kind, '\t');
    int* targets[] = {&p.width,          &p.height,   &p.content_width,
                      &p.content_height, &p.elements, &p.outside};
    for (int* target : targets) {
      std::getline(fields, number, '\t');
      *target = number.empty() ? 0 : std::stoi(number);
    }
    std::getline(fields, p.outside_texts);
    probes.push_back(p);
  }
  return probes;
}

// Opens `page` three times: its DOM (--dump-dom) for console messages and every chart's <svg>;
// a copy with the probe script for each chart's layout; a full-page screenshot `png_name`.png.
// `probe_dom`, when given, receives the probed DOM (for page-specific checks).
void check_page_in_browser(const fs::path& page, const fs::path& work, std::size_t charts_expected,
                           const std::string& png_name, std::string* probe_dom = nullptr) {
  std::string html = read_text(page);
  fs::path report_dir = page.parent_path();
  // 1. The page itself: parsed into a DOM with no console message at all.
  BrowserRun dump = chromium({"--dump-dom"}, page, work);
  ASSERT_EQ(dump.exit_code, 0) << dump.err;
  EXPECT_EQ(console_lines(dump.err), std::vector<std::string>{}) << "console messages";
  std::size_t expected_charts = 0;
  for (std::size_t at = html.find("<svg "); at != std::string::npos;
       at = html.find("<svg ", at + 1)) {
    ++expected_charts;
  }
  EXPECT_EQ(expected_charts, charts_expected) << "charts in the page";
  // Plain string search: std::regex recurses per character and overflows the stack on the
  // long paths of daily series.
  std::size_t in_dom = 0;
  for (std::size_t open = dump.out.find("<svg"); open != std::string::npos;
       open = dump.out.find("<svg", open + 4)) {
    std::size_t open_end = dump.out.find('>', open);
    std::size_t close = dump.out.find("</svg>", open);
    ASSERT_NE(close, std::string::npos) << "an unclosed <svg>";
    if (dump.out.substr(open, open_end - open).find("class=\"chart\"") == std::string::npos) {
      continue;
    }
    ++in_dom;
    const std::string body = dump.out.substr(open_end + 1, close - open_end - 1);
    bool drawn = false;
    for (const char* element : {"<path ", "<rect ", "<polygon ", "<line "}) {
      drawn = drawn || body.find(element) != std::string::npos;
    }
    EXPECT_TRUE(drawn) << "an empty chart: " << dump.out.substr(open, 200);
  }
  EXPECT_EQ(in_dom, expected_charts) << "charts in the page vs in Chromium's DOM";

  // 2. Laid out: each chart has a size, drawn content, and no label outside its area.
  fs::path probe_page = report_dir / "probe.html";
  {
    std::string copy = html;
    copy.insert(copy.rfind("</body>"), kProbeScript);
    std::ofstream(probe_page) << copy;
  }
  BrowserRun probe = chromium({"--dump-dom"}, probe_page, work);
  ASSERT_EQ(probe.exit_code, 0) << probe.err;
  EXPECT_EQ(console_lines(probe.err), std::vector<std::string>{}) << "console messages";
  int page_height = 0;
  std::vector<ChartProbe> charts = parse_probe(probe.out, page_height);
  if (probe_dom != nullptr) *probe_dom = probe.out;
  ASSERT_EQ(charts.size(), expected_charts) << "probe output missing";
  for (const ChartProbe& chart : charts) {
    SCOPED_TRACE(chart.kind);
    EXPECT_GT(chart.width, 100);
    EXPECT_GT(chart.height, 100);
    EXPECT_GT(chart.content_width, 50);
    EXPECT_GT(chart.content_height, 50);
    EXPECT_GT(chart.elements, 10);
    EXPECT_EQ(chart.outside, 0) << "labels outside the chart: " << chart.outside_texts;
  }
  fs::remove(probe_page);

  // 3. A full-page screenshot for people (and docs/report.png).
  ASSERT_GT(page_height, 1000);
  fs::path png = work / (png_name + ".png");
  BrowserRun shot =
      chromium({"--screenshot=" + png.string(),
                "--window-size=800," + std::to_string(page_height + 40), "--hide-scrollbars"},
               page, work);
  ASSERT_EQ(shot.exit_code, 0) << shot.err;
  EXPECT_EQ(console_lines(shot.err), std::vector<std::string>{}) << "console messages";
  ASSERT_TRUE(fs::is_regular_file(png));
  EXPECT_GT(fs::file_size(png), 50'000u) << "a near-blank screenshot";
  std::cout << "screenshot: " << png.string() << "\n";
}

class ReportInBrowser : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    if (skip_requested()) GTEST_SKIP() << "MINEFLOW_SKIP_BROWSER=1: browser checks skipped";
    ASSERT_TRUE(fs::exists(chromium_path()))
        << "Chromium not found at " << chromium_path()
        << ": install it with tools/setup-browser-tests.sh (apt-get install -y chromium "
           "fonts-noto-cjk), point MINEFLOW_CHROMIUM at it, or set MINEFLOW_SKIP_BROWSER=1 to "
           "skip the browser checks explicitly";
  }
};

TEST_P(ReportInBrowser, RendersEveryChartWithoutErrors) {
  const std::string lang = GetParam();
  if (lang == "ja") {
    // Without a CJK font Chromium draws the Japanese labels as empty boxes.
    int fonts = std::system("fc-list :lang=ja | grep -q .");
    ASSERT_EQ(fonts, 0) << "no Japanese font: apt-get install -y fonts-noto-cjk";
  }
  fs::path work = fs::path(MINEFLOW_BROWSER_OUT_DIR) / lang;
  fs::remove_all(work);
  fs::create_directories(work);
  fs::path report_dir = work / "report";
  CliResult made = run_cli({"report", "--all", "--lang", lang, "--out", report_dir.string()});
  ASSERT_EQ(made.exit_code, 0) << made.err;
  // Heat table, six radars, six Sankeys, price history; stock-flow: per mineral in-use stock and
  // flows, one secondary-share chart; scenarios: per mineral daily supply, stock levels, price,
  // exceedance curves; per mineral a stockpile-days chart.
  std::string dom;
  // Ten minerals (issue 26): heat table, 10 radars, 10 Sankeys, a price chart; seven stock-flow
  // models; four scenario charts and a stockpile chart per mineral.
  check_page_in_browser(report_dir / "report.html", work, 22 + 7 * 2 + 1 + 10 * 4 + 10,
                        "report_" + lang, &dom);
  // The contents list resolves in the browser and the summary table has a row per mineral.
  auto attribute = [&dom](const std::string& name) {
    std::size_t at = dom.find(name + "=\"");
    if (at == std::string::npos) return std::string("(missing)");
    at += name.size() + 2;
    return dom.substr(at, dom.find('"', at) - at);
  };
  EXPECT_EQ(attribute("data-broken-links"), "") << "contents links without a target";
  EXPECT_GE(std::stoi("0" + attribute("data-contents-links")), 8);
  EXPECT_EQ(attribute("data-summary-rows"), "11") << "summary: header + ten minerals";
}

INSTANTIATE_TEST_SUITE_P(Languages, ReportInBrowser, ::testing::Values("en", "ja"));

// Every renderer, including those whose data arrives with later work (gallery of synthetic
// charts): 4 line charts, radar with after and markers, Sankey with a loop, heat table.
TEST_F(ReportInBrowser, ChartGallery) {
  fs::path work = fs::path(MINEFLOW_BROWSER_OUT_DIR) / "gallery";
  fs::remove_all(work);
  fs::create_directories(work / "page");
  fs::path page = work / "page" / "gallery.html";
  std::ofstream(page) << report::render_html(chart_gallery());
  check_page_in_browser(page, work, 7, "gallery");
}

// The console check is not vacuous: a page with a script error is caught.
TEST(BrowserHarness, ConsoleErrorsAreDetected) {
  if (skip_requested()) GTEST_SKIP() << "MINEFLOW_SKIP_BROWSER=1";
  ASSERT_TRUE(fs::exists(chromium_path()))
      << "Chromium not found at " << chromium_path() << " (tools/setup-browser-tests.sh)";
  fs::path work = fs::path(MINEFLOW_BROWSER_OUT_DIR) / "harness";
  fs::remove_all(work);
  fs::create_directories(work);
  fs::path page = work / "broken.html";
  std::ofstream(page) << "<!DOCTYPE html><html><body><script>undefined_function();</script>"
                         "</body></html>";
  BrowserRun run = chromium({"--dump-dom"}, page, work);
  std::vector<std::string> lines = console_lines(run.err);
  ASSERT_EQ(lines.size(), 1u) << run.err;
  EXPECT_NE(lines[0].find("undefined_function"), std::string::npos);
}

}  // namespace
}  // namespace mineflow::testing
