#pragma once
// A tiny deterministic generator for test inputs (SplitMix64): same values on every platform.

#include <cstdint>

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

}  // namespace mineflow::testing
