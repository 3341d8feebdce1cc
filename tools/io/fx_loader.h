#pragma once
// Adapter: scenarios/fx.yaml, the annual exchange rates that put every cost in USD.

#include <optional>
#include <string>
#include <vector>

namespace mineflow::io {

struct FxRate {
  std::string currency;
  int year = 0;
  double per_usd = 0.0;  // units of the currency per USD, annual average
};

std::vector<FxRate> load_fx_rates(const std::string& file);

// Units of `currency` per USD in `year`: 1 for USD, nullopt when the file has no such rate.
std::optional<double> per_usd(const std::vector<FxRate>& rates, const std::string& currency,
                              int year);

}  // namespace mineflow::io
