#pragma once
// Approximate text width and line wrapping for SVG labels (SVG has no text flow). Widths are
// estimated, not measured: a Latin character counts one unit (0.6 em, wide for proportional
// fonts), a CJK character 5/3 units (one em: CJK glyphs are square).

#include <string>
#include <string_view>
#include <vector>

namespace mineflow::report {

// Width in units of 0.6 em; UTF-8 aware (code points from U+0800 up count 5/3).
double text_units(std::string_view text);
double text_width_px(std::string_view text, double font_size_px);
// Splits at spaces (Latin) or between any two wide characters (CJK), never inside a full-width
// parenthesis group ("（精鉱）"), so each line is at most `max_units` wide where possible; a
// single long word stays on one line.
std::vector<std::string> wrap_text(std::string_view text, double max_units);
// As wrap_text, with no more lines, but the lines as even as possible (no one-character orphan).
std::vector<std::string> wrap_text_balanced(std::string_view text, double max_units);

}  // namespace mineflow::report
