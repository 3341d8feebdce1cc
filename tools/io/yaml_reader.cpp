#include "tools/io/yaml_reader.h"

#include <charconv>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

namespace mineflow::io {
namespace {

std::string join_path(const std::string& parent, std::string_view key) {
  if (parent.empty()) return std::string(key);
  return parent + "." + std::string(key);
}

std::string kind_of(const YAML::Node& node) {
  if (!node.IsDefined()) return "nothing";
  if (node.IsNull()) return "null";
  if (node.IsMap()) return "a mapping";
  if (node.IsSequence()) return "a list";
  return node.Scalar();
}

// A conservative pre-scan: nesting from indentation, compact "- - x" sequences and flow
// brackets, ignoring quoted text and comments. Throws before yaml-cpp ever recurses that deep.
void check_structure(const std::string& text, const std::string& name) {
  int flow_depth = 0;
  int aliases = 0;
  int line = 1;
  std::size_t i = 0;
  auto refuse = [&](const std::string& value, const std::string& expected) {
    throw InputError(SourceRef{name, line, 0}, "(structure)", value, expected);
  };
  while (i < text.size()) {
    // Start of a line: indentation and compact sequence dashes.
    int depth = 0;
    while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) {
      ++i;
      ++depth;
    }
    while (i + 1 < text.size() && text[i] == '-' && (text[i + 1] == ' ' || text[i + 1] == '\t')) {
      i += 2;
      depth += 2;
    }
    if (depth / 2 + flow_depth > kMaxYamlNestingDepth) {
      refuse("nesting deeper than " + std::to_string(kMaxYamlNestingDepth) + " levels",
             "at most " + std::to_string(kMaxYamlNestingDepth) + " levels of nesting");
    }
    char quote = 0;
    for (; i < text.size() && text[i] != '\n'; ++i) {
      char c = text[i];
      if (quote != 0) {
        if (c == quote) quote = 0;
        continue;
      }
      if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '#' && (i == 0 || text[i - 1] == ' ')) {
        while (i < text.size() && text[i] != '\n') ++i;
        break;
      } else if (c == '[' || c == '{') {
        if (++flow_depth + depth / 2 > kMaxYamlNestingDepth) {
          refuse("nesting deeper than " + std::to_string(kMaxYamlNestingDepth) + " levels",
                 "at most " + std::to_string(kMaxYamlNestingDepth) + " levels of nesting");
        }
      } else if (c == ']' || c == '}') {
        flow_depth = flow_depth > 0 ? flow_depth - 1 : 0;
      } else if (c == '*' && (i == 0 || text[i - 1] == ' ' || text[i - 1] == '[' ||
                              text[i - 1] == ',' || text[i - 1] == '{')) {
        if (++aliases > kMaxYamlAliases) {
          refuse("more than " + std::to_string(kMaxYamlAliases) + " aliases",
                 "at most " + std::to_string(kMaxYamlAliases) + " aliases (*name)");
        }
      }
    }
    if (i < text.size()) ++i;  // the newline
    ++line;
  }
}

}  // namespace

YamlValue::YamlValue(YAML::Node node, std::string file, std::string path)
    : node_(std::move(node)), file_(std::move(file)), path_(std::move(path)) {}

SourceRef YamlValue::where() const {
  const YAML::Mark mark = node_.Mark();
  if (mark.is_null()) return SourceRef{file_, 0, 0};
  return SourceRef{file_, mark.line + 1, mark.column + 1};
}

std::string YamlValue::text() const {
  return kind_of(node_);
}

void YamlValue::fail(const std::string& expected) const {
  fail(text(), expected);
}

void YamlValue::fail(const std::string& value, const std::string& expected) const {
  throw InputError(where(), path_.empty() ? "(document)" : path_, value, expected);
}

YamlValue YamlValue::require(std::string_view key) const {
  if (!node_.IsMap()) fail("a mapping with field '" + std::string(key) + "'");
  YAML::Node child = node_[std::string(key)];
  if (!child.IsDefined()) {
    throw InputError(where(), join_path(path_, key), "nothing (field missing)",
                     "field '" + std::string(key) + "' to be present");
  }
  return YamlValue(child, file_, join_path(path_, key));
}

std::optional<YamlValue> YamlValue::get(std::string_view key) const {
  if (!node_.IsMap()) fail("a mapping");
  YAML::Node child = node_[std::string(key)];
  if (!child.IsDefined()) return std::nullopt;
  return YamlValue(child, file_, join_path(path_, key));
}

void YamlValue::allow_only(std::initializer_list<std::string_view> allowed) const {
  if (!node_.IsMap()) fail("a mapping");
  std::set<std::string> seen;
  for (const auto& entry : node_) {
    YamlValue key(entry.first, file_, path_);
    std::string name = entry.first.IsScalar() ? entry.first.Scalar() : "(non-scalar key)";
    bool known = false;
    for (std::string_view candidate : allowed) known = known || candidate == name;
    if (!known) {
      std::string list;
      for (std::string_view candidate : allowed) {
        list += (list.empty() ? "" : ", ") + std::string(candidate);
      }
      throw InputError(key.where(), join_path(path_, name), name,
                       "a known field (one of: " + list + ")");
    }
    if (!seen.insert(name).second) {
      throw InputError(key.where(), join_path(path_, name), name,
                       "each field once (duplicate key)");
    }
  }
}

