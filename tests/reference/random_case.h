#pragma once
// Random networks and scenarios for the differential test, from a seed. The tests' own
// generator, so a seed names the same case on every platform and no random code is shared with
// sim/.

#include <algorithm>
#include <cstdint>

#include "tests/mfa_random.h"
#include "tests/reference/reference_case.h"

namespace mineflow::reference {

// Whole numbers and coin flips on the tests' own generator (tests/mfa_random.h, SplitMix64).
class CaseRandom {
 public:
  explicit CaseRandom(std::uint64_t seed) : random_(seed) {}
  double uniform(double lo, double hi) { return random_.uniform(lo, hi); }
  int integer(int lo, int hi) {  // inclusive
    return std::min(hi, lo + static_cast<int>(random_.uniform(0.0, hi - lo + 1.0)));
  }
  bool chance(double p) { return random_.uniform(0.0, 1.0) < p; }

 private:
  testing::TestRandom random_;
};

Case random_case(std::uint64_t seed);

// Stock levers and price constants, drawn the same way for every kind of case.
void random_stocks_and_price(CaseRandom& r, Case& c);

// What every kind of case draws after its network, in this order: a secondary supply, lead
// times, a horizon of 30 to `max_horizon_days`, up to five events whose hits come from
// `random_hit(r, network)`, then the stock levers and price constants.
template <typename RandomHit>
void random_supply_events_and_stocks(CaseRandom& r, Case& c, int max_horizon_days,
                                     RandomHit random_hit) {
  Network& net = c.network;
  double primary = 0.0;
  for (const Supplier& s : net.suppliers) primary += s.t_per_day;
  if (r.chance(0.5)) net.secondary_t_per_day = primary * r.uniform(0.05, 0.4);
  net.concentrate_lead_days = r.chance(0.5) ? 0 : r.integer(1, 40);
  net.refined_lead_days = r.chance(0.5) ? 0 : r.integer(1, 40);

  c.horizon_days = r.integer(30, max_horizon_days);
  int events = r.integer(0, 5);
  for (int e = 0; e < events; ++e) {
    Event event;
    event.start_day = r.integer(0, c.horizon_days + 10);
    event.duration_days = r.integer(0, 120);
    int hits = r.integer(1, 3);
    for (int h = 0; h < hits; ++h) event.hits.push_back(random_hit(r, net));
    c.events.push_back(event);
  }
  random_stocks_and_price(r, c);
}

// Random multi-tier cases (random_tier_case.cpp): mines, the concentrate market, refiners with
// feed links and spare capacity, export restrictions by stage. Whole-day boundaries.
Case random_tier_case(std::uint64_t seed);

// Shaped variants (random_shapes.cpp): the same cases with some hits given a linear recovery
// or a profile on whole days, and some step or linear hits a cap (a fraction of baseline, with
// or without utilisation), drawn from a stream of their own so the base case stays as it was.
void add_random_shapes(std::uint64_t seed, Case& c);
Case random_shaped_case(std::uint64_t seed);
Case random_shaped_tier_case(std::uint64_t seed);
// The shaped multi-tier cases under a clearing market (random_shapes.cpp).
Case random_clearing_case(std::uint64_t seed);

}  // namespace mineflow::reference
