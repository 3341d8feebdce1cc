#include "graph/rating.h"

namespace mineflow {

std::string_view to_string(Rating rating) {
  switch (rating) {
    case Rating::low:
      return "Low";
    case Rating::mid:
      return "Mid";
    case Rating::high:
      return "High";
    case Rating::not_applicable:
      return "N/A";
  }
  return "N/A";
}

Rating rate(const RatingBand& band, std::optional<double> value) {
  if (!value) return Rating::not_applicable;
  if (band.risk_rises_with_value) {
    if (*value < band.low_limit) return Rating::low;
    if (*value > band.high_limit) return Rating::high;
    return Rating::mid;
  }
  if (*value >= band.low_limit) return Rating::low;
  if (*value < band.high_limit) return Rating::high;
  return Rating::mid;
}

}  // namespace mineflow
