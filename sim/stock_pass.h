#pragma once
// Step 3 of a trial: cover demand from the supply profile and the buyers' response
// (substitution, new supply), then commercial inventory, then the national stockpile,
// integrating exactly over pieces where every rate is linear in time (stocks are then
// quadratic, and a piece ends where a stock empties or fills, the gap closes, a response reaches
// its cap or a release saturates). Cheap: a stockpile sweep calls this once per level on the
// same profile.

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
  DemandResponse response;

  bool operator==(const StockPolicy&) const = default;
};

// A rate (t/day) that changes linearly over a phase.
struct LinearRate {
  double start = 0.0;
  double end = 0.0;
  // Exactly `start` when constant, so constant phases add up bit for bit as constants.
  double mean() const { return start == end ? start : 0.5 * (start + end); }
  double at(double fraction) const {
    return start == end ? start : start + (end - start) * fraction;
  }
  // Mean over the phase's first `fraction`.
  double mean_to(double fraction) const {
    return start == end ? start : start + 0.5 * (end - start) * fraction;
  }
};

// A piece of a trial with linear rates (t/day) and the stock levels at its ends (t).
// Balances, at every instant: domestic + imports + recycling + new_supply + inventory_draw +
// stockpile_release + unmet = demand - substitution; inventory_end = inventory_start +
// (inventory_refill - mean inventory_draw) x duration (likewise the stockpile); refills are
// bought on the market. Refill rates are constant over a phase.
struct Phase {
  double start_day = 0.0;
  double end_day = 0.0;
  double demand = 0.0;  // before the buyers' response
  LinearRate domestic;
  LinearRate imports;
  LinearRate recycling;
  LinearRate substitution;  // demand removed by the response
  LinearRate new_supply;    // unaffected supply brought in by the response
  LinearRate inventory_draw;
  double inventory_refill = 0.0;
  LinearRate stockpile_release;
  double stockpile_refill = 0.0;
  LinearRate unmet;
  double inventory_start_t = 0.0;
  double inventory_end_t = 0.0;
  double stockpile_start_t = 0.0;
  double stockpile_end_t = 0.0;
  double price_multiple = 1.0;              // mean over the phase
  const ProfileSegment* segment = nullptr;  // the supply segment it lies in (see price_integral)
};

class PhaseObserver {
 public:
  virtual ~PhaseObserver() = default;
  virtual void on_phase(const Phase& phase) = 0;
};

TrialMetrics apply_stocks(const Model& model, const SupplyProfile& profile,
                          const StockPolicy& policy, PhaseObserver* observer = nullptr);

// Mass-balance residual of a phase, t/day (0 up to rounding): the larger of its two ends.
double balance_residual(const Phase& phase);
double stock_residual(const Phase& phase);

}  // namespace mineflow
