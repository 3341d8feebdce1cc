#include "tools/cli/market_override.h"

#include "graph/number_format.h"
#include "graph/source_ref.h"

namespace mineflow::cli {

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
}

}  // namespace mineflow::cli
