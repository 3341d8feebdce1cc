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
};

struct SweepTarget {
  SweepMetric metric = SweepMetric::p_shortage;
  double threshold = 0.05;  // the metric must be <= this
};

std::string_view to_string(SweepMetric metric);
std::string to_string(const SweepTarget& target);  // e.g. "p_shortage<=0.05"

// Parses METRIC<=VALUE (spaces allowed). Throws InputError naming `field` otherwise.
SweepTarget parse_sweep_target(std::string_view text, const std::string& field = "--target");

}  // namespace mineflow
