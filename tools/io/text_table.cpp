#include "tools/io/text_table.h"

#include <algorithm>

namespace mineflow::io {
namespace {

// Display width: count UTF-8 code points (continuation bytes do not start a character).
std::size_t display_width(const std::string& text) {
  return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

}  // namespace

std::string TextTable::render(std::size_t max_width) const {
  std::vector<std::size_t> widths(header_.size(), 0);
  auto widen = [&](const std::vector<std::string>& row) {
    for (std::size_t i = 0; i < row.size() && i < widths.size(); ++i) {
      widths[i] = std::max(widths[i], display_width(row[i]));
    }
  };
  widen(header_);
  for (const auto& row : rows_) widen(row);
  auto line = [&](const std::vector<std::string>& row, const std::vector<std::size_t>& columns) {
    std::string out;
    for (std::size_t i : columns) {
      std::string cell = i < row.size() ? row[i] : "";
      std::string pad(widths[i] - display_width(cell), ' ');
      if (i != columns.front()) out += "  ";
      out += i == 0 ? cell + pad : pad + cell;
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out + "\n";
  };
  auto block = [&](const std::vector<std::size_t>& columns) {
    std::string out = line(header_, columns);
    std::size_t total = 0;
    for (std::size_t i : columns) total += widths[i];
    out += std::string(total + 2 * (columns.size() - 1), '-') + "\n";
    for (const auto& row : rows_) out += line(row, columns);
    return out;
  };
  if (widths.empty()) return "\n-\n";
  // Greedy blocks: the first column, then as many further columns as fit.
  std::string out;
  std::vector<std::size_t> columns{0};
  std::size_t used = widths[0];
  for (std::size_t i = 1; i < widths.size(); ++i) {
    if (columns.size() > 1 && used + 2 + widths[i] > max_width) {
      out += block(columns) + "\n";
      columns = {0};
      used = widths[0];
    }
    columns.push_back(i);
    used += 2 + widths[i];
  }
  return out + block(columns);
}

std::string wrap_long_lines(const std::string& text, std::size_t width) {
  std::string out;
  std::size_t from = 0;
  while (from < text.size()) {
    std::size_t end = text.find('\n', from);
    std::string line = text.substr(from, end == std::string::npos ? std::string::npos : end - from);
    from = end == std::string::npos ? text.size() : end + 1;
    std::string indent = line.substr(0, line.find_first_not_of(' '));
    std::string hanging = indent + "  ";
    // Byte positions are close enough here: breaks fall at ASCII spaces, and the width check
    // uses display width.
    while (display_width(line) > width) {
      std::size_t cut = std::string::npos;
      // `shown`: display columns before byte i; a space there ends a line of `shown` columns.
      for (std::size_t i = 0, shown = 0; i < line.size() && shown <= width; ++i) {
        if (line[i] == ' ' && i > indent.size()) cut = i;
        if ((static_cast<unsigned char>(line[i]) & 0xC0) != 0x80) ++shown;
      }
      if (cut == std::string::npos || cut <= hanging.size()) break;
      std::size_t rest = line.find_first_not_of(' ', cut);
      if (rest == std::string::npos) break;  // only trailing spaces after the break
      out += line.substr(0, cut) + "\n";
      line = hanging + line.substr(rest);
    }
    out += line + (end == std::string::npos && text.back() != '\n' ? "" : "\n");
  }
  return out;
}

}  // namespace mineflow::io
