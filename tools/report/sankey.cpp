#include "tools/report/sankey.h"

#include <algorithm>
#include <numeric>

#include "graph/number_format.h"
#include "tools/report/scale.h"
#include "tools/report/svg.h"
#include "tools/report/text_wrap.h"

namespace mineflow::report {

namespace {

constexpr double kFontPx = 11.0;
constexpr double kLanePadPx = 8.0;  // between the nodes and a backward lane, and between lanes

// Horizontal Bézier band centre line from (x0, y0) to (x1, y1).
std::string forward_path(const LinkPath& link) {
  double mid = (link.x0 + link.x1) / 2.0;
  return "M" + svg_number(link.x0) + " " + svg_number(link.y0) + "C" + svg_number(mid) + " " +
         svg_number(link.y0) + " " + svg_number(mid) + " " + svg_number(link.y1) + " " +
         svg_number(link.x1) + " " + svg_number(link.y1);
}

// Out of the source's right side, down to the link's lane under the nodes, back left, up into
// the target's left side. The bends are sized to the band (a tight U, not a wide swing).
std::string backward_path(const LinkPath& link) {
  double bend = link.width / 2.0 + 14.0;
  return "M" + svg_number(link.x0) + " " + svg_number(link.y0) + "C" + svg_number(link.x0 + bend) +
         " " + svg_number(link.y0) + " " + svg_number(link.x0 + bend) + " " +
         svg_number(link.loop_y) + " " + svg_number(link.x0) + " " + svg_number(link.loop_y) + "L" +
         svg_number(link.x1) + " " + svg_number(link.loop_y) + "C" + svg_number(link.x1 - bend) +
         " " + svg_number(link.loop_y) + " " + svg_number(link.x1 - bend) + " " +
         svg_number(link.y1) + " " + svg_number(link.x1) + " " + svg_number(link.y1);
}

std::string format_flow(double value) {
  return format_tick(value, value >= 10.0 ? 1.0 : value >= 1.0 ? 0.1 : 0.01);
}

}  // namespace

SankeyLayout layout_sankey(const SankeyChart& chart, const SankeyFrame& frame) {
  SankeyLayout layout;
  std::size_t columns = chart.column_labels.size();
  for (const SankeyNode& node : chart.nodes) columns = std::max(columns, node.column + 1);
  layout.nodes.resize(chart.nodes.size());
  for (const SankeyLink& link : chart.links) {
    layout.nodes[link.from].outflow += link.value;
    layout.nodes[link.to].inflow += link.value;
  }
  auto node_value = [&](std::size_t n) {
    return std::max(layout.nodes[n].inflow, layout.nodes[n].outflow);
  };

  // Scale: the fullest column (values plus gaps) fills the plot height.
  std::vector<double> column_total(columns, 0.0);
  std::vector<std::size_t> column_count(columns, 0);
  for (std::size_t n = 0; n < chart.nodes.size(); ++n) {
    column_total[chart.nodes[n].column] += node_value(n);
    column_count[chart.nodes[n].column] += 1;
  }
  // Backward links (to an earlier or the same column) run in lanes under the nodes, one lane
  // each, kLanePadPx apart: the plot keeps room for them at the same scale.
  auto is_backward = [&](std::size_t l) {
    return chart.nodes[chart.links[l].to].column <= chart.nodes[chart.links[l].from].column;
  };
  double backward_total = 0.0;
  double lane_padding = 0.0;
  for (std::size_t l = 0; l < chart.links.size(); ++l) {
    if (!is_backward(l)) continue;
    backward_total += chart.links[l].value;
    lane_padding += kLanePadPx;
  }
  double plot_height = frame.height - frame.top - frame.bottom;
  layout.px_per_unit = 0.0;
  for (std::size_t c = 0; c < columns; ++c) {
    if (column_count[c] == 0 || column_total[c] <= 0.0) continue;
    double room =
        plot_height - lane_padding - frame.node_gap * static_cast<double>(column_count[c] - 1);
    double scale = std::max(room, 1.0) / (column_total[c] + backward_total);
    if (layout.px_per_unit == 0.0 || scale < layout.px_per_unit) layout.px_per_unit = scale;
  }

  // Columns that hold nodes share the width evenly; empty ones take no room.
  layout.column_used.assign(columns, false);
  for (const SankeyNode& node : chart.nodes) layout.column_used[node.column] = true;
  std::size_t used = static_cast<std::size_t>(
      std::count(layout.column_used.begin(), layout.column_used.end(), true));
  double span = frame.width - frame.left - frame.right - frame.label_room - frame.node_width;
  double step = used > 1 ? span / static_cast<double>(used - 1) : 0.0;
  layout.column_x.assign(columns, frame.left);
  std::size_t rank = 0;
  for (std::size_t c = 0; c < columns; ++c) {
    layout.column_x[c] = frame.left + step * static_cast<double>(rank);
    if (layout.column_used[c]) ++rank;
  }

  // Nodes: stacked in data order, each column centred vertically above the lanes.
  double node_height = plot_height - lane_padding - backward_total * layout.px_per_unit;
  for (std::size_t c = 0; c < columns; ++c) {
    double stack = column_count[c] == 0
                       ? 0.0
                       : column_total[c] * layout.px_per_unit +
                             frame.node_gap * static_cast<double>(column_count[c] - 1);
    double y = frame.top + (node_height - stack) / 2.0;
    for (std::size_t n = 0; n < chart.nodes.size(); ++n) {
      if (chart.nodes[n].column != c) continue;
      NodeBox& box = layout.nodes[n];
      box.x = layout.column_x[c];
      box.y = y;
      box.width = frame.node_width;
      box.height = node_value(n) * layout.px_per_unit;
      y += box.height + frame.node_gap;
    }
  }

  // Links: at each node, forward links stack from the top ordered by the other end's height;
  // backward links go below them.
  layout.links.resize(chart.links.size());
  std::vector<std::size_t> order(chart.links.size());
  std::iota(order.begin(), order.end(), 0);
  std::vector<double> out_offset(chart.nodes.size(), 0.0);
  std::vector<double> in_offset(chart.nodes.size(), 0.0);
  std::vector<std::size_t> by_target = order;
  std::stable_sort(by_target.begin(), by_target.end(), [&](std::size_t a, std::size_t b) {
    if (is_backward(a) != is_backward(b)) return !is_backward(a);
    return layout.nodes[chart.links[a].to].y < layout.nodes[chart.links[b].to].y;
  });
  for (std::size_t l : by_target) {
    const SankeyLink& link = chart.links[l];
    const NodeBox& source = layout.nodes[link.from];
    LinkPath& path = layout.links[l];
    path.width = link.value * layout.px_per_unit;
    path.backward = is_backward(l);
    path.x0 = source.x + source.width;
    path.y0 = source.y + out_offset[link.from] + path.width / 2.0;
    out_offset[link.from] += path.width;
  }
  std::vector<std::size_t> by_source = order;
  std::stable_sort(by_source.begin(), by_source.end(), [&](std::size_t a, std::size_t b) {
    if (is_backward(a) != is_backward(b)) return !is_backward(a);
    return layout.nodes[chart.links[a].from].y < layout.nodes[chart.links[b].from].y;
  });
  for (std::size_t l : by_source) {
    const SankeyLink& link = chart.links[l];
    const NodeBox& target = layout.nodes[link.to];
    LinkPath& path = layout.links[l];
    path.x1 = target.x;
    path.y1 = target.y + in_offset[link.to] + path.width / 2.0;
    in_offset[link.to] += path.width;
  }
  // Lanes below the lowest node, in link order.
  double lane_top = frame.top;
  for (const NodeBox& box : layout.nodes) lane_top = std::max(lane_top, box.y + box.height);
  for (std::size_t l = 0; l < chart.links.size(); ++l) {
    if (!layout.links[l].backward) continue;
    lane_top += kLanePadPx;
    layout.links[l].loop_y = lane_top + layout.links[l].width / 2.0;
    lane_top += layout.links[l].width;
  }
  return layout;
}

std::string render_sankey(const SankeyChart& chart, const SankeyFrame& frame) {
  SankeyLayout layout = layout_sankey(chart, frame);
  std::string out = svg_open(frame.width, frame.height, "sankey", chart.title);
  out += svg_text(frame.left, 16, chart.title, {13.0, Anchor::start, true});
  // Room right of each column's nodes for their labels: up to the next used column.
  std::vector<double> label_width(layout.column_used.size(), 0.0);
  for (std::size_t c = 0; c < layout.column_used.size(); ++c) {
    if (!layout.column_used[c]) continue;
    double next = frame.width - frame.right + frame.node_width + 6.0;
    for (std::size_t d = c + 1; d < layout.column_used.size(); ++d) {
      if (layout.column_used[d]) {
        next = layout.column_x[d];
        break;
      }
    }
    label_width[c] = next - layout.column_x[c] - frame.node_width - 6.0;
  }
  for (std::size_t c = 0; c < chart.column_labels.size() && c < layout.column_used.size(); ++c) {
    if (!layout.column_used[c]) continue;
    std::vector<std::string> lines = wrap_text_balanced(
        chart.column_labels[c], (label_width[c] + frame.node_width) / (0.6 * kFontPx));
    double y = frame.top - 8.0 - static_cast<double>(lines.size() - 1) * (kFontPx + 1.0);
    for (const std::string& line : lines) {
      out += svg_text(layout.column_x[c], y, line, {kFontPx, Anchor::start, true, "#555555"});
      y += kFontPx + 1.0;
    }
  }
  for (std::size_t l = 0; l < chart.links.size(); ++l) {
    const SankeyLink& link = chart.links[l];
    const LinkPath& path = layout.links[l];
    if (path.width <= 0.0) continue;
    std::string colour = link.colour.empty() ? chart.nodes[link.from].colour : link.colour;
    std::string d = path.backward ? backward_path(path) : forward_path(path);
    out += "<path d=\"" + d + "\" fill=\"none\" stroke=\"" + colour +
           "\" stroke-opacity=\"0.45\" stroke-width=\"" + svg_number(std::max(path.width, 0.5)) +
           "\"><title>" +
           xml_escape(chart.nodes[link.from].label + " -> " + chart.nodes[link.to].label + ": " +
                      format_flow(link.value) + " " + chart.unit) +
           "</title></path>\n";
  }
  for (std::size_t n = 0; n < chart.nodes.size(); ++n) {
    const NodeBox& box = layout.nodes[n];
    out += svg_rect(box.x, box.y, box.width, std::max(box.height, 1.0), chart.nodes[n].colour);
    // Labels sit right of the node with the flow, on one line when it fits, else the name
    // wrapped to the room before the next column and the flow on its own line.
    std::string value = format_flow(std::max(box.inflow, box.outflow));
    std::string one_line = chart.nodes[n].label + " " + value;
    double room = label_width[chart.nodes[n].column];
    std::vector<std::string> lines{one_line};
    if (text_width_px(one_line, kFontPx) > room) {
      lines = wrap_text_balanced(chart.nodes[n].label, room / (0.6 * kFontPx));
      lines.push_back(value);
    }
    double line_h = kFontPx + 1.0;
    double y =
        box.y + box.height / 2.0 - static_cast<double>(lines.size()) * line_h / 2.0 + kFontPx - 1.0;
    for (const std::string& line : lines) {
      out += svg_text(box.x + box.width + 3.0, y, line,
                      {kFontPx, Anchor::start, false, "#222222", 0.0, true});
      y += line_h;
    }
  }
  if (!chart.unit.empty()) {
    out += svg_text(frame.width - frame.right, 16, chart.unit,
                    {kFontPx, Anchor::end, false, "#555555"});
  }
  return out + "</svg>\n";
}

}  // namespace mineflow::report
