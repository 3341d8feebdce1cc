#pragma once
// Output files are written whole or not at all: content goes to a temporary file in the same
// directory, is flushed, and is renamed over the target (rename is atomic on POSIX).

#include <string>

namespace mineflow::io {

// Throws InputError when the directory does not exist or cannot be written.
void write_file_atomically(const std::string& path, const std::string& content);

}  // namespace mineflow::io
