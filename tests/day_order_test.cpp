// order_by_day must give exactly the order std::sort gives (day, index) pairs, on the days a
// trial's effects have (spread over the horizon) and on the ones that are hardest for buckets:
// ties, runs in one bucket, days before 0 and past the horizon, +inf, a zero horizon.
#include "sim/day_order.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <limits>
#include <random>

namespace mineflow {
namespace {

std::vector<std::uint32_t> sorted_pairs(const std::vector<double>& days) {
  std::vector<std::pair<double, std::uint32_t>> pairs;
  for (std::uint32_t i = 0; i < days.size(); ++i) pairs.emplace_back(days[i], i);
  std::sort(pairs.begin(), pairs.end());
  std::vector<std::uint32_t> order;
  for (const auto& p : pairs) order.push_back(p.second);
  return order;
}

void expect_same_order(const std::vector<double>& days, double horizon) {
  DayOrderScratch scratch;
  std::vector<std::uint32_t> order;
  order_by_day(days, horizon, scratch, order);
  EXPECT_EQ(order, sorted_pairs(days)) << days.size() << " days, horizon " << horizon;
}

TEST(DayOrder, HandCases) {
  const double inf = std::numeric_limits<double>::infinity();
  expect_same_order({}, 365.0);
  expect_same_order({5.0}, 365.0);
  // Ties keep index order; -0.0 equals 0.0; past the horizon and +inf go last, in day order.
  expect_same_order({3.0, 1.0, 3.0, 0.0, -0.0, 400.0, inf, 365.0, 1.0, 364.9999}, 365.0);
  // Hand-checked: days 2, 1, 2, 0.5 -> indices 3 (0.5), 1 (1), 0 (2), 2 (2).
  DayOrderScratch scratch;
  std::vector<std::uint32_t> order;
  order_by_day({2.0, 1.0, 2.0, 0.5}, 10.0, scratch, order);
  EXPECT_EQ(order, (std::vector<std::uint32_t>{3, 1, 0, 2}));
  // Days before 0 share the first bucket; a zero horizon puts everything in one bucket.
  expect_same_order({-5.0, 2.0, -1.0, 0.0, -5.0}, 365.0);
  expect_same_order({4.0, 3.0, 2.0, 1.0, 0.0}, 0.0);
}

TEST(DayOrder, RandomDaysMatchTheSortedPairs) {
  std::mt19937_64 rng(7);
  std::uniform_real_distribution<double> spread(-10.0, 800.0);
  std::uniform_int_distribution<int> whole(0, 20);
  DayOrderScratch scratch;  // reused across sizes, as a trial's scratch is
  for (int round = 0; round < 2000; ++round) {
    const std::size_t n = static_cast<std::size_t>(round % 300);
    std::vector<double> days(n);
    for (double& day : days) {
      // A third whole days from a narrow range (many ties, crowded buckets), the rest spread
      // before, across and past a one-year horizon.
      day = round % 3 == 0 ? static_cast<double>(whole(rng)) : spread(rng);
    }
    std::vector<std::uint32_t> order;
    order_by_day(days, 365.0, scratch, order);
    ASSERT_EQ(order, sorted_pairs(days)) << "round " << round;
  }
}

}  // namespace
}  // namespace mineflow
