#include "tools/cli/output.h"

#include <unistd.h>

#include <filesystem>
#include <ostream>

#include "graph/source_ref.h"
#include "tools/cli/option_values.h"
#include "tools/io/atomic_file.h"

namespace mineflow::cli {

std::string extension(Format format) {
  return format == Format::csv ? ".csv" : format == Format::json ? ".json" : ".txt";
}

Format parse_format(const std::string& text) {
  if (text == "table") return Format::table;
  if (text == "csv") return Format::csv;
  if (text == "json") return Format::json;
  throw InputError(SourceRef{}, "--format", text, one_of("--format"));
}

std::string make_out_folder(const std::string& folder, const std::string& option) {
  namespace fs = std::filesystem;
  std::error_code error;
  fs::create_directories(folder, error);
  if (!fs::is_directory(folder)) {
    throw InputError(SourceRef{}, option, folder,
                     "a folder that exists or can be created" +
                         (error ? " (" + error.message() + ")" : std::string()));
  }
  if (::access(folder.c_str(), W_OK | X_OK) != 0) {
    throw InputError(SourceRef{}, option, folder, "a folder this user can write to");
  }
  return folder;
}

std::string out_file_path(const std::string& path, const std::string& default_name,
                          const std::string& option) {
  namespace fs = std::filesystem;
  if (path.empty()) throw InputError(SourceRef{}, option, "", "a file or folder name");
  if (path.back() == '/' || fs::is_directory(path)) {
    return (fs::path(make_out_folder(path, option)) / default_name).string();
  }
  fs::path parent = fs::path(path).parent_path();
  if (!parent.empty()) make_out_folder(parent.string(), option);
  return path;
}

void emit(const std::string& content, const std::string& out_path, std::ostream& out) {
  if (out_path.empty()) {
    out << content;
    return;
  }
  io::write_file_atomically(out_file_path(out_path, "output.txt"), content);
}

}  // namespace mineflow::cli
