#pragma once
// A fault of the engine itself (a bound that real input cannot reach was passed): the command
// line turns it into one "internal error" line and exit code 1, never a hang or a wrong number.

#include <stdexcept>
#include <string>

namespace mineflow {

struct InternalError : std::logic_error {
  explicit InternalError(const std::string& what) : std::logic_error(what) {}
};

}  // namespace mineflow
