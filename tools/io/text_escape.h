#pragma once
// Escaping for the machine-readable formats the tools write.

#include <string>
#include <string_view>

namespace mineflow::io {

std::string json_string(std::string_view text);  // quoted, escaped JSON string
std::string csv_field(std::string_view text);    // RFC 4180: quoted when it holds , " or newline

}  // namespace mineflow::io
