#pragma once
// Plain-text tables for people: columns padded to their widest cell (UTF-8 aware), first column
// left-aligned, the others right-aligned.

#include <string>
#include <vector>

namespace mineflow::io {

class TextTable {
 public:
  explicit TextTable(std::vector<std::string> header) : header_(std::move(header)) {}
  void add_row(std::vector<std::string> row) { rows_.push_back(std::move(row)); }
  std::string render() const;

 private:
  std::vector<std::string> header_;
  std::vector<std::vector<std::string>> rows_;
};

}  // namespace mineflow::io
