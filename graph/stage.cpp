#include "graph/stage.h"

namespace mineflow {

std::string_view to_string(Stage stage) {
  switch (stage) {
    case Stage::reserve:
      return "reserve";
    case Stage::mine:
      return "mine";
    case Stage::refine:
      return "refine";
    case Stage::fabricate:
      return "fabricate";
    case Stage::demand:
      return "demand";
    case Stage::in_use:
      return "in_use";
    case Stage::end_of_life:
      return "end_of_life";
    case Stage::recycle:
      return "recycle";
    case Stage::stockpile:
      return "stockpile";
    case Stage::concentrate_market:
      return "concentrate_market";
    case Stage::refined_market:
      return "refined_market";
  }
  return "unknown";
}

std::optional<Stage> parse_stage(std::string_view text) {
  for (Stage stage : kAllStages) {
    if (to_string(stage) == text) return stage;
  }
  return std::nullopt;
}

bool is_market_hub(Stage stage) {
  return stage == Stage::concentrate_market || stage == Stage::refined_market;
}

}  // namespace mineflow
