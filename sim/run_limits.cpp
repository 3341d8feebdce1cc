#include "sim/run_limits.h"

#include "sim/model.h"
#include "sim/stock_pass.h"

#include <cmath>
#include <vector>

namespace mineflow {

MarketLimits market_limits(bool clearing, double price_cap,
                           std::span<const double> peak_price_multiple,
                           std::span<const double> unmet_t) {
  MarketLimits limits;
  limits.clearing = clearing;
  limits.price_cap = price_cap;
  // 1 where the peak reached the cap: share_positive of that indicator is the share at the cap.
  std::vector<double> at_cap(peak_price_multiple.size());
  for (std::size_t t = 0; t < at_cap.size(); ++t) {
    at_cap[t] = peak_price_multiple[t] >= price_cap * (1.0 - 1e-9) ? 1.0 : 0.0;
  }
  limits.at_price_cap = share_positive(at_cap);
  limits.any_shortage = share_positive(unmet_t);
  return limits;
}

double focal_stock_share(const Model& model, const StockPolicy& stocks) {
  // Where the market can split, the focal economy buys in the market outside the restricting
  // country, whose stocks are tau days of the outside's use, W - H (docs/market.md).
  const double use_t_per_day =
      model.world_refined_t_per_day - (model.split.active() ? model.split.domestic_t_per_day : 0.0);
  const double market_stocks_t = model.world_inventory_days * use_t_per_day;
  if (!(market_stocks_t > 0.0)) return 0.0;
  // As the stock pass sizes it: days of the demand left after substitution.
  const double stockpile_t =
      stocks.stockpile_days * model.demand_t_per_day * (1.0 - stocks.substitution_cut);
  return stockpile_t / market_stocks_t;
}

MarketLimits policy_market_limits(const Model& model, const StockPolicy& stocks,
                                  std::span<const double> peak_price_multiple,
                                  std::span<const double> unmet_t) {
  MarketLimits limits =
      market_limits(model.clearing, model.price_cap, peak_price_multiple, unmet_t);
  if (model.clearing) limits.focal_stock_share = focal_stock_share(model, stocks);
  return limits;
}

}  // namespace mineflow
