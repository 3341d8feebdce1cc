// Balance checks of the stock-flow model that can fail. The model's own residuals are identities
// for the market (primary = demand - secondary, clipped) and for each end-of-life split (shares
// and their complements), so here every flow is recomputed on its own path from the model's
// inputs (survival in closed form, cohort sums, the rates) and compared with the model's, and
// the whole system's balance is checked from flows that come from different paths: cumulative
// inflow = in-use stock (the survival path) + everything that left use (the outflow path).

#include <cmath>
#include <vector>

#include <gtest/gtest.h>

#include "sim/stock_flow/stock_flow_model.h"
#include "tests/mfa_random.h"

namespace mineflow::stock_flow {
namespace {

using testing::TestRandom;

constexpr int kYears = 30;
constexpr int kRegions = 2;

// Survival in closed form (start-of-year timing: read at whole ages).
double survival_closed_form(const Lifetime& lt, int age) {
  if (lt.kind == LifetimeKind::exponential) return std::exp(-age / lt.mean_yr);
  return age < lt.mean_yr ? 1.0 : 0.0;  // fixed
}

StockFlowModel random_inflow_model(std::uint64_t seed) {
  TestRandom random(seed);
  StockFlowModel m;
  m.years = kYears;
  m.regions = {"A", "B"};
  for (Lifetime lt : {Lifetime{LifetimeKind::exponential, random.uniform(2, 12), 0, 0, 0},
                      Lifetime{LifetimeKind::fixed, std::floor(random.uniform(1, 9)), 0, 0, 0}}) {
    CategoryModel c;
    c.id = "c" + std::to_string(m.categories.size());
    c.driver_series = RegionSeries(kYears, kRegions);
    for (double& v : c.driver_series.values) v = random.uniform(0, 500);
    c.lifetime_by_cohort = {lt};
    c.end_of_life = testing::random_end_of_life_rates(random, kYears);
    m.categories.push_back(std::move(c));
  }
  return m;
}

TEST(StockFlowBalance, OwnPathFlowsAndTheSystemBalance) {
  for (std::uint64_t seed = 1; seed <= 20; ++seed) {
    SCOPED_TRACE("seed " + std::to_string(seed));
    StockFlowModel model = random_inflow_model(seed);
    StockFlowResult result = run_stock_flow_model(model);
    for (int r = 0; r < kRegions; ++r) {
      double inflow_total = 0.0;  // everything that entered use, all categories and years
      double left_use = 0.0;      // everything that left it, by destination
      double final_stock = 0.0;
      for (std::size_t k = 0; k < model.categories.size(); ++k) {
        const CategoryModel& c = model.categories[k];
        const CategoryResult& got = result.categories[k];
        const Lifetime& lt = c.lifetime_by_cohort[0];
        for (int t = 0; t < kYears; ++t) {
          auto y = static_cast<std::size_t>(t);
          // Stock and outflow by cohort sums: what is left, and what left this year.
          double stock = 0.0;
          double outflow = 0.0;
          for (int cohort = 0; cohort <= t; ++cohort) {
            double in = c.driver_series.at(cohort, r);
            double now = survival_closed_form(lt, t - cohort);
            double before = cohort == t ? 1.0 : survival_closed_form(lt, t - cohort - 1);
            stock += in * now;
            outflow += in * (before - now);
          }
          double scale = 1e-9 * std::max(1.0, stock);
          EXPECT_NEAR(got.stock.stock.at(t, r), stock, scale) << "year " << t;
          EXPECT_NEAR(got.stock.outflow.at(t, r), outflow, scale) << "year " << t;
          // End of life from the rates, each flow on its own.
          double collected = outflow * c.end_of_life.collection_rate[y];
          double treated = collected * (1.0 - c.end_of_life.scrap_export_share[y]);
          double recovered = treated * c.end_of_life.recovery_efficiency[y];
          EXPECT_NEAR(got.end_of_life.secondary_recovered.at(t, r), recovered, scale);
          EXPECT_NEAR(got.end_of_life.scrap_exported.at(t, r), collected - treated, scale);
          // The model's flows, for the system balance.
          inflow_total += got.stock.inflow.at(t, r);
          left_use += got.end_of_life.uncollected_loss.at(t, r) +
                      got.end_of_life.scrap_exported.at(t, r) +
                      got.end_of_life.recycling_loss.at(t, r) +
                      got.end_of_life.secondary_recovered.at(t, r);
        }
        final_stock += got.stock.stock.at(kYears - 1, r);
      }
      // Stock comes from the survival curve, what left use from the outflow curve: a real check.
      EXPECT_NEAR(inflow_total, final_stock + left_use, 1e-9 * inflow_total) << "region " << r;
      // The market from the model's demand and supply, against demand from the inputs.
      for (int t = 0; t < kYears; ++t) {
        double demand = 0.0;
        double secondary = 0.0;
        for (std::size_t k = 0; k < model.categories.size(); ++k) {
          demand += model.categories[k].driver_series.at(t, r);
          secondary += result.categories[k].end_of_life.secondary_recovered.at(t, r);
        }
        EXPECT_NEAR(result.primary_demand.at(t, r) + secondary - result.secondary_surplus.at(t, r),
                    demand, 1e-9 * std::max(1.0, demand))
            << "year " << t;
        EXPECT_GE(result.primary_demand.at(t, r), 0.0);
      }
    }
  }
}

}  // namespace
}  // namespace mineflow::stock_flow
