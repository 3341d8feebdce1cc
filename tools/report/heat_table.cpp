#include "tools/report/heat_table.h"

#include <algorithm>

#include "tools/report/svg.h"
#include "tools/report/text_wrap.h"

namespace mineflow::report {

namespace {

constexpr double kFontPx = 12.0;
constexpr double kLineHeightPx = 15.0;
constexpr double kTitlePx = 15.0;
constexpr double kMaxRowLabelUnits = 30.0;

std::size_t max_header_lines(const HeatTable& table, double cell_width) {
  std::size_t lines = 1;
  double max_units = cell_width / (0.6 * kFontPx) - 1.0;
  for (const std::string& label : table.column_labels) {
    lines = std::max(lines, wrap_text_balanced(label, max_units).size());
  }
  return lines;
}

}  // namespace

HeatTableLayout layout_heat_table(const HeatTable& table, double width) {
  HeatTableLayout layout;
  layout.width = width;
  layout.title_height = table.title.empty() ? 0.0 : 26.0;
  double label_units = 0.0;
  for (const std::string& label : table.row_labels) {
    for (const std::string& line : wrap_text_balanced(label, kMaxRowLabelUnits)) {
      label_units = std::max(label_units, text_units(line));
    }
  }
  layout.row_label_width = std::min(width * 0.4, label_units * 0.6 * kFontPx + 16.0);
  std::size_t columns = std::max<std::size_t>(1, table.column_labels.size());
  layout.cell_width = (width - layout.row_label_width) / static_cast<double>(columns);
  layout.header_height =
      static_cast<double>(max_header_lines(table, layout.cell_width)) * kLineHeightPx + 10.0;
  layout.cell_height = 2.0 * kLineHeightPx + 12.0;
  layout.legend_y = layout.cell_y(table.row_labels.size()) + 12.0;
  layout.height = layout.legend_y + (table.legend.empty() ? 0.0 : 24.0);
  return layout;
}

std::string render_heat_table(const HeatTable& table, double width) {
  HeatTableLayout layout = layout_heat_table(table, width);
  std::string out = svg_open(layout.width, layout.height, "heat-table", table.title);
  if (!table.title.empty()) out += svg_text(0, 18, table.title, {kTitlePx, Anchor::start, true});
  double header_top = layout.title_height;
  TextStyle header{kFontPx, Anchor::middle, true};
  double max_units = layout.cell_width / (0.6 * kFontPx) - 1.0;
  for (std::size_t c = 0; c < table.column_labels.size(); ++c) {
    std::vector<std::string> lines = wrap_text_balanced(table.column_labels[c], max_units);
    double bottom = header_top + layout.header_height - 6.0;
    double x = layout.cell_x(c) + layout.cell_width / 2.0;
    // A word wider than its column (ten minerals: "Germanium", "Antimony") is set smaller
    // rather than spill into the next column or past the chart's edge.
    TextStyle style = header;
    for (const std::string& line : lines) {
      double px = text_width_px(line, kFontPx);
      if (px > layout.cell_width - 4.0) {
        style.size_px = std::min(style.size_px, kFontPx * (layout.cell_width - 4.0) / px);
      }
    }
    for (std::size_t i = 0; i < lines.size(); ++i) {
      double y = bottom - static_cast<double>(lines.size() - 1 - i) * kLineHeightPx;
      out += svg_text(x, y, lines[i], style);
    }
  }
  if (!table.corner_label.empty()) {
    out += svg_text(4, header_top + layout.header_height - 6.0, table.corner_label,
                    {kFontPx, Anchor::start, true});
  }
  for (std::size_t r = 0; r < table.row_labels.size(); ++r) {
    double y = layout.cell_y(r);
    std::vector<std::string> lines = wrap_text_balanced(table.row_labels[r], kMaxRowLabelUnits);
    double first = y + layout.cell_height / 2.0 -
                   static_cast<double>(lines.size() - 1) * kLineHeightPx / 2.0 + 4.0;
    for (std::size_t i = 0; i < lines.size(); ++i) {
      out += svg_text(4, first + static_cast<double>(i) * kLineHeightPx, lines[i], {kFontPx});
    }
    for (std::size_t c = 0; c < table.column_labels.size(); ++c) {
      const HeatCell cell = r < table.cells.size() && c < table.cells[r].size()
                                ? table.cells[r][c]
                                : HeatCell{"", "", "#FFFFFF"};
      double x = layout.cell_x(c);
      out += svg_rect(x + 1, y + 1, layout.cell_width - 2, layout.cell_height - 2, cell.fill,
                      "stroke=\"#FFFFFF\"");
      double cx = x + layout.cell_width / 2.0;
      if (cell.value_text.empty()) {
        out += svg_text(cx, y + layout.cell_height / 2.0 + 4.0, cell.category_text,
                        {kFontPx, Anchor::middle, true});
      } else {
        out += svg_text(cx, y + layout.cell_height / 2.0 - 2.0, cell.value_text,
                        {kFontPx, Anchor::middle});
        out += svg_text(cx, y + layout.cell_height / 2.0 + 13.0, cell.category_text,
                        {kFontPx, Anchor::middle, true});
      }
    }
  }
  double x = layout.row_label_width;
  for (const auto& [category, fill] : table.legend) {
    out += svg_rect(x, layout.legend_y, 14, 14, fill, "stroke=\"#888888\"");
    out += svg_text(x + 19, layout.legend_y + 11.5, category, {kFontPx});
    x += 19.0 + text_width_px(category, kFontPx) + 18.0;
  }
  return out + "</svg>\n";
}

}  // namespace mineflow::report
