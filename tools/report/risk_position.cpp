#include "tools/report/risk_position.h"

#include <algorithm>

namespace mineflow::report {

namespace {

// Linear map of v from [a, b] onto [p, q]; a == b maps to p.
double map(double v, double a, double b, double p, double q) {
  return a == b ? p : p + (v - a) / (b - a) * (q - p);
}

}  // namespace

std::optional<double> risk_position(const RatingBand& band, std::optional<double> value) {
  if (!value) return std::nullopt;
  double v = *value;
  double low = band.low_limit;
  double high = band.high_limit;
  double position = 0.0;
  if (band.risk_rises_with_value) {
    if (v <= low) {
      position = map(v, 0.0, low, 0.0, 1.0 / 3.0);
    } else if (v <= high) {
      position = map(v, low, high, 1.0 / 3.0, 2.0 / 3.0);
    } else {
      position = map(v, high, 2.0 * high, 2.0 / 3.0, 1.0);
    }
  } else {
    if (v >= low) {
      position = map(v, 2.0 * low, low, 0.0, 1.0 / 3.0);
    } else if (v >= high) {
      position = map(v, low, high, 1.0 / 3.0, 2.0 / 3.0);
    } else {
      position = map(v, high, 0.0, 2.0 / 3.0, 1.0);
    }
  }
  return std::clamp(position, 0.0, 1.0);
}

const RatingBand& rating_band(IndicatorId id, const RatingThresholds& thresholds) {
  switch (id) {
    case IndicatorId::reserve_concentration:
    case IndicatorId::production_concentration:
      return thresholds.concentration_hhi;
    case IndicatorId::concentrate_import_stability:
    case IndicatorId::refined_import_stability:
      return thresholds.import_stability;
    case IndicatorId::price_volatility:
      return thresholds.price_volatility;
    case IndicatorId::scrap_recycling:
      return thresholds.scrap_recycling;
  }
  return thresholds.concentration_hhi;
}

}  // namespace mineflow::report
