#include "tools/report/radar_chart.h"

#include <algorithm>
#include <cmath>
#include <numbers>

#include "tools/report/palette.h"
#include "tools/report/svg.h"
#include "tools/report/text_wrap.h"

namespace mineflow::report {

namespace {

constexpr double kFontPx = 11.0;
constexpr double kTitleHeightPx = 24.0;
constexpr double kLegendHeightPx = 22.0;
// Room around the rim for the axis labels, wrapped to fit it (two or three lines).
constexpr double kLabelMarginXPx = 90.0;
constexpr double kLabelMarginYPx = 40.0;

std::string points_attribute(const std::vector<Point>& points) {
  std::string out;
  for (const Point& p : points) {
    if (!out.empty()) out += ' ';
    out += svg_number(p.x) + "," + svg_number(p.y);
  }
  return out;
}

}  // namespace

double RadarGeometry::angle(std::size_t axis) const {
  return -std::numbers::pi / 2.0 +
         2.0 * std::numbers::pi * static_cast<double>(axis) / static_cast<double>(axes);
}

Point RadarGeometry::at(std::size_t axis, double value) const {
  double v = std::clamp(value, 0.0, 1.0);
  double a = angle(axis);
  return {centre.x + radius_px * v * std::cos(a), centre.y + radius_px * v * std::sin(a)};
}

RadarGeometry radar_geometry(std::size_t axes, double width, double height) {
  RadarGeometry geometry;
  geometry.axes = std::max<std::size_t>(axes, 1);
  double plot_top = kTitleHeightPx + kLabelMarginYPx;
  double plot_bottom = height - kLegendHeightPx - kLabelMarginYPx;
  geometry.centre = {width / 2.0, (plot_top + plot_bottom) / 2.0};
  geometry.radius_px =
      std::max(10.0, std::min(width / 2.0 - kLabelMarginXPx, (plot_bottom - plot_top) / 2.0));
  return geometry;
}

std::vector<Point> radar_polygon(const RadarGeometry& geometry, const RadarSeries& series) {
  std::vector<Point> points;
  for (std::size_t i = 0; i < geometry.axes; ++i) {
    double v = i < series.values.size() && series.values[i] ? *series.values[i] : 0.0;
    points.push_back(geometry.at(i, v));
  }
  return points;
}

std::string render_radar_chart(const RadarChart& chart, double width, double height) {
  RadarGeometry g = radar_geometry(chart.axis_labels.size(), width, height);
  std::string out = svg_open(width, height, "radar", chart.title);
  out += svg_text(width / 2.0, 17, chart.title, {13.0, Anchor::middle, true});
  // Reference rings as polygons through the axes, then the spokes.
  for (std::size_t r = 0; r < chart.rings.size(); ++r) {
    std::vector<Point> ring;
    for (std::size_t i = 0; i < g.axes; ++i) ring.push_back(g.at(i, chart.rings[r]));
    out += "<polygon points=\"" + points_attribute(ring) +
           "\" fill=\"none\" stroke=\"#BBBBBB\" stroke-width=\"1\"/>\n";
    if (r < chart.ring_labels.size() && !chart.ring_labels[r].empty()) {
      Point p = g.at(0, chart.rings[r]);
      out +=
          svg_text(p.x + 3, p.y - 2, chart.ring_labels[r], {9.0, Anchor::start, false, "#777777"});
    }
  }
  for (std::size_t i = 0; i < g.axes; ++i) {
    Point rim = g.at(i, 1.0);
    out += svg_line(g.centre.x, g.centre.y, rim.x, rim.y, "#BBBBBB");
  }
  auto polygon = [&](const RadarSeries& series, std::string_view colour, bool dashed) {
    std::string attrs = std::string("fill=\"") + std::string(colour) +
                        "\" fill-opacity=\"0.18\" stroke=\"" + std::string(colour) +
                        "\" stroke-width=\"2\"";
    if (dashed) attrs += " stroke-dasharray=\"6 3\"";
    std::vector<Point> points = radar_polygon(g, series);
    std::string text = "<polygon points=\"" + points_attribute(points) + "\" " + attrs + "/>\n";
    for (std::size_t i = 0; i < points.size(); ++i) {
      bool missing = i >= series.values.size() || !series.values[i];
      if (missing) continue;
      text += "<circle cx=\"" + svg_number(points[i].x) + "\" cy=\"" + svg_number(points[i].y) +
              "\" r=\"3\" fill=\"" + std::string(colour) + "\"/>\n";
    }
    return text;
  };
  out += polygon(chart.before, kOkabeVermillion, false);
  if (chart.after) out += polygon(*chart.after, kOkabeBlue, true);
  if (chart.markers) {
    for (std::size_t i = 0; i < g.axes && i < chart.markers->values.size(); ++i) {
      if (!chart.markers->values[i]) continue;
      Point p = g.at(i, *chart.markers->values[i]);
      out += "<path d=\"M" + svg_number(p.x) + " " + svg_number(p.y - 6) + "L" +
             svg_number(p.x + 6) + " " + svg_number(p.y) + "L" + svg_number(p.x) + " " +
             svg_number(p.y + 6) + "L" + svg_number(p.x - 6) + " " + svg_number(p.y) +
             "Z\" fill=\"" + std::string(kOkabeBlack) + "\"/>\n";
    }
  }
  // Axis labels outside the rim, anchored away from the centre.
  for (std::size_t i = 0; i < g.axes && i < chart.axis_labels.size(); ++i) {
    Point p = g.at(i, 1.0);
    double c = std::cos(g.angle(i));
    double s = std::sin(g.angle(i));
    Anchor anchor = c > 0.3 ? Anchor::start : c < -0.3 ? Anchor::end : Anchor::middle;
    // Labels beside the chart have the margin; labels above and below may run wider.
    double room_px = anchor == Anchor::middle ? 2.0 * kLabelMarginXPx : kLabelMarginXPx - 8.0;
    std::vector<std::string> lines =
        wrap_text_balanced(chart.axis_labels[i], room_px / (0.6 * kFontPx));
    if (i < chart.axis_value_texts.size() && !chart.axis_value_texts[i].empty()) {
      lines.push_back(chart.axis_value_texts[i]);
    }
    double x = p.x + 6.0 * c;
    double line_h = kFontPx + 2.0;
    double block_h = static_cast<double>(lines.size()) * line_h;
    // Above the chart the block ends at the rim; below it starts there; beside it is centred.
    double top = s < -0.5 ? p.y - 6.0 - block_h : s > 0.5 ? p.y + 6.0 : p.y - block_h / 2.0;
    for (std::size_t l = 0; l < lines.size(); ++l) {
      bool value_line = l + 1 == lines.size() && i < chart.axis_value_texts.size() &&
                        !chart.axis_value_texts[i].empty();
      out += svg_text(x, top + static_cast<double>(l + 1) * line_h - 2.0, lines[l],
                      {kFontPx, anchor, value_line, value_line ? "#000000" : "#333333"});
    }
  }
  // Legend: items left to right, wrapping onto rows that stack up from the bottom edge.
  struct LegendItem {
    std::string name;
    std::string_view colour;
    bool dashed;
    bool diamond;
  };
  std::vector<LegendItem> items = {{chart.before.name, kOkabeVermillion, false, false}};
  if (chart.after) items.push_back({chart.after->name, kOkabeBlue, true, false});
  if (chart.markers) items.push_back({chart.markers->name, kOkabeBlack, false, true});
  auto item_width = [](const LegendItem& item) {
    return (item.diamond ? 16.0 : 27.0) + text_width_px(item.name, kFontPx) + 14.0;
  };
  std::vector<std::size_t> row_of(items.size(), 0);
  double x = 10.0;
  std::size_t rows = 1;
  for (std::size_t k = 0; k < items.size(); ++k) {
    if (x > 10.0 && x + item_width(items[k]) - 14.0 > width - 4.0) {
      ++rows;
      x = 10.0;
    }
    row_of[k] = rows - 1;
    x += item_width(items[k]);
  }
  double lx = 10.0;
  std::size_t row = 0;
  for (std::size_t k = 0; k < items.size(); ++k) {
    if (row_of[k] != row) {
      row = row_of[k];
      lx = 10.0;
    }
    double ly = height - 9.0 - 16.0 * static_cast<double>(rows - 1 - row);
    const LegendItem& item = items[k];
    if (item.diamond) {
      out +=
          "<path d=\"M" + svg_number(lx + 6) + " " + svg_number(ly - 10) + "l6 6l-6 6l-6 -6Z\"/>\n";
      out += svg_text(lx + 16, ly, item.name, {kFontPx});
    } else {
      std::string attrs = item.dashed ? "stroke-dasharray=\"6 3\"" : "";
      out += svg_line(lx, ly - 4, lx + 22, ly - 4, item.colour, 2.5, attrs);
      out += svg_text(lx + 27, ly, item.name, {kFontPx});
    }
    lx += item_width(item);
  }
  return out + "</svg>\n";
}

}  // namespace mineflow::report
