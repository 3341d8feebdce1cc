#pragma once
// Reference, the clearing market (docs/market.md, "The clearing model, as built now"), written
// from the document alone and sharing no code with sim/world_market: the day means of the world
// shortfall from the reference's own steps, the daily recursion of the world stocks, the daily
// prices, what the price prices out, and the stockouts, with the allowances where the steps'
// means are not exact.

#include <vector>

#include "tests/reference/reference_case.h"
#include "tests/reference/reference_supply.h"

namespace mineflow::reference {

struct MarketDays {
  double clearable = 0.0;            // c = 1 - cap^-e: the share the price cap can price out
  std::vector<double> shortfall;     // w[d]: the day's mean world shortfall
  std::vector<double> scarcity;      // x[d]: the share of the world's stocks drawn
  std::vector<double> price;         // the day's price multiple
  std::vector<double> stockout;      // the share of demand every buyer is physically short
  std::vector<double> priced_out_t;  // the focal economy's demand priced out, t
  std::vector<double> priced_share;  // min(x[d], c): the share of demand the price prices out
  // The split market (docs/market.md, "Buyer groups and the split price"): whether the day
  // splits, the restricting country's domestic price (the world price where it does not split)
  // and its allowance.
  std::vector<bool> split;
  std::vector<double> domestic_price;
  std::vector<double> domestic_price_error;
  int days_split = 0;
  std::vector<double> primary_before;  // day mean of the primary supply fraction, pre-stockout
  // Allowances (reference_market.cpp derives them): where a step holds a kink or curve of the
  // world shortfall or of the supply, the day means are off by at most shortfall_error and
  // primary_error; the scarcity then by scarcity_error (with a rounding slack), the price by
  // price_error, the stockout share by stockout_error (t/day of primary supply: supply_error).
  std::vector<double> shortfall_error;
  std::vector<double> primary_error;
  std::vector<double> scarcity_error;
  std::vector<double> price_error;
  std::vector<double> supply_error_t_per_day;
  std::vector<bool> stockout_uncertain;    // the engine may stock out where the reference does
                                           // not, or the other way round
  std::vector<double> priced_out_error_t;  // the allowance of priced_out_t[d]
  // The engine may price out nothing on a day where the reference prices out some, or the other
  // way round (x or what reaches the focal economy within its allowance of 0).
  std::vector<bool> priced_uncertain;
  double priced_out_bound_t = 0.0;
  double cost_bound = 0.0;  // priced-out purchases x price, in baseline price x t
  // Coverage: days with the price above baseline, at its cap, stocked out.
  int days_priced = 0;
  int days_capped = 0;
  int days_stocked_out = 0;
  int days_mean_inexact = 0;  // a step of the day holds a kink or curve of w or the supply
};

// The market of a clearing case from its steps (focal_supply_by_step with `clearing`), before
// any stockout is applied to them.
MarketDays world_market(const Case& c, const std::vector<StepSupply>& steps);

// Every buyer is short stockout[d] of its demand on day d: the focal economy's domestic and
// imported supply of each step of the day times 1 - stockout[d].
void apply_stockouts(const MarketDays& market, std::vector<StepSupply>& steps);

}  // namespace mineflow::reference
