// The dynamic stock model against closed forms, ODYM's published reference values and a plain
// per-region reference implementation (tests/mfa_reference.h).

#include <cmath>
#include <cstdio>
#include <vector>

#include <gtest/gtest.h>

#include "bench/mfa_bench_case.h"
#include "sim/stock_flow/dynamic_stock.h"
#include "sim/stock_flow/stock_flow_model.h"
#include "tests/mfa_random.h"
#include "tests/mfa_reference.h"

namespace mineflow::stock_flow {
namespace {

using testing::TestRandom;

RegionSeries one_region(const std::vector<double>& values) {
  RegionSeries s(static_cast<int>(values.size()), 1);
  s.values = values;
  return s;
}

Lifetime fixed(double mean) {
  return {LifetimeKind::fixed, mean, 0, 0, 0};
}
Lifetime exponential(double mean) {
  return {LifetimeKind::exponential, mean, 0, 0, 0};
}
Lifetime two_moment(LifetimeKind kind, double mean, double sd) {
  return {kind, mean, sd, 0, 0};
}
Lifetime weibull(double shape, double scale) {
  return {LifetimeKind::weibull, 0, 0, shape, scale};
}

// Every distribution, with parameters where the mass below age 0 matters for the normal.
std::vector<Lifetime> all_lifetimes() {
  return {fixed(7),
          fixed(3.5),
          two_moment(LifetimeKind::normal, 8, 3),
          two_moment(LifetimeKind::truncated_normal, 6, 4),
          two_moment(LifetimeKind::folded_normal, 5, 4),
          two_moment(LifetimeKind::lognormal, 12, 6),
          weibull(2.1, 14),
          exponential(9)};
}

double tolerance(double reference) {
  return 1e-9 * std::max(1.0, std::fabs(reference));
}

TEST(Lifetime, FixedLifetimeSurvivesWholeYearsBelowTheMean) {
  // ODYM: a 3.5-year fixed lifetime is still there after 0..3 years, gone after 4.
  EXPECT_EQ(survival(fixed(3.5), 3.0), 1.0);
  EXPECT_EQ(survival(fixed(3.5), 4.0), 0.0);
  EXPECT_EQ(survival(fixed(0), 0.0), 0.0);
}

TEST(Lifetime, NormalIsNotTruncatedButTruncatedNormalIs) {
  Lifetime normal = two_moment(LifetimeKind::normal, 2, 2);
  EXPECT_NEAR(survival(normal, 0.0), 0.5 * std::erfc(-1.0 / std::sqrt(2.0)), 1e-15);
  EXPECT_LT(survival(normal, 0.0), 1.0);
  EXPECT_DOUBLE_EQ(survival(two_moment(LifetimeKind::truncated_normal, 2, 2), 0.0), 1.0);
  EXPECT_DOUBLE_EQ(survival(two_moment(LifetimeKind::folded_normal, 2, 2), 0.0), 1.0);
}

TEST(Lifetime, LognormalHasTheGivenMeanAndSd) {
  // Mean and variance of the lifetime from its survival function: E[X] = int S, E[X^2] = int 2aS.
  Lifetime lt = two_moment(LifetimeKind::lognormal, 12, 6);
  double mean = 0.0;
  double second = 0.0;
  double h = 0.001;
  for (double a = h / 2; a < 400; a += h) {
    double s = survival(lt, a);
    mean += s * h;
    second += 2 * a * s * h;
  }
  EXPECT_NEAR(mean, 12.0, 1e-4);
  EXPECT_NEAR(std::sqrt(second - mean * mean), 6.0, 1e-3);
}

TEST(InflowDriven, FixedLifetimePulseStaysExactlyItsLifetime) {
  std::vector<double> inflow(10, 0.0);
  inflow[2] = 5.0;
  SurvivalTable sf({fixed(3)}, 10, InflowTiming::start_of_year);
  DynamicStockResult r = run_inflow_driven(one_region(inflow), sf);
  std::vector<double> stock{0, 0, 5, 5, 5, 0, 0, 0, 0, 0};
  std::vector<double> outflow{0, 0, 0, 0, 0, 5, 0, 0, 0, 0};
  for (int t = 0; t < 10; ++t) {
    EXPECT_EQ(r.stock.at(t, 0), stock[static_cast<std::size_t>(t)]) << t;
    EXPECT_EQ(r.outflow.at(t, 0), outflow[static_cast<std::size_t>(t)]) << t;
  }
}

TEST(InflowDriven, ZeroLifetimeLeavesInTheInflowYear) {
  SurvivalTable sf({two_moment(LifetimeKind::normal, 0, 1)}, 4, InflowTiming::start_of_year);
  DynamicStockResult r = run_inflow_driven(one_region({1, 2, 3, 4}), sf);
  for (int t = 0; t < 4; ++t) {
    EXPECT_EQ(r.stock.at(t, 0), 0.0);
    EXPECT_EQ(r.outflow.at(t, 0), t + 1.0);
  }
}

TEST(InflowDriven, ExponentialPulseDecaysGeometrically) {
  int years = 40;
  std::vector<double> inflow(static_cast<std::size_t>(years), 0.0);
  inflow[0] = 1.0;
  SurvivalTable sf({exponential(6)}, years, InflowTiming::start_of_year);
  DynamicStockResult r = run_inflow_driven(one_region(inflow), sf);
  EXPECT_NEAR(r.outflow.at(0, 0), 0.0, 1e-15);
  for (int t = 0; t < years; ++t) EXPECT_NEAR(r.stock.at(t, 0), std::exp(-t / 6.0), 1e-14);
  for (int t = 1; t < years; ++t) {
    EXPECT_NEAR(r.outflow.at(t, 0), std::exp(-(t - 1) / 6.0) - std::exp(-t / 6.0), 1e-14);
  }
}

TEST(InflowDriven, ConstantInflowReachesInflowTimesMeanLifetime) {
  int years = 400;
  RegionSeries inflow(years, 1, 3.0);
  // Fixed integer lifetime, ODYM timing: exactly inflow x lifetime.
  DynamicStockResult a =
      run_inflow_driven(inflow, SurvivalTable({fixed(12)}, years, InflowTiming::start_of_year));
  EXPECT_DOUBLE_EQ(a.stock.at(years - 1, 0), 3.0 * 12);
  EXPECT_DOUBLE_EQ(a.outflow.at(years - 1, 0), 3.0);
  // Exponential, ODYM timing: the discrete sum 1 / (1 - e^{-1/mean}), which is mean + 1/2 +
  // O(1/mean).
  DynamicStockResult b = run_inflow_driven(
      inflow, SurvivalTable({exponential(10)}, years, InflowTiming::start_of_year));
  EXPECT_NEAR(b.stock.at(years - 1, 0), 3.0 / (1.0 - std::exp(-0.1)), 1e-9);
  // Mid-year inflow: survival read at ages 0.5, 1.5, ... (the midpoint rule), so a smooth lifetime
  // gives inflow x mean lifetime; ODYM's timing adds half of S(0) (Euler-Maclaurin). The normal is
  // not truncated, so its "mean" in use is E[max(X, 0)] = m Phi(m/s) + s phi(m/s), a hair above m;
  // what is left is the endpoint term S'(0)/24 or S'(0)/12 of the quadrature, about 1e-6 here.
  Lifetime normal = two_moment(LifetimeKind::normal, 20, 5);
  double z = 20.0 / 5.0;
  double mean_in_use = 20.0 * (1.0 - 0.5 * std::erfc(z / std::sqrt(2.0))) +
                       5.0 * std::exp(-0.5 * z * z) / std::sqrt(2.0 * M_PI);
  DynamicStockResult c =
      run_inflow_driven(inflow, SurvivalTable({normal}, years, InflowTiming::mid_year));
  EXPECT_NEAR(c.stock.at(years - 1, 0), 3.0 * mean_in_use, 1e-5);
  DynamicStockResult d =
      run_inflow_driven(inflow, SurvivalTable({normal}, years, InflowTiming::start_of_year));
  EXPECT_NEAR(d.stock.at(years - 1, 0), 3.0 * (mean_in_use + 0.5 * survival(normal, 0.0)), 1e-5);
}

// Reference values from ODYM's own test suite (inflow 1..20 pattern, stock in year 60).
TEST(InflowDriven, MatchesOdymReferenceValues) {
  std::vector<double> pattern{1, 2, 3, 4, 5, 6, 7, 8, 2, 3, 5, 6, 7, 1, 2, 4, 5, 6, 7, 3};
  auto run = [&](Lifetime lt, int years) {
    std::vector<double> inflow(static_cast<std::size_t>(years), 0.0);
    std::copy(pattern.begin(), pattern.end(), inflow.begin());
    return run_inflow_driven(one_region(inflow),
                             SurvivalTable({lt}, years, InflowTiming::start_of_year));
  };
  // Lognormal with mean = sd = 20 (where ODYM's parameter conversion and ours agree).
  EXPECT_NEAR(run(two_moment(LifetimeKind::lognormal, 20, 20), 300).stock.at(60, 0),
              5.8693165260386, 1e-9);
  EXPECT_NEAR(run(two_moment(LifetimeKind::folded_normal, 20, 20), 100).stock.at(60, 0),
              6.50049047900083, 1e-12);
}

// ODYM's own test vectors (its test suite's fixed/normal fixtures and negative-inflow case).
TEST(OdymReference, FixedAndNormalInflowDrivenAndStockDriven) {
  std::vector<double> inflow{1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
  SurvivalTable fixed5({fixed(5)}, 10, InflowTiming::start_of_year);
  DynamicStockResult f = run_inflow_driven(one_region(inflow), fixed5);
  std::vector<double> fixed_stock{1, 3, 6, 10, 15, 20, 25, 30, 35, 40};
  std::vector<double> fixed_outflow{0, 0, 0, 0, 0, 1, 2, 3, 4, 5};
  EXPECT_EQ(f.stock.values, fixed_stock);
  EXPECT_EQ(f.outflow.values, fixed_outflow);
  EXPECT_EQ(run_stock_driven(one_region(fixed_stock), fixed5, false).inflow.values, inflow);

  SurvivalTable normal({two_moment(LifetimeKind::normal, 5, 1.5)}, 10, InflowTiming::start_of_year);
  DynamicStockResult n = run_inflow_driven(one_region(inflow), normal);
  std::vector<double> stock{0.99957094,  2.9953115,   5.96830193,  9.85008113,  14.4793678,
                            19.60865447, 24.99043368, 30.46342411, 35.95916467, 41.45873561};
  std::vector<double> outflow{4.29060333e-04, 4.25944090e-03, 2.70095728e-02, 1.18220793e-01,
                              3.70713330e-01, 8.70713330e-01, 1.61822079e+00, 2.52700957e+00,
                              3.50425944e+00, 4.50042906e+00};
  for (std::size_t t = 0; t < 10; ++t) {
    EXPECT_NEAR(n.stock.values[t], stock[t], 1e-8) << t;
    EXPECT_NEAR(n.outflow.values[t], outflow[t], 1e-8) << t;
  }
  // At age 5 = the mean, exactly half of the first cohort (ODYM prints 5.00000000e-01).
  EXPECT_DOUBLE_EQ(cohort_stock(n, normal, 5, 0, 0), 0.5);
}

TEST(OdymReference, NegativeInflowCorrection) {
  std::vector<double> target{0, 0, 1, 2,  3,  5, 6, 8, 8, 6, 6, 6, 6, 6, 8,
                             8, 8, 9, 10, 12, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9};
  std::vector<double> without{0,
                              0,
                              1.003845108798,
                              1.009876170898,
                              1.022946871294,
                              2.052181974193,
                              1.098597211758,
                              2.178632487261,
                              0.2864589383765,
                              -1.57838035116,
                              0.5823071731028,
                              0.7368688072826,
                              0.8609818446092,
                              0.9303172472582,
                              2.940380920226,
                              0.8868056550348,
                              0.8077321288789,
                              1.74261978268,
                              1.72284735601,
                              2.770808172213,
                              -2.13996861954,
                              0.9927014953087,
                              1.118058099656,
                              1.211591711403,
                              1.256322506739,
                              1.248773108954,
                              1.197964611415,
                              1.122904133751,
                              1.047910488113,
                              0.9952110047915};
  std::vector<double> with{0,
                           0,
                           1.003845108797608,
                           1.009876170898179,
                           1.022946871293978,
                           2.052181974192771,
                           1.09859721175781,
                           2.178632487260613,
                           0.2864589383765391,
                           0,
                           0.468909567774503,
                           0.600148064601485,
                           0.7138380402455925,
                           0.7922474677487478,
                           2.832866490884595,
                           0.8262270093751778,
                           0.7986846781384966,
                           1.775290769026188,
                           1.776531605001062,
                           2.822224969997677,
                           0,
                           0.82099326892646,
                           0.9183009967181216,
                           1.007417665416504,
                           1.076751857993922,
                           1.119633273700667,
                           1.134233884697729,
                           1.123750382153023,
                           1.096483322433279,
                           1.064262457376682};
  SurvivalTable sf({two_moment(LifetimeKind::normal, 8, 3)}, 30, InflowTiming::start_of_year);
  DynamicStockResult a = run_stock_driven(one_region(target), sf, false);
  DynamicStockResult b = run_stock_driven(one_region(target), sf, true);
  for (std::size_t t = 0; t < 30; ++t) {
    EXPECT_NEAR(a.inflow.values[t], without[t], 1e-11) << t;  // ODYM prints 13 digits here
    EXPECT_NEAR(b.inflow.values[t], with[t], 1e-12) << t;
    // With the correction the stock meets the target and the balance closes.
    EXPECT_NEAR(b.stock.values[t], target[t], 1e-12) << t;
    double change = b.stock.values[t] - (t > 0 ? b.stock.values[t - 1] : 0.0);
    EXPECT_NEAR(b.inflow.values[t] - b.outflow.values[t] - change, 0.0, 1e-12) << t;
  }
}

TEST(InflowDriven, EqualsReferenceForEveryDistributionAndManyRegions) {
  int years = 60;
  int regions = 7;
  TestRandom random(11);
  RegionSeries inflow(years, regions);
  for (double& v : inflow.values) v = random.uniform(0, 100);
  for (const Lifetime& lt : all_lifetimes()) {
    for (InflowTiming timing : {InflowTiming::start_of_year, InflowTiming::mid_year}) {
      SurvivalTable sf({lt}, years, timing);
      DynamicStockResult fast = run_inflow_driven(inflow, sf);
      auto ref_sf = testing::reference_sf({lt}, static_cast<std::size_t>(years),
                                          timing == InflowTiming::mid_year ? 0.5 : 0.0);
      for (int r = 0; r < regions; ++r) {
        std::vector<double> in(static_cast<std::size_t>(years));
        for (int t = 0; t < years; ++t) in[static_cast<std::size_t>(t)] = inflow.at(t, r);
        testing::ReferenceRun ref = testing::reference_inflow_driven(in, ref_sf);
        for (int t = 0; t < years; ++t) {
          std::size_t y = static_cast<std::size_t>(t);
          ASSERT_NEAR(fast.stock.at(t, r), ref.stock[y], tolerance(ref.stock[y]));
          ASSERT_NEAR(fast.outflow.at(t, r), ref.outflow[y], tolerance(ref.outflow[y]));
          for (int c = 0; c < years; ++c) {
            std::size_t k = static_cast<std::size_t>(c);
            ASSERT_NEAR(cohort_stock(fast, sf, t, c, r), ref.stock_by_cohort[y][k], 1e-9);
            ASSERT_NEAR(cohort_outflow(fast, sf, t, c, r), ref.outflow_by_cohort[y][k], 1e-9);
          }
        }
      }
    }
  }
}

std::vector<Lifetime> cohort_varying(int years) {
  std::vector<Lifetime> by_cohort;
  for (int c = 0; c < years; ++c) {
    by_cohort.push_back(two_moment(LifetimeKind::normal, 8.0 + 0.1 * c, 2.0 + 0.02 * c));
  }
  return by_cohort;
}

TEST(StockDriven, InflowDrivenStockFedBackReturnsTheInflow) {
  int years = 80;
  int regions = 5;
  TestRandom random(5);
  RegionSeries inflow(years, regions);
  for (double& v : inflow.values) v = random.uniform(1, 50);
  std::vector<std::vector<Lifetime>> cases;
  for (const Lifetime& lt : all_lifetimes()) cases.push_back({lt});
  cases.push_back(cohort_varying(years));
  for (const auto& by_cohort : cases) {
    SurvivalTable sf(by_cohort, years, InflowTiming::start_of_year);
    if (sf.curve(0)[0] == 0.0) continue;  // nothing survives the inflow year: stock says nothing
    DynamicStockResult forward = run_inflow_driven(inflow, sf);
    for (bool correct : {false, true}) {
      DynamicStockResult back = run_stock_driven(forward.stock, sf, correct);
      for (std::size_t i = 0; i < inflow.values.size(); ++i) {
        ASSERT_NEAR(back.inflow.values[i], inflow.values[i], 1e-9) << i;
        ASSERT_NEAR(back.outflow.values[i], forward.outflow.values[i], 1e-9) << i;
        ASSERT_NEAR(back.stock.values[i], forward.stock.values[i], 1e-9) << i;
      }
    }
  }
}

TEST(StockDriven, EqualsReferenceWithAndWithoutNegativeInflowCorrection) {
  int years = 50;
  int regions = 4;
  TestRandom random(23);
  // A stock that rises, then crashes faster than products retire (negative inflow without the
  // correction), then recovers.
  RegionSeries target(years, regions);
  for (int r = 0; r < regions; ++r) {
    for (int t = 0; t < years; ++t) {
      double base = t < 20 ? 10.0 * t : (t < 26 ? 200.0 - 30.0 * (t - 20) : 20.0 + 5.0 * (t - 26));
      target.at(t, r) = base * random.uniform(0.9, 1.1);
    }
  }
  std::vector<std::vector<Lifetime>> cases{
      {two_moment(LifetimeKind::normal, 8, 3)}, {weibull(1.8, 10)}, cohort_varying(years)};
  for (const auto& by_cohort : cases) {
    SurvivalTable sf(by_cohort, years, InflowTiming::start_of_year);
    auto ref_sf = testing::reference_sf(by_cohort, static_cast<std::size_t>(years), 0.0);
    for (bool correct : {false, true}) {
      DynamicStockResult fast = run_stock_driven(target, sf, correct);
      bool saw_negative = false;
      for (int r = 0; r < regions; ++r) {
        std::vector<double> s(static_cast<std::size_t>(years));
        for (int t = 0; t < years; ++t) s[static_cast<std::size_t>(t)] = target.at(t, r);
        testing::ReferenceRun ref = testing::reference_stock_driven(s, ref_sf, correct);
        for (int t = 0; t < years; ++t) {
          std::size_t y = static_cast<std::size_t>(t);
          saw_negative = saw_negative || ref.inflow[y] < 0.0;
          ASSERT_NEAR(fast.inflow.at(t, r), ref.inflow[y], tolerance(ref.inflow[y]));
          ASSERT_NEAR(fast.stock.at(t, r), ref.stock[y], tolerance(ref.stock[y]));
          ASSERT_NEAR(fast.outflow.at(t, r), ref.outflow[y], tolerance(ref.outflow[y]));
          if (correct) {
            EXPECT_GE(fast.inflow.at(t, r), 0.0);
          }
          for (int c = 0; c < years; ++c) {
            std::size_t k = static_cast<std::size_t>(c);
            ASSERT_NEAR(cohort_stock(fast, sf, t, c, r), ref.stock_by_cohort[y][k], 1e-9);
            ASSERT_NEAR(cohort_outflow(fast, sf, t, c, r), ref.outflow_by_cohort[y][k], 1e-9);
          }
        }
      }
      EXPECT_EQ(saw_negative, !correct);
    }
  }
}

StockFlowModel random_model(std::uint64_t seed) {
  TestRandom random(seed);
  StockFlowModel m;
  m.id = "random";
  m.first_year = 2000;
  m.years = 60;
  m.regions = {"a", "b", "c"};
  m.negative_inflow_correction = seed % 2 == 0;
  m.timing = seed % 3 == 0 ? InflowTiming::mid_year : InflowTiming::start_of_year;
  std::vector<Lifetime> lifetimes = all_lifetimes();
  for (int k = 0; k < 4; ++k) {
    CategoryModel c;
    c.id = "cat" + std::to_string(k);
    c.driver = k % 2 == 0 ? Driver::inflow : Driver::stock;
    c.driver_series = RegionSeries(m.years, 3);
    for (int t = 0; t < m.years; ++t) {
      for (int r = 0; r < 3; ++r) {
        c.driver_series.at(t, r) = c.driver == Driver::inflow
                                       ? random.uniform(0, 1000)
                                       : 100.0 * t * random.uniform(0.5, 1.5);
      }
    }
    c.lifetime_by_cohort = {lifetimes[static_cast<std::size_t>(random.uniform(0, 8))]};
    if (c.lifetime_by_cohort[0].kind == LifetimeKind::fixed) c.lifetime_by_cohort[0].mean_yr += 1;
    c.end_of_life = testing::random_end_of_life_rates(random, m.years);
    m.categories.push_back(std::move(c));
  }
  return m;
}

TEST(StockFlowModel, MassBalanceHoldsToRoundingOnRandomModels) {
  for (std::uint64_t seed = 1; seed <= 12; ++seed) {
    StockFlowResult r = run_stock_flow_model(random_model(seed));
    double scale = 0.0;
    for (double v : r.demand.values) scale = std::max(scale, std::fabs(v));
    for (const CategoryResult& c : r.categories) {
      for (double v : c.stock.stock.values) scale = std::max(scale, std::fabs(v));
    }
    for (int p = 0; p < kProcessCount; ++p) {
      for (double residual : r.residual[static_cast<std::size_t>(p)]) {
        EXPECT_LE(std::fabs(residual), 1e-12 * scale)
            << "seed " << seed << " process " << to_string(static_cast<Process>(p));
      }
    }
  }
}

TEST(StockFlowModel, SecondaryShareByHand) {
  // One-year lifetime: everything bought in year t retires in year t + 1.
  StockFlowModel m;
  m.first_year = 2020;
  m.years = 3;
  m.regions = {"world"};
  CategoryModel c;
  c.id = "tools";
  c.driver_series = RegionSeries(3, 1, 10.0);
  c.lifetime_by_cohort = {fixed(1)};
  c.end_of_life = {{0.5, 0.5, 0.5}, {0.2, 0.2, 0.5}, {0.5, 0.5, 0.5}};
  m.categories.push_back(c);
  StockFlowResult r = run_stock_flow_model(m);
  // 2021: outflow 10, collected 5, exported 1, treated 4, recovered 2 of demand 10.
  EXPECT_DOUBLE_EQ(secondary_share_in_year(r, 2020), 0.0);
  EXPECT_DOUBLE_EQ(secondary_share_in_year(r, 2021), 0.2);
  // 2022: exports 50% -> treated 2.5, recovered 1.25.
  EXPECT_DOUBLE_EQ(secondary_share_in_year(r, 2022, 0), 0.125);
  EXPECT_THROW(secondary_share_in_year(r, 2023), std::out_of_range);
  double into_market = 0.0;
  for (const SankeyFlow& f : sankey_flows_in_year(r, 2021)) {
    if (f.target == "market") into_market += f.value;
  }
  EXPECT_DOUBLE_EQ(into_market, 10.0);
}

// The benchmark's own case (200 years x 1,000 regions, normal lifetime) against the plain
// per-region reference: the fast path must give the same numbers to 1e-9.
TEST(BenchmarkCase, FastModelEqualsReferenceAtBenchmarkSize) {
  int years = bench_case::kYears;
  int regions = bench_case::kRegions;
  RegionSeries inflow = bench_case::inflow(years, regions);
  SurvivalTable sf({bench_case::kNormal}, years, InflowTiming::start_of_year);
  DynamicStockResult forward = run_inflow_driven(inflow, sf);
  DynamicStockResult back = run_stock_driven(forward.stock, sf, false);
  auto ref_sf = testing::reference_sf({bench_case::kNormal}, static_cast<std::size_t>(years), 0.0);
  double worst = 0.0;
  for (int r = 0; r < regions; ++r) {
    std::vector<double> in(static_cast<std::size_t>(years));
    std::vector<double> stock(static_cast<std::size_t>(years));
    for (int t = 0; t < years; ++t) {
      in[static_cast<std::size_t>(t)] = inflow.at(t, r);
      stock[static_cast<std::size_t>(t)] = forward.stock.at(t, r);
    }
    testing::ReferenceRun a = testing::reference_inflow_driven(in, ref_sf);
    testing::ReferenceRun b = testing::reference_stock_driven(stock, ref_sf, false);
    for (int t = 0; t < years; ++t) {
      std::size_t y = static_cast<std::size_t>(t);
      worst = std::max({worst, std::fabs(forward.stock.at(t, r) - a.stock[y]),
                        std::fabs(forward.outflow.at(t, r) - a.outflow[y]),
                        std::fabs(back.inflow.at(t, r) - b.inflow[y]),
                        std::fabs(back.outflow.at(t, r) - b.outflow[y]),
                        std::fabs(back.inflow.at(t, r) - in[y])});
    }
  }
  EXPECT_LE(worst, 1e-9);
  char text[32];
  std::snprintf(text, sizeof text, "%.3g", worst);
  RecordProperty("max_abs_difference", text);
}

}  // namespace
}  // namespace mineflow::stock_flow
