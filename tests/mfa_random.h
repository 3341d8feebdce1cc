#pragma once
// A tiny deterministic generator for test inputs (SplitMix64): same values on every platform.

#include <cstdint>

#include "sim/stock_flow/end_of_life.h"

namespace mineflow::testing {

class TestRandom {
 public:
  explicit TestRandom(std::uint64_t seed) : state_(seed) {}
  double uniform(double low, double high) {  // [low, high)
    return low + (high - low) * static_cast<double>(next() >> 11) * 0x1.0p-53;
  }

 private:
  std::uint64_t next() {
    std::uint64_t z = (state_ += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
  }
  std::uint64_t state_;
};

// Collection, scrap export and recovery shares drawn uniformly in [0, 1) for each year.
inline stock_flow::EndOfLifeRates random_end_of_life_rates(TestRandom& random, int years) {
  stock_flow::EndOfLifeRates rates;
  for (int t = 0; t < years; ++t) {
    rates.collection_rate.push_back(random.uniform(0, 1));
    rates.scrap_export_share.push_back(random.uniform(0, 1));
    rates.recovery_efficiency.push_back(random.uniform(0, 1));
  }
  return rates;
}

}  // namespace mineflow::testing
