// Balance checks that can fail: every flow of the stock pass recomputed on its own path (supply
// from the profile and the policy, stock levels from their own running sums, the decision clock
// from the supply gap), and the balance checked from those flows. The per-phase identity
// (balance_residual: unmet is demand minus everything else) stays as documentation only.

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "sim/random_stream.h"
#include "sim/trial.h"
#include "tests/sim_test_support.h"

namespace mineflow {
namespace {

class FlowLedger : public PhaseObserver {
 public:
  FlowLedger(const Model& model, const SupplyProfile& profile, const StockPolicy& policy)
      : model_(model), profile_(profile), policy_(policy) {
    demand_ = model.demand_t_per_day * (1.0 - policy.substitution_cut);
    rate_tol_ = 1e-9 * std::max(demand_, 1.0);
    tonne_tol_ = rate_tol_ * std::max(model.horizon_days, 1.0);
    inventory_ = inventory0_ = policy.commercial_inventory_days * demand_;
    stockpile_ = stockpile0_ = policy.stockpile_days * demand_;
  }

  void on_phase(const Phase& p) override {
    const double dt = p.end_day - p.start_day;
    // Supply on its own path: the profile segment that holds the phase, scaled by the policy,
    // linear between the segment's ends.
    const ProfileSegment& s = segment_at(p.start_day, p.end_day);
    auto on_segment = [&s](double a, double b, double day) {
      return a + (b - a) * (day - s.start_day) / (s.end_day - s.start_day);
    };
    double primary = (1.0 - policy_.recycling_share) * demand_;
    double recycling_base = policy_.recycling_share * demand_;
    double gap_mean = 0.0;
    for (double day : {p.start_day, p.end_day}) {
      double domestic = on_segment(s.domestic_fraction, s.domestic_fraction_end, day) * primary;
      double imports = on_segment(s.imports_fraction, s.imports_fraction_end, day) * primary;
      double recycling =
          on_segment(s.recycling_available, s.recycling_available_end, day) * recycling_base;
      bool at_start = day == p.start_day;
      EXPECT_NEAR(at_start ? p.domestic.start : p.domestic.end, domestic, rate_tol_) << at(p);
      EXPECT_NEAR(at_start ? p.imports.start : p.imports.end, imports, rate_tol_) << at(p);
      EXPECT_NEAR(at_start ? p.recycling.start : p.recycling.end, recycling, rate_tol_) << at(p);
      gap_mean += 0.5 * (demand_ - domestic - imports - recycling);
    }
    bool short_of_supply = gap_mean > rate_tol_;

    // The decision clock runs from the first day supply falls short, on its own path.
    if (short_of_supply && !in_shortfall_) shortfall_start_ = p.start_day;
    in_shortfall_ = short_of_supply;
    // Order of cover: inventory, then the stockpile, only after the decision delay, within its
    // rate; refills only when supply covers demand; nothing drawn that is not there.
    const double release_max = policy_.release_rate_of_demand * demand_;
    if (p.stockpile_release.mean() > 0.0) {
      EXPECT_LE(inventory_, tonne_tol_)
          << "stockpile released before the inventory is empty" << at(p);
      EXPECT_GE(p.start_day, shortfall_start_ + policy_.decision_delay_days - 1e-9) << at(p);
      EXPECT_LE(p.stockpile_release.start, release_max + rate_tol_) << at(p);
      EXPECT_LE(p.stockpile_release.end, release_max + rate_tol_) << at(p);
    }
    EXPECT_LE(p.inventory_draw.mean() * dt, inventory_ + tonne_tol_) << at(p);
    EXPECT_LE(p.stockpile_release.mean() * dt, stockpile_ + tonne_tol_) << at(p);
    if (short_of_supply) {
      EXPECT_EQ(p.inventory_refill + p.stockpile_refill, 0.0) << at(p);
    } else {
      EXPECT_EQ(p.inventory_draw.mean() + p.stockpile_release.mean(), 0.0) << at(p);
      EXPECT_LE(p.inventory_refill, policy_.commercial_refill_rate_of_demand * demand_ + rate_tol_);
      EXPECT_LE(p.stockpile_refill, policy_.refill_rate_of_demand * demand_ + rate_tol_);
    }
    // Unmet demand only where the stocks cannot help: the inventory is empty, and the stockpile
    // is empty, still waiting for the decision, or releasing at its full rate.
    if (p.unmet.mean() > rate_tol_) {
      EXPECT_LE(inventory_, tonne_tol_) << "unmet demand while the inventory holds stock" << at(p);
      bool may_release = stockpile_ > tonne_tol_ &&
                         p.start_day >= shortfall_start_ + policy_.decision_delay_days - 1e-9;
      if (may_release) {
        EXPECT_NEAR(p.stockpile_release.mean(), release_max, rate_tol_) << at(p);
      }
    }

    // Stock levels on their own running sums, against the levels the pass reports.
    inventory_ += (p.inventory_refill - p.inventory_draw.mean()) * dt;
    stockpile_ += (p.stockpile_refill - p.stockpile_release.mean()) * dt;
    EXPECT_NEAR(p.inventory_end_t, inventory_, tonne_tol_) << at(p);
    EXPECT_NEAR(p.stockpile_end_t, stockpile_, tonne_tol_) << at(p);
    inventory_ = p.inventory_end_t;
    stockpile_ = p.stockpile_end_t;
    gap_t_ += std::max(0.0, gap_mean) * dt;
    refilled_t_ += (p.inventory_refill + p.stockpile_refill) * dt;
    last_end_ = p.end_day;
  }

