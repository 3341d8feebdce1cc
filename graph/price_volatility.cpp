#include "graph/price_volatility.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace mineflow {

std::string_view to_string(VolatilityMeasure measure) {
  return measure == VolatilityMeasure::cv_annual ? "cv_annual" : "sd_annual_log_returns";
}

std::optional<VolatilityMeasure> parse_volatility_measure(std::string_view text) {
  if (text == "cv_annual") return VolatilityMeasure::cv_annual;
  if (text == "sd_annual_log_returns") return VolatilityMeasure::sd_annual_log_returns;
  return std::nullopt;
}

AnnualPrices annual_averages(const PriceSeries& series) {
  AnnualPrices annual;
  if (series.frequency == PriceFrequency::annual) {
    annual.first_year = series.start_year;
    annual.values = series.values;
    return annual;
  }
  // Skip to the first January, then average each complete run of twelve months.
  std::size_t skip =
      series.start_month == 1 ? 0 : static_cast<std::size_t>(13 - series.start_month);
  annual.first_year = series.start_year + (series.start_month == 1 ? 0 : 1);
  for (std::size_t i = skip; i + 12 <= series.values.size(); i += 12) {
    double sum = std::accumulate(series.values.begin() + static_cast<std::ptrdiff_t>(i),
                                 series.values.begin() + static_cast<std::ptrdiff_t>(i + 12), 0.0);
    annual.values.push_back(sum / 12.0);
  }
  return annual;
}

namespace {

double sum_of_squared_deviations(const std::vector<double>& values) {
  double mean =
      std::accumulate(values.begin(), values.end(), 0.0) / static_cast<double>(values.size());
  double squares = 0.0;
  for (double v : values) squares += (v - mean) * (v - mean);
  return squares;
}

}  // namespace

double sample_sd(const std::vector<double>& values) {
  if (values.size() < 2) return 0.0;
  return std::sqrt(sum_of_squared_deviations(values) / static_cast<double>(values.size() - 1));
}

double population_sd(const std::vector<double>& values) {
  if (values.empty()) return 0.0;
  return std::sqrt(sum_of_squared_deviations(values) / static_cast<double>(values.size()));
}

std::optional<VolatilityResult> price_volatility(const PriceSeries& series,
                                                 VolatilityMeasure measure, int window_years,
                                                 int min_years) {
  AnnualPrices annual = annual_averages(series);
  int available = static_cast<int>(annual.values.size());
  int years = std::min(window_years, available);
  if (years < min_years || years < 2) return std::nullopt;
  std::vector<double> window(annual.values.end() - years, annual.values.end());
  VolatilityResult result;
  result.last_year = annual.first_year + available - 1;
  result.first_year = result.last_year - years + 1;
  if (measure == VolatilityMeasure::cv_annual) {
    double mean = std::accumulate(window.begin(), window.end(), 0.0) / years;
    result.value = population_sd(window) / mean;
  } else {
    std::vector<double> log_returns;
    for (std::size_t i = 1; i < window.size(); ++i) {
      log_returns.push_back(std::log(window[i] / window[i - 1]));
    }
    result.value = sample_sd(log_returns);
  }
  result.basis = series.name + " (" + series.unit + "), annual means " +
                 std::to_string(result.first_year) + "-" + std::to_string(result.last_year) + ", " +
                 std::string(to_string(measure));
  return result;
}

}  // namespace mineflow
