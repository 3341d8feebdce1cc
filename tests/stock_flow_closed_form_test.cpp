// Survival functions and ODYM's stock-driven normal case against closed forms written here, not
// through stock_flow::survival() (which tests/mfa_reference.h shares with production).

#include <cmath>
#include <vector>

#include <gtest/gtest.h>

#include "sim/stock_flow/dynamic_stock.h"
#include "sim/stock_flow/survival_table.h"

namespace mineflow::stock_flow {
namespace {

// Upper tail of the standard normal.
double upper_tail(double z) {
  return 0.5 * std::erfc(z / std::sqrt(2.0));
}

// S(a) = exp(-(a / scale)^shape).
double weibull_closed_form(double shape, double scale, double age) {
  return std::exp(-std::pow(age / scale, shape));
}

// N(mean, sd) conditioned on X >= 0: S(a) = Q((a - mean) / sd) / Q(-mean / sd).
double truncated_normal_closed_form(double mean, double sd, double age) {
  return upper_tail((age - mean) / sd) / upper_tail(-mean / sd);
}

void expect_close(double got, double expected, double age) {
  EXPECT_NEAR(got, expected, 1e-14 + 1e-12 * expected) << "age " << age;
}

TEST(SurvivalClosedForm, WeibullEveryAgeBothTimings) {
  for (double shape : {0.7, 1.0, 2.1, 3.5}) {
    for (double scale : {4.0, 14.0}) {
      Lifetime lt{LifetimeKind::weibull, 0.0, 0.0, shape, scale};
      for (double age = 0.0; age <= 60.0; age += 0.5) {
        expect_close(survival(lt, age), weibull_closed_form(shape, scale, age), age);
      }
      SurvivalTable start({lt}, 40, InflowTiming::start_of_year);
      SurvivalTable mid({lt}, 40, InflowTiming::mid_year);
      for (int year = 3; year < 40; ++year) {
        expect_close(start.at(year, 3), weibull_closed_form(shape, scale, year - 3), year);
        expect_close(mid.at(year, 3), weibull_closed_form(shape, scale, year - 3 + 0.5), year);
      }
    }
  }
  // Hand values (Python math.exp): shape 2.1, scale 14 at 7 years; shape 0.7 at 30 years.
  EXPECT_NEAR(survival({LifetimeKind::weibull, 0, 0, 2.1, 14.0}, 7.0), 0.7919490279528557, 1e-15);
  EXPECT_NEAR(survival({LifetimeKind::weibull, 0, 0, 0.7, 14.0}, 30.0), 0.18179317446340426, 1e-15);
}

TEST(SurvivalClosedForm, TruncatedNormalEveryAgeBothTimings) {
  for (auto [mean, sd] : {std::pair{6.0, 4.0}, {2.0, 2.0}, {10.0, 1.0}, {1.0, 5.0}}) {
    Lifetime lt{LifetimeKind::truncated_normal, mean, sd, 0.0, 0.0};
    EXPECT_DOUBLE_EQ(survival(lt, 0.0), 1.0);
    for (double age = 0.0; age <= 40.0; age += 0.5) {
      expect_close(survival(lt, age), truncated_normal_closed_form(mean, sd, age), age);
    }
    SurvivalTable start({lt}, 30, InflowTiming::start_of_year);
    SurvivalTable mid({lt}, 30, InflowTiming::mid_year);
    for (int year = 0; year < 30; ++year) {
      expect_close(start.at(year, 0), truncated_normal_closed_form(mean, sd, year), year);
      expect_close(mid.at(year, 0), truncated_normal_closed_form(mean, sd, year + 0.5), year);
    }
  }
  // Hand values (Python math.erfc): Q(0) / Q(-1) for (2, 2) at 2 years; (6, 4) at 10 years.
  EXPECT_NEAR(survival({LifetimeKind::truncated_normal, 2.0, 2.0, 0, 0}, 2.0), 0.5942867086725301,
              1e-15);
  EXPECT_NEAR(survival({LifetimeKind::truncated_normal, 6.0, 4.0, 0, 0}, 10.0), 0.1700133714567664,
              1e-15);
}

// ODYM's normal(5, 1.5) fixture, stock-driven: its printed stock (8-9 digits) returns the
// inflow 1..10 that made it; an independent recursion, I_t = (stock_t - sum_{c<t} I_c S(t-c)) /
// S(0) with S from the closed form, gives the inflow and outflow to rounding.
TEST(OdymReference, StockDrivenNormalReturnsTheInflow) {
  std::vector<double> odym_stock{0.99957094,  2.9953115,   5.96830193,  9.85008113,  14.4793678,
                                 19.60865447, 24.99043368, 30.46342411, 35.95916467, 41.45873561};
  Lifetime normal{LifetimeKind::normal, 5.0, 1.5, 0.0, 0.0};
  SurvivalTable table({normal}, 10, InflowTiming::start_of_year);
  RegionSeries target(10, 1);
  target.values = odym_stock;
  DynamicStockResult r = run_stock_driven(target, table, false);

  std::vector<double> inflow;
  for (int t = 0; t < 10; ++t) {
    double in_use = 0.0;
    for (int c = 0; c < t; ++c)
      in_use += inflow[static_cast<std::size_t>(c)] * upper_tail((t - c - 5.0) / 1.5);
    inflow.push_back((odym_stock[static_cast<std::size_t>(t)] - in_use) / upper_tail(-5.0 / 1.5));
  }
  for (int t = 0; t < 10; ++t) {
    auto k = static_cast<std::size_t>(t);
    EXPECT_NEAR(r.inflow.at(t, 0), t + 1.0, 1e-7) << t;  // ODYM printed 8-9 digits
    EXPECT_NEAR(r.inflow.at(t, 0), inflow[k], 1e-12) << t;
    EXPECT_NEAR(r.stock.at(t, 0), odym_stock[k], 1e-12) << t;
    // Outflow = inflow - stock change.
    double previous = t == 0 ? 0.0 : odym_stock[k - 1];
    EXPECT_NEAR(r.outflow.at(t, 0), inflow[k] - (odym_stock[k] - previous), 1e-12) << t;
  }
}

}  // namespace
}  // namespace mineflow::stock_flow
