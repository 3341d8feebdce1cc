#pragma once
// The command line's market options (--market, --resourcing-days, --world-inventory-days) over a
// scenario's own.

#include <optional>

#include "sim/scenario.h"

namespace mineflow::cli {

// Each replaces the scenario's setting when given.
struct MarketOverride {
  std::optional<MarketModel> model;       // --market
  std::optional<double> resourcing_days;  // --resourcing-days (docs/market.md)
  std::optional<double> world_inventory_days;  // --world-inventory-days (docs/market.md)
};

// A world stocks figure from the command line (`option` names it in the error): 1 to 3650 days
// (the market steps daily); else throws InputError.
double checked_world_inventory_days(const char* option, double days);

// Applies `market` to `scenario`; throws InputError on a re-sourcing lead time outside 0 to the
// scenario's horizon (as the scenario file's own would be refused) or world stocks outside 1 to
// 3650 days.
void override_market(Scenario& scenario, const MarketOverride& market);

}  // namespace mineflow::cli
