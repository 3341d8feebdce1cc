#include "sim/calibrate/background_price_fit.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <span>

#include "sim/model.h"
#include "sim/summary.h"
#include "sim/supply_profile.h"
#include "sim/units.h"

namespace mineflow {
namespace {

constexpr int kMonths = 12;
constexpr int kMinFitYears = 5;

double mean_of(std::span<const double> values) {
  double sum = 0.0;
  for (double v : values) sum += v;
  return sum / static_cast<double>(values.size());
}

double peak_over_previous(std::span<const double> previous, std::span<const double> year) {
  return *std::max_element(year.begin(), year.end()) / mean_of(previous);
}

std::vector<double> multiples_of(const std::vector<YearlyPeak>& peaks) {
  std::vector<double> out;
  for (const YearlyPeak& p : peaks) out.push_back(p.multiple);
  return out;
}

}  // namespace

std::vector<YearlyPeak> yearly_peak_multiples(const PriceSeries& series, int from_year,
                                              int to_year) {
  std::vector<YearlyPeak> out;
  if (series.frequency != PriceFrequency::monthly) return out;
  std::map<int, std::vector<double>> by_year;  // only years whose months run from January
  for (std::size_t i = 0; i < series.values.size(); ++i) {
    const int months = series.start_month - 1 + static_cast<int>(i);
    by_year[series.start_year + months / kMonths].push_back(series.values[i]);
  }
  const int first_full = series.start_month == 1 ? series.start_year : series.start_year + 1;
  for (int year = std::max(from_year, first_full + 1); year <= to_year; ++year) {
    auto previous = by_year.find(year - 1);
    auto current = by_year.find(year);
    if (previous == by_year.end() || current == by_year.end()) continue;
    if (previous->second.size() != kMonths || current->second.size() != kMonths) continue;
    out.push_back({year, peak_over_previous(previous->second, current->second)});
  }
  return out;
}

std::vector<double> yearly_peak_multiples(const std::vector<double>& months) {
  std::vector<double> out;
  const std::size_t years = months.size() / kMonths;
  const std::span<const double> all(months);
  for (std::size_t y = 1; y < years; ++y) {
    out.push_back(peak_over_previous(all.subspan((y - 1) * kMonths, kMonths),
                                     all.subspan(y * kMonths, kMonths)));
  }
  return out;
}

PeakQuantiles peak_quantiles(std::vector<double> multiples) {
  PeakQuantiles out;
  out.years = static_cast<int>(multiples.size());
  if (multiples.empty()) return out;
  std::vector<double> scratch;
  out.median = quantile_of(multiples, 0.5, scratch);
  out.q90 = quantile_of(multiples, 0.9, scratch);
  return out;
}

PeakQuantiles modelled_peak_quantiles(double reversion_per_year, double volatility_per_sqrt_year,
                                      const SimulationSize& size) {
  // The model's own factor on a monthly grid: a Model carrying only the price process.
  Model model;
  const int kept_years = size.years + 1;
  const int total_years = size.burn_in_years + kept_years;
  model.price_step_days = kDaysPerYear / kMonths;
  model.horizon_days = kDaysPerYear * total_years;
  const PriceStep step =
      price_step(reversion_per_year, volatility_per_sqrt_year, model.price_step_days);
  model.price_decay = step.decay;
  model.price_noise_sd = step.noise_sd;
  std::vector<double> multiples;
  multiples.reserve(static_cast<std::size_t>(size.paths) * static_cast<std::size_t>(size.years));
  std::vector<double> factor;
  std::vector<double> months;
  const auto first = static_cast<std::size_t>(size.burn_in_years * kMonths);
  const auto count = static_cast<std::size_t>(kept_years * kMonths);
  for (int path = 0; path < size.paths; ++path) {
    draw_price_factor(model, size.seed, static_cast<std::uint64_t>(path), factor);
    months.assign(factor.begin() + static_cast<std::ptrdiff_t>(first),
                  factor.begin() + static_cast<std::ptrdiff_t>(first + count));
    const std::vector<double> path_multiples = yearly_peak_multiples(months);
    multiples.insert(multiples.end(), path_multiples.begin(), path_multiples.end());
  }
  return peak_quantiles(std::move(multiples));
}

double fit_score(const PeakQuantiles& model, const PeakQuantiles& observed) {
  const double median = std::log(model.median / observed.median);
  const double q90 = std::log(model.q90 / observed.q90);
  return median * median + q90 * q90;
}

std::optional<BackgroundPriceFit> fit_background_price(const PriceSeries& series, int fit_from,
                                                       int fit_to, int check_from, int check_to,
                                                       const FitGrid& grid,
                                                       const SimulationSize& size) {
  const std::vector<YearlyPeak> fit_years = yearly_peak_multiples(series, fit_from, fit_to);
  if (static_cast<int>(fit_years.size()) < kMinFitYears) return std::nullopt;
  const std::vector<YearlyPeak> check_years = yearly_peak_multiples(series, check_from, check_to);
  BackgroundPriceFit out;
  out.series = series.id;
  out.fit_from = fit_years.front().year;
  out.fit_to = fit_years.back().year;
  if (!check_years.empty()) {
    out.check_from = check_years.front().year;
    out.check_to = check_years.back().year;
  }
  out.observed_fit = peak_quantiles(multiples_of(fit_years));
  out.observed_check = peak_quantiles(multiples_of(check_years));
  std::vector<double> sigmas = grid.volatility_per_sqrt_year;
  if (sigmas.empty()) {
    for (int k = 2; k <= 32; ++k) sigmas.push_back(0.025 * k);
  }
  bool first = true;
  for (double theta : grid.reversion_per_year) {
    for (double sigma : sigmas) {
      const PeakQuantiles model = modelled_peak_quantiles(theta, sigma, size);
      const double score = fit_score(model, out.observed_fit);
      if (first || score < out.score) {
        first = false;
        out.score = score;
        out.reversion_per_year = theta;
        out.volatility_per_sqrt_year = sigma;
        out.modelled = model;
      }
    }
  }
  return out;
}

}  // namespace mineflow
