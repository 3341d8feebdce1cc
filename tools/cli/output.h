#pragma once
// Where a command's report goes: stdout, or a file written whole (--out).

#include <iosfwd>
#include <string>

namespace mineflow::cli {

enum class Format { table, csv, json };

// Parses --format; throws InputError naming the option for anything else.
Format parse_format(const std::string& text);

// Writes `content` to `out_path` atomically, or to `out` when the path is empty.
void emit(const std::string& content, const std::string& out_path, std::ostream& out);

}  // namespace mineflow::cli
