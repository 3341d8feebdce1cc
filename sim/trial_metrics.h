#pragma once
// What one trial records (docs/domain.md "Disruptions and the Monte Carlo engine").

#include <array>
#include <cstddef>
#include <string_view>

namespace mineflow {

enum class Metric : std::size_t {
  unmet_t,                  // demand not met over the horizon, t
  unmet_pct_annual_demand,  // unmet_t / (daily demand x 365) x 100
  days_short,               // time with unmet demand > 0, days (continuous)
  longest_spell_days,       // longest uninterrupted stretch of unmet demand, days
  lowest_stockpile_t,       // lowest national stockpile level, t
  peak_price_multiple,      // highest price / baseline price
  procurement_cost,         // purchases x price, in the price series' currency
  // Clearing (docs/market.md): demand the focal economy gives up at the price, t; 0 under
  // rationing. Not served = unmet (physical) + priced out.
  priced_out_t,
  priced_out_pct_annual_demand,
  not_served_t,
  not_served_pct_annual_demand,
};
inline constexpr std::size_t kMetricCount = 11;

using TrialMetrics = std::array<double, kMetricCount>;

inline constexpr std::size_t index(Metric metric) {
  return static_cast<std::size_t>(metric);
}
std::string_view to_string(Metric metric);
// The bad tail: high values are bad for every metric except the lowest stockpile level.
inline constexpr bool higher_is_worse(Metric metric) {
  return metric != Metric::lowest_stockpile_t;
}

}  // namespace mineflow
