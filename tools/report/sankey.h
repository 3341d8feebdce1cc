#pragma once
// A Sankey diagram: nodes in columns (left to right), links whose width is proportional to their
// flow. A node's height is max(inflow, outflow) at the same px-per-unit scale as the links, so a
// node is exactly as tall as the larger of the flows through it. Links that run backwards (to an
// earlier column, e.g. recycling back to demand) loop under the diagram.

#include <string>
#include <vector>

namespace mineflow::report {

struct SankeyNode {
  std::string label;
  std::size_t column = 0;  // index into SankeyChart::column_labels
  std::string colour;
};

struct SankeyLink {
  std::size_t from = 0;  // node indices
  std::size_t to = 0;
  double value = 0.0;  // >= 0, in SankeyChart::unit
  std::string colour;  // empty: the source node's colour
};

struct SankeyChart {
  std::string title;
  std::string unit;  // "t/yr"
  std::vector<std::string> column_labels;
  std::vector<SankeyNode> nodes;  // within a column, drawn top to bottom in this order
  std::vector<SankeyLink> links;
};

struct SankeyFrame {
  double width = 700.0;
  double height = 420.0;
  double top = 52.0;     // room for the title and column headers (two lines)
  double bottom = 30.0;  // room for backward links
  double left = 8.0;
  double right = 8.0;
  double node_width = 12.0;
  double node_gap = 14.0;    // px between nodes of a column
  double label_room = 96.0;  // px right of the last column for its labels
};

struct NodeBox {
  double x = 0.0;
  double y = 0.0;
  double width = 0.0;
  double height = 0.0;
  double inflow = 0.0;
  double outflow = 0.0;
};

struct LinkPath {
  double x0 = 0.0, y0 = 0.0;  // centre of the band where it leaves its source
  double x1 = 0.0, y1 = 0.0;  // centre of the band where it enters its target
  double width = 0.0;         // px
  bool backward = false;
  double loop_y = 0.0;  // backward links: centre of the lane under the nodes they run along
};

struct SankeyLayout {
  double px_per_unit = 0.0;
  std::vector<double> column_x;  // left edge of each column (empty columns get no space)
  std::vector<bool> column_used;
  std::vector<NodeBox> nodes;
  std::vector<LinkPath> links;
};

// The scale is set by the fullest column: its node heights + gaps, plus the lanes of the
// backward links under the nodes, fill the plot height.
SankeyLayout layout_sankey(const SankeyChart& chart, const SankeyFrame& frame = {});
std::string render_sankey(const SankeyChart& chart, const SankeyFrame& frame = {});

}  // namespace mineflow::report
