#pragma once
// The issue-5 benchmark case, shared by bench/mfa_bench.cpp and the test that checks the fast
// model against the plain reference at this size: 200 years x 1,000 regions, normal lifetime.

#include <cmath>

#include "sim/stock_flow/lifetime.h"
#include "sim/stock_flow/region_series.h"

namespace mineflow::bench_case {

inline constexpr int kYears = 200;
inline constexpr int kRegions = 1000;
inline constexpr stock_flow::Lifetime kNormal{stock_flow::LifetimeKind::normal, 15.0, 5.0, 0.0,
                                              0.0};

// A growing, wavy inflow that differs by region.
inline stock_flow::RegionSeries inflow(int years, int regions) {
  stock_flow::RegionSeries out(years, regions);
  for (int t = 0; t < years; ++t) {
    for (int r = 0; r < regions; ++r) {
      out.at(t, r) = 100.0 + 50.0 * std::sin(0.1 * t + 0.01 * r) + 0.5 * t;
    }
  }
  return out;
}

}  // namespace mineflow::bench_case
