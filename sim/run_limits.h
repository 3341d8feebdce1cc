#pragma once
// The assumptions that drive a run's answer, found from the values the run returned (issue 25,
// "limits beside the numbers"): the outputs print one line for each that applies. The market
// model decides how a loss reaches the focal economy (docs/market.md), so:
// - clearing: where a trial's peak price reached its cap, the cap, not the loss, sets how much
//   the price could price out (c = 1 - cap^-e); the rest is a physical stockout;
// - rationing: a loss reaches the buyers of the node cut pro rata, not through a price, so a
//   world shortage elsewhere leaves the focal economy whole while its own suppliers are cut
//   hard. It drives the answer whenever a trial was short or its price reached the cap.

// - clearing: the focal economy takes the world price (its stock moves are not in the market),
//   which holds while its stockpile is a small part of the world's commercial stocks; above
//   kPriceTakerLine its releases would lower the price the run reports (docs/market.md, "The
//   price-taker line").

#include <optional>
#include <span>

#include "sim/summary.h"

namespace mineflow {

struct Model;
struct StockPolicy;

// The focal economy's stockpile as a share of the world's commercial stocks above which the run
// says its price is an upper bound (docs/market.md, "The price-taker line").
inline constexpr double kPriceTakerLine = 0.10;

struct MarketLimits {
  bool clearing = false;
  double price_cap = 5.0;  // the cap, as a multiple of the baseline price
  // Share of trials whose peak price multiple reached the cap (with its MC standard error).
  Proportion at_price_cap;
  // Share of trials with unmet demand.
  Proportion any_shortage;
  // clearing: the policy's stockpile over its market's commercial stocks (focal_stock_share).
  double focal_stock_share = 0.0;
  // clearing: the price cap bounds what the price priced out in at least one trial.
  bool price_cap_binds() const { return clearing && at_price_cap.p > 0.0; }
  // rationing: a trial lost supply (short, or its world price at the cap), shared pro rata.
  bool pro_rata_drives() const {
    return !clearing && (any_shortage.p > 0.0 || at_price_cap.p > 0.0);
  }
  // clearing: the stockpile is large enough against the world's stocks that taking the price is
  // no longer a fair reading of what its releases do.
  bool price_taker_strained() const { return clearing && focal_stock_share > kPriceTakerLine; }
};

// The stockpile `stocks` holds at the start (stockpile_days of the focal economy's demand after
// substitution, as the stock pass sizes it) over the commercial stocks of the market it buys in:
// world_inventory_days of world refined use, or of the use outside the restricting country
// where the market can split; 0 where the model has no market size.
double focal_stock_share(const Model& model, const StockPolicy& stocks);

// From one policy's per-trial peak price multiples and unmet demand (same trials, trial order).
// A peak is at the cap when it is within 1e-9 of it (the engine takes min(cap, price)).
MarketLimits market_limits(bool clearing, double price_cap,
                           std::span<const double> peak_price_multiple,
                           std::span<const double> unmet_t);

// The same for one policy of a run: its model's market and price cap, its stockpile's share of
// the world's stocks.
MarketLimits policy_market_limits(const Model& model, const StockPolicy& stocks,
                                  std::span<const double> peak_price_multiple,
                                  std::span<const double> unmet_t);

}  // namespace mineflow
