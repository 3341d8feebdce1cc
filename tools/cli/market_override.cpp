#include "tools/cli/market_override.h"

#include "graph/number_format.h"
#include "graph/source_ref.h"

namespace mineflow::cli {

double checked_world_inventory_days(const char* option, double days) {
  if (!(days >= 1.0 && days <= 3650.0)) {
    throw InputError(SourceRef{}, option, format_number(days),
                     "1..3650 days of world use (the market steps daily)");
  }
  return days;
}

void override_market(Scenario& scenario, const MarketOverride& market) {
  if (market.model) {
    scenario.market = *market.model;
    scenario.market_where = SourceRef{"--market", 0, 0};
  }
  if (market.resourcing_days) {
    const double days = *market.resourcing_days;
    if (!(days >= 0.0 && days <= scenario.horizon_days)) {
      throw InputError(SourceRef{}, "--resourcing-days", format_number(days),
                       "days from 0 to the scenario's horizon_days (" +
                           format_number(scenario.horizon_days) + ")");
    }
    scenario.resourcing_days = days;
  }
  if (market.world_inventory_days) {
    scenario.world_inventory_days =
        checked_world_inventory_days("--world-inventory-days", *market.world_inventory_days);
    scenario.world_inventory_where = SourceRef{"--world-inventory-days", 0, 0};
  }
}

}  // namespace mineflow::cli
