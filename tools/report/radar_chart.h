#pragma once
// A radar (spider) chart of N axes, values already normalised to 0..1 (centre 0, rim 1): a
// "before" polygon, an optional "after" polygon and optional per-axis markers (e.g. the residual
// risk left after a policy). Axis 0 points straight up; axes run clockwise.

#include <optional>
#include <string>
#include <vector>

namespace mineflow::report {

struct Point {
  double x = 0.0;
  double y = 0.0;
};

struct RadarSeries {
  std::string name;                           // legend text, e.g. "Before policy"
  std::vector<std::optional<double>> values;  // one per axis, 0..1; nullopt = no value (N/A)
};

struct RadarChart {
  std::string title;
  std::vector<std::string> axis_labels;
  std::vector<std::string> axis_value_texts;  // optional second line under each label
  RadarSeries before;
  std::optional<RadarSeries> after;
  std::optional<RadarSeries> markers;                       // drawn as diamonds, not joined
  std::vector<double> rings = {1.0 / 3.0, 2.0 / 3.0, 1.0};  // reference circles, 0..1
  std::vector<std::string> ring_labels;                     // one per ring, may be empty
};

struct RadarGeometry {
  Point centre;
  double radius_px = 0.0;
  std::size_t axes = 0;
  // Angle of axis i in radians, SVG orientation (y down): -pi/2 + 2 pi i / axes.
  double angle(std::size_t axis) const;
  // Where value v (clamped to 0..1) on axis i lies.
  Point at(std::size_t axis, double value) const;
};

RadarGeometry radar_geometry(std::size_t axes, double width, double height);
// Polygon vertices of a series; a missing value sits at the centre (0).
std::vector<Point> radar_polygon(const RadarGeometry& geometry, const RadarSeries& series);
// Width 340 px fits two charts side by side at A4 print width.
std::string render_radar_chart(const RadarChart& chart, double width = 340.0,
                               double height = 330.0);

}  // namespace mineflow::report
