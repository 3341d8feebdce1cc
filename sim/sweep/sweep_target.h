#pragma once
// A stockpile-sweep target such as `p_shortage<=0.05` or `unmet_pct<=1`: a sweep metric that
// must not exceed a threshold (docs/domain.md "Stockpile-day targets").

#include <string>
#include <string_view>

namespace mineflow {

// What a sweep cell reports per (stockpile days, recycling share); every one is non-increasing
// in stockpile days on common random numbers.
enum class SweepMetric {
  p_shortage,          // probability of any unmet demand over the horizon
  unmet_t,             // expected unmet demand, t
  unmet_pct,           // expected unmet demand, % of annual demand
  cvar95_unmet_t,      // mean unmet demand of the worst 5% of trials, t
  longest_spell_days,  // expected longest uninterrupted shortage, days
  // Clearing (docs/market.md): demand priced out, and not served (unmet + priced out), as
  // expected tonnes and % of annual demand; priced out falls with stockpile days only where the
  // stockpile sells below the market price (release_price), else it is flat in days.
  priced_out_t,
  priced_out_pct_annual_demand,
  not_served_t,
  not_served_pct_annual_demand,
};

// Every sweep metric, in the order the docs list them.
inline constexpr SweepMetric kSweepMetrics[] = {SweepMetric::p_shortage,
                                                SweepMetric::unmet_t,
                                                SweepMetric::unmet_pct,
                                                SweepMetric::cvar95_unmet_t,
                                                SweepMetric::longest_spell_days,
                                                SweepMetric::priced_out_t,
                                                SweepMetric::priced_out_pct_annual_demand,
                                                SweepMetric::not_served_t,
                                                SweepMetric::not_served_pct_annual_demand};

// The metrics of the clearing market (priced out, not served).
inline constexpr bool is_market_metric(SweepMetric metric) {
  return metric >= SweepMetric::priced_out_t;
}

struct SweepTarget {
  SweepMetric metric = SweepMetric::p_shortage;
  double threshold = 0.05;  // the metric must be <= this
};

std::string_view to_string(SweepMetric metric);
std::string to_string(const SweepTarget& target);  // e.g. "p_shortage<=0.05"

// Parses METRIC<=VALUE (spaces allowed); the one parser of `stockpile --target` and
// `optimise --target`. Throws InputError naming `field` and listing the accepted metrics
// otherwise.
SweepTarget parse_sweep_target(std::string_view text, const std::string& field = "--target");

}  // namespace mineflow
