#include "tools/report/daily_bands.h"

#include <algorithm>

#include "sim/plan_series.h"
#include "sim/summary.h"

namespace mineflow::report {

namespace {

DailyBand band_of(const std::vector<std::vector<double>>& by_day) {
  DailyBand band;
  std::vector<double> scratch;
  for (const std::vector<double>& values : by_day) {
    band.q05.push_back(quantile_of(values, 0.05, scratch));
    band.q50.push_back(quantile_of(values, 0.50, scratch));
    band.q95.push_back(quantile_of(values, 0.95, scratch));
  }
  return band;
}

// Every numeric field of a day, for the mean.
template <typename F>
void for_fields(DayRecord& a, const DayRecord& b, F f) {
  f(a.demand_t, b.demand_t);
  f(a.domestic_t, b.domestic_t);
  f(a.imports_t, b.imports_t);
  f(a.recycling_t, b.recycling_t);
  f(a.substitution_t, b.substitution_t);
  f(a.new_supply_t, b.new_supply_t);
  f(a.inventory_draw_t, b.inventory_draw_t);
  f(a.stockpile_release_t, b.stockpile_release_t);
  f(a.refill_purchases_t, b.refill_purchases_t);
  f(a.unmet_t, b.unmet_t);
  f(a.inventory_end_t, b.inventory_end_t);
  f(a.stockpile_end_t, b.stockpile_end_t);
  f(a.price_multiple, b.price_multiple);
  f(a.domestic_price_multiple, b.domestic_price_multiple);
}

}  // namespace

void add_daily_bands(const RunPlan& plan, std::uint64_t seed, std::uint64_t trials,
                     MineralScenario& out) {
  out.band_trials = 0;
  if (plan.deterministic || trials <= 1) return;
  const std::uint64_t n = std::min(trials, kBandTrials);
  const std::size_t policies = out.policies.size();
  // [policy][day][trial] of the three banded quantities.
  std::vector<std::vector<std::vector<double>>> stock(policies), inventory(policies),
      price(policies), domestic_price(policies);
  std::vector<std::vector<DayRecord>> sums(policies);
  for (std::uint64_t t = 0; t < n; ++t) {
    std::vector<PolicyDays> series = plan_daily_series(plan, seed, t);
    for (std::size_t p = 0; p < policies && p < series.size(); ++p) {
      const std::vector<DayRecord>& days = series[p].days;
      if (t == 0) {
        sums[p].assign(days.size(), DayRecord{});
        for (std::size_t d = 0; d < days.size(); ++d) sums[p][d].day = days[d].day;
        stock[p].assign(days.size(), {});
        inventory[p].assign(days.size(), {});
        price[p].assign(days.size(), {});
        domestic_price[p].assign(days.size(), {});
      }
      for (std::size_t d = 0; d < days.size() && d < sums[p].size(); ++d) {
        for_fields(sums[p][d], days[d], [](double& sum, double v) { sum += v; });
        stock[p][d].push_back(days[d].stockpile_end_t);
        inventory[p][d].push_back(days[d].inventory_end_t);
        price[p][d].push_back(days[d].price_multiple);
        domestic_price[p][d].push_back(days[d].domestic_price_multiple);
      }
    }
  }
  for (std::size_t p = 0; p < policies; ++p) {
    PolicyOutcome& policy = out.policies[p];
    policy.mean_days = sums[p];
    const double scale = 1.0 / static_cast<double>(n);
    for (DayRecord& day : policy.mean_days) {
      for_fields(day, day, [scale](double& sum, double) { sum *= scale; });
    }
    policy.stockpile_t = band_of(stock[p]);
    policy.inventory_t = band_of(inventory[p]);
    policy.price_multiple = band_of(price[p]);
    policy.domestic_price_multiple = band_of(domestic_price[p]);
  }
  out.band_trials = n;
}

}  // namespace mineflow::report
