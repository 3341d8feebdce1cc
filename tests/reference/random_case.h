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
