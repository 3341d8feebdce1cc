#include "sim/stock_flow/end_of_life.h"

#include <cassert>

namespace mineflow::stock_flow {

EndOfLifeFlows apply_end_of_life(const RegionSeries& outflow, const EndOfLifeRates& rates) {
  int years = outflow.years;
  int n = outflow.regions;
  assert(rates.collection_rate.size() == static_cast<std::size_t>(years));
  assert(rates.scrap_export_share.size() == static_cast<std::size_t>(years));
  assert(rates.recovery_efficiency.size() == static_cast<std::size_t>(years));
  EndOfLifeFlows f{RegionSeries(years, n), RegionSeries(years, n), RegionSeries(years, n),
                   RegionSeries(years, n), RegionSeries(years, n), RegionSeries(years, n)};
  for (int t = 0; t < years; ++t) {
    std::size_t y = static_cast<std::size_t>(t);
    for (int r = 0; r < n; ++r) {
      double eol = outflow.at(t, r);
      double collected = eol * rates.collection_rate[y];
      double exported = collected * rates.scrap_export_share[y];
      double treated = collected * (1.0 - rates.scrap_export_share[y]);
      double recovered = treated * rates.recovery_efficiency[y];
      f.collected.at(t, r) = collected;
      // Each flow from its own share (not as a difference), so the mass-balance residual of each
      // step is an honest check.
      f.uncollected_loss.at(t, r) = eol * (1.0 - rates.collection_rate[y]);
      f.scrap_exported.at(t, r) = exported;
      f.scrap_treated.at(t, r) = treated;
      f.secondary_recovered.at(t, r) = recovered;
      f.recycling_loss.at(t, r) = treated * (1.0 - rates.recovery_efficiency[y]);
    }
  }
  return f;
}

}  // namespace mineflow::stock_flow
