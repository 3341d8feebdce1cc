#pragma once
// The daily time series of one trial (deterministic runs, --trials 1): a PhaseObserver that
// integrates each phase's rates into whole days, so every daily figure is exact (t per day).

#include <vector>

#include "sim/stock_pass.h"
#include "sim/supply_profile.h"

namespace mineflow {

struct DayRecord {
  int day = 0;  // 0-based
  double demand_t = 0.0;
  double domestic_t = 0.0;
  double imports_t = 0.0;
  double recycling_t = 0.0;
  double substitution_t = 0.0;  // demand removed by the buyers' response
  double new_supply_t = 0.0;    // unaffected supply the response brought in
  double inventory_draw_t = 0.0;
  double stockpile_release_t = 0.0;
  double refill_purchases_t = 0.0;
  double unmet_t = 0.0;
  double inventory_end_t = 0.0;
  double stockpile_end_t = 0.0;
  double price_multiple = 0.0;  // time-weighted mean over the day
  // The restricting country's own price where the market splits (docs/market.md, "Buyer groups
  // and the split price"); the price above on days it does not, and in every unsplit trial.
  double domestic_price_multiple = 0.0;
};

class DailySeries : public PhaseObserver {
 public:
  // `model` and `profile` must outlive the series (the daily price is integrated from them).
  DailySeries(const Model& model, const SupplyProfile& profile);
  void on_phase(const Phase& phase) override;
  const std::vector<DayRecord>& days() const { return days_; }

 private:
  const Model& model_;
  const SupplyProfile& profile_;
  std::vector<DayRecord> days_;
};

}  // namespace mineflow
