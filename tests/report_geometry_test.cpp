// Chart geometry, hand-computed: scales and ticks, radar vertices, risk positions, Sankey layout
// (flow conserved at every node), line-chart mapping; plus escaping and the page's self-
// containment.

#include <gtest/gtest.h>

#include <cmath>
#include <numbers>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "tests/golden.h"
#include "tests/report_gallery.h"
#include "tools/report/heat_table.h"
#include "tools/report/html_page.h"
#include "tools/report/line_chart.h"
#include "tools/report/radar_chart.h"
#include "tools/report/risk_position.h"
#include "tools/report/sankey.h"
#include "tools/report/scale.h"
#include "tools/report/svg.h"
#include "tools/report/text_wrap.h"

namespace mineflow::report {
namespace {

TEST(Scale, MapsDomainOntoRangeIncludingReversedRange) {
  LinearScale y{0.0, 10.0, 300.0, 100.0};  // SVG y grows downwards
  EXPECT_DOUBLE_EQ(y(0.0), 300.0);
  EXPECT_DOUBLE_EQ(y(5.0), 200.0);
  EXPECT_DOUBLE_EQ(y(10.0), 100.0);
  LinearScale flat{3.0, 3.0, 0.0, 50.0};
  EXPECT_DOUBLE_EQ(flat(3.0), 25.0);
}

TEST(Scale, NiceStepsAreOneTwoOrFiveTimesAPowerOfTen) {
  EXPECT_DOUBLE_EQ(nice_step(23.0), 20.0);     // 2.3 -> 2
  EXPECT_DOUBLE_EQ(nice_step(4.0), 5.0);       // 4 -> 5
  EXPECT_DOUBLE_EQ(nice_step(1.2), 1.0);       // 1.2 -> 1
  EXPECT_DOUBLE_EQ(nice_step(8.0), 10.0);      // 8 -> 10
  EXPECT_NEAR(nice_step(0.013), 0.01, 1e-15);  // 1.3 -> 1
}

TEST(Scale, TicksCoverTheDataOnMultiplesOfTheStep) {
  Ticks t = nice_ticks(0.0, 95.0, 5);  // raw step 19 -> 20
  EXPECT_DOUBLE_EQ(t.step, 20.0);
  EXPECT_EQ(t.values, (std::vector<double>{0, 20, 40, 60, 80, 100}));
  EXPECT_DOUBLE_EQ(t.min, 0.0);
  EXPECT_DOUBLE_EQ(t.max, 100.0);

  Ticks years = nice_ticks(2000.0, 2025.0, 5);  // raw 5 -> 5
  EXPECT_EQ(years.values, (std::vector<double>{2000, 2005, 2010, 2015, 2020, 2025}));

  Ticks signed_ticks = nice_ticks(-0.3, 0.7, 5);  // raw 0.2 -> 0.2
  ASSERT_EQ(signed_ticks.values.size(), 7u);      // -0.4 .. 0.8
  EXPECT_NEAR(signed_ticks.values.front(), -0.4, 1e-12);
  EXPECT_EQ(signed_ticks.values[2], 0.0);  // exactly zero, never -0 or 1e-17
  EXPECT_FALSE(std::signbit(signed_ticks.values[2]));
  EXPECT_NEAR(signed_ticks.values.back(), 0.8, 1e-12);
}

TEST(Scale, DegenerateRangeIsWidened) {
  Ticks t = nice_ticks(5.0, 5.0, 4);
  EXPECT_LT(t.min, 5.0);
  EXPECT_GT(t.max, 5.0);
}

TEST(Scale, TickLabelsUseStepDecimalsAndThousandsSeparators) {
  EXPECT_EQ(format_tick(12500.0, 100.0), "12,500");
  EXPECT_EQ(format_tick(1000.0, 1000.0), "1,000");
  EXPECT_EQ(format_tick(100.0, 20.0), "100");
  EXPECT_EQ(format_tick(-1234567.5, 0.5), "-1,234,567.5");
  EXPECT_EQ(format_tick(0.25, 0.05), "0.25");
  EXPECT_EQ(format_tick(0.0, 0.2), "0.0");
}

TEST(Svg, EscapesAllMarkupCharacters) {
  EXPECT_EQ(xml_escape("a<b>&\"c'"), "a&lt;b&gt;&amp;&quot;c&#39;");
  std::string text = svg_text(1, 2, "<script>&");
  EXPECT_EQ(text.find("<script>"), std::string::npos);
  EXPECT_NE(text.find("&lt;script&gt;&amp;"), std::string::npos);
}

TEST(Svg, NumbersAreShortAndLocaleFree) {
  EXPECT_EQ(svg_number(12.5), "12.5");
  EXPECT_EQ(svg_number(3.0), "3");
  EXPECT_EQ(svg_number(-0.001), "0");
  EXPECT_EQ(svg_number(1234.567), "1234.57");
}

TEST(TextWrap, CountsWideCharactersDouble) {
  EXPECT_DOUBLE_EQ(text_units("Cobalt"), 6.0);
  EXPECT_NEAR(text_units("価格変動幅"), 5.0 / 0.6, 1e-12);  // one em each
  EXPECT_DOUBLE_EQ(text_width_px("abcde", 10.0), 30.0);
}

TEST(TextWrap, BreaksAtSpacesOrBetweenWideCharacters) {
  EXPECT_EQ(wrap_text("Import stability (concentrate)", 16.0),
            (std::vector<std::string>{"Import stability", "(concentrate)"}));
  EXPECT_EQ(wrap_text("short", 16.0), (std::vector<std::string>{"short"}));
  // 15 units; the parenthesis group stays whole.
  std::vector<std::string> ja = wrap_text("輸入安定性（精鉱）", 10.0);
  ASSERT_EQ(ja.size(), 2u);
  EXPECT_EQ(ja[0], "輸入安定性");
  EXPECT_EQ(ja[1], "（精鉱）");
  EXPECT_EQ(wrap_text("国別埋蔵寡占度", 7.0),
            (std::vector<std::string>{"国別埋蔵", "寡占度"}));  // 4 x 5/3 = 6.7 units
}

TEST(TextWrap, BalancedLinesLeaveNoOrphan) {
  // 8 glyphs of 5/3 units in at most 12.4 units: 7 + 1 plain, 4 + 4 balanced.
  EXPECT_EQ(wrap_text("スクラップ等再生", 12.4).back(), "生");
  EXPECT_EQ(wrap_text_balanced("スクラップ等再生", 12.4),
            (std::vector<std::string>{"スクラッ", "プ等再生"}));
  EXPECT_EQ(wrap_text_balanced("Scrap recycling", 40.0),
            (std::vector<std::string>{"Scrap recycling"}));
}

TEST(Radar, VerticesStartAtTheTopAndRunClockwise) {
  RadarGeometry g;
  g.centre = {100.0, 100.0};
  g.radius_px = 60.0;
  g.axes = 6;
  // Axis i at -90 + 60 i degrees; cos 30 = sqrt(3)/2.
  double half_root3 = std::sqrt(3.0) / 2.0;
  Point top = g.at(0, 1.0);
  EXPECT_NEAR(top.x, 100.0, 1e-12);
  EXPECT_NEAR(top.y, 40.0, 1e-12);
  Point upper_right = g.at(1, 1.0);
  EXPECT_NEAR(upper_right.x, 100.0 + 60.0 * half_root3, 1e-12);
  EXPECT_NEAR(upper_right.y, 70.0, 1e-12);
  Point lower_right = g.at(2, 0.5);
  EXPECT_NEAR(lower_right.x, 100.0 + 30.0 * half_root3, 1e-12);
  EXPECT_NEAR(lower_right.y, 115.0, 1e-12);
  Point bottom = g.at(3, 1.0);
  EXPECT_NEAR(bottom.x, 100.0, 1e-12);
  EXPECT_NEAR(bottom.y, 160.0, 1e-12);
  Point upper_left = g.at(5, 1.0);
  EXPECT_NEAR(upper_left.x, 100.0 - 60.0 * half_root3, 1e-12);
  EXPECT_NEAR(upper_left.y, 70.0, 1e-12);
  // Values outside 0..1 are clamped onto the rim or the centre.
  EXPECT_NEAR(g.at(0, 1.7).y, 40.0, 1e-12);
  EXPECT_NEAR(g.at(0, -0.5).y, 100.0, 1e-12);
}

TEST(Radar, MissingValuesSitAtTheCentre) {
  RadarGeometry g;
  g.centre = {50.0, 50.0};
  g.radius_px = 40.0;
  g.axes = 4;
  RadarSeries series{"before", {1.0, std::nullopt, 0.5, 0.25}};
  std::vector<Point> points = radar_polygon(g, series);
  ASSERT_EQ(points.size(), 4u);
  EXPECT_NEAR(points[0].x, 50.0, 1e-12);  // up
  EXPECT_NEAR(points[0].y, 10.0, 1e-12);
  EXPECT_NEAR(points[1].x, 50.0, 1e-12);  // N/A: centre
  EXPECT_NEAR(points[1].y, 50.0, 1e-12);
  EXPECT_NEAR(points[2].y, 70.0, 1e-12);  // down, half way
  EXPECT_NEAR(points[3].x, 40.0, 1e-12);  // left, a quarter
}

TEST(Radar, GeometryFitsInsideTheChart) {
  RadarGeometry g = radar_geometry(6, 340.0, 330.0);
  for (std::size_t i = 0; i < 6; ++i) {
    Point p = g.at(i, 1.0);
    EXPECT_GT(p.x, 0.0);
    EXPECT_LT(p.x, 340.0);
    EXPECT_GT(p.y, 24.0);          // below the title
    EXPECT_LT(p.y, 330.0 - 22.0);  // above the legend
  }
}

TEST(RiskPosition, RisingBandPutsTheThresholdsOnTheRings) {
  RatingBand hhi{true, 1500.0, 2500.0, ""};
  EXPECT_NEAR(*risk_position(hhi, 0.0), 0.0, 1e-12);
  EXPECT_NEAR(*risk_position(hhi, 750.0), 1.0 / 6.0, 1e-12);
  EXPECT_NEAR(*risk_position(hhi, 1500.0), 1.0 / 3.0, 1e-12);
  EXPECT_NEAR(*risk_position(hhi, 2000.0), 0.5, 1e-12);
  EXPECT_NEAR(*risk_position(hhi, 2500.0), 2.0 / 3.0, 1e-12);
  EXPECT_NEAR(*risk_position(hhi, 3750.0), 5.0 / 6.0, 1e-12);
  EXPECT_NEAR(*risk_position(hhi, 5000.0), 1.0, 1e-12);
  EXPECT_NEAR(*risk_position(hhi, 10000.0), 1.0, 1e-12);  // capped
  EXPECT_FALSE(risk_position(hhi, std::nullopt).has_value());
}

TEST(RiskPosition, FallingBandRisesAsTheShareFalls) {
  RatingBand recycling{false, 0.30, 0.10, ""};
  EXPECT_NEAR(*risk_position(recycling, 0.80), 0.0, 1e-12);  // capped
  EXPECT_NEAR(*risk_position(recycling, 0.60), 0.0, 1e-12);
  EXPECT_NEAR(*risk_position(recycling, 0.45), 1.0 / 6.0, 1e-12);
  EXPECT_NEAR(*risk_position(recycling, 0.30), 1.0 / 3.0, 1e-12);
  EXPECT_NEAR(*risk_position(recycling, 0.20), 0.5, 1e-12);
  EXPECT_NEAR(*risk_position(recycling, 0.10), 2.0 / 3.0, 1e-12);
  EXPECT_NEAR(*risk_position(recycling, 0.05), 5.0 / 6.0, 1e-12);
  EXPECT_NEAR(*risk_position(recycling, 0.0), 1.0, 1e-12);
}

// A(10), B(30) -> C -> D -> E, and E -> C backwards (recycling): C takes in 48, sends out 40.
SankeyChart loop_chart() {
  SankeyChart chart;
  chart.column_labels = {"mine", "refine", "unused", "demand", "recycle"};
  chart.nodes = {
      {"A", 0, "#000"}, {"B", 0, "#000"}, {"C", 1, "#000"}, {"D", 3, "#000"}, {"E", 4, "#000"}};
  chart.links = {
      {0, 2, 10.0, ""}, {1, 2, 30.0, ""}, {2, 3, 40.0, ""}, {3, 4, 8.0, ""}, {4, 2, 8.0, ""}};
  return chart;
}

TEST(Sankey, ScaleIsSetByTheFullestColumn) {
  SankeyFrame frame;  // height 420, top 52, bottom 30: 338 px of plot
  SankeyLayout layout = layout_sankey(loop_chart(), frame);
  // The backward link E -> C (8) needs a lane of 8 units + 8 px padding under the nodes.
  // Column 0: (338 - 8 - 14) / (40 + 8) = 6.58; column 1: C = max(48, 40) -> 330 / 56 = 5.89;
  // column 3: D = 40 -> 330 / 48; column 4: 330 / 16. The smallest wins.
  double k = 330.0 / 56.0;
  EXPECT_NEAR(layout.px_per_unit, k, 1e-12);
  EXPECT_NEAR(layout.nodes[2].height, 48.0 * k, 1e-9);
  EXPECT_NEAR(layout.nodes[2].y, frame.top, 1e-9);
  // The lane runs under the lowest node and ends at the plot's bottom.
  const LinkPath& loop = layout.links[4];
  EXPECT_NEAR(loop.loop_y - loop.width / 2.0, layout.nodes[2].y + layout.nodes[2].height + 8.0,
              1e-9);
  EXPECT_NEAR(loop.loop_y + loop.width / 2.0, frame.height - frame.bottom, 1e-9);
}

TEST(Sankey, WithoutBackwardLinksTheFullestColumnFillsThePlot) {
  SankeyChart chart = loop_chart();
  chart.links.pop_back();  // no E -> C
  SankeyLayout layout = layout_sankey(chart);
  // Column 0: (338 - 14) / 40 = 8.1; column 1: C = max(40, 40) -> 338 / 40 = 8.45; column 3:
  // D = 40 -> 8.45. Column 0 wins.
  EXPECT_NEAR(layout.px_per_unit, 324.0 / 40.0, 1e-12);
  EXPECT_NEAR(layout.nodes[0].y, SankeyFrame{}.top, 1e-9);
  EXPECT_NEAR(layout.nodes[1].y + layout.nodes[1].height, 420.0 - 30.0, 1e-9);
}

TEST(Sankey, NodeHeightIsTheLargerOfInflowAndOutflow) {
  SankeyLayout layout = layout_sankey(loop_chart());
  double k = layout.px_per_unit;
  std::vector<double> expected = {10, 30, 48, 40, 8};
  for (std::size_t n = 0; n < expected.size(); ++n) {
    EXPECT_NEAR(layout.nodes[n].height, expected[n] * k, 1e-9) << "node " << n;
  }
  EXPECT_DOUBLE_EQ(layout.nodes[2].inflow, 48.0);
  EXPECT_DOUBLE_EQ(layout.nodes[2].outflow, 40.0);
}

TEST(Sankey, LinksConserveFlowAndStackInsideTheirNodes) {
  SankeyChart chart = loop_chart();
  SankeyLayout layout = layout_sankey(chart);
  double k = layout.px_per_unit;
  std::vector<double> in_px(chart.nodes.size(), 0.0);
  std::vector<double> out_px(chart.nodes.size(), 0.0);
  for (std::size_t l = 0; l < chart.links.size(); ++l) {
    const LinkPath& path = layout.links[l];
    const NodeBox& from = layout.nodes[chart.links[l].from];
    const NodeBox& to = layout.nodes[chart.links[l].to];
    EXPECT_NEAR(path.width, chart.links[l].value * k, 1e-9);
    // Each band leaves from its source's right edge and enters its target's left edge, within
    // the node's extent.
    EXPECT_DOUBLE_EQ(path.x0, from.x + from.width);
    EXPECT_DOUBLE_EQ(path.x1, to.x);
    EXPECT_GE(path.y0 - path.width / 2.0, from.y - 1e-9);
    EXPECT_LE(path.y0 + path.width / 2.0, from.y + from.height + 1e-9);
    EXPECT_GE(path.y1 - path.width / 2.0, to.y - 1e-9);
    EXPECT_LE(path.y1 + path.width / 2.0, to.y + to.height + 1e-9);
    in_px[chart.links[l].to] += path.width;
    out_px[chart.links[l].from] += path.width;
  }
  for (std::size_t n = 0; n < chart.nodes.size(); ++n) {
    EXPECT_NEAR(std::max(in_px[n], out_px[n]), layout.nodes[n].height, 1e-9) << "node " << n;
  }
  // Bands into C stack without overlap: A's (top node) first, then B's, then the backward one.
  EXPECT_NEAR(layout.links[0].y1, layout.nodes[2].y + 10.0 * k / 2.0, 1e-9);
  EXPECT_NEAR(layout.links[1].y1, layout.nodes[2].y + 10.0 * k + 30.0 * k / 2.0, 1e-9);
  EXPECT_NEAR(layout.links[4].y1, layout.nodes[2].y + 40.0 * k + 8.0 * k / 2.0, 1e-9);
  EXPECT_TRUE(layout.links[4].backward);
  EXPECT_FALSE(layout.links[2].backward);
}

TEST(Sankey, EmptyColumnsTakeNoRoom) {
  SankeyFrame frame;
  SankeyLayout layout = layout_sankey(loop_chart(), frame);
  EXPECT_FALSE(layout.column_used[2]);
  // Four used columns share the span evenly.
  double span = frame.width - frame.left - frame.right - frame.label_room - frame.node_width;
  EXPECT_NEAR(layout.nodes[0].x, frame.left, 1e-9);
  EXPECT_NEAR(layout.nodes[2].x, frame.left + span / 3.0, 1e-9);
  EXPECT_NEAR(layout.nodes[3].x, frame.left + 2.0 * span / 3.0, 1e-9);
  EXPECT_NEAR(layout.nodes[4].x, frame.left + span, 1e-9);
}

TEST(LineChart, MapsDataOntoThePlotAndNiceTicks) {
  LineChart chart;
  chart.series = {{"a", {0, 5, 10}, {0, 50, 95}, false}};
  LineChartLayout layout = layout_line_chart(chart, 700.0, 360.0);
  EXPECT_DOUBLE_EQ(layout.y_ticks.max, 100.0);
  ASSERT_EQ(layout.lines.size(), 1u);
  const std::vector<Point>& line = layout.lines[0];
  EXPECT_DOUBLE_EQ(line[0].x, layout.plot_left);
  EXPECT_DOUBLE_EQ(line[2].x, layout.plot_right);
  EXPECT_DOUBLE_EQ(line[0].y, layout.plot_bottom);
  EXPECT_NEAR(line[1].y, (layout.plot_bottom + layout.plot_top) / 2.0, 1e-9);
}

TEST(LineChart, StackedBandsSitOnTopOfEachOther) {
  LineChart chart;
  chart.stacked = true;
  chart.series = {{"a", {0, 1}, {1, 2}, false}, {"b", {0, 1}, {3, 4}, false}};
  LineChartLayout layout = layout_line_chart(chart, 700.0, 360.0);
  EXPECT_GE(layout.y_ticks.max, 6.0);
  EXPECT_DOUBLE_EQ(layout.band_bottoms[1][0].y, layout.lines[0][0].y);  // b starts on a's top
  EXPECT_DOUBLE_EQ(layout.lines[1][1].y, layout.y(6.0));
}

TEST(LineChart, ProbabilityAxisStopsAtOne) {
  LineChart chart;
  chart.y_max = 1.0;
  chart.series = {{"P(unmet > x)", {0, 10, 20}, {1.0, 0.4, 0.05}, false}};
  chart.markers = {{60.0, "60-day base"}};
  LineChartLayout layout = layout_line_chart(chart, 700.0, 360.0);
  EXPECT_DOUBLE_EQ(layout.y_ticks.max, 1.0);
  EXPECT_DOUBLE_EQ(layout.y(1.0), layout.plot_top);
  EXPECT_DOUBLE_EQ(layout.x(60.0), layout.plot_right);  // markers widen the x range
  std::string svg = render_line_chart(chart);
  EXPECT_NE(svg.find("P(unmet &gt; x)"), std::string::npos);
  EXPECT_NE(svg.find("60-day base"), std::string::npos);
}

TEST(HeatTable, ColumnsShareTheWidthLeftOfTheRowLabels) {
  HeatTable table;
  table.column_labels = {"A", "B", "C"};
  table.row_labels = {"row one", "row two"};
  table.cells = {{{"1", "High", "#fff"}, {"2", "Mid", "#fff"}, {"3", "Low", "#fff"}},
                 {{"", "N/A", "#fff"}, {"", "N/A", "#fff"}, {"", "N/A", "#fff"}}};
  HeatTableLayout layout = layout_heat_table(table, 700.0);
  EXPECT_NEAR(layout.cell_x(3), 700.0, 1e-9);
  EXPECT_NEAR(layout.cell_y(1) - layout.cell_y(0), layout.cell_height, 1e-9);
  std::string svg = render_heat_table(table);
  EXPECT_EQ(svg.rfind("<svg", 0), 0u);
  EXPECT_NE(svg.find("data-chart=\"heat-table\""), std::string::npos);
}

TEST(HtmlPage, IsSelfContainedAndEscaped) {
  HtmlDocument document;
  document.title = "Report <&>";
  HtmlSection section;
  section.id = "s";
  section.heading = "Heading";
  section.paragraphs = {"a < b"};
  section.figures.push_back({render_sankey(SankeyChart{}), "caption \"q\""});
  section.facts = {{"term", "value & more"}};
  document.sections.push_back(section);
  std::string html = render_html(document);
  EXPECT_NE(html.find("<title>Report &lt;&amp;&gt;</title>"), std::string::npos);
  EXPECT_NE(html.find("a &lt; b"), std::string::npos);
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_EQ(html.find("src="), std::string::npos);
  EXPECT_EQ(html.find("href="), std::string::npos);
  EXPECT_EQ(html.find("url("), std::string::npos);
  EXPECT_EQ(html.find("@import"), std::string::npos);
}

// Golden output: the gallery page (every chart kind on synthetic data) byte for byte, so any
// change to the drawing shows up in review. MINEFLOW_UPDATE_GOLDEN=1 rewrites the file; look at
// it in a browser (or run report_browser_tests) before committing the new version.
TEST(Golden, ChartGalleryPage) {
  testing::expect_golden("report_gallery.html", render_html(testing::chart_gallery()));
}

}  // namespace
}  // namespace mineflow::report
