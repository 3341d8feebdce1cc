#include "sim/calibrate/price_backtest.h"

#include <algorithm>
#include <cmath>

#include "sim/occurrences.h"
#include "sim/supply_profile.h"

namespace mineflow {
namespace {

double median(std::vector<double> values) {
  if (values.empty()) return 0.0;
  std::sort(values.begin(), values.end());
  std::size_t n = values.size();
  return n % 2 == 1 ? values[n / 2] : 0.5 * (values[n / 2 - 1] + values[n / 2]);
}

}  // namespace

std::optional<ObservedPeak> observed_price_peak(const PriceSeries& series, int onset_year,
                                                int onset_month, int window_months) {
  const std::vector<double>& v = series.values;
  if (window_months < 1) return std::nullopt;
  if (series.frequency == PriceFrequency::monthly) {
    // Index of the onset month in the series.
    long onset = (onset_year - series.start_year) * 12L + (onset_month - series.start_month);
    if (onset < 12 || onset >= static_cast<long>(v.size())) return std::nullopt;
    double baseline = 0.0;
    for (long i = onset - 12; i < onset; ++i) baseline += v[static_cast<std::size_t>(i)];
    baseline /= 12.0;
    if (baseline <= 0.0) return std::nullopt;
    long last = std::min<long>(onset + window_months, static_cast<long>(v.size()));
    long peak = onset;
    for (long i = onset; i < last; ++i) {
      if (v[static_cast<std::size_t>(i)] > v[static_cast<std::size_t>(peak)]) peak = i;
    }
    long absolute = series.start_year * 12L + (series.start_month - 1) + peak;
    ObservedPeak out;
    out.multiple = v[static_cast<std::size_t>(peak)] / baseline;
    out.months_after = static_cast<int>(peak - onset);
    out.peak_year = static_cast<int>(absolute / 12);
    out.peak_month = static_cast<int>(absolute % 12) + 1;
    out.months_from = out.months_to = out.months_after;
    return out;
  }
  long before = onset_year - 1 - series.start_year;
  if (before < 0 || before >= static_cast<long>(v.size())) return std::nullopt;
  double baseline = v[static_cast<std::size_t>(before)];
  if (baseline <= 0.0) return std::nullopt;
  // The window's last month decides its last year.
  int last_year = onset_year + (onset_month - 1 + window_months - 1) / 12;
  long first = before + 1;
  long last = std::min<long>(last_year - series.start_year + 1, static_cast<long>(v.size()));
  if (first >= last) return std::nullopt;
  long peak = first;
  for (long i = first; i < last; ++i) {
    if (v[static_cast<std::size_t>(i)] > v[static_cast<std::size_t>(peak)]) peak = i;
  }
  int year = series.start_year + static_cast<int>(peak);
  ObservedPeak out;
  out.multiple = v[static_cast<std::size_t>(peak)] / baseline;
  out.months_after = 12 * (year - onset_year);
  out.peak_year = year;
  // The months of the peak's year inside the window, counted from the onset month.
  out.months_from = std::max(0, 12 * (year - onset_year) - (onset_month - 1));
  out.months_to = std::min(window_months - 1, 12 * (year - onset_year) + 12 - onset_month);
  return out;
}

const double kPeakTolerance = 1e-3;

bool inside_observed_window(const ObservedPeak& observed, double days_after) {
  const double month = 365.25 / 12.0;
  return days_after >= observed.months_from * month &&
         days_after < (observed.months_to + 1) * month;
}

bool peak_within(const PriceComparison& c) {
  if (!c.observed || !(c.observed->multiple > 0.0)) return false;
  const double ratio = c.modelled.multiple / c.observed->multiple;
  return ratio <= kPeakWithin && ratio * kPeakWithin >= 1.0;
}

bool timing_inside(const PriceComparison& c) {
  return c.observed && inside_observed_window(*c.observed, c.modelled.days_after);
}

BacktestTally tally_backtest(const std::vector<PriceComparison>& comparisons,
                             EpisodeSample sample) {
  BacktestTally t;
  for (const PriceComparison& c : comparisons) {
    if (c.sample != sample) continue;
    ++t.episodes;
    if (c.observed) ++t.observed;
    const bool peak = peak_within(c);
    const bool timing = timing_inside(c);
    t.peak_within += peak ? 1 : 0;
    t.timing_inside += timing ? 1 : 0;
    t.both += peak && timing ? 1 : 0;
  }
  return t;
}

ModelledPeak modelled_price_peak(const Model& base, const std::vector<EventSpec>& events,
                                 std::uint64_t seed, std::uint64_t trials, double onset_day) {
  Model model = base;
  model.price_noise_sd = 0.0;  // the factor is then exactly 1 (sim/supply_profile.cpp)
  std::vector<double> multiples, days, shortfalls;
  std::vector<Occurrence> occurrences;
  ProfileScratch scratch;
  SupplyProfile profile;
  for (std::uint64_t trial = 0; trial < trials; ++trial) {
    draw_occurrences(events, model.horizon_days, seed, trial, occurrences);
    build_supply_profile(model, occurrences, seed, trial, scratch, profile);
    double best = 1.0, best_day = 0.0, best_shortfall = 0.0;
    if (model.clearing) {
      // The daily market path: the price of day d is the day's, from its start. The peak's day
      // is the first within kPeakTolerance of the peak: a price that creeps toward its
      // asymptote has peaked when it stops moving, not on the horizon's last day.
      const std::vector<double>& price = profile.market.price;
      const auto first = static_cast<std::size_t>(std::ceil(onset_day));
      for (std::size_t d = first; d < price.size(); ++d) best = std::max(best, price[d]);
      for (std::size_t d = first; d < price.size(); ++d) {
        if (price[d] >= best * (1.0 - kPeakTolerance)) {
          best_day = static_cast<double>(d) - onset_day;
          break;
        }
      }
      for (const ProfileSegment& segment : profile.segments) {
        if (segment.start_day <= best_day + onset_day && best_day + onset_day < segment.end_day) {
          best_shortfall = segment.world_shortfall;
        }
      }
      multiples.push_back(best);
      days.push_back(best_day);
      shortfalls.push_back(best_shortfall);
      continue;
    }
    for (const ProfileSegment& segment : profile.segments) {
      if (segment.end_day <= onset_day) continue;
      if (segment.scarcity > best) {
        best = segment.scarcity;
        best_day = std::max(segment.start_day, onset_day) - onset_day;
        best_shortfall = segment.world_shortfall;
      }
    }
    multiples.push_back(best);
    days.push_back(best_day);
    shortfalls.push_back(best_shortfall);
  }
  ModelledPeak out;
  out.multiple = median(multiples);
  out.days_after = median(days);
  out.world_shortfall = median(shortfalls);
  out.elasticity = model.inverse_elasticity > 0.0 ? 1.0 / model.inverse_elasticity : 0.0;
  out.cap = model.price_cap;
  out.trials = trials;
  return out;
}

std::optional<double> implied_elasticity(double world_shortfall, double observed_multiple) {
  if (!(observed_multiple > 1.0) || !(world_shortfall > 0.0) || !(world_shortfall < 1.0)) {
    return std::nullopt;
  }
  return -std::log1p(-world_shortfall) / std::log(observed_multiple);
}

}  // namespace mineflow
