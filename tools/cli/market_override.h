#pragma once
// The command line's market options (--market, --resourcing-days) over a scenario's own.

#include <optional>

#include "sim/scenario.h"

namespace mineflow::cli {

// Each replaces the scenario's setting when given.
struct MarketOverride {
  std::optional<MarketModel> model;       // --market
  std::optional<double> resourcing_days;  // --resourcing-days (docs/market.md)
};

// Applies `market` to `scenario`; throws InputError on a re-sourcing lead time outside 0 to the
// scenario's horizon (as the scenario file's own would be refused).
void override_market(Scenario& scenario, const MarketOverride& market);

}  // namespace mineflow::cli
