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
    return ObservedPeak{v[static_cast<std::size_t>(peak)] / baseline,
                        static_cast<int>(peak - onset), static_cast<int>(absolute / 12),
                        static_cast<int>(absolute % 12) + 1};
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
  return ObservedPeak{v[static_cast<std::size_t>(peak)] / baseline, 12 * (year - onset_year), year,
                      0};
}

ModelledPeak modelled_price_peak(const Model& model, const std::vector<EventSpec>& events,
                                 std::uint64_t seed, std::uint64_t trials, double onset_day) {
  std::vector<double> multiples, days, shortfalls;
  std::vector<Occurrence> occurrences;
  ProfileScratch scratch;
  SupplyProfile profile;
  for (std::uint64_t trial = 0; trial < trials; ++trial) {
    draw_occurrences(events, model.horizon_days, seed, trial, occurrences);
    build_supply_profile(model, occurrences, seed, trial, scratch, profile);
    double best = 1.0, best_day = 0.0, best_shortfall = 0.0;
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
