#pragma once
// One self-contained HTML page: inline CSS and inline SVG figures, no scripts, no fonts or
// images from anywhere else, so the file can be mailed, archived or opened offline. Any command
// can build an HtmlDocument from its charts and write it (see tools/cli/html_option.h).

#include <string>
#include <utility>
#include <vector>

namespace mineflow::report {

struct HtmlFigure {
  std::string svg;          // a complete <svg> element from one of the chart renderers
  std::string caption;      // plain text; escaped on output
  bool half_width = false;  // two side by side (radar charts)
};

struct HtmlSection {
  std::string id;                       // anchor; letters, digits, '-' only
  std::string heading;                  // plain text
  std::vector<std::string> paragraphs;  // plain text
  std::vector<HtmlFigure> figures;
  std::vector<std::pair<std::string, std::string>> facts;  // definition list (term, text)
  std::vector<std::vector<std::string>> table;  // plain-text cells; the first row is the header
};

struct HtmlDocument {
  std::string lang = "en";
  std::string title;
  std::vector<std::string> intro;  // plain-text paragraphs under the title
  std::vector<HtmlSection> sections;
  // A contents list linking every section's anchor, and each section folding (<details open>:
  // no script needed; printed and screenshot unfolded).
  bool contents = false;
  std::string contents_heading = "Contents";
};

std::string render_html(const HtmlDocument& document);

}  // namespace mineflow::report