  // Unmet demand from the balance of the own-path flows: the gap supply leaves, less what the
  // stocks gave (their fall in level plus what was bought to refill them).
  void expect_unmet(const TrialMetrics& m) const {
    double stocks_gave = (inventory0_ - inventory_) + (stockpile0_ - stockpile_) + refilled_t_;
    EXPECT_NEAR(m[index(Metric::unmet_t)], gap_t_ - stocks_gave, tonne_tol_);
    EXPECT_NEAR(last_end_, model_.horizon_days, 1e-9);
  }

 private:
  const ProfileSegment& segment_at(double from, double to) const {
    for (const ProfileSegment& s : profile_.segments) {
      if (s.start_day <= from && to <= s.end_day) return s;
    }
    ADD_FAILURE() << "phase [" << from << ", " << to << ") crosses a profile segment";
    return profile_.segments.front();
  }
  static std::string at(const Phase& p) {
    return " at phase [" + std::to_string(p.start_day) + ", " + std::to_string(p.end_day) + ")";
  }

  const Model& model_;
  const SupplyProfile& profile_;
  const StockPolicy& policy_;
  double demand_ = 0.0;
  double rate_tol_ = 0.0;
  double tonne_tol_ = 0.0;
  double inventory0_ = 0.0;
  double stockpile0_ = 0.0;
  double inventory_ = 0.0;
  double stockpile_ = 0.0;
  bool in_shortfall_ = false;
  double shortfall_start_ = 0.0;
  double gap_t_ = 0.0;
  double refilled_t_ = 0.0;
  double last_end_ = 0.0;
};

// A random model, scenario and policy; `shaped`: events recover linearly, exponentially or
// along a profile, and some are caps (docs/engine.md "Event shapes"), so supply ramps inside
// segments and stocks empty inside ramps. Returns how many segments of the trial ramp.
int check_random_model(RandomStream& rng, int g, bool shaped) {
  std::vector<double> flows;
  int n = 1 + static_cast<int>(rng.uniform() * 4);
  for (int i = 0; i < n; ++i) flows.push_back(rng.uniform(0.5, 40.0));
  Model model = testing::refined_model(flows, rng.uniform(30.0, 1500.0));
  for (SupplySource& s : model.sources) {
    if (rng.uniform() < 0.5) s.spare_t_per_day = rng.uniform(0.0, 10.0);
    if (rng.uniform() < 0.3) s.lead_time_days = rng.uniform(0.0, 30.0);
  }
  std::vector<EventSpec> events;
  for (int i = 0; i < n; ++i) {
    EventSpec spec = testing::outage("S" + std::to_string(i), 0.0, 0.0);
    spec.start_day.reset();
    spec.hazard_per_year = rng.uniform(0.5, 5.0);
    spec.duration_days = {Distribution::Kind::exponential, rng.uniform(5.0, 60.0), 0.0, 0.0};
    spec.severity = {Distribution::Kind::uniform, 0.1, 1.0, 0.0};
    if (shaped) {
      double kind = rng.uniform();
      if (kind < 0.35) {
        spec.recovery.kind = RecoveryShape::Kind::linear;
        spec.recovery.recovery_days = {Distribution::Kind::uniform, 0.0, 120.0, 0.0};
      } else if (kind < 0.6) {
        spec.recovery.kind = RecoveryShape::Kind::exponential;
        spec.recovery.half_life_days = {Distribution::Kind::uniform, 5.0, 90.0, 0.0};
      } else if (kind < 0.8) {
        spec.recovery.kind = RecoveryShape::Kind::profile;
        spec.recovery.profile = {{0.0, rng.uniform()},
                                 {rng.uniform(1.0, 50.0), rng.uniform()},
                                 {rng.uniform(60.0, 200.0), rng.uniform()}};
      }
      if (spec.recovery.kind != RecoveryShape::Kind::profile && rng.uniform() < 0.3) {
        spec.cap = ExportCap{};
        spec.cap->fraction_of_baseline = {Distribution::Kind::uniform, 0.0, 1.2, 0.0};
      }
    }
    events.push_back(spec);
  }
  testing::compile_events(model, events);
  for (std::size_t e = 0; e < events.size(); ++e) {
    if (events[e].recovery.kind == RecoveryShape::Kind::profile) {
      model.events[e].targets[0].profile = events[e].recovery.profile;
    }
  }
  StockPolicy stocks;
  stocks.stockpile_days = rng.uniform() < 0.7 ? rng.uniform(0.0, 60.0) : 0.0;
  stocks.release_rate_of_demand = rng.uniform(0.1, 1.5);
  stocks.decision_delay_days = rng.uniform(0.0, 15.0);
  stocks.refill_rate_of_demand = rng.uniform(0.0, 0.3);
  stocks.commercial_inventory_days = rng.uniform() < 0.6 ? rng.uniform(0.0, 20.0) : 0.0;
  stocks.commercial_refill_rate_of_demand = rng.uniform(0.0, 0.3);
  stocks.recycling_share = rng.uniform() < 0.5 ? rng.uniform(0.0, 0.4) : 0.0;
  stocks.substitution_cut = rng.uniform() < 0.3 ? rng.uniform(0.0, 0.3) : 0.0;

  std::vector<Occurrence> occurrences;
  draw_occurrences(events, model.horizon_days, 3, static_cast<std::uint64_t>(g), occurrences);
  ProfileScratch scratch;
  SupplyProfile profile;
  build_supply_profile(model, occurrences, 3, static_cast<std::uint64_t>(g), scratch, profile);
  FlowLedger ledger(model, profile, stocks);
  TrialMetrics m = apply_stocks(model, profile, stocks, &ledger);
  ledger.expect_unmet(m);
  return static_cast<int>(std::count_if(profile.segments.begin(), profile.segments.end(),
                                        [](const ProfileSegment& s) { return s.ramped; }));
}

TEST(FlowBalance, OwnPathFlowsBalanceOnRandomModels) {
  RandomStream rng(77, 0, 5);
  for (int g = 0; g < 300; ++g) {
    SCOPED_TRACE("model " + std::to_string(g));
    check_random_model(rng, g, false);
    if (HasFailure()) break;
  }
}

TEST(FlowBalance, OwnPathFlowsBalanceWithShapedEventsAndCaps) {
  RandomStream rng(78, 0, 5);
  int ramped_segments = 0;
  for (int g = 0; g < 300; ++g) {
    SCOPED_TRACE("model " + std::to_string(g));
    ramped_segments += check_random_model(rng, g, true);
    if (HasFailure()) break;
  }
  EXPECT_GT(ramped_segments, 3000) << "the cases must ramp";
}

}  // namespace
}  // namespace mineflow