std::vector<YamlValue> YamlValue::items() const {
  if (!node_.IsSequence()) fail("a list");
  std::vector<YamlValue> out;
  out.reserve(node_.size());
  for (std::size_t i = 0; i < node_.size(); ++i) {
    out.emplace_back(node_[i], file_, path_ + "[" + std::to_string(i) + "]");
  }
  return out;
}

std::vector<std::pair<std::string, YamlValue>> YamlValue::entries() const {
  if (!node_.IsMap()) fail("a mapping");
  std::vector<std::pair<std::string, YamlValue>> out;
  for (const auto& entry : node_) {
    std::string name = entry.first.IsScalar() ? entry.first.Scalar() : "";
    out.emplace_back(name, YamlValue(entry.second, file_, join_path(path_, name)));
  }
  return out;
}

void YamlValue::expect_scalar(const std::string& expected) const {
  if (!node_.IsScalar()) fail(expected);
}

std::string YamlValue::as_string() const {
  expect_scalar("a text value");
  return node_.Scalar();
}

double YamlValue::as_double() const {
  expect_scalar("a number");
  const std::string& text = node_.Scalar();
  // YAML's own spellings of infinity and not-a-number (.inf, -.Inf, .NaN, ...).
  if (text.find(".inf") != std::string::npos || text.find(".Inf") != std::string::npos ||
      text.find(".INF") != std::string::npos || text.find(".nan") != std::string::npos ||
      text.find(".NaN") != std::string::npos || text.find(".NAN") != std::string::npos) {
    fail("a finite number");
  }
  double value = 0.0;
  const char* begin = text.data();
  const char* end = text.data() + text.size();
  if (begin != end && *begin == '+') ++begin;
  auto [ptr, ec] = std::from_chars(begin, end, value);
  if (ec == std::errc::result_out_of_range) fail("a number within double range");
  if (ec != std::errc() || ptr != end || begin == end) fail("a number");
  if (!std::isfinite(value)) fail("a finite number");
  return value;
}

double YamlValue::as_non_negative() const {
  double value = as_double();
  if (value < 0.0) fail("a number >= 0");
  return value;
}

double YamlValue::as_positive() const {
  double value = as_double();
  if (value <= 0.0) fail("a number > 0");
  return value;
}

long long YamlValue::as_int() const {
  expect_scalar("an integer");
  const std::string& text = node_.Scalar();
  long long value = 0;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || ptr != text.data() + text.size() || text.empty()) fail("an integer");
  return value;
}

int YamlValue::as_int_in(int lowest, int highest) const {
  long long value = as_int();
  if (value < lowest || value > highest) {
    fail("an integer in [" + std::to_string(lowest) + ", " + std::to_string(highest) + "]");
  }
  return static_cast<int>(value);
}

bool YamlValue::as_bool() const {
  std::string text = as_string();
  if (text == "true") return true;
  if (text == "false") return false;
  fail("true or false");
}

std::string YamlValue::as_choice(std::initializer_list<std::string_view> choices) const {
  std::string text = as_string();
  std::string list;
  for (std::string_view choice : choices) {
    if (choice == text) return text;
    list += (list.empty() ? "" : ", ") + std::string(choice);
  }
  fail("one of: " + list);
}

YamlValue load_yaml_text(const std::string& text, const std::string& name) {
  if (text.size() > kMaxYamlFileBytes) {
    throw InputError(SourceRef{name, 0, 0}, "(file)", std::to_string(text.size()) + " bytes",
                     "at most " + std::to_string(kMaxYamlFileBytes) + " bytes");
  }
  check_structure(text, name);
  try {
    return YamlValue(YAML::Load(text), name, "");
  } catch (const YAML::Exception& error) {
    SourceRef where{name, error.mark.is_null() ? 0 : error.mark.line + 1,
                    error.mark.is_null() ? 0 : error.mark.column + 1};
    throw InputError(where, "(syntax)", "malformed YAML (" + error.msg + ")", "well-formed YAML");
  }
}

YamlValue load_yaml_file(const std::string& file) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(file, ec)) {
    throw InputError(SourceRef{file, 0, 0}, "(file)", file, "a readable regular file");
  }
  auto size = std::filesystem::file_size(file, ec);
  if (ec) throw InputError(SourceRef{file, 0, 0}, "(file)", file, "a readable regular file");
  if (size > kMaxYamlFileBytes) {
    throw InputError(SourceRef{file, 0, 0}, "(file)", std::to_string(size) + " bytes",
                     "at most " + std::to_string(kMaxYamlFileBytes) + " bytes");
  }
  std::ifstream in(file, std::ios::binary);
  if (!in) throw InputError(SourceRef{file, 0, 0}, "(file)", file, "a readable file");
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return load_yaml_text(buffer.str(), file);
}

}  // namespace mineflow::io
