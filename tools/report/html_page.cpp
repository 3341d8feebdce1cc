#include "tools/report/html_page.h"

#include "tools/report/svg.h"

namespace mineflow::report {

namespace {

// Local fonts only: the CJK family comes from the system (Debian: fonts-noto-cjk).
constexpr const char* kStyle = R"(
body { font-family: "Noto Sans", "Noto Sans CJK JP", "DejaVu Sans", Arial, sans-serif;
       color: #222; margin: 16px auto; max-width: 1480px; padding: 0 16px; line-height: 1.4; }
h1 { font-size: 22px; margin: 8px 0; }
h2 { font-size: 18px; border-bottom: 1px solid #ccc; padding-bottom: 3px; margin-top: 28px; }
p { font-size: 13px; margin: 6px 0; max-width: 110ch; }
/* A wide screen holds two charts a row (four half-width ones); a narrow one stacks them. */
figure { display: inline-block; vertical-align: top; width: 720px; max-width: 100%;
         margin: 10px 16px 18px 0; break-inside: avoid; page-break-inside: avoid; }
figure.half { width: 350px; margin-right: 6px; }
/* Japanese breaks at word joins (<wbr>, spaces, punctuation), never inside a word. */
:lang(ja) p, :lang(ja) figcaption, :lang(ja) td, :lang(ja) th, :lang(ja) dd, :lang(ja) li {
  word-break: keep-all; overflow-wrap: break-word; line-break: strict; }
table.summary td:first-child { white-space: nowrap; }
figcaption { font-size: 12px; color: #444; margin-top: 2px; }
svg.chart { display: block; max-width: 100%; height: auto; }
dl { font-size: 12px; display: grid; grid-template-columns: 170px 1fr; gap: 3px 10px; }
dt { font-weight: bold; }
dd { margin: 0; word-break: break-word; }
nav ol { font-size: 13px; margin: 4px 0; padding-left: 22px; columns: 2; }
details > summary { cursor: pointer; list-style-position: outside; }
details > summary > h2 { display: inline-block; width: calc(100% - 24px); }
table.summary { border-collapse: collapse; font-size: 12px; width: 100%; }
table.summary th, table.summary td { border-bottom: 1px solid #ddd; padding: 3px 5px;
       text-align: left; vertical-align: top; }
@media print { body { max-width: none; margin: 0; } h2 { break-after: avoid; } }
)";

}  // namespace

std::string render_html(const HtmlDocument& document) {
  std::string out = "<!DOCTYPE html>\n<html lang=\"" + xml_escape(document.lang) +
                    "\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + xml_escape(document.title) +
                    "</title>\n<style>" + kStyle + "</style>\n</head>\n<body>\n<h1>" +
                    xml_escape(document.title) + "</h1>\n";
  for (const std::string& text : document.intro) out += "<p>" + xml_escape(text) + "</p>\n";
  if (document.contents) {
    out += "<nav id=\"contents\">\n<h2>" + xml_escape(document.contents_heading) + "</h2>\n<ol>\n";
    for (const HtmlSection& section : document.sections) {
      out += "<li><a href=\"#" + xml_escape(section.id) + "\">" + xml_escape(section.heading) +
             "</a></li>\n";
    }
    out += "</ol>\n</nav>\n";
  }
  for (const HtmlSection& section : document.sections) {
    out += "<section id=\"" + xml_escape(section.id) + "\">\n";
    out += document.contents
               ? "<details open>\n<summary><h2>" + xml_escape(section.heading) + "</h2></summary>\n"
               : "<h2>" + xml_escape(section.heading) + "</h2>\n";
    for (const std::string& text : section.paragraphs) {
      out += "<p>" + xml_escape(text) + "</p>\n";
    }
    for (const HtmlFigure& figure : section.figures) {
      out += figure.half_width ? "<figure class=\"half\">\n" : "<figure>\n";
      out += figure.svg;
      if (!figure.caption.empty()) {
        out += "<figcaption>" + xml_escape(figure.caption) + "</figcaption>\n";
      }
      out += "</figure>\n";
    }
    if (!section.facts.empty()) {
      out += "<dl>\n";
      for (const auto& [term, text] : section.facts) {
        out += "<dt>" + xml_escape(term) + "</dt><dd>" + xml_escape(text) + "</dd>\n";
      }
      out += "</dl>\n";
    }
    if (!section.table.empty()) {
      out += "<table class=\"summary\">\n";
      for (std::size_t r = 0; r < section.table.size(); ++r) {
        const char* cell = r == 0 ? "th" : "td";
        out += "<tr>";
        for (const std::string& text : section.table[r]) {
          out += std::string("<") + cell + ">" + xml_escape(text) + "</" + cell + ">";
        }
        out += "</tr>\n";
      }
      out += "</table>\n";
    }
    out += document.contents ? "</details>\n</section>\n" : "</section>\n";
  }
  return out + "</body>\n</html>\n";
}

}  // namespace mineflow::report
