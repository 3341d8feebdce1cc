#pragma once
// High / Mid / Low ratings from thresholds that live in a data file (scenarios/thresholds.yaml).

#include <optional>
#include <string>

namespace mineflow {

enum class Rating { low, mid, high, not_applicable };

std::string_view to_string(Rating rating);  // "Low", "Mid", "High", "N/A"

// Two cut points. When risk rises with the value (HHI): Low below `low_below`, High above
// `high_above`. When it falls (recycling share): Low at or above `low_from`, High below
// `high_below`. Mid in between.
struct RatingBand {
  bool risk_rises_with_value = true;
  double low_limit = 0.0;   // rising: Low when value < low_limit; falling: Low when value >= it
  double high_limit = 0.0;  // rising: High when value > high_limit; falling: High when value < it
  std::string origin;       // where the cut points come from
};

Rating rate(const RatingBand& band, std::optional<double> value);

struct RatingThresholds {
  RatingBand concentration_hhi;  // indicators 1 and 2, on 0..10,000
  RatingBand import_stability;   // indicators 3 and 4, on 0..10
  RatingBand price_volatility;   // indicator 5, in the unit of the volatility measure
  RatingBand scrap_recycling;    // indicator 6, a share 0..1 (risk falls as it rises)
  std::string source;
};

}  // namespace mineflow
