#pragma once
// A heat table: rows x columns of cells, each filled by a category colour and carrying its value
// and category as text (so colour is never the only cue). Plain data in, SVG text out; the
// geometry is separate so it can be tested without parsing SVG.

#include <string>
#include <vector>

namespace mineflow::report {

struct HeatCell {
  std::string value_text;     // "5,211.0" or "" for no value
  std::string category_text;  // "High", "N/A"
  std::string fill;           // cell colour, e.g. one of the palette tints
};

struct HeatTable {
  std::string title;
  std::string corner_label;  // above the row labels
  std::vector<std::string> column_labels;
  std::vector<std::string> row_labels;
  std::vector<std::vector<HeatCell>> cells;                 // [row][column]
  std::vector<std::pair<std::string, std::string>> legend;  // (category, fill)
};

struct HeatTableLayout {
  double width = 0.0;
  double height = 0.0;
  double title_height = 0.0;
  double header_height = 0.0;
  double row_label_width = 0.0;
  double cell_width = 0.0;
  double cell_height = 0.0;
  double legend_y = 0.0;
  // Top-left corner of cell (row, column).
  double cell_x(std::size_t column) const {
    return row_label_width + cell_width * static_cast<double>(column);
  }
  double cell_y(std::size_t row) const {
    return title_height + header_height + cell_height * static_cast<double>(row);
  }
};

// Lays the table out across `width` px: row labels take what their longest line needs (at most
// 40%), columns share the rest equally.
HeatTableLayout layout_heat_table(const HeatTable& table, double width);
std::string render_heat_table(const HeatTable& table, double width = 700.0);

}  // namespace mineflow::report
