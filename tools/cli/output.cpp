#include "tools/cli/output.h"

#include <ostream>

#include "graph/source_ref.h"
#include "tools/io/atomic_file.h"

namespace mineflow::cli {

Format parse_format(const std::string& text) {
  if (text == "table") return Format::table;
  if (text == "csv") return Format::csv;
  if (text == "json") return Format::json;
  throw InputError(SourceRef{}, "--format", text, "one of: table, csv, json");
}

void emit(const std::string& content, const std::string& out_path, std::ostream& out) {
  if (out_path.empty()) {
    out << content;
    return;
  }
  io::write_file_atomically(out_path, content);
}

}  // namespace mineflow::cli
