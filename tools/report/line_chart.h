#pragma once
// A multi-series line chart over a numeric x axis: daily supply / demand / stockpile / price
// series, exceedance curves P(X > x), stockpile-days curves, stock-flow time series. Optional
// vertical marker lines (e.g. "60-day base", "target") and stacked areas. Plain data in, SVG out.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "tools/report/radar_chart.h"
#include "tools/report/scale.h"

namespace mineflow::report {

struct LineSeries {
  std::string name;
  std::vector<double> x;
  std::vector<double> y;  // same length as x; NaN breaks the line
  bool dashed = false;
  // Optional shaded band around the line (e.g. the 5-95 % range across trials), same length as
  // x; empty: none. Not for stacked charts.
  std::vector<double> band_low{};
  std::vector<double> band_high{};
};

struct MarkerLine {
  double x = 0.0;
  std::string label;
};

struct LineChart {
  std::string title;
  std::string x_label;
  std::string x_unit;  // shown as "label (unit)"
  std::string y_label;
  std::string y_unit;
  std::vector<LineSeries> series;
  std::vector<MarkerLine> markers;
  bool stacked = false;         // series are stacked areas (all must share the same x values)
  bool y_from_zero = true;      // include 0 in the y axis
  bool x_integer = false;       // x ticks are whole numbers without separators (years, days)
  std::optional<double> y_max;  // fix the top of the y axis (e.g. 1 for a probability)
  // Palette index of each series (a base and a policy line of one mineral share a colour and
  // differ by dash); empty: series i gets colour i.
  std::vector<std::size_t> colour_of_series;
};

struct LineChartLayout {
  double width = 0.0;
  double height = 0.0;
  double plot_left = 0.0, plot_top = 0.0, plot_right = 0.0, plot_bottom = 0.0;
  Ticks x_ticks;
  Ticks y_ticks;
  LinearScale x;
  LinearScale y;
  // Per series: the drawn line (for stacked charts the top edge of its band) and, when stacked,
  // the band's lower edge in the same x order.
  std::vector<std::vector<Point>> lines;
  std::vector<std::vector<Point>> band_bottoms;
  double legend_top = 0.0;
};

std::string_view line_series_colour(const LineChart& chart, std::size_t series);

LineChartLayout layout_line_chart(const LineChart& chart, double width, double height);
std::string render_line_chart(const LineChart& chart, double width = 700.0, double height = 360.0);

}  // namespace mineflow::report
