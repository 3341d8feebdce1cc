#pragma once
// The background price process fitted to history's statistic (issue 24, item 5; docs/market.md
// "The background price process"): the yearly peak multiple, the highest monthly price of a year
// over the previous year's mean. The model's process is the stochastic price factor of
// docs/engine.md "Price" (an Ornstein-Uhlenbeck log factor, reversion theta a year, volatility
// sigma per sqrt(year)) on a monthly grid; its statistic is taken from long simulated paths the
// same way as from the data, and (theta, sigma) is the grid point whose median and 90th
// percentile are nearest the fit window's. Pure functions.

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "graph/price_series.h"

namespace mineflow {

// The windows of issue 24: fitted on 1995-2014 (or from the series' first whole year), checked
// on 2015-2024.
inline constexpr std::pair<int, int> kBackgroundFitYears{1995, 2014};
inline constexpr std::pair<int, int> kBackgroundCheckYears{2015, 2024};

// A year's peak multiple: max of the year's 12 months / mean of the previous year's 12.
struct YearlyPeak {
  int year = 0;
  double multiple = 0.0;
};

// Every year in [from_year, to_year] whose months and whose previous year's months the monthly
// `series` holds in full. An annual series gives none.
std::vector<YearlyPeak> yearly_peak_multiples(const PriceSeries& series, int from_year,
                                              int to_year);

// The same statistic over consecutive whole years of monthly values (months.size() / 12 years;
// the first year only serves as the second's previous year).
std::vector<double> yearly_peak_multiples(const std::vector<double>& months);

// Median and 90th percentile (linear interpolation between order statistics, as summarize).
struct PeakQuantiles {
  double median = 0.0;
  double q90 = 0.0;
  int years = 0;
};
PeakQuantiles peak_quantiles(std::vector<double> multiples);

// The model's statistic at (theta, sigma): `paths` paths of the price factor on a monthly grid
// (sim/supply_profile.h draw_price_factor, stream (seed, path)), each `burn_in_years` dropped
// (the factor starts at 1) and `years` + 1 kept: paths x years yearly multiples.
struct SimulationSize {
  int paths = 200;
  int years = 30;
  int burn_in_years = 10;
  std::uint64_t seed = 1;
};
PeakQuantiles modelled_peak_quantiles(double reversion_per_year, double volatility_per_sqrt_year,
                                      const SimulationSize& size);

// The grid searched and the score: (ln(model median / observed median))^2 + (ln(model q90 /
// observed q90))^2, least wins (ties: the first in grid order, reversion outer).
struct FitGrid {
  std::vector<double> reversion_per_year{0.0, 0.1, 0.25, 0.5, 1.0, 2.0, 4.0};
  std::vector<double> volatility_per_sqrt_year;  // empty: 0.05, 0.075, ..., 0.8
};
double fit_score(const PeakQuantiles& model, const PeakQuantiles& observed);

struct BackgroundPriceFit {
  std::string mineral;
  std::string series;
  int fit_from = 0, fit_to = 0;      // the years whose multiples were used
  int check_from = 0, check_to = 0;  // ...
  PeakQuantiles observed_fit;
  PeakQuantiles observed_check;
  double reversion_per_year = 0.0;
  double volatility_per_sqrt_year = 0.0;
  double score = 0.0;
  PeakQuantiles modelled;  // at the fitted point (the same for both windows: a stationary law)
};

// Fits (theta, sigma) on the yearly multiples of [fit_from, fit_to] and reports those of
// [check_from, check_to] beside the model's. nullopt: fewer than 5 years in the fit window.
std::optional<BackgroundPriceFit> fit_background_price(const PriceSeries& series, int fit_from,
                                                       int fit_to, int check_from, int check_to,
                                                       const FitGrid& grid,
                                                       const SimulationSize& size);

}  // namespace mineflow
