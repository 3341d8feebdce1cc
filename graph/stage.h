#pragma once
// Supply-chain stages of docs/domain.md, upstream to downstream, plus the two world-market hubs.

#include <optional>
#include <string_view>

namespace mineflow {

enum class Stage {
  reserve,             // a stock in the ground, no flow
  mine,                // ore / concentrate production
  refine,              // refined product
  fabricate,           // parts and materials
  demand,              // the focal economy's consumption
  in_use,              // products in use
  end_of_life,         // products retired
  recycle,             // secondary material returning to refine or demand
  stockpile,           // the focal economy's national stockpile
  concentrate_market,  // hub pooling concentrate supply
  refined_market,      // hub pooling refined supply
};

inline constexpr Stage kAllStages[] = {Stage::reserve,       Stage::mine,
                                       Stage::refine,        Stage::fabricate,
                                       Stage::demand,        Stage::in_use,
                                       Stage::end_of_life,   Stage::recycle,
                                       Stage::stockpile,     Stage::concentrate_market,
                                       Stage::refined_market};

std::string_view to_string(Stage stage);
std::optional<Stage> parse_stage(std::string_view text);
bool is_market_hub(Stage stage);  // unused for now: kept for the market issue

}  // namespace mineflow
