#pragma once
// Indicator 5: how much a mineral's price has varied, from the series in its price file.

#include <optional>
#include <string>
#include <vector>

#include "graph/price_series.h"

namespace mineflow {

enum class VolatilityMeasure {
  cv_annual,              // population sd / mean of annual average prices (the default)
  sd_annual_log_returns,  // sample sd of ln(p_t / p_{t-1}) over annual averages
};

std::string_view to_string(VolatilityMeasure measure);
std::optional<VolatilityMeasure> parse_volatility_measure(std::string_view text);

struct AnnualPrices {
  int first_year = 0;
  std::vector<double> values;  // one mean per complete calendar year
};

// Annual averages; a monthly series contributes only its complete calendar years.
AnnualPrices annual_averages(const PriceSeries& series);

struct VolatilityResult {
  double value = 0.0;
  int first_year = 0;
  int last_year = 0;
  std::string basis;  // series, window and measure, for people
};

// Over the most recent `window_years` complete years (fewer if the series is shorter, but never
// fewer than `min_years`); nullopt when the series is too short.
std::optional<VolatilityResult> price_volatility(const PriceSeries& series,
                                                 VolatilityMeasure measure, int window_years,
                                                 int min_years);

double sample_sd(const std::vector<double>& values);      // divides by n - 1
double population_sd(const std::vector<double>& values);  // divides by n

}  // namespace mineflow
