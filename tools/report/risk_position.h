#pragma once
// Where an indicator value sits on the radar chart: 0 (centre, least risk) to 1 (rim, most risk).
//
// Normalisation (docs/report.md): piecewise linear through the rating thresholds of
// scenarios/thresholds.yaml, so the reference rings at 1/3 and 2/3 are exactly the Low|Mid and
// Mid|High cut points and a vertex outside the 2/3 ring rates High.
//   Risk rising with the value (HHI, import stability, price volatility), low limit L, high H:
//     [0, L] -> [0, 1/3],  [L, H] -> [1/3, 2/3],  [H, 2H] -> [2/3, 1],  above 2H capped at 1.
//   Risk falling with the value (scrap recycling share), Low from L, High below H (H < L):
//     [2L, L] -> [0, 1/3],  [L, H] -> [1/3, 2/3],  [H, 0] -> [2/3, 1],  above 2L capped at 0.

#include <optional>

#include "graph/indicators.h"
#include "graph/rating.h"

namespace mineflow::report {

std::optional<double> risk_position(const RatingBand& band, std::optional<double> value);
// The thresholds band that rates indicator `id`.
const RatingBand& rating_band(IndicatorId id, const RatingThresholds& thresholds);

}  // namespace mineflow::report
