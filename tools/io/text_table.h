#pragma once
// Plain-text tables for people: columns padded to their widest cell (UTF-8 aware), first column
// left-aligned, the others right-aligned. Terminal output keeps to kTerminalColumns: a table wider
// than that is split into blocks of whole columns, each repeating the first column, and prose
// lines are word-wrapped with a hanging indent.

#include <string>
#include <vector>

namespace mineflow::io {

inline constexpr std::size_t kTerminalColumns = 100;

// Every line of `text` longer than `width` display columns, broken at spaces; continuation lines
// get the line's own indent plus two spaces. Lines without a space to break at stay whole.
std::string wrap_long_lines(const std::string& text, std::size_t width = kTerminalColumns);

class TextTable {
 public:
  explicit TextTable(std::vector<std::string> header) : header_(std::move(header)) {}
  void add_row(std::vector<std::string> row) { rows_.push_back(std::move(row)); }
  // Blocks of whole columns of at most `max_width` display columns (a single column wider than
  // that stays whole), separated by a blank line.
  std::string render(std::size_t max_width = 100) const;

 private:
  std::vector<std::string> header_;
  std::vector<std::vector<std::string>> rows_;
};

}  // namespace mineflow::io
