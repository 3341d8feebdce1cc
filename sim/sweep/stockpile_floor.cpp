#include "sim/sweep/stockpile_floor.h"

namespace mineflow {

std::optional<StockpileFloor> stockpile_floor(const SweepResult& result,
                                              const DaysFinding& finding) {
  if (!result.target || finding.days_high) return std::nullopt;
  const SweepCell* largest = nullptr;
  for (const SweepCell& cell : result.cells) {
    if (cell.recycling_share != finding.recycling_share) continue;
    if (largest == nullptr || cell.days > largest->days) largest = &cell;
  }
  if (largest == nullptr) return std::nullopt;
  return StockpileFloor{largest->days, metric_of(*largest, result.target->metric),
                        finding.days.has_value()};
}

}  // namespace mineflow
