#pragma once
// A counter-based random stream: Random123 Philox4x32-10 keyed by the run seed, counting over
// (trial, stream, draw). Any trial's draws can be produced on any thread in any order, so
// results never depend on scheduling. Samplers are our own (std:: distributions differ between
// library versions).
//
// Thread safety: a RandomStream is a small value owned by one trial; copy it freely.

#include <array>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <numbers>

#include <Random123/philox.h>

namespace mineflow {

// Stream ids. Event definitions use kEventStreamBase + index so adding an event leaves every
// other event's draws unchanged.
inline constexpr std::uint32_t kPriceStream = 1;
// Hazard parameters drawn per trial (--parameter-uncertainty, docs/hazard.md).
inline constexpr std::uint32_t kParameterStream = 2;
inline constexpr std::uint32_t kEventStreamBase = 16;

// The first Philox4x32-10 block of a stream (its draws 0 and 1).
using PhiloxBlock = std::array<std::uint32_t, 4>;

// The first blocks of kPhiloxLanes consecutive streams first_stream, first_stream + 1, ... of one
// trial, computed lane by lane in lock step: the same bits as Random123's Philox4x32 (tested),
// but independent lanes instead of one dependent chain of ten rounds per stream, which is what
// a trial of many background events spends its time on.
inline constexpr std::size_t kPhiloxLanes = 16;
inline void philox_first_blocks(std::uint64_t seed, std::uint64_t trial, std::uint32_t first_stream,
                                std::array<PhiloxBlock, kPhiloxLanes>& out) {
  constexpr std::uint64_t kM0 = 0xD2511F53u, kM1 = 0xCD9E8D57u;  // Philox4x32 multipliers
  constexpr std::uint32_t kW0 = 0x9E3779B9u, kW1 = 0xBB67AE85u;  // its Weyl key increments
  std::uint32_t c0[kPhiloxLanes], c1[kPhiloxLanes], c2[kPhiloxLanes], c3[kPhiloxLanes];
  for (std::size_t i = 0; i < kPhiloxLanes; ++i) {
    c0[i] = static_cast<std::uint32_t>(trial);
    c1[i] = static_cast<std::uint32_t>(trial >> 32);
    c2[i] = first_stream + static_cast<std::uint32_t>(i);
    c3[i] = 0u;
  }
  auto k0 = static_cast<std::uint32_t>(seed);
  auto k1 = static_cast<std::uint32_t>(seed >> 32);
  for (int round = 0; round < 10; ++round) {
    for (std::size_t i = 0; i < kPhiloxLanes; ++i) {
      const std::uint64_t p0 = kM0 * c0[i];
      const std::uint64_t p1 = kM1 * c2[i];
      const auto n0 = static_cast<std::uint32_t>(p1 >> 32) ^ c1[i] ^ k0;
      const auto n2 = static_cast<std::uint32_t>(p0 >> 32) ^ c3[i] ^ k1;
      c1[i] = static_cast<std::uint32_t>(p1);
      c3[i] = static_cast<std::uint32_t>(p0);
      c0[i] = n0;
      c2[i] = n2;
    }
    k0 += kW0;
    k1 += kW1;
  }
  for (std::size_t i = 0; i < kPhiloxLanes; ++i) out[i] = {c0[i], c1[i], c2[i], c3[i]};
}

class RandomStream {
 public:
  RandomStream(std::uint64_t seed, std::uint64_t trial, std::uint32_t stream) {
    key_ = {{static_cast<std::uint32_t>(seed), static_cast<std::uint32_t>(seed >> 32)}};
    counter_ = {
        {static_cast<std::uint32_t>(trial), static_cast<std::uint32_t>(trial >> 32), stream, 0u}};
  }
  // The same stream with its first block already computed (philox_first_blocks).
  RandomStream(std::uint64_t seed, std::uint64_t trial, std::uint32_t stream,
               const PhiloxBlock& first_block)
      : RandomStream(seed, trial, stream) {
    for (int i = 0; i < 4; ++i) block_[i] = first_block[static_cast<std::size_t>(i)];
    counter_.v[3] += 1;
    left_ = 4;
  }

  // Uniform on the open interval (0, 1) with 53 random bits.
  double uniform() {
    if (left_ == 0) refill();
    std::uint64_t hi = block_[4 - left_];
    std::uint64_t lo = block_[5 - left_];
    left_ -= 2;
    return unit_from_bits(((hi << 32) | lo) >> 11);  // 53 bits
  }
  // (bits + 0.5) / 2^53 for 53 random bits. In double arithmetic the largest, 2^53 - 1, rounds
  // to exactly 1.0 (2^53 - 0.5 is not representable); that one value becomes the largest double
  // below 1, so the result is always in (0, 1) and every other draw keeps its bits.
  static double unit_from_bits(std::uint64_t bits53) {
    // Through int64 (exact below 2^53): one instruction, where unsigned 64-bit needs a branch.
    double u = (static_cast<double>(static_cast<std::int64_t>(bits53)) + 0.5) * 0x1.0p-53;
    return u < 1.0 ? u : 0x1.fffffffffffffp-1;
  }
  double uniform(double lo, double hi) { return lo + (hi - lo) * uniform(); }
  double exponential(double mean) { return -mean * std::log(uniform()); }
  // Box-Muller; the second variate is kept for the next call.
  double normal() {
    if (has_spare_) {
      has_spare_ = false;
      return spare_;
    }
    double r = std::sqrt(-2.0 * std::log(uniform()));
    double angle = 2.0 * std::numbers::pi * uniform();
    spare_ = r * std::sin(angle);
    has_spare_ = true;
    return r * std::cos(angle);
  }
  double lognormal(double median, double sigma) { return median * std::exp(sigma * normal()); }
  double triangular(double lo, double mode, double hi) {
    double u = uniform();
    double width = hi - lo;
    if (width <= 0.0) return lo;
    double cut = (mode - lo) / width;
    if (u < cut) return lo + std::sqrt(u * width * (mode - lo));
    return hi - std::sqrt((1.0 - u) * width * (hi - mode));
  }

 private:
  void refill() {
    r123::Philox4x32 philox;
    auto out = philox(counter_, key_);
    for (int i = 0; i < 4; ++i) block_[i] = out.v[i];
    counter_.v[3] += 1;
    left_ = 4;
  }

  r123::Philox4x32::key_type key_{};
  r123::Philox4x32::ctr_type counter_{};
  std::uint32_t block_[4] = {0, 0, 0, 0};
  int left_ = 0;
  double spare_ = 0.0;
  bool has_spare_ = false;
};

}  // namespace mineflow
