#include "tests/reference/reference_release.h"

#include <algorithm>
#include <cmath>

namespace mineflow::reference {

// docs/market.md, "Release price". On day d the price prices out P[d] = primary x min(x[d], c)
// x reach[d] (market.priced_out_t: the reference's days are whole). At the pre-crisis price the
// stockpile can serve all of it; at F x the market price the share won = min(1, (1 - s)(F^-e -
// 1) / s), s = min(x[d], c). Each day serves min(won P[d] open[d], r x demand x open[d], left),
// `left` starting at the physical pass's lowest stockpile level; open[d] is 0 within the first
// `decision_delay_days` of each spell of days with demand priced out, else 1 (whole days).
//
// Allowances. The total served is min(left_0, sum of the days' terms): off by at most the error
// of left_0 (unmet_bound_t) plus the sum of the terms' errors. won x P[d] = primary x reach x
// min(s, (1 - s) g), g = F^-e - 1, moves at most max(1, g) per unit of s and by min(s, ...) <= c
// per unit of reach, so its error is at most max(1, g) x the day's priced-out allowance (where
// the (1 - s) g branch can bind, s > g / (1 + g), so g < c / (1 - c) there). A day whose
// priced-out status is uncertain (market.priced_uncertain: P within its error of 0) may end a
// spell in one and not the other: after each run of such days the next `decision_delay_days`
// days may be open in one only, r x demand a day (the run's own days serve at most P, within
// their allowance).
double serve_priced_out(const Case& c, const MarketDays& market, Metrics& m, Exactness& exact) {
  const Stocks& s = c.stocks;
  if (s.release_price == ReleasePrice::market) return 0.0;
  const double e = c.price.elasticity;
  const double clearable = market.clearable;
  const bool pre_crisis = s.release_price == ReleasePrice::pre_crisis || s.release_discount == 0.0;
  const double g = pre_crisis ? 0.0 : std::pow(s.release_discount, -e) - 1.0;
  double slope = 1.0;
  if (!pre_crisis && clearable > g / (1.0 + g)) slope = std::max(1.0, g);
  const double demand = demand_t_per_day(c);
  const double rate = s.release_rate_of_demand * demand;
  const int delay = s.decision_delay_days;

  double left = m.lowest_stockpile_t;
  double served = 0.0;
  double terms_error = 0.0;
  int uncertain_runs = 0;
  int spell_start = -1;  // the first day of the running spell of priced-out days; -1: none
  const int days = static_cast<int>(market.priced_out_t.size());
  for (int d = 0; d < days; ++d) {
    const auto k = static_cast<std::size_t>(d);
    terms_error += slope * market.priced_out_error_t[k];
    // A run of uncertain days moves the next spell's start once (the days inside it serve at
    // most their own allowance: P is within its error of 0 there).
    uncertain_runs += market.priced_uncertain[k] && (d == 0 || !market.priced_uncertain[k - 1]);
    const double priced = market.priced_out_t[k];
    if (priced == 0.0) {
      spell_start = -1;
      continue;
    }
    if (spell_start < 0) spell_start = d;
    if (d < spell_start + delay) continue;  // the decision delay: not open yet
    const double share = market.priced_share[k];
    const double won = pre_crisis ? 1.0 : std::min(1.0, (1.0 - share) * g / share);
    const double take = std::min({won * priced, rate, left});
    served += take;
    left -= take;
  }
  exact.release_bound_t +=
      exact.unmet_bound_t + terms_error + static_cast<double>(uncertain_runs) * rate * delay;
  exact.served_priced_out_t = served;
  if (served == 0.0) return 0.0;
  m.priced_out_t = std::max(0.0, m.priced_out_t - served);
  m.not_served_t = m.unmet_t + m.priced_out_t;
  m.lowest_stockpile_t = left;
  return served;
}

}  // namespace mineflow::reference
