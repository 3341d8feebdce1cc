#pragma once
// Price response checked against history (docs/hazard.md, `mineflow calibrate --backtest`):
// a real-event scenario's modelled peak price multiple and its timing against the peak of the
// mineral's bundled price series after the event's onset, and the elasticity that would have
// reproduced the observed peak for the modelled world shortfall. Pure functions.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "graph/price_series.h"
#include "sim/model.h"
#include "sim/scenario.h"

namespace mineflow {

// Highest value of the series in the `window_months` from the onset month over its mean of the
// 12 months before (monthly series), or the highest annual mean of the years the window
// touches over the year before the onset's year (annual series). nullopt: the series does not
// cover the baseline or the onset.
// months_from..months_to: the window of months after the onset month the peak lies in (a
// monthly series: its month; an annual series: the months of its year inside the window).
struct ObservedPeak {
  double multiple = 0.0;
  int months_after = 0;  // from the onset month to the peak month (annual: 12 x years)
  int peak_year = 0;
  int peak_month = 0;  // 1..12; 0 for an annual series or a transcribed peak
  int months_from = 0;
  int months_to = 0;
  std::string source;  // a transcribed peak's sources (empty: the series)
};
std::optional<ObservedPeak> observed_price_peak(const PriceSeries& series, int onset_year,
                                                int onset_month, int window_months);

// The model's price response to the scenario's events without the stochastic price factor:
// per trial the highest price multiple, the day it is first reached after `onset_day` and the
// world shortfall w there; medians over `trials` trials (events drawn from the scenario's
// streams, as `mineflow run` draws them). Under rationing the multiple is the scarcity formula
// min(cap, (1 - w)^(-1/e)); under clearing (model.clearing) it is the daily market path of
// sim/world_market.h (the price noise switched off on a copy of the model), the peak's day the
// first day the price is within kPeakTolerance (relative) of the trial's peak.
extern const double kPeakTolerance;
struct ModelledPeak {
  double multiple = 1.0;
  double days_after = 0.0;
  double world_shortfall = 0.0;
  double elasticity = 0.0;
  double cap = 0.0;
  std::uint64_t trials = 0;
};
ModelledPeak modelled_price_peak(const Model& model, const std::vector<EventSpec>& events,
                                 std::uint64_t seed, std::uint64_t trials, double onset_day);

// The elasticity e with (1 - w)^(-1/e) = observed: -ln(1 - w) / ln(observed). nullopt when no
// finite positive e exists (observed <= 1, or w <= 0, or w >= 1).
std::optional<double> implied_elasticity(double world_shortfall, double observed_multiple);

// Whether an episode enters the fit of the market's parameters or is only compared with it
// (docs/market.md, "Calibration and backtest").
enum class EpisodeSample { fit, out_of_sample };
inline const char* to_string(EpisodeSample s) {
  return s == EpisodeSample::fit ? "fit" : "out_of_sample";
}

// Whether `days_after` lies in the observed window of months (a month: 365.25 / 12 days).
bool inside_observed_window(const ObservedPeak& observed, double days_after);

struct PriceComparison {
  std::string scenario;
  EpisodeSample sample = EpisodeSample::fit;
  std::string market;  // rationing | clearing: the model the modelled peak comes from
  double world_inventory_days = 0.0;  // clearing's stocks, days of world use
  std::string mineral;
  std::string onset;   // YYYY-MM
  std::string series;  // the price series' id
  std::optional<ObservedPeak> observed;
  ModelledPeak modelled;
  std::optional<double> implied_elasticity;
  bool cap_binds_observed = false;  // the observed multiple is above the scenario's cap
};

// Issue 24's test of a replay against its episode (docs/market.md, "Calibration and backtest"):
// the modelled peak within a factor kPeakWithin of the observed, either way, and its day inside
// the observed window. An episode without an observed peak passes neither.
inline constexpr double kPeakWithin = 1.5;
bool peak_within(const PriceComparison& c);
bool timing_inside(const PriceComparison& c);
// How many episodes of one sample pass each test and both.
struct BacktestTally {
  int episodes = 0;
  int observed = 0;  // with an observed peak
  int peak_within = 0;
  int timing_inside = 0;
  int both = 0;
};
BacktestTally tally_backtest(const std::vector<PriceComparison>& comparisons, EpisodeSample sample);

}  // namespace mineflow
