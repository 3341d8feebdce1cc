#pragma once
// Colours: the Okabe-Ito palette (Okabe & Ito 2008, "Color Universal Design"), distinguishable
// with the common colour-vision deficiencies. Charts never rely on colour alone: ratings are also
// written as text, series are also named in a legend and may be dashed.

#include <array>
#include <cstddef>
#include <string_view>

namespace mineflow::report {

inline constexpr std::string_view kOkabeBlack = "#000000";
inline constexpr std::string_view kOkabeOrange = "#E69F00";
inline constexpr std::string_view kOkabeSkyBlue = "#56B4E9";
inline constexpr std::string_view kOkabeGreen = "#009E73";
inline constexpr std::string_view kOkabeYellow = "#F0E442";
inline constexpr std::string_view kOkabeBlue = "#0072B2";
inline constexpr std::string_view kOkabeVermillion = "#D55E00";
inline constexpr std::string_view kOkabePurple = "#CC79A7";

// Series colours in the order they are handed out (strong colours first; yellow last because it
// is faint on white).
inline constexpr std::array<std::string_view, 8> kSeriesColours = {
    kOkabeBlue,   kOkabeOrange,  kOkabeGreen, kOkabeVermillion,
    kOkabePurple, kOkabeSkyBlue, kOkabeBlack, kOkabeYellow};

inline std::string_view series_colour(std::size_t index) {
  return kSeriesColours[index % kSeriesColours.size()];
}

// Light tints of Okabe-Ito hues for table cells that carry dark text.
inline constexpr std::string_view kTintHigh = "#F3B27F";  // vermillion tint
inline constexpr std::string_view kTintMid = "#F7EE8A";   // yellow tint
inline constexpr std::string_view kTintLow = "#A6D5F2";   // sky-blue tint
inline constexpr std::string_view kTintNone = "#E6E6E6";  // no value

}  // namespace mineflow::report
