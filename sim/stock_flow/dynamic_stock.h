#pragma once
// The dynamic stock model of one product category, for many regions at once, with ODYM's timing:
// stocks at the end of each year, inflow of year c is cohort c, stock_c(t) = inflow(c) * S_c(t-c),
// outflow_c(c) = inflow(c) * (1 - S_c(0)), outflow_c(t) = stock_c(t-1) - stock_c(t) for t > c.
// Totals are computed directly (cohort arrays would be years^2 x regions); any cohort's stock,
// outflow or inflow is available from the functions below. See docs/stock-flow.md.
// All functions are pure (inputs by const reference, results by value): safe to call concurrently.

#include "sim/stock_flow/region_series.h"
#include "sim/stock_flow/survival_table.h"

namespace mineflow::stock_flow {

struct DynamicStockResult {
  RegionSeries inflow;   // per year and region (= cohort inflow)
  RegionSeries outflow;  // end-of-life outflow, all cohorts
  RegionSeries stock;    // in-use stock at the end of the year, all cohorts
  // Stock-driven with negative-inflow correction only: the share of the older cohorts' stock
  // removed early in a year where the target stock fell faster than products retire (else 0).
  RegionSeries early_retirement_share;
};

// Inflow given: stock = inflow convolved with S, outflow = inflow convolved with the outflow pdf.
DynamicStockResult run_inflow_driven(const RegionSeries& inflow, const SurvivalTable& survival);

// Stock given: each year's inflow tops the surviving cohorts up to the target,
// inflow(t) = (target(t) - sum_{c<t} stock_c(t)) / S_t(0) (0 when S_t(0) = 0).
// Without correction that inflow may be negative. With `negative_inflow_correction` (ODYM's
// NegativeInflowCorrect) such a year gets zero inflow and every older cohort loses the same share
// of its stock, so the stock meets the target.
DynamicStockResult run_stock_driven(const RegionSeries& target_stock, const SurvivalTable& survival,
                                    bool negative_inflow_correction);

// By cohort (ODYM's s_c and o_c): exact, computed on demand in O(year - cohort). A cohort's
// inflow (ODYM's i) is result.inflow.at(cohort, region).
double cohort_stock(const DynamicStockResult& result, const SurvivalTable& survival, int year,
                    int cohort, int region);
double cohort_outflow(const DynamicStockResult& result, const SurvivalTable& survival, int year,
                      int cohort, int region);

}  // namespace mineflow::stock_flow
