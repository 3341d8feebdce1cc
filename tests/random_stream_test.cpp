// The lane-parallel Philox of the event draws (philox_first_blocks) against Random123 itself:
// exact, for seeds and trials that use both 32-bit halves, and a stream started from a
// precomputed block draws the same values as one that computes its own.
#include "sim/random_stream.h"

#include <cstdint>

#include <gtest/gtest.h>

namespace mineflow {
namespace {

TEST(PhiloxFirstBlocks, EqualRandom123BitForBit) {
  const std::uint64_t seeds[] = {0, 1, 0xFFFFFFFFu, 0x123456789ABCDEFull, ~0ull};
  const std::uint64_t trials[] = {0, 7, 0xFFFFFFFFull, 0x100000000ull, 0xDEADBEEFCAFEull};
  const std::uint32_t firsts[] = {0u, kEventStreamBase, 0xFFFFFFF8u};  // the last one wraps
  r123::Philox4x32 philox;
  for (std::uint64_t seed : seeds) {
    for (std::uint64_t trial : trials) {
      for (std::uint32_t first : firsts) {
        std::array<PhiloxBlock, kPhiloxLanes> blocks;
        philox_first_blocks(seed, trial, first, blocks);
        r123::Philox4x32::key_type key = {
            {static_cast<std::uint32_t>(seed), static_cast<std::uint32_t>(seed >> 32)}};
        for (std::size_t i = 0; i < kPhiloxLanes; ++i) {
          r123::Philox4x32::ctr_type counter = {{static_cast<std::uint32_t>(trial),
                                                 static_cast<std::uint32_t>(trial >> 32),
                                                 first + static_cast<std::uint32_t>(i), 0u}};
          auto expected = philox(counter, key);
          for (std::size_t w = 0; w < 4; ++w) {
            EXPECT_EQ(blocks[i][w], expected.v[w])
                << "seed " << seed << " trial " << trial << " stream " << first + i;
          }
        }
      }
    }
  }
}

TEST(PhiloxFirstBlocks, StreamFromBlockDrawsTheSameValues) {
  std::array<PhiloxBlock, kPhiloxLanes> blocks;
  philox_first_blocks(42, 123456789, kEventStreamBase, blocks);
  for (std::uint32_t i = 0; i < kPhiloxLanes; ++i) {
    RandomStream plain(42, 123456789, kEventStreamBase + i);
    RandomStream primed(42, 123456789, kEventStreamBase + i, blocks[i]);
    for (int draw = 0; draw < 11; ++draw) {  // across the first block into later ones
      EXPECT_EQ(plain.uniform(), primed.uniform()) << "stream " << i << " draw " << draw;
      EXPECT_EQ(plain.normal(), primed.normal());
    }
  }
}

}  // namespace
}  // namespace mineflow
