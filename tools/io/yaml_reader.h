#pragma once
// The one place that sees yaml-cpp: typed, checked access to a YAML document where every
// failure becomes an InputError naming file:line:column, the field path, the value and the rule.

#include <functional>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "graph/source_ref.h"

namespace mineflow::io {

// Limits that keep a hostile or mistaken file from exhausting memory (see docs/limits.md).
inline constexpr std::uintmax_t kMaxYamlFileBytes = 64ull * 1024 * 1024;
// yaml-cpp parses recursively; deeper nesting than this is refused before parsing so a hostile
// file cannot overflow the stack. Real data files nest fewer than 10 levels.
inline constexpr int kMaxYamlNestingDepth = 64;
// Anchors and aliases can make a small file stand for an exponentially large document; data files
// have no need of more than a few.
inline constexpr int kMaxYamlAliases = 1000;

class YamlValue {
 public:
  YamlValue(YAML::Node node, std::string file, std::string path);

  SourceRef where() const;
  const std::string& path() const { return path_; }
  const std::string& file() const { return file_; }
  bool is_map() const { return node_.IsMap(); }
  bool is_scalar() const { return node_.IsScalar(); }
  bool is_null() const { return node_.IsNull(); }
  std::string text() const;  // the scalar as written, or a short description of the node kind

  // Map access. `require` fails when the key is missing; `get` returns nullopt.
  YamlValue require(std::string_view key) const;
  std::optional<YamlValue> get(std::string_view key) const;
  // Fails on any key outside `allowed` and on a key written twice.
  void allow_only(std::initializer_list<std::string_view> allowed) const;
  // Sequence access.
  std::vector<YamlValue> items() const;
  // Map entries in file order (key text, value).
  std::vector<std::pair<std::string, YamlValue>> entries() const;

  std::string as_string() const;
  double as_double() const;        // finite
  double as_non_negative() const;  // finite, >= 0
  double as_positive() const;      // finite, > 0
  long long as_int() const;
  int as_int_in(int lowest, int highest) const;
  bool as_bool() const;
  // One of `choices`; the error lists them.
  std::string as_choice(std::initializer_list<std::string_view> choices) const;

  [[noreturn]] void fail(const std::string& expected) const;
  [[noreturn]] void fail(const std::string& value, const std::string& expected) const;

 private:
  void expect_scalar(const std::string& expected) const;

  YAML::Node node_;
  std::string file_;
  std::string path_;
};

// Parses a whole file; syntax errors, unreadable and oversized files become InputErrors.
YamlValue load_yaml_file(const std::string& file);
// Parses text (for tests and embedded defaults); `name` stands in for the file name.
YamlValue load_yaml_text(const std::string& text, const std::string& name);

}  // namespace mineflow::io
