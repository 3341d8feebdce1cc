#include "tools/report/text_wrap.h"

namespace mineflow::report {

namespace {

constexpr double kWideUnits = 1.0 / 0.6;
constexpr std::string_view kOpenParen = "（";
constexpr std::string_view kCloseParen = "）";

// Byte length of the UTF-8 sequence starting with `lead`.
std::size_t sequence_length(unsigned char lead) {
  if (lead < 0x80) return 1;
  if ((lead >> 5) == 0x6) return 2;
  if ((lead >> 4) == 0xE) return 3;
  if ((lead >> 3) == 0x1E) return 4;
  return 1;
}

struct Glyph {
  std::string_view bytes;
  bool wide = false;
};

std::vector<Glyph> glyphs(std::string_view text) {
  std::vector<Glyph> out;
  for (std::size_t i = 0; i < text.size();) {
    std::size_t length = sequence_length(static_cast<unsigned char>(text[i]));
    if (i + length > text.size()) length = text.size() - i;
    // Three- and four-byte sequences start at U+0800; everything CJK is among them.
    out.push_back({text.substr(i, length), length >= 3});
    i += length;
  }
  return out;
}

}  // namespace

double text_units(std::string_view text) {
  double units = 0.0;
  for (const Glyph& glyph : glyphs(text)) units += glyph.wide ? kWideUnits : 1.0;
  return units;
}

double text_width_px(std::string_view text, double font_size_px) {
  return text_units(text) * 0.6 * font_size_px;
}

std::vector<std::string> wrap_text(std::string_view text, double max_units) {
  // Break candidates: after a space, or before/after a wide glyph.
  std::vector<std::string> lines;
  std::string line;
  std::string word;
  double line_units = 0.0;
  double word_units = 0.0;
  auto flush_word = [&] {
    if (word.empty()) return;
    if (!line.empty() && line_units + word_units > max_units) {
      while (!line.empty() && line.back() == ' ') line.pop_back();
      lines.push_back(line);
      line.clear();
      line_units = 0.0;
      while (!word.empty() && word.front() == ' ') {
        word.erase(0, 1);
        word_units -= 1.0;
      }
    }
    line += word;
    line_units += word_units;
    word.clear();
    word_units = 0.0;
  };
  bool in_group = false;  // inside a full-width parenthesis group: no break
  for (const Glyph& glyph : glyphs(text)) {
    if (in_group) {
      word += glyph.bytes;
      word_units += glyph.wide ? kWideUnits : 1.0;
      if (glyph.bytes == kCloseParen) {
        in_group = false;
        flush_word();
      }
    } else if (glyph.wide) {
      flush_word();
      word = std::string(glyph.bytes);
      word_units = kWideUnits;
      if (glyph.bytes == kOpenParen) {
        in_group = true;
      } else {
        flush_word();
      }
    } else if (glyph.bytes == " ") {
      flush_word();
      word = " ";
      word_units = 1.0;
    } else {
      word += glyph.bytes;
      word_units += 1.0;
    }
  }
  flush_word();
  while (!line.empty() && line.back() == ' ') line.pop_back();
  if (!line.empty() || lines.empty()) lines.push_back(line);
  return lines;
}

std::vector<std::string> wrap_text_balanced(std::string_view text, double max_units) {
  std::vector<std::string> lines = wrap_text(text, max_units);
  if (lines.size() < 2) return lines;
  // The narrowest width that still needs no more lines, searched upwards in half units.
  for (double width = text_units(text) / static_cast<double>(lines.size()); width < max_units;
       width += 0.5) {
    std::vector<std::string> even = wrap_text(text, width);
    if (even.size() <= lines.size()) return even;
  }
  return lines;
}

}  // namespace mineflow::report
