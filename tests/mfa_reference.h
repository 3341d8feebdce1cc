#pragma once
// A deliberately plain dynamic stock model, one region at a time with full cohort matrices, written
// straight from ODYM's documented definitions (sf[t][c], s_c = i * sf, o_c from differences,
// stock-driven year by year with NegativeInflowCorrect). The fast model must match it to 1e-9.

#include <cstddef>
#include <vector>

#include "sim/stock_flow/lifetime.h"

namespace mineflow::testing {

struct ReferenceRun {
  std::vector<double> inflow, outflow, stock;
  std::vector<std::vector<double>> stock_by_cohort, outflow_by_cohort;  // [year][cohort]
};

inline std::vector<std::vector<double>> reference_sf(
    const std::vector<stock_flow::Lifetime>& by_cohort, std::size_t years, double age_offset_yr) {
  std::vector<std::vector<double>> sf(years, std::vector<double>(years, 0.0));
  for (std::size_t c = 0; c < years; ++c) {
    const auto& lt = by_cohort.size() == 1 ? by_cohort[0] : by_cohort[c];
    for (std::size_t t = c; t < years; ++t)
      sf[t][c] = stock_flow::survival(lt, static_cast<double>(t - c) + age_offset_yr);
  }
  return sf;
}

inline ReferenceRun reference_inflow_driven(const std::vector<double>& inflow,
                                            const std::vector<std::vector<double>>& sf) {
  std::size_t years = inflow.size();
  ReferenceRun run;
  run.inflow = inflow;
  run.stock_by_cohort.assign(years, std::vector<double>(years, 0.0));
  run.outflow_by_cohort.assign(years, std::vector<double>(years, 0.0));
  for (std::size_t t = 0; t < years; ++t)
    for (std::size_t c = 0; c <= t; ++c) run.stock_by_cohort[t][c] = inflow[c] * sf[t][c];
  for (std::size_t t = 0; t < years; ++t) {
    for (std::size_t c = 0; c < t; ++c)
      run.outflow_by_cohort[t][c] = run.stock_by_cohort[t - 1][c] - run.stock_by_cohort[t][c];
    run.outflow_by_cohort[t][t] = inflow[t] - run.stock_by_cohort[t][t];
  }
  run.stock.assign(years, 0.0);
  run.outflow.assign(years, 0.0);
  for (std::size_t t = 0; t < years; ++t)
    for (std::size_t c = 0; c < years; ++c) {
      run.stock[t] += run.stock_by_cohort[t][c];
      run.outflow[t] += run.outflow_by_cohort[t][c];
    }
  return run;
}

inline ReferenceRun reference_stock_driven(const std::vector<double>& target,
                                           const std::vector<std::vector<double>>& sf,
                                           bool correct_negative_inflow) {
  std::size_t years = target.size();
  ReferenceRun run;
  auto& s_c = run.stock_by_cohort;
  auto& o_c = run.outflow_by_cohort;
  s_c.assign(years, std::vector<double>(years, 0.0));
  o_c.assign(years, std::vector<double>(years, 0.0));
  run.inflow.assign(years, 0.0);
  for (std::size_t m = 0; m < years; ++m) {
    for (std::size_t c = 0; c < m; ++c) o_c[m][c] = s_c[m - 1][c] - s_c[m][c];
    double older = 0.0;
    for (std::size_t c = 0; c < m; ++c) older += s_c[m][c];
    double gap = target[m] - older;
    if (correct_negative_inflow && gap < 0.0) {
      double share = older != 0.0 ? -gap / older : 0.0;
      for (std::size_t c = 0; c < m; ++c) o_c[m][c] += s_c[m][c] * share;
      for (std::size_t t = m; t < years; ++t)
        for (std::size_t c = 0; c < m; ++c) s_c[t][c] *= 1.0 - share;
    } else {
      if (sf[m][m] != 0.0) run.inflow[m] = gap / sf[m][m];
      for (std::size_t t = m; t < years; ++t) s_c[t][m] = run.inflow[m] * sf[t][m];
      o_c[m][m] = run.inflow[m] * (1.0 - sf[m][m]);
    }
  }
  run.stock.assign(years, 0.0);
  run.outflow.assign(years, 0.0);
  for (std::size_t t = 0; t < years; ++t)
    for (std::size_t c = 0; c < years; ++c) {
      run.stock[t] += s_c[t][c];
      run.outflow[t] += o_c[t][c];
    }
  return run;
}

}  // namespace mineflow::testing
