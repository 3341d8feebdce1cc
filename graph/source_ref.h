#pragma once
// Where a value came from, and the one error type that bad input raises.
//
// The core never reads files, but it validates values that did come from files; every value that
// can be wrong carries a SourceRef so a problem found deep in validation still names file:line:col.

#include <stdexcept>
#include <string>

namespace mineflow {

struct SourceRef {
  std::string file;  // as the user named it; empty for values built in code
  int line = 0;      // 1-based; 0 when unknown
  int column = 0;    // 1-based; 0 when unknown
};

// "file:line:column" (parts that are unknown are left out).
std::string to_string(const SourceRef& where);

// Bad input: a file, a field or an option the user can fix. Tools report it on one line and exit 2.
class InputError : public std::runtime_error {
 public:
  InputError(SourceRef where, std::string field, std::string value, std::string expected);

  const SourceRef& where() const { return where_; }
  const std::string& field() const { return field_; }
  const std::string& value() const { return value_; }
  const std::string& expected() const { return expected_; }

 private:
  SourceRef where_;
  std::string field_;
  std::string value_;
  std::string expected_;
};

}  // namespace mineflow
