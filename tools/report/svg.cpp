#include "tools/report/svg.h"

#include "graph/number_format.h"

namespace mineflow::report {

std::string xml_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string svg_number(double value) {
  std::string text = format_fixed(value, 2);
  if (text.find('.') != std::string::npos) {
    while (text.back() == '0') text.pop_back();
    if (text.back() == '.') text.pop_back();
  }
  return text == "-0" ? "0" : text;
}

std::string svg_text(double x, double y, std::string_view text, const TextStyle& style) {
  std::string out = "<text x=\"" + svg_number(x) + "\" y=\"" + svg_number(y) + "\" font-size=\"" +
                    svg_number(style.size_px) + "\"";
  if (style.anchor == Anchor::middle) out += " text-anchor=\"middle\"";
  if (style.anchor == Anchor::end) out += " text-anchor=\"end\"";
  if (style.bold) out += " font-weight=\"bold\"";
  if (style.halo) out += " paint-order=\"stroke\" stroke=\"#FFFFFF\" stroke-width=\"3\"";
  if (style.fill != "#222222") out += " fill=\"" + style.fill + "\"";
  if (style.rotate_deg != 0.0) {
    out += " transform=\"rotate(" + svg_number(style.rotate_deg) + " " + svg_number(x) + " " +
           svg_number(y) + ")\"";
  }
  return out + ">" + xml_escape(text) + "</text>\n";
}

std::string svg_rect(double x, double y, double width, double height, std::string_view fill,
                     std::string_view extra_attributes) {
  std::string out = "<rect x=\"" + svg_number(x) + "\" y=\"" + svg_number(y) + "\" width=\"" +
                    svg_number(width) + "\" height=\"" + svg_number(height) + "\" fill=\"" +
                    std::string(fill) + "\"";
  if (!extra_attributes.empty()) out += " " + std::string(extra_attributes);
  return out + "/>\n";
}

std::string svg_line(double x1, double y1, double x2, double y2, std::string_view stroke,
                     double stroke_width, std::string_view extra_attributes) {
  std::string out = "<line x1=\"" + svg_number(x1) + "\" y1=\"" + svg_number(y1) + "\" x2=\"" +
                    svg_number(x2) + "\" y2=\"" + svg_number(y2) + "\" stroke=\"" +
                    std::string(stroke) + "\" stroke-width=\"" + svg_number(stroke_width) + "\"";
  if (!extra_attributes.empty()) out += " " + std::string(extra_attributes);
  return out + "/>\n";
}

std::string svg_open(double width, double height, std::string_view chart_kind,
                     std::string_view title) {
  return "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" data-chart=\"" +
         xml_escape(chart_kind) + "\" width=\"" + svg_number(width) + "\" height=\"" +
         svg_number(height) + "\" viewBox=\"0 0 " + svg_number(width) + " " + svg_number(height) +
         "\" role=\"img\">\n<title>" + xml_escape(title) + "</title>\n";
}

}  // namespace mineflow::report
