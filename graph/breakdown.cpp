#include "graph/breakdown.h"

namespace mineflow {

std::string Breakdown::describe() const {
  std::string text =
      id + " " + (year > 0 ? std::to_string(year) : std::string("(year not stated)"));
  if (reading) text += " (reading of a scrambled slide)";
  return text;
}

}  // namespace mineflow
