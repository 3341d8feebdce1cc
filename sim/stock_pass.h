#pragma once
// Step 3 of a trial: cover demand from the supply profile, then commercial inventory, then the
// national stockpile, integrating the stocks exactly over each piece of constant rates. Cheap:
// a stockpile sweep calls this once per level on the same profile.

#include "sim/supply_profile.h"
#include "sim/trial_metrics.h"

namespace mineflow {

// The levers that act on stocks and demand, all per unit of daily demand.
struct StockPolicy {
  double substitution_cut = 0.0;  // demand = model demand x (1 - cut)
  double recycling_share = 0.0;   // recycling supply = share x demand; primary the rest
  double stockpile_days = 0.0;    // starts full at days x daily demand
  double release_rate_of_demand = 1.0;
  double decision_delay_days = 0.0;  // from the onset of a shortfall spell to the first release
  double refill_rate_of_demand = 0.1;
  double commercial_inventory_days = 0.0;
  double commercial_refill_rate_of_demand = 0.1;

  bool operator==(const StockPolicy&) const = default;
};

// A piece of a trial with constant rates (t/day) and the stock levels at its ends (t).
// Balances: domestic + imports + recycling + inventory_draw + stockpile_release + unmet = demand;
// inventory_end = inventory_start + (inventory_refill - inventory_draw) x duration (likewise the
// stockpile); refills are bought on the market.
struct Phase {
  double start_day = 0.0;
  double end_day = 0.0;
  double demand = 0.0;
  double domestic = 0.0;
  double imports = 0.0;
  double recycling = 0.0;
  double inventory_draw = 0.0;
  double inventory_refill = 0.0;
  double stockpile_release = 0.0;
  double stockpile_refill = 0.0;
  double unmet = 0.0;
  double inventory_start_t = 0.0;
  double inventory_end_t = 0.0;
  double stockpile_start_t = 0.0;
  double stockpile_end_t = 0.0;
  double price_multiple = 1.0;  // mean over the phase
  double scarcity = 1.0;        // of the segment (see price_integral)
};

class PhaseObserver {
 public:
  virtual ~PhaseObserver() = default;
  virtual void on_phase(const Phase& phase) = 0;
};

TrialMetrics apply_stocks(const Model& model, const SupplyProfile& profile,
                          const StockPolicy& policy, PhaseObserver* observer = nullptr);

// Mass-balance residual of a phase, t/day (0 up to rounding).
double balance_residual(const Phase& phase);
double stock_residual(const Phase& phase);

}  // namespace mineflow
