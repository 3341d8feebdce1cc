#pragma once
// The six supply-risk indicators (docs/domain.md), computed from a mineral's graph.

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "graph/build_graph.h"
#include "graph/concentration.h"
#include "graph/country_table.h"
#include "graph/price_volatility.h"
#include "graph/rating.h"

namespace mineflow {

enum class IndicatorId {
  reserve_concentration,
  production_concentration,
  concentrate_import_stability,
  refined_import_stability,
  price_volatility,
  scrap_recycling,
};

inline constexpr std::array<IndicatorId, 6> kAllIndicators = {
    IndicatorId::reserve_concentration,
    IndicatorId::production_concentration,
    IndicatorId::concentrate_import_stability,
    IndicatorId::refined_import_stability,
    IndicatorId::price_volatility,
    IndicatorId::scrap_recycling};

std::string_view to_string(IndicatorId id);  // the CSV id, e.g. "reserve_concentration"
std::optional<IndicatorId> parse_indicator(std::string_view text);
std::string_view display_name(IndicatorId id);  // "Reserve concentration"

// Choices behind the figures; defaults live in scenarios/settings.yaml and are documented there.
struct IndicatorSettings {
  StabilityMeasure stability_measure = StabilityMeasure::wgi_mean6;
  int stability_year = 2022;
  OtherConvention other_convention = OtherConvention::split_equal;
  double other_stability_0to10 = 5.0;  // w for OTH pieces, which are no single country
  VolatilityMeasure volatility_measure = VolatilityMeasure::cv_annual;
  int volatility_window_years = 10;
  int volatility_min_years = 5;
};

struct IndicatorValue {
  IndicatorId id = IndicatorId::reserve_concentration;
  std::optional<double> value;  // nullopt: N/A
  Rating rating = Rating::not_applicable;
  std::string unit;
  std::string basis;  // series, year and conventions the value rests on
  bool lower_bound = false;
  std::string quality;  // indicator 6: the figure's flag (japan, japan_derived, world_proxy)
};

// `prices` may be empty (indicator 5 is then N/A); the primary series is used.
std::vector<IndicatorValue> compute_indicators(const MineralGraph& mineral,
                                               const std::vector<PriceSeries>& prices,
                                               const CountryTable& countries,
                                               const RatingThresholds& thresholds,
                                               const IndicatorSettings& settings);

}  // namespace mineflow
