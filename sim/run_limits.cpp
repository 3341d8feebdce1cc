#include "sim/run_limits.h"

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

}  // namespace mineflow
