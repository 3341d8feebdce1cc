#include "sim/stock_flow/dynamic_stock.h"

#include <algorithm>
#include <cassert>
#include <vector>

namespace mineflow::stock_flow {
namespace {

// y[r] += a * x[r]; regions are contiguous so this vectorises.
inline void axpy(int n, double a, const double* __restrict x, double* __restrict y) {
  for (int r = 0; r < n; ++r) y[r] += a * x[r];
}

// sum_{c < year} weight_c * S_c(year - c), the older cohorts' stock at the end of `year`.
void surviving_stock(const RegionSeries& weight, const SurvivalTable& survival, int year,
                     double* __restrict out) {
  int n = weight.regions;
  for (int r = 0; r < n; ++r) out[r] = 0.0;
  for (int c = 0; c < year; ++c) axpy(n, survival.curve(c)[year - c], weight.row(c), out);
}

}  // namespace

DynamicStockResult run_inflow_driven(const RegionSeries& inflow, const SurvivalTable& survival) {
  assert(inflow.years == survival.years());
  int years = inflow.years;
  int n = inflow.regions;
  DynamicStockResult result{inflow, RegionSeries(years, n), RegionSeries(years, n), {}};
  for (int t = 0; t < years; ++t) {
    double* __restrict stock = result.stock.row(t);
    double* __restrict outflow = result.outflow.row(t);
    for (int c = 0; c <= t; ++c) {
      const double* sf = survival.curve(c);
      int age = t - c;
      // Outflow pdf: the share leaving at this age; at age 0 whatever does not survive age 0.
      double leaving = age == 0 ? 1.0 - sf[0] : sf[age - 1] - sf[age];
      double surviving = sf[age];
      const double* __restrict in = inflow.row(c);
      // One pass over the cohort's row feeds both convolutions (stock and outflow); regions are
      // contiguous, so this vectorises.
      for (int r = 0; r < n; ++r) {
        stock[r] += surviving * in[r];
        outflow[r] += leaving * in[r];
      }
    }
  }
  return result;
}

DynamicStockResult run_stock_driven(const RegionSeries& target_stock, const SurvivalTable& survival,
                                    bool negative_inflow_correction) {
  assert(target_stock.years == survival.years());
  int years = target_stock.years;
  int n = target_stock.regions;
  DynamicStockResult result{RegionSeries(years, n), RegionSeries(years, n), RegionSeries(years, n),
                            negative_inflow_correction ? RegionSeries(years, n) : RegionSeries()};
  // Each cohort's stock is weight_c * S_c(age); the weight starts as the inflow and shrinks when a
  // negative-inflow correction retires part of the older cohorts early.
  RegionSeries scaled_weight;
  const RegionSeries& weight = negative_inflow_correction ? scaled_weight : result.inflow;
  if (negative_inflow_correction) scaled_weight = RegionSeries(years, n);
  std::vector<double> older(static_cast<std::size_t>(n));
  std::vector<double> keep(static_cast<std::size_t>(n));
  for (int t = 0; t < years; ++t) {
    surviving_stock(weight, survival, t, older.data());
    const double* target = target_stock.row(t);
    double sf0 = survival.curve(t)[0];
    double* inflow = result.inflow.row(t);
    double* early = negative_inflow_correction ? result.early_retirement_share.row(t) : nullptr;
    bool any_correction = false;
    for (int r = 0; r < n; ++r) {
      std::size_t i = static_cast<std::size_t>(r);
      double gap = target[r] - older[i];
      if (negative_inflow_correction && gap < 0.0) {
        // ODYM's NegativeInflowCorrect: no inflow; every older cohort loses the same share.
        double share = older[i] != 0.0 ? -gap / older[i] : 0.0;
        early[r] = share;
        keep[i] = 1.0 - share;
        inflow[r] = 0.0;
        any_correction = true;
      } else {
        keep[i] = 1.0;
        inflow[r] = sf0 != 0.0 ? gap / sf0 : 0.0;
      }
    }
    double* stock = result.stock.row(t);
    double* outflow = result.outflow.row(t);
    const double* previous = t > 0 ? result.stock.row(t - 1) : nullptr;
    for (int r = 0; r < n; ++r) {
      std::size_t i = static_cast<std::size_t>(r);
      double older_kept = older[i] * keep[i];
      stock[r] = older_kept + inflow[r] * sf0;
      outflow[r] = (previous ? previous[r] : 0.0) - older_kept + inflow[r] * (1.0 - sf0);
    }
    if (negative_inflow_correction) {
      if (any_correction) {
        for (int c = 0; c < t; ++c) {
          double* w = scaled_weight.row(c);
          for (int r = 0; r < n; ++r) w[r] *= keep[static_cast<std::size_t>(r)];
        }
      }
      double* w = scaled_weight.row(t);
      for (int r = 0; r < n; ++r) w[r] = inflow[r];
    }
  }
  return result;
}

double cohort_stock(const DynamicStockResult& result, const SurvivalTable& survival, int year,
                    int cohort, int region) {
  if (year < cohort) return 0.0;
  double value = result.inflow.at(cohort, region) * survival.at(year, cohort);
  if (!result.early_retirement_share.empty()) {
    for (int m = cohort + 1; m <= year; ++m) {
      value *= 1.0 - result.early_retirement_share.at(m, region);
    }
  }
  return value;
}

double cohort_outflow(const DynamicStockResult& result, const SurvivalTable& survival, int year,
                      int cohort, int region) {
  if (year < cohort) return 0.0;
  if (year == cohort) {
    return result.inflow.at(cohort, region) * (1.0 - survival.at(year, cohort));
  }
  return cohort_stock(result, survival, year - 1, cohort, region) -
         cohort_stock(result, survival, year, cohort, region);
}

}  // namespace mineflow::stock_flow
