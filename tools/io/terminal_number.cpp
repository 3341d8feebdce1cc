#include "tools/io/terminal_number.h"

#include <cctype>

#include "graph/number_format.h"

namespace mineflow::io {

std::string group_thousands(const std::string& number) {
  std::size_t start = !number.empty() && number[0] == '-' ? 1 : 0;
  std::size_t end = start;
  while (end < number.size() && std::isdigit(static_cast<unsigned char>(number[end]))) ++end;
  if (end == start) return number;
  std::string grouped = number.substr(0, start);
  for (std::size_t i = start; i < end; ++i) {
    if (i > start && (end - i) % 3 == 0) grouped += ',';
    grouped += number[i];
  }
  return grouped + number.substr(end);
}

std::string format_grouped(double value, int decimals) {
  return group_thousands(format_fixed(value, decimals));
}

}  // namespace mineflow::io
