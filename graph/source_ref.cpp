#include "graph/source_ref.h"

#include <utility>

namespace mineflow {
namespace {

std::string format_message(const SourceRef& where, const std::string& field,
                           const std::string& value, const std::string& expected) {
  std::string message = to_string(where);
  if (!message.empty()) message += ": ";
  message += field;
  message += ": found '" + value + "', expected " + expected;
  return message;
}

}  // namespace

std::string to_string(const SourceRef& where) {
  std::string text = where.file;
  if (where.line > 0) {
    text += ":" + std::to_string(where.line);
    if (where.column > 0) text += ":" + std::to_string(where.column);
  }
  return text;
}

InputError::InputError(SourceRef where, std::string field, std::string value, std::string expected)
    : std::runtime_error(format_message(where, field, value, expected)),
      where_(std::move(where)),
      field_(std::move(field)),
      value_(std::move(value)),
      expected_(std::move(expected)) {}

}  // namespace mineflow
