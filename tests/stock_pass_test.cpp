// The stock pass as a state machine (sim/stock_pass.h): the bound on phases per supply segment
// (a stuck pass ends with one internal-error line instead of hanging), the documented phase
// count holding on random cases, and the metrics observer giving apply_stocks' numbers.

#include <gtest/gtest.h>

#include <cstring>
#include <map>
#include <stdexcept>
#include <string>

#include "sim/occurrences.h"
#include "sim/random_stream.h"
#include "sim/supply_profile.h"
#include "tests/sim_test_support.h"

namespace mineflow {
namespace {

using testing::compile_events;
using testing::outage;
using testing::refined_model;

SupplyProfile profile_of(const Model& model, const std::vector<EventSpec>& events,
                         std::uint64_t trial = 0) {
  std::vector<Occurrence> occurrences;
  draw_occurrences(events, model.horizon_days, 7, trial, occurrences);
  ProfileScratch scratch;
  SupplyProfile profile;
  build_supply_profile(model, occurrences, 7, trial, scratch, profile);
  return profile;
}

// Phases per supply segment, and everything the observer sees.
class PhaseCounter : public PhaseObserver {
 public:
  void on_phase(const Phase& p) override {
    ++per_segment[p.segment];
    metrics.on_phase(p);
  }
  std::map<const ProfileSegment*, int> per_segment;
  MetricsObserver metrics;
  int most() const {
    int out = 0;
    for (const auto& [segment, n] : per_segment) out = std::max(out, n);
    return out;
  }
};

// Every phase, field by field.
class PhaseRecorder : public PhaseObserver {
 public:
  void on_phase(const Phase& p) override { phases.push_back(p); }
  std::vector<Phase> phases;
};

bool same_bits(double a, double b) {
  return std::memcmp(&a, &b, sizeof a) == 0;
}

void expect_same_phases(const std::vector<Phase>& a, const std::vector<Phase>& b) {
  ASSERT_EQ(a.size(), b.size());
  auto rates = [](const Phase& p) {
    return std::vector<LinearRate>{p.domestic,          p.imports,    p.recycling,
                                   p.substitution,      p.new_supply, p.inventory_draw,
                                   p.stockpile_release, p.unmet};
  };
  for (std::size_t i = 0; i < a.size(); ++i) {
    const Phase& x = a[i];
    const Phase& y = b[i];
    std::vector<double> xs{x.start_day,         x.end_day,           x.inventory_refill,
                           x.stockpile_refill,  x.inventory_start_t, x.inventory_end_t,
                           x.stockpile_start_t, x.stockpile_end_t,   x.price_multiple,
                           x.price_days};
    std::vector<double> ys{y.start_day,         y.end_day,           y.inventory_refill,
                           y.stockpile_refill,  y.inventory_start_t, y.inventory_end_t,
                           y.stockpile_start_t, y.stockpile_end_t,   y.price_multiple,
                           y.price_days};
    for (std::size_t k = 0; k < xs.size(); ++k) {
      EXPECT_TRUE(same_bits(xs[k], ys[k])) << "phase " << i << " field " << k;
    }
    auto rx = rates(x);
    auto ry = rates(y);
    for (std::size_t k = 0; k < rx.size(); ++k) {
      EXPECT_TRUE(same_bits(rx[k].start, ry[k].start) && same_bits(rx[k].end, ry[k].end))
          << "phase " << i << " rate " << k;
    }
  }
}

// A 30-day full cut of the only supplier with 10 days of stockpile: the cut's segment takes two
// phases (releasing, then empty). Bounded at one phase, the pass stops with a one-line
// std::logic_error; at the default bound it runs.
TEST(StockPassBound, StuckPassThrowsOneLineInsteadOfLooping) {
  Model model = refined_model({10.0});
  std::vector<EventSpec> events{outage("S0", 20.0, 30.0)};
  compile_events(model, events);
  SupplyProfile profile = profile_of(model, events);
  StockPolicy stocks;
  stocks.stockpile_days = 10.0;
  PhaseCounter counter;
  TrialMetrics m = apply_stocks(model, profile, stocks, &counter);
  EXPECT_EQ(counter.most(), 2);
  EXPECT_NEAR(m[index(Metric::unmet_t)], 200.0, 1e-9);
  try {
    apply_stocks(model, profile, stocks, nullptr, {.max_phases_per_segment = 1});
    FAIL() << "no exception";
  } catch (const std::logic_error& error) {
    std::string what = error.what();
    EXPECT_NE(what.find("more than 1 phases"), std::string::npos) << what;
    EXPECT_EQ(what.find('\n'), std::string::npos) << what;
  }
  EXPECT_NO_THROW(apply_stocks(model, profile, stocks, nullptr, {.max_phases_per_segment = 2}));
  EXPECT_THROW(apply_stocks(model, profile, stocks, nullptr,
                            {.max_phases_per_segment = 1, .constant_fast_path = false}),
               std::logic_error);
}

// The count behind kMaxPhasesPerSegment (at most 42 phases in any segment) on random cases
// with every stock and response in play: inventory, a delayed and rate-limited stockpile, and
// both responses, under overlapping partial cuts of three suppliers with linear recoveries.
// Also: a MetricsObserver fed the phases gives apply_stocks' metrics bit for bit, the
// constant-phase fast path gives the general path's phases bit for bit, and the quiet-segment
// shortcut (no observer) the same metrics.
TEST(StockPassBound, RandomCasesStayWellInsideTheBound) {
  RandomStream rng(21, 0, 3);
  int most = 0;
  for (int c = 0; c < 300; ++c) {
    Model model =
        refined_model({rng.uniform(1.0, 10.0), rng.uniform(1.0, 10.0), rng.uniform(1.0, 10.0)});
    std::vector<EventSpec> events;
    for (int e = 0; e < 3; ++e) {
      EventSpec spec = outage("S" + std::to_string(e), 0.0, 0.0);
      spec.start_day.reset();
      spec.hazard_per_year = rng.uniform(0.5, 8.0);
      spec.duration_days = {Distribution::Kind::lognormal, rng.uniform(5.0, 60.0), 0.8, 0.0};
      spec.severity = {Distribution::Kind::uniform, 0.2, 1.0, 0.0};
      if (rng.uniform() < 0.5) {
        spec.recovery.kind = RecoveryShape::Kind::linear;
        spec.recovery.recovery_days = testing::fixed(rng.uniform(5.0, 90.0));
      }
      events.push_back(spec);
    }
    compile_events(model, events);
    StockPolicy stocks;
    stocks.commercial_inventory_days = rng.uniform(0.0, 20.0);
    stocks.stockpile_days = rng.uniform(0.0, 60.0);
    stocks.release_rate_of_demand = rng.uniform(0.1, 1.0);
    stocks.decision_delay_days = rng.uniform(0.0, 20.0);
    stocks.refill_rate_of_demand = rng.uniform(0.0, 0.3);
    stocks.commercial_refill_rate_of_demand = rng.uniform(0.0, 0.3);
    if (rng.uniform() < 0.7) {  // else no response: every flat segment takes the fast path
      stocks.response = {rng.uniform(0.0, 6.0), rng.uniform(0.0, 0.3), rng.uniform(0.0, 6.0),
                         rng.uniform(0.0, 0.3)};
    }
    for (std::uint64_t trial = 0; trial < 5; ++trial) {
      SupplyProfile profile = profile_of(model, events, trial);
      PhaseCounter counter;
      counter.metrics.start(stocks.stockpile_days * model.demand_t_per_day);
      for (const ProfileSegment& segment : profile.segments) counter.metrics.on_segment(segment);
      TrialMetrics m = apply_stocks(model, profile, stocks, &counter);
      most = std::max(most, counter.most());
      // The constant-phase fast path and the general path: the same phases, bit for bit.
      PhaseRecorder fast;
      PhaseRecorder general;
      TrialMetrics m_fast = apply_stocks(model, profile, stocks, &fast);
      TrialMetrics m_general =
          apply_stocks(model, profile, stocks, &general, {.constant_fast_path = false});
      expect_same_phases(fast.phases, general.phases);
      // Without an observer quiet segments skip building their phase: the same metrics still.
      TrialMetrics m_quiet = apply_stocks(model, profile, stocks);
      for (std::size_t k = 0; k < kMetricCount; ++k) {
        EXPECT_TRUE(same_bits(m_fast[k], m_general[k])) << to_string(static_cast<Metric>(k));
        EXPECT_TRUE(same_bits(m_quiet[k], m_general[k])) << to_string(static_cast<Metric>(k));
      }
      TrialMetrics observed = counter.metrics.finish(model.demand_t_per_day,
                                                     model.primary_t_per_day, model.baseline_price);
      for (std::size_t k = 0; k < kMetricCount; ++k) {
        EXPECT_EQ(observed[k], m[k]) << to_string(static_cast<Metric>(k));
      }
    }
  }
  EXPECT_LE(most, 42);
  EXPECT_GE(most, 3);  // the cases do reach several switches in one segment
  std::printf("most phases in one segment: %d (bound %d)\n", most, kMaxPhasesPerSegment);
}

}  // namespace
}  // namespace mineflow
