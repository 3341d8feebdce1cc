#pragma once
// Small helpers that write SVG elements as text. Every string that came from data goes through
// xml_escape; every coordinate goes through svg_number (locale-free, fixed decimals), so the same
// chart is the same bytes on every machine.

#include <string>
#include <string_view>
#include <utility>

namespace mineflow::report {

// Escapes & < > " ' for element text and attribute values.
std::string xml_escape(std::string_view text);
// A coordinate or length with at most two decimals, trailing zeros dropped ("12.5", "3").
std::string svg_number(double value);

enum class Anchor { start, middle, end };

struct TextStyle {
  double size_px = 12.0;
  Anchor anchor = Anchor::start;
  bool bold = false;
  std::string fill = "#222222";
  double rotate_deg = 0.0;  // about the text's own anchor point
  bool halo = false;        // white outline so text stays readable over lines and bands

  TextStyle(double size = 12.0, Anchor text_anchor = Anchor::start, bool is_bold = false,
            std::string colour = "#222222", double rotate = 0.0, bool with_halo = false)
      : size_px(size),
        anchor(text_anchor),
        bold(is_bold),
        fill(std::move(colour)),
        rotate_deg(rotate),
        halo(with_halo) {}
};

std::string svg_text(double x, double y, std::string_view text, const TextStyle& style = {});
std::string svg_rect(double x, double y, double width, double height, std::string_view fill,
                     std::string_view extra_attributes = "");
std::string svg_line(double x1, double y1, double x2, double y2, std::string_view stroke,
                     double stroke_width = 1.0, std::string_view extra_attributes = "");
// Opens an <svg> of the given size with a <title> (screen readers, tooltips); close with
// "</svg>". `chart_kind` becomes data-chart, which the browser test looks for.
std::string svg_open(double width, double height, std::string_view chart_kind,
                     std::string_view title);

}  // namespace mineflow::report
