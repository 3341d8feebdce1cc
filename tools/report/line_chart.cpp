#include "tools/report/line_chart.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "graph/number_format.h"
#include "tools/report/palette.h"
#include "tools/report/svg.h"
#include "tools/report/text_wrap.h"

namespace mineflow::report {

namespace {

constexpr double kFontPx = 11.0;
constexpr double kLegendRowPx = 18.0;

std::string axis_title(const std::string& label, const std::string& unit) {
  return unit.empty() ? label : label + " (" + unit + ")";
}

std::string x_tick_text(const LineChart& chart, double value, double step) {
  if (chart.x_integer && step >= 1.0) return format_fixed(value, 0);
  return format_tick(value, step);
}

// Legend entries flow left to right and wrap; returns the number of rows.
std::size_t legend_rows(const LineChart& chart, double width) {
  double x = 0.0;
  std::size_t rows = chart.series.empty() ? 0 : 1;
  for (const LineSeries& series : chart.series) {
    double w = 30.0 + text_width_px(series.name, kFontPx) + 16.0;
    if (x > 0.0 && x + w > width) {
      ++rows;
      x = 0.0;
    }
    x += w;
  }
  return rows;
}

}  // namespace

std::string_view line_series_colour(const LineChart& chart, std::size_t series) {
  return series_colour(series < chart.colour_of_series.size() ? chart.colour_of_series[series]
                                                              : series);
}

LineChartLayout layout_line_chart(const LineChart& chart, double width, double height) {
  LineChartLayout layout;
  layout.width = width;
  layout.height = height;
  double legend_height = static_cast<double>(legend_rows(chart, width - 70.0)) * kLegendRowPx;
  layout.plot_left = 70.0;
  layout.plot_right = width - 20.0;
  layout.plot_top = 34.0;
  layout.legend_top = height - legend_height - 4.0;
  layout.plot_bottom = layout.legend_top - 44.0;

  double x_min = std::numeric_limits<double>::infinity();
  double x_max = -x_min;
  double y_min = chart.y_from_zero ? 0.0 : x_min;
  double y_max = chart.y_from_zero ? 0.0 : -x_min;
  std::vector<double> stack;  // running top of the stacked bands, by point index
  for (const LineSeries& series : chart.series) {
    if (chart.stacked && stack.size() < series.y.size()) stack.resize(series.y.size(), 0.0);
    for (std::size_t i = 0; i < series.x.size() && i < series.y.size(); ++i) {
      if (!std::isfinite(series.y[i]) || !std::isfinite(series.x[i])) continue;
      x_min = std::min(x_min, series.x[i]);
      x_max = std::max(x_max, series.x[i]);
      double top = series.y[i];
      if (chart.stacked) {
        stack[i] += series.y[i];
        top = stack[i];
      }
      y_min = std::min(y_min, top);
      y_max = std::max(y_max, top);
    }
    for (const std::vector<double>* band : {&series.band_low, &series.band_high}) {
      for (double v : *band) {
        if (!std::isfinite(v)) continue;
        y_min = std::min(y_min, v);
        y_max = std::max(y_max, v);
      }
    }
  }
  for (const MarkerLine& marker : chart.markers) {
    x_min = std::min(x_min, marker.x);
    x_max = std::max(x_max, marker.x);
  }
  if (!std::isfinite(x_min)) x_min = x_max = 0.0;
  if (!std::isfinite(y_min)) y_min = y_max = 0.0;
  if (chart.y_max) y_max = std::max(y_max, *chart.y_max);
  double plot_w = layout.plot_right - layout.plot_left;
  double plot_h = layout.plot_bottom - layout.plot_top;
  layout.x_ticks = nice_ticks(x_min, x_max, std::max(2, static_cast<int>(plot_w / 90.0)));
  layout.y_ticks = nice_ticks(y_min, y_max, std::max(2, static_cast<int>(plot_h / 45.0)));
  if (chart.y_max && layout.y_ticks.max > *chart.y_max && y_max <= *chart.y_max) {
    // A fixed top (a probability's 1) is the axis end, not rounded past.
    while (!layout.y_ticks.values.empty() && layout.y_ticks.values.back() > *chart.y_max + 1e-12) {
      layout.y_ticks.values.pop_back();
    }
    layout.y_ticks.max = *chart.y_max;
  }
  // Data that do not start on a tick keep the axis tight at the data (years, days).
  layout.x = {x_min, x_max, layout.plot_left, layout.plot_right};
  if (x_min == x_max)
    layout.x = {layout.x_ticks.min, layout.x_ticks.max, layout.plot_left, layout.plot_right};
  layout.y = {layout.y_ticks.min, layout.y_ticks.max, layout.plot_bottom, layout.plot_top};

  std::vector<double> base;
  for (const LineSeries& series : chart.series) {
    std::vector<Point> line;
    std::vector<Point> bottom;
    if (chart.stacked && base.size() < series.y.size()) base.resize(series.y.size(), 0.0);
    for (std::size_t i = 0; i < series.x.size() && i < series.y.size(); ++i) {
      double y = series.y[i];
      if (chart.stacked) {
        double y0 = base[i];
        double y1 = y0 + (std::isfinite(y) ? y : 0.0);
        bottom.push_back({layout.x(series.x[i]), layout.y(y0)});
        line.push_back({layout.x(series.x[i]), layout.y(y1)});
        base[i] = y1;
      } else {
        line.push_back({layout.x(series.x[i]),
                        std::isfinite(y) ? layout.y(y) : std::numeric_limits<double>::quiet_NaN()});
      }
    }
    layout.lines.push_back(std::move(line));
    layout.band_bottoms.push_back(std::move(bottom));
  }
  return layout;
}

std::string render_line_chart(const LineChart& chart, double width, double height) {
  LineChartLayout layout = layout_line_chart(chart, width, height);
  std::string out = svg_open(width, height, "line", chart.title);
  out += svg_text(layout.plot_left, 16, chart.title, {13.0, Anchor::start, true});
  // Grid and y ticks.
  for (double v : layout.y_ticks.values) {
    double y = layout.y(v);
    out += svg_line(layout.plot_left, y, layout.plot_right, y, "#E3E3E3");
    out += svg_text(layout.plot_left - 6, y + 4, format_tick(v, layout.y_ticks.step),
                    {kFontPx, Anchor::end});
  }
  for (double v : layout.x_ticks.values) {
    double x = layout.x(v);
    if (x < layout.plot_left - 0.5 || x > layout.plot_right + 0.5) continue;
    out += svg_line(x, layout.plot_bottom, x, layout.plot_bottom + 5, "#555555");
    out += svg_text(x, layout.plot_bottom + 18, x_tick_text(chart, v, layout.x_ticks.step),
                    {kFontPx, Anchor::middle});
  }
  out += svg_line(layout.plot_left, layout.plot_bottom, layout.plot_right, layout.plot_bottom,
                  "#555555");
  out +=
      svg_line(layout.plot_left, layout.plot_top, layout.plot_left, layout.plot_bottom, "#555555");
  out += svg_text((layout.plot_left + layout.plot_right) / 2.0, layout.plot_bottom + 36,
                  axis_title(chart.x_label, chart.x_unit), {kFontPx, Anchor::middle, true});
  out += svg_text(16, (layout.plot_top + layout.plot_bottom) / 2.0,
                  axis_title(chart.y_label, chart.y_unit),
                  {kFontPx, Anchor::middle, true, "#222222", -90.0});

  for (std::size_t s = 0; s < chart.series.size(); ++s) {
    std::string colour(line_series_colour(chart, s));
    const std::vector<Point>& line = layout.lines[s];
    if (chart.stacked && !line.empty()) {
      std::string d;
      for (const Point& p : line)
        d += (d.empty() ? "M" : "L") + svg_number(p.x) + " " + svg_number(p.y);
      const std::vector<Point>& bottom = layout.band_bottoms[s];
      for (auto it = bottom.rbegin(); it != bottom.rend(); ++it) {
        d += "L" + svg_number(it->x) + " " + svg_number(it->y);
      }
      out += "<path d=\"" + d + "Z\" fill=\"" + colour + "\" fill-opacity=\"0.55\"/>\n";
    }
    const LineSeries& series = chart.series[s];
    std::size_t band_n =
        std::min({series.x.size(), series.band_low.size(), series.band_high.size()});
    if (!chart.stacked && band_n > 0) {
      // The band: along its top edge, back along its bottom edge.
      std::string band;
      for (std::size_t i = 0; i < band_n; ++i) {
        band += (band.empty() ? "M" : "L") + svg_number(layout.x(series.x[i])) + " " +
                svg_number(layout.y(series.band_high[i]));
      }
      for (std::size_t i = band_n; i-- > 0;) {
        band += "L" + svg_number(layout.x(series.x[i])) + " " +
                svg_number(layout.y(series.band_low[i]));
      }
      out += "<path d=\"" + band + "Z\" fill=\"" + colour + "\" fill-opacity=\"0.16\"/>\n";
    }
    std::string d;
    bool pen_down = false;
    for (const Point& p : line) {
      if (!std::isfinite(p.y)) {
        pen_down = false;
        continue;
      }
      d += (pen_down ? "L" : "M") + svg_number(p.x) + " " + svg_number(p.y);
      pen_down = true;
    }
    if (d.empty()) continue;
    std::string attrs = chart.series[s].dashed ? " stroke-dasharray=\"7 4\"" : "";
    out += "<path d=\"" + d + "\" fill=\"none\" stroke=\"" + colour +
           "\" stroke-width=\"2\" stroke-linejoin=\"round\"" + attrs + "/>\n";
  }
  for (std::size_t m = 0; m < chart.markers.size(); ++m) {
    const MarkerLine& marker = chart.markers[m];
    double x = layout.x(marker.x);
    out += svg_line(x, layout.plot_top, x, layout.plot_bottom, "#000000", 1.2,
                    "stroke-dasharray=\"3 3\"");
    // Each label on its own line, so markers close together stay readable.
    out += svg_text(x + 4, layout.plot_top + 12 + 14.0 * static_cast<double>(m), marker.label,
                    {kFontPx, Anchor::start, false, "#000000", 0.0, true});
  }
  // Legend below the axis title, wrapping.
  double x = layout.plot_left;
  double y = layout.legend_top + 12.0;
  for (std::size_t s = 0; s < chart.series.size(); ++s) {
    double w = 30.0 + text_width_px(chart.series[s].name, kFontPx) + 16.0;
    if (x > layout.plot_left && x + w > width) {
      x = layout.plot_left;
      y += kLegendRowPx;
    }
    std::string attrs = chart.series[s].dashed ? "stroke-dasharray=\"7 4\"" : "";
    out += svg_line(x, y - 4, x + 24, y - 4, line_series_colour(chart, s),
                    chart.stacked ? 8.0 : 2.5, attrs);
    out += svg_text(x + 30, y, chart.series[s].name, {kFontPx});
    x += w;
  }
  return out + "</svg>\n";
}

}  // namespace mineflow::report
