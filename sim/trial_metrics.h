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
  // The split market (docs/market.md, "Buyer groups and the split price"): the restricting
  // country's domestic price multiple on the day the outside price (the focal economy's, above)
  // peaks, and the spread peak / that price; the peak itself and 1 where the market never splits.
  domestic_price_at_peak,
  price_spread_at_peak,
};
inline constexpr std::size_t kMetricCount = 13;
// The first metric that only a model whose market can split reports (outputs leave them out
// elsewhere, so those stay as they were).
inline constexpr std::size_t kFirstSplitMetric = 11;
inline constexpr bool is_split_metric(std::size_t m) {
  return m >= kFirstSplitMetric;
}

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
