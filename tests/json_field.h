#pragma once
// The number that follows `key` in a CLI's JSON output, for tests that read one figure without
// parsing the document; -1 when the key is absent.

#include <string>

namespace mineflow::testing {

inline double json_number_after(const std::string& json, const std::string& key) {
  const std::size_t at = json.find(key);
  if (at == std::string::npos) return -1.0;
  return std::stod(json.substr(at + key.size()));
}

}  // namespace mineflow::testing
