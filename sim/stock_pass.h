#pragma once
// Step 3 of a trial: cover demand from the supply profile and the buyers' response
// (substitution, new supply), then commercial inventory, then the national stockpile,
// integrating exactly over pieces where every rate is linear in time (stocks are then
// quadratic, and a piece ends where a stock empties or fills, the gap closes, a response reaches
// its cap or a release saturates). Cheap: a stockpile sweep calls this once per level on the
// same profile.
//
// A small state machine (stock_pass.cpp): the state (stock levels, the decision clock, the
// responses built, the regime: covered, drawing inventory, awaiting the release decision,
// releasing, unserved); a next-event-time function (each switch is the root of a linear
// equation in time, or for a stock under a linear draw the smaller root of a quadratic, in the
// cancellation-free form); an advance step that integrates one phase; and the trial's metrics
// collected by a MetricsObserver from the phases, apart from the integration.

#include <algorithm>

#include "sim/supply_profile.h"
#include "sim/trial_metrics.h"

namespace mineflow {

// The price at which the national stockpile sells what it releases (docs/market.md "Release
// price"): at the market price (by tender), at the pre-crisis price (multiple 1), or at a fixed
// fraction of the market price. Below the market price it also serves demand the price priced
// out; under rationing nothing is priced out and the setting changes nothing.
enum class ReleasePrice { market, pre_crisis, discount };

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
  ReleasePrice release_price = ReleasePrice::market;
  double release_discount = 1.0;  // under discount: the fraction of the market price, [0, 1]

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
  double price_days = 0.0;                  // integral of the price multiple over the phase, days
  const ProfileSegment* segment = nullptr;  // the supply segment it lies in (see price_integral)
};

class PhaseObserver {
 public:
  virtual ~PhaseObserver() = default;
  virtual void on_phase(const Phase& phase) = 0;
};

// Collects a trial's metrics from its phases (apply_stocks runs one beside any observer given).
class MetricsObserver final : public PhaseObserver {
 public:
  void start(double stockpile_t);  // before the first phase: the stockpile's starting level
  void on_segment(const ProfileSegment& segment) {
    peak_price_ = std::max(peak_price_, segment.peak_price_multiple);
  }
  void on_phase(const Phase& phase) override { record(phase); }
  // on_phase's work, for direct (inlined) calls.
  void record(const Phase& p) {
    const double dt = p.end_day - p.start_day;
    metrics_[index(Metric::unmet_t)] += p.unmet.mean() * dt;
    if (p.unmet.mean() > 0.0) {
      metrics_[index(Metric::days_short)] += dt;
      spell_ += dt;
      metrics_[index(Metric::longest_spell_days)] =
          std::max(metrics_[index(Metric::longest_spell_days)], spell_);
    } else {
      spell_ = 0.0;
    }
    metrics_[index(Metric::lowest_stockpile_t)] =
        std::min(metrics_[index(Metric::lowest_stockpile_t)], p.stockpile_end_t);
    // Purchases at their mean rate (exact when the rates or the price are constant over the
    // phase; docs/engine.md "Event shapes").
    cost_units_ += (p.domestic.mean() + p.imports.mean() + p.recycling.mean() +
                    p.new_supply.mean() + p.inventory_refill + p.stockpile_refill) *
                   p.price_days;
  }
  // What record does for a phase with no unmet demand, no refill and constant flows whose
  // purchases (domestic + imports + recycling + new supply, added in that order) are `supply`
  // t/day: the same operations less those that add zero.
  void record_quiet(double supply, double price_days, double stockpile_t) {
    spell_ = 0.0;
    metrics_[index(Metric::lowest_stockpile_t)] =
        std::min(metrics_[index(Metric::lowest_stockpile_t)], stockpile_t);
    cost_units_ += (supply + 0.0 + 0.0) * price_days;
  }
  // After the last phase: the metrics (demand after the substitution cut and its primary part,
  // t/day; `market` the clearing market's path, empty under rationing).
  TrialMetrics finish(double demand_t_per_day, double primary_t_per_day, double baseline_price,
                      const MarketPath& market = {});

 private:
  TrialMetrics metrics_{};
  double spell_ = 0.0;       // current spell of unmet demand, days
  double peak_price_ = 0.0;  // highest segment peak so far
  double cost_units_ = 0.0;  // t x price multiple
};

// The most phases one supply segment may take. Within a segment the base gap is linear and each
// response only grows, so each kind of switch can recur only a few times: the two responses cap
// once each; the gap opens and closes at most three times (it can reopen only when a response
// caps); within each shortfall stretch (at most four) inventory empties once, the decision delay
// ends once, the release saturates or unsaturates at most twice and the stockpile empties once;
// within each covered stretch (at most four) each stock fills once and the slack runs out once.
// That is at most 2 + 4 x 6 + 4 x 4 = 42 phases, plus the rare one-ulp step where rounding puts a
// switch at the phase's start; random cases reach 7 (tests/stock_pass_test.cpp). 256 leaves a
// wide margin yet stops a stuck pass at once: apply_stocks throws std::logic_error (an internal
// error: the CLI prints one line and exits non-zero) instead of looping.
inline constexpr int kMaxPhasesPerSegment = 256;

struct StockPassOptions {
  int max_phases_per_segment = kMaxPhasesPerSegment;
  // Segments whose flows are constant (flat supply, no response still building) take a path
  // that moves only the stocks; false sends every phase through the general linear-rate path
  // (the same bits, slower: tests compare the two).
  bool constant_fast_path = true;
};

// Throws std::logic_error when a segment takes more than options.max_phases_per_segment phases.
TrialMetrics apply_stocks(const Model& model, const SupplyProfile& profile,
                          const StockPolicy& policy, PhaseObserver* observer = nullptr,
                          const StockPassOptions& options = {});

// Under clearing with a stockpile released below the market price: the priced-out demand the
// stockpile serves (docs/market.md "Release price"), after the physical pass whose metrics are
// `metrics`; moves it from priced_out to served and lowers lowest_stockpile_t by it. Unmet demand
// and cost are untouched. `inverse_elasticity` is the model's 1 / e.
void serve_priced_out(TrialMetrics& metrics, const MarketPath& market, const StockPolicy& policy,
                      double demand_t_per_day, double primary_t_per_day, double inverse_elasticity,
                      double horizon_days);

// Mass-balance residual of a phase, t/day (0 up to rounding): the larger of its two ends.
double balance_residual(const Phase& phase);
double stock_residual(const Phase& phase);

}  // namespace mineflow
