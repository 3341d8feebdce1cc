#pragma once
// Approximate text width and line wrapping for SVG labels (SVG has no text flow). Widths are
// estimated, not measured: a Latin character counts one unit (about 0.6 em), a CJK character
// two, which errs on the wide side for proportional fonts.

#include <string>
#include <string_view>
#include <vector>

namespace mineflow::report {

// Width in units of about 0.6 em; UTF-8 aware (code points from U+1100 up count two).
double text_units(std::string_view text);
double text_width_px(std::string_view text, double font_size_px);
// Splits at spaces (Latin) or between any two wide characters (CJK) so each line is at most
// `max_units` wide where possible; a single long word stays on one line.
std::vector<std::string> wrap_text(std::string_view text, double max_units);

}  // namespace mineflow::report
