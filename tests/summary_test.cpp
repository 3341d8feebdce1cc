// summarize's one progressive selection for all quantiles and the CVaR95 tail (sim/summary.cpp)
// against a full sort: type-7 quantiles and the tail's ascending sum, bit for bit, at every
// small size (where the tail boundary and the quantile ranks meet or cross) and with ties.

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <vector>

#include "sim/random_stream.h"
#include "sim/summary.h"

namespace mineflow {
namespace {

double sorted_quantile(const std::vector<double>& sorted, double p) {
  const std::size_t n = sorted.size();
  double h = static_cast<double>(n - 1) * p;
  auto lo = static_cast<std::size_t>(std::floor(h));
  double low = sorted[lo];
  double high = lo + 1 < n ? sorted[lo + 1] : low;
  return low + (h - static_cast<double>(lo)) * (high - low);
}

double sorted_cvar(const std::vector<double>& sorted, bool higher_is_worse) {
  const std::size_t n = sorted.size();
  auto tail = static_cast<std::size_t>(std::ceil(0.05 * static_cast<double>(n)));
  double sum = 0.0;
  std::size_t first = higher_is_worse ? n - tail : 0;
  for (std::size_t i = first; i < first + tail; ++i) sum += sorted[i];
  return sum / static_cast<double>(tail);
}

bool same_bits(double a, double b) {
  return std::memcmp(&a, &b, sizeof a) == 0;
}

TEST(SummarySelection, OneSelectionPassEqualsFullSortBitForBit) {
  RandomStream rng(21, 0, 5);
  std::vector<std::size_t> sizes;
  for (std::size_t n = 1; n <= 120; ++n) sizes.push_back(n);
  for (std::size_t n : {999u, 1000u, 1001u, 4096u, 100000u}) sizes.push_back(n);
  for (std::size_t n : sizes) {
    for (int ties = 0; ties < 2; ++ties) {
      std::vector<double> values(n);
      for (double& v : values) {
        v = rng.uniform() < 0.3 ? 0.0 : rng.uniform(0.0, 1000.0);
        if (ties) v = std::round(v / 100.0);
      }
      std::vector<double> sorted = values;
      std::sort(sorted.begin(), sorted.end());
      for (bool higher : {true, false}) {
        MetricSummary s = summarize(values, higher);
        EXPECT_TRUE(same_bits(s.q50, sorted_quantile(sorted, 0.50))) << n;
        EXPECT_TRUE(same_bits(s.q90, sorted_quantile(sorted, 0.90))) << n;
        EXPECT_TRUE(same_bits(s.q95, sorted_quantile(sorted, 0.95))) << n;
        EXPECT_TRUE(same_bits(s.q99, sorted_quantile(sorted, 0.99))) << n;
        EXPECT_TRUE(same_bits(s.cvar95, sorted_cvar(sorted, higher))) << n << " " << higher;
        // The statistics computed one at a time (the wide-machine split) agree too.
        std::vector<double> scratch;
        EXPECT_TRUE(same_bits(s.q95, quantile_of(values, 0.95, scratch))) << n;
        EXPECT_TRUE(same_bits(s.cvar95, cvar95_of(values, higher, scratch))) << n;
      }
    }
  }
}

}  // namespace
}  // namespace mineflow
