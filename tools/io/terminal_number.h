#pragma once
// Numbers for terminal tables only: fixed decimals with thousands separators
// (1,103,398,234), which people read at a glance. CSV and JSON keep plain digits
// (graph/number_format.h), which programs parse.

#include <string>

namespace mineflow::io {

// format_fixed(value, decimals) with ',' between each group of three integer digits.
std::string format_grouped(double value, int decimals);

// Commas into the integer part of an already formatted number ("-1234.5" -> "-1,234.5");
// text that does not start with a digit or '-' and a digit comes back as it was.
std::string group_thousands(const std::string& number);

}  // namespace mineflow::io
