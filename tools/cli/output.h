#pragma once
// Where a command's report goes: stdout, or a file written whole (--out).

#include <iosfwd>
#include <string>

namespace mineflow::cli {

enum class Format { table, csv, json };

// Parses --format; throws InputError naming the option for anything else.
Format parse_format(const std::string& text);

// The file extension of a format's output: ".csv", ".json", or ".txt" for the table.
std::string extension(Format format);

// The one --out rule of every command (docs/limits.md): the folder is created with any missing
// parents; a path that exists and is not a folder, or a folder that cannot be created or written,
// is refused with one line (InputError on `option`, exit 2). Returns the folder.
std::string make_out_folder(const std::string& folder, const std::string& option = "--out");

// For options that name a FILE (--html FILE, indicators --out FILE): the file's folder by the same
// rule. A path that ends in '/' or is an existing folder names a folder: the file is then
// `folder/default_name`.
std::string out_file_path(const std::string& path, const std::string& default_name,
                          const std::string& option = "--out");

// Writes `content` to `out_path` atomically (its folder made by the rule above), or to `out`
// when the path is empty.
void emit(const std::string& content, const std::string& out_path, std::ostream& out);

}  // namespace mineflow::cli
