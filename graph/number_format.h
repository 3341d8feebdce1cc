#pragma once
// Shortest round-trip text for a double, locale-independent (std::to_chars), so messages and
// outputs print the same bits on every machine.

#include <string>

namespace mineflow {

std::string format_number(double value);
// Fixed decimals, for tables and CSV columns that people read.
std::string format_fixed(double value, int decimals);

}  // namespace mineflow
