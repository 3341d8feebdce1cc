// The background price fit (sim/calibrate/background_price_fit.h, docs/market.md "The background
// price process"): history's statistic exactly on hand-made series, the model's statistic in
// closed form where it has one, and the fit recovering the parameters of a series simulated
// with them.

#include <gtest/gtest.h>

#include <cmath>
#include <iostream>

#include "sim/calibrate/background_price_fit.h"
#include "sim/model.h"
#include "sim/supply_profile.h"
#include "sim/units.h"
#include "tests/cli_runner.h"

namespace mineflow {
namespace {

PriceSeries monthly(int start_year, int start_month, std::vector<double> values) {
  PriceSeries s;
  s.id = "hand";
  s.frequency = PriceFrequency::monthly;
  s.start_year = start_year;
  s.start_month = start_month;
  s.values = std::move(values);
  return s;
}

// 2000 from March (not whole: no multiple for 2001), 2001 all at 100, 2002 at 100 but 130 in
// June, 2003 at 80 to May (not whole: none for 2003).
TEST(BackgroundPriceFit, YearlyPeakMultipleByHand) {
  std::vector<double> v(10, 90.0);
  for (int m = 0; m < 12; ++m) v.push_back(100.0);
  for (int m = 0; m < 12; ++m) v.push_back(m == 5 ? 130.0 : 100.0);
  for (int m = 0; m < 5; ++m) v.push_back(80.0);
  const std::vector<YearlyPeak> peaks = yearly_peak_multiples(monthly(2000, 3, v), 1990, 2030);
  ASSERT_EQ(peaks.size(), 1u);
  EXPECT_EQ(peaks[0].year, 2002);
  EXPECT_DOUBLE_EQ(peaks[0].multiple, 1.3);
  // The window bounds the years; the previous year's mean is a mean, not its last month.
  EXPECT_TRUE(yearly_peak_multiples(monthly(2000, 3, v), 2003, 2030).empty());
  std::vector<double> rising;
  for (int m = 1; m <= 24; ++m) rising.push_back(m);  // 2010: 1..12 (mean 6.5); 2011: 13..24
  const std::vector<YearlyPeak> r = yearly_peak_multiples(monthly(2010, 1, rising), 2011, 2011);
  ASSERT_EQ(r.size(), 1u);
  EXPECT_DOUBLE_EQ(r[0].multiple, 24.0 / 6.5);
  EXPECT_EQ(yearly_peak_multiples(rising), std::vector<double>{24.0 / 6.5});
  // An annual series gives none.
  PriceSeries annual = monthly(2010, 1, rising);
  annual.frequency = PriceFrequency::annual;
  EXPECT_TRUE(yearly_peak_multiples(annual, 2000, 2040).empty());
}

TEST(BackgroundPriceFit, QuantilesInterpolateLinearly) {
  const PeakQuantiles q = peak_quantiles({5.0, 1.0, 4.0, 2.0, 3.0});
  EXPECT_EQ(q.years, 5);
  EXPECT_DOUBLE_EQ(q.median, 3.0);
  EXPECT_DOUBLE_EQ(q.q90, 4.6);  // h = 0.9 x 4 = 3.6: 4 + 0.6 x (5 - 4)
}

// Without volatility the factor stays exactly 1: every multiple is 1.
TEST(BackgroundPriceFit, NoVolatilityGivesMultipleOne) {
  const PeakQuantiles q = modelled_peak_quantiles(1.0, 0.0, SimulationSize{});
  EXPECT_EQ(q.years, 200 * 30);
  EXPECT_EQ(q.median, 1.0);
  EXPECT_EQ(q.q90, 1.0);
}

// A monthly series of `years` years drawn from the model's own process (another seed than the
// fit's): its yearly multiples are what history would show if the process were true.
PriceSeries simulated_series(double theta, double sigma, int years) {
  Model model;
  model.price_step_days = kDaysPerYear / 12.0;
  model.horizon_days = kDaysPerYear * (years + 10);
  const PriceStep step = price_step(theta, sigma, model.price_step_days);
  model.price_decay = step.decay;
  model.price_noise_sd = step.noise_sd;
  std::vector<double> factor;
  draw_price_factor(model, 987654321, 0, factor);
  // Drop 10 years (the factor starts at 1, the data do not).
  std::vector<double> months(factor.begin() + 120, factor.begin() + 120 + 12 * years);
  return monthly(1000, 1, months);
}

// Recovery. A series of 1,500 years at theta = 0.5 a year, sigma = 0.3: its median multiple has
// a standard error of about 1.25 x sd / sqrt(n_eff) = 1.25 x 0.2 / sqrt(750) = 0.009 (sd of the
// multiples about 0.2; consecutive years share a year, so n_eff about n / 2), and the median
// moves about 0.6 per unit of sigma near 0.3, so sigma is found within about 0.015 (1 SE); the
// bound, 0.06, is 4 SE and the grid's half step. The reversion is weakly identified by two
// quantiles (they trade off against sigma), so it is not asserted; the fitted point's own
// quantiles must be within 4 SE of the series' (median 0.036; q90, a tail, 0.08).
TEST(BackgroundPriceFit, RecoversTheVolatilityOfASimulatedSeries) {
  const double theta = 0.5, sigma = 0.3;
  const PriceSeries series = simulated_series(theta, sigma, 1500);
  FitGrid grid;
  grid.reversion_per_year = {0.25, 0.5, 1.0, 2.0};
  for (int k = 8; k <= 16; ++k) grid.volatility_per_sqrt_year.push_back(0.025 * k);
  const std::optional<BackgroundPriceFit> fit =
      fit_background_price(series, 1001, 2499, 2500, 2600, grid, SimulationSize{});
  ASSERT_TRUE(fit);
  EXPECT_EQ(fit->observed_fit.years, 1499);
  EXPECT_EQ(fit->observed_check.years, 0);
  std::cout << "recovered: reversion " << fit->reversion_per_year << " (true " << theta
            << "), volatility " << fit->volatility_per_sqrt_year << " (true " << sigma
            << "); median " << fit->modelled.median << " vs " << fit->observed_fit.median
            << ", q90 " << fit->modelled.q90 << " vs " << fit->observed_fit.q90 << "\n";
  EXPECT_NEAR(fit->volatility_per_sqrt_year, sigma, 0.06);
  EXPECT_NEAR(fit->modelled.median, fit->observed_fit.median, 0.036);
  EXPECT_NEAR(fit->modelled.q90, fit->observed_fit.q90, 0.08);
  // And a volatility off by a third is not the answer.
  grid.volatility_per_sqrt_year = {0.2, 0.4};
  const std::optional<BackgroundPriceFit> off =
      fit_background_price(series, 1001, 2499, 2500, 2600, grid, SimulationSize{});
  ASSERT_TRUE(off);
  EXPECT_GT(off->score, fit->score);
}

// Fewer than five years in the fit window: no fit.
TEST(BackgroundPriceFit, TooFewYearsGiveNoFit) {
  const PriceSeries series = simulated_series(1.0, 0.3, 6);  // years 1000-1005: 5 multiples
  EXPECT_TRUE(fit_background_price(series, 1001, 1005, 0, 0, FitGrid{}, SimulationSize{}));
  EXPECT_FALSE(fit_background_price(series, 1002, 1005, 0, 0, FitGrid{}, SimulationSize{}));
}

// The command on the bundled series (golden, seed 1). The observed columns are history's (the
// World Bank monthly series, 1994-2024: copper's 1995-2014 median 1.16491 and q90 1.76879 agree
// with an independent computation from the same months); the modelled columns and the fitted
// point are the seed-1 fit of docs/market.md's table.
TEST(BackgroundPriceFit, CalibrateCommandOnTheBundledSeries) {
  testing::CliResult r = testing::run_cli({"calibrate", "--background-prices", "--format", "csv",
                                           "--data-dir", MINEFLOW_SCENARIOS_DIR});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out,
            "mineral,series,window,from_year,to_year,years,observed_median,observed_q90,"
            "modelled_median,modelled_q90,reversion_per_year,volatility_per_sqrt_year,score\n"
            "nickel,lme_cash_monthly,fit,1995,2014,20,1.2605,2.0974,1.2632,2.1051,0,0.45,"
            "1.80396e-05\n"
            "nickel,lme_cash_monthly,check,2015,2024,10,1.2284,1.49029,1.2632,2.1051,0,0.45,"
            "1.80396e-05\n"
            "copper,lme_cash_monthly,fit,1995,2014,20,1.16491,1.76879,1.2001,1.77841,0.1,0.35,"
            "0.000914952\n"
            "copper,lme_cash_monthly,check,2015,2024,10,1.12164,1.42808,1.2001,1.77841,0.1,0.35,"
            "0.000914952\n");
  // It fits the price process only: with the hazard's backtest it is refused (exit code 2).
  EXPECT_EQ(testing::run_cli({"calibrate", "--background-prices", "--backtest", "--data-dir",
                              MINEFLOW_SCENARIOS_DIR})
                .exit_code,
            2);
}

}  // namespace
}  // namespace mineflow
