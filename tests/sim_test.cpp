// Engine tests with known answers: exact (hand-computed), statistical (k-sigma bounds from the
// Monte Carlo standard error), mass balance on random models, common random numbers and
// thread-count determinism.

#include <gtest/gtest.h>

#include <oneapi/tbb/global_control.h>
#include <cmath>
#include <cstring>

#include "sim/daily_series.h"
#include "sim/monte_carlo.h"
#include "sim/random_stream.h"
#include "sim/residual_risk.h"
#include "sim/summary.h"
#include "sim/trial.h"
#include "tests/sim_test_support.h"

namespace mineflow {
namespace {

using testing::BalanceChecker;
using testing::compile_events;
using testing::outage;
using testing::refined_model;

TrialMetrics one_trial(const Model& model, const std::vector<EventSpec>& events,
                       const StockPolicy& stocks, std::uint64_t trial = 0,
                       PhaseObserver* observer = nullptr) {
  std::vector<Occurrence> occurrences;
  draw_occurrences(events, model.horizon_days, 7, trial, occurrences);
  ProfileScratch scratch;
  SupplyProfile profile;
  build_supply_profile(model, occurrences, 7, trial, scratch, profile);
  return apply_stocks(model, profile, stocks, observer);
}

// (a) One supplier, certain outage of d days, stockpile of s days, no rerouting:
// unmet demand is exactly max(0, d - s) days of demand.
TEST(StockpileExact, UnmetIsOutageMinusStockpileDays) {
  for (double demand : {1.0, 37.5}) {
    for (double d : {0.0, 5.0, 30.0, 90.0}) {
      for (double s : {0.0, 10.0, 30.0, 60.0}) {
        Model model = refined_model({demand});
        std::vector<EventSpec> events{outage("S0", 20.0, d)};
        compile_events(model, events);
        StockPolicy stocks;
        stocks.stockpile_days = s;
        TrialMetrics m = one_trial(model, events, stocks);
        double expected = std::max(0.0, d - s) * demand;
        EXPECT_NEAR(m[index(Metric::unmet_t)], expected, 1e-9 * demand) << "d=" << d << " s=" << s;
        EXPECT_NEAR(m[index(Metric::days_short)], std::max(0.0, d - s), 1e-9);
        EXPECT_NEAR(m[index(Metric::lowest_stockpile_t)], std::max(0.0, s - d) * demand,
                    1e-9 * demand);
      }
    }
  }
}

TEST(StockpileExact, DecisionDelayAndReleaseRate) {
  Model model = refined_model({2.0});
  std::vector<EventSpec> events{outage("S0", 10.0, 40.0)};
  compile_events(model, events);
  StockPolicy stocks;
  stocks.stockpile_days = 100.0;  // never runs out
  stocks.decision_delay_days = 5.0;
  stocks.release_rate_of_demand = 0.5;
  // 5 days fully short, then 35 days half short.
  TrialMetrics m = one_trial(model, events, stocks);
  EXPECT_NEAR(m[index(Metric::unmet_t)], 2.0 * (5.0 + 0.5 * 35.0), 1e-9);
  EXPECT_NEAR(m[index(Metric::longest_spell_days)], 40.0, 1e-9);
}

TEST(StockpileExact, CommercialInventoryCoversFirstAndDelayRunsMeanwhile) {
  Model model = refined_model({1.0});
  std::vector<EventSpec> events{outage("S0", 0.0, 50.0)};
  compile_events(model, events);
  StockPolicy stocks;
  stocks.commercial_inventory_days = 10.0;
  stocks.stockpile_days = 15.0;
  stocks.decision_delay_days = 10.0;  // elapses while industry stocks cover
  TrialMetrics m = one_trial(model, events, stocks);
  EXPECT_NEAR(m[index(Metric::unmet_t)], 25.0, 1e-9);
}

TEST(SupplyExact, PartialCutIsRationedAndReroutedToSpare) {
  Model model = refined_model({0.5, 0.5});
  model.sources[1].spare_t_per_day = 0.25;
  std::vector<EventSpec> events{outage("S0", 0.0, 100.0, 1.0)};
  compile_events(model, events);
  TrialMetrics m = one_trial(model, events, StockPolicy{});
  EXPECT_NEAR(m[index(Metric::unmet_t)], 0.25 * 100.0, 1e-9);
}

TEST(SupplyExact, LeadTimeShiftsTheCut) {
  Model model = refined_model({1.0}, 35.0);
  model.sources[0].lead_time_days = 20.0;
  std::vector<EventSpec> events{outage("S0", 10.0, 100.0)};
  compile_events(model, events);
  TrialMetrics m = one_trial(model, events, StockPolicy{});
  EXPECT_NEAR(m[index(Metric::unmet_t)], 5.0, 1e-9);
}

TEST(SupplyExact, RecyclingShareCoversItsPart) {
  Model model = refined_model({1.0});
  std::vector<EventSpec> events{outage("S0", 0.0, 10.0)};
  compile_events(model, events);
  StockPolicy stocks;
  stocks.recycling_share = 0.3;
  TrialMetrics m = one_trial(model, events, stocks);
  EXPECT_NEAR(m[index(Metric::unmet_t)], 7.0, 1e-9);
}

// Consumption below receipts (docs/engine.md, "Demand"): the focal economy keeps
// min(receipts, need) and exports the rest, so a cut reaches it only past the surplus.
// Receipts 2 t/day from two suppliers, consumption 1.2 t/day: losing S0 (1 t/day) for 10 days
// leaves 1.0 t/day, 0.2 short (2 t); losing half of it leaves 1.5, enough.
TEST(SupplyExact, SurplusOverConsumptionIsExportedFirst) {
  for (double severity : {1.0, 0.5}) {
    Model model = refined_model({1.0, 1.0});
    model.demand_t_per_day = 1.2;
    model.exports_surplus = true;
    model.primary_need_t_per_day = 1.2;
    std::vector<EventSpec> events{outage("S0", 5.0, 10.0, severity)};
    compile_events(model, events);
    BalanceChecker checker;
    TrialMetrics m = one_trial(model, events, StockPolicy{}, 0, &checker);
    EXPECT_NEAR(m[index(Metric::unmet_t)], severity == 1.0 ? 2.0 : 0.0, 1e-12) << severity;
    EXPECT_NEAR(m[index(Metric::days_short)], severity == 1.0 ? 10.0 : 0.0, 1e-12);
  }
  // Without the surplus flag the same receipts are scaled to demand: losing half of one of
  // two equal suppliers is a quarter of demand short (0.3 t/day x 10 days).
  Model model = refined_model({1.0, 1.0});
  model.demand_t_per_day = 1.2;
  std::vector<EventSpec> events{outage("S0", 5.0, 10.0, 0.5)};
  compile_events(model, events);
  TrialMetrics m = one_trial(model, events, StockPolicy{});
  EXPECT_NEAR(m[index(Metric::unmet_t)], 3.0, 1e-12);
}

// (b) Poisson outages at rate L per year, each longer than the stockpile: a shortage occurs
// within the horizon iff an outage starts before T - s, so P = 1 - exp(-L (T - s)).
TEST(PoissonOutages, ProbabilityOfAnyShortageMatchesClosedForm) {
  for (double stockpile_days : {0.0, 5.0}) {
    for (double rate : {0.3, 1.5}) {
      double horizon_days = 730.0;
      Model model = refined_model({1.0}, horizon_days);
      EventSpec spec = outage("S0", 0.0, 30.0);
      spec.start_day.reset();
      spec.hazard_per_year = rate;
      std::vector<EventSpec> events{spec};
      compile_events(model, events);
      Variant variant{&model, StockPolicy{}};
      variant.stocks.stockpile_days = stockpile_days;
      MonteCarloOptions options;
      options.trials = 20000;
      options.seed = 11;
      MonteCarloResult result = run_monte_carlo(events, horizon_days, {variant}, options);
      Proportion p = share_positive(result.values(0, Metric::unmet_t));
      double expected = 1.0 - std::exp(-rate * (horizon_days - stockpile_days) / 365.0);
      double se = std::sqrt(expected * (1.0 - expected) / 20000.0);
      EXPECT_NEAR(p.p, expected, 3.0 * se) << "rate=" << rate << " s=" << stockpile_days;
    }
  }
}

// (c) Mass balance in every phase of randomly generated models, events and policies.
TEST(MassBalance, HoldsInEveryPhaseOfRandomModels) {
  RandomStream rng(2024, 0, 99);
  for (int g = 0; g < 200; ++g) {
    Model model;
    model.focal_economy = "JPN";
    int sources = 1 + static_cast<int>(rng.uniform() * 6);
    double concentrate = 0.0;
    double refined = 0.0;
    for (int i = 0; i < sources; ++i) {
      SupplySource s;
      s.country = "C" + std::to_string(static_cast<int>(rng.uniform() * 4));
      s.import_class = rng.uniform() < 0.4 ? ImportClass::concentrate : ImportClass::refined;
      s.baseline_t_per_day = rng.uniform(0.1, 50.0);
      s.spare_t_per_day = rng.uniform() < 0.5 ? rng.uniform(0.0, 20.0) : 0.0;
      s.lead_time_days = rng.uniform() < 0.5 ? rng.uniform(0.0, 60.0) : 0.0;
      (s.import_class == ImportClass::concentrate ? concentrate : refined) += s.baseline_t_per_day;
      model.sources.push_back(s);
    }
    model.smelter_capacity_t_per_day = concentrate * rng.uniform(1.0, 1.5);
    model.primary_t_per_day = concentrate + refined;
    model.demand_t_per_day = model.primary_t_per_day;
    // Two mines, C0 with 40 % of world output: a cut there moves the price.
    model.mines.push_back({"C0", exporter_of(model, "C0", Stage::mine), 4.0, 0.0, 0.0});
    model.mines.push_back({"C9", exporter_of(model, "C9", Stage::mine), 6.0, 0.0, 0.0});
    finish_network(model);
    model.horizon_days = rng.uniform(30.0, 3650.0);
    model.price_step_days = rng.uniform(7.0, 120.0);
    model.price_noise_sd = 0.1;
    model.price_decay = 0.9;
    model.price_cap = 4.0;
    model.baseline_price = 1000.0;
    std::vector<EventSpec> events;
    for (int e = 0; e < 3; ++e) {
      EventSpec spec = outage("C" + std::to_string(e), 0.0, 0.0);
      spec.start_day.reset();
      spec.hazard_per_year = rng.uniform(0.1, 6.0);
      spec.duration_days = {Distribution::Kind::lognormal, rng.uniform(5.0, 90.0), 0.8, 0.0};
      spec.severity = {Distribution::Kind::triangular, 0.0, 0.6, 1.0};
      if (e == 2) spec.targets[0].kind = EventTarget::Kind::exports_of;
      events.push_back(spec);
    }
    compile_events(model, events);
    model.events.back().targets[0].hits.push_back({model.smelter_channel(), 0.0});
    model.events.back().targets[0].hits.push_back({model.recycling_channel(), 0.0});
    model.events.front().targets[0].hits.push_back({model.mine_channel(0), 0.0});
    StockPolicy stocks;
    stocks.stockpile_days = rng.uniform(0.0, 90.0);
    stocks.release_rate_of_demand = rng.uniform(0.1, 1.5);
    stocks.decision_delay_days = rng.uniform(0.0, 20.0);
    stocks.refill_rate_of_demand = rng.uniform(0.0, 0.3);
    stocks.commercial_inventory_days = rng.uniform(0.0, 30.0);
    stocks.recycling_share = rng.uniform(0.0, 0.5);
    stocks.substitution_cut = rng.uniform(0.0, 0.3);
    BalanceChecker checker;
    TrialMetrics m = one_trial(model, events, stocks, static_cast<std::uint64_t>(g), &checker);
    EXPECT_GT(checker.phases, 0);
    EXPECT_NEAR(checker.last_end, model.horizon_days, 1e-9);
    EXPECT_NEAR(checker.unmet_t, m[index(Metric::unmet_t)], 1e-9 * std::max(1.0, checker.unmet_t));
  }
}

// The daily series integrates the same phases: its totals equal the trial's metrics.
TEST(DailySeries, DaysAddUpToTheTrial) {
  Model model = refined_model({3.0}, 100.0);
  std::vector<EventSpec> events{outage("S0", 10.5, 30.25)};
  compile_events(model, events);
  StockPolicy stocks;
  stocks.stockpile_days = 12.0;
  stocks.refill_rate_of_demand = 0.2;
  std::vector<Occurrence> occurrences;
  draw_occurrences(events, model.horizon_days, 7, 0, occurrences);
  ProfileScratch scratch;
  SupplyProfile profile;
  build_supply_profile(model, occurrences, 7, 0, scratch, profile);
  DailySeries series(model, profile);
  TrialMetrics m = apply_stocks(model, profile, stocks, &series);
  double unmet = 0.0;
  for (const DayRecord& day : series.days()) {
    unmet += day.unmet_t;
    EXPECT_NEAR(day.domestic_t + day.imports_t + day.recycling_t + day.inventory_draw_t +
                    day.stockpile_release_t + day.unmet_t + day.refill_purchases_t,
                day.demand_t, 1e-9);
  }
  EXPECT_NEAR(unmet, m[index(Metric::unmet_t)], 1e-9);
  EXPECT_NEAR(unmet, 3.0 * (30.25 - 12.0), 1e-9);
  EXPECT_EQ(series.days().size(), 100u);
}

std::vector<EventSpec> random_events() {
  std::vector<EventSpec> events;
  for (int e = 0; e < 3; ++e) {
    EventSpec spec = outage("S" + std::to_string(e), 0.0, 0.0);
    spec.start_day.reset();
    spec.hazard_per_year = 0.8 + e;
    spec.duration_days = {Distribution::Kind::exponential, 40.0, 0.0, 0.0};
    spec.severity = {Distribution::Kind::uniform, 0.2, 1.0, 0.0};
    events.push_back(spec);
  }
  return events;
}

// (e) Common random numbers: more stockpile days never raise any trial's unmet demand.
TEST(CommonRandomNumbers, MoreStockpileNeverRaisesUnmetDemand) {
  Model model = refined_model({4.0, 2.0, 1.0}, 730.0);
  model.sources[1].spare_t_per_day = 1.0;
  std::vector<EventSpec> events = random_events();
  compile_events(model, events);
  std::vector<Variant> variants;
  for (double days : {0.0, 5.0, 20.0, 45.0, 90.0}) {
    Variant v{&model, StockPolicy{}};
    v.stocks.stockpile_days = days;
    v.stocks.decision_delay_days = 3.0;
    v.stocks.release_rate_of_demand = 0.6;
    v.stocks.commercial_inventory_days = 4.0;
    variants.push_back(v);
  }
  MonteCarloOptions options;
  options.trials = 3000;
  options.seed = 5;
  MonteCarloResult result = run_monte_carlo(events, 730.0, variants, options);
  int strictly_better = 0;
  for (std::size_t v = 1; v < variants.size(); ++v) {
    auto less = result.values(v - 1, Metric::unmet_t);
    auto more = result.values(v, Metric::unmet_t);
    for (std::size_t k = 0; k < less.size(); ++k) {
      ASSERT_LE(more[k], less[k] + 1e-9) << "trial " << k << " level " << v;
      strictly_better += more[k] < less[k] - 1e-9 ? 1 : 0;
    }
  }
  EXPECT_GT(strictly_better, 0);
}

// (d, engine level) The same bits for 1, 2, 3 and 8 threads.
TEST(Determinism, ResultsAreBitIdenticalForAnyThreadCount) {
  tbb::global_control allow(tbb::global_control::max_allowed_parallelism, 8);
  Model model = refined_model({4.0, 2.0, 1.0});
  model.price_noise_sd = 0.2;
  model.price_decay = 0.8;
  model.price_step_days = 30.0;
  std::vector<EventSpec> events = random_events();
  compile_events(model, events);
  std::vector<Variant> variants{{&model, StockPolicy{}}, {&model, StockPolicy{}}};
  variants[1].stocks.stockpile_days = 30.0;
  MonteCarloOptions options;
  options.trials = 5000;
  options.seed = 99;
  options.threads = 1;
  MonteCarloResult reference = run_monte_carlo(events, 365.0, variants, options);
  for (int threads : {2, 3, 8}) {
    options.threads = threads;
    MonteCarloResult other = run_monte_carlo(events, 365.0, variants, options);
    for (std::size_t v = 0; v < variants.size(); ++v) {
      for (std::size_t m = 0; m < kMetricCount; ++m) {
        auto a = reference.values(v, static_cast<Metric>(m));
        auto b = other.values(v, static_cast<Metric>(m));
        ASSERT_EQ(0, std::memcmp(a.data(), b.data(), a.size() * sizeof(double)))
            << threads << " threads";
      }
    }
  }
}

TEST(Summary, QuantilesAndCvarOnKnownValues) {
  std::vector<double> values;
  for (int i = 1; i <= 100; ++i) values.push_back(i);
  MetricSummary s = summarize(values, true);
  EXPECT_DOUBLE_EQ(s.mean, 50.5);
  EXPECT_DOUBLE_EQ(s.q50, 50.5);
  EXPECT_NEAR(s.q90, 90.1, 1e-12);
  EXPECT_NEAR(s.q99, 99.01, 1e-12);
  EXPECT_DOUBLE_EQ(s.cvar95, (96 + 97 + 98 + 99 + 100) / 5.0);
  EXPECT_DOUBLE_EQ(summarize(values, false).cvar95, 3.0);
  EXPECT_NEAR(s.sd, std::sqrt(841.6666666666666), 1e-9);
}

// The uniform draw stays inside the open interval (0, 1) at both ends of its 53 bits.
TEST(Samplers, UniformIsInsideTheOpenUnitInterval) {
  constexpr std::uint64_t kLargest = (std::uint64_t{1} << 53) - 1;
  EXPECT_EQ(RandomStream::unit_from_bits(0), 0x1.0p-54);
  EXPECT_LT(RandomStream::unit_from_bits(kLargest), 1.0);
  EXPECT_EQ(RandomStream::unit_from_bits(kLargest), std::nextafter(1.0, 0.0));
  EXPECT_LT(RandomStream::unit_from_bits(kLargest - 1), 1.0);
  // Above 2^52 the half is lost to rounding (ties to even): still inside, never an end point.
  EXPECT_EQ(RandomStream::unit_from_bits(std::uint64_t{1} << 52), 0.5);
}

// The samplers' means within 4 standard errors of the closed form.
TEST(Samplers, MeansMatchClosedForms) {
  RandomStream stream(3, 0, 1);
  const int n = 200000;
  auto check = [&](auto draw, double mean, double sd, const char* name) {
    double sum = 0.0;
    for (int i = 0; i < n; ++i) sum += draw();
    EXPECT_NEAR(sum / n, mean, 4.0 * sd / std::sqrt(n)) << name;
  };
  check([&] { return stream.uniform(); }, 0.5, std::sqrt(1.0 / 12.0), "uniform");
  check([&] { return stream.normal(); }, 0.0, 1.0, "normal");
  check([&] { return stream.exponential(2.0); }, 2.0, 2.0, "exponential");
  check([&] { return stream.triangular(0.0, 1.0, 4.0); }, 5.0 / 3.0,
        std::sqrt((0.0 + 1.0 + 16.0 - 0.0 - 0.0 - 4.0) / 18.0), "triangular");
  double ln_var = std::exp(0.25) * (std::exp(0.25) - 1.0);
  check([&] { return stream.lognormal(1.0, 0.5); }, std::exp(0.125), std::sqrt(ln_var),
        "lognormal");
}

}  // namespace
}  // namespace mineflow

namespace mineflow {
namespace {

// Procurement cost and peak price with a known scarcity factor and no stochastic factor.
TEST(PriceExact, ScarcityFactorPricesTheCut) {
  Model model = testing::refined_model({2.0});
  // A second refiner of the same size that does not ship to the focal economy: S0 is half of
  // world refined output.
  model.refiners.push_back(model.refiners[0]);
  model.refiners.back().country = "R1";
  finish_network(model);
  model.inverse_elasticity = 2.0;  // elasticity 0.5
  model.price_cap = 5.0;
  model.baseline_price = 10.0;
  std::vector<EventSpec> events{testing::outage("S0", 100.0, 50.0, 0.5)};
  testing::compile_events(model, events);
  model.events[0].targets[0].hits = {{model.refiner_channel(0), 0.0}};  // the refinery itself
  TrialMetrics m = one_trial(model, events, StockPolicy{});
  double scarcity = 1.0 / (0.75 * 0.75);  // (1 - 0.5 x 0.5)^(-2)
  EXPECT_NEAR(m[index(Metric::peak_price_multiple)], scarcity, 1e-12);
  double expected = 10.0 * (315.0 * 2.0 + 50.0 * 1.0 * scarcity);
  EXPECT_NEAR(m[index(Metric::procurement_cost)], expected, 1e-6);
  EXPECT_NEAR(m[index(Metric::unmet_t)], 50.0, 1e-9);
}

TEST(PriceExact, CapBindsAndStochasticFactorIsOnItsGrid) {
  Model model = testing::refined_model({1.0}, 3650.0);
  model.price_step_days = 365.0;
  model.price_noise_sd = 0.8;
  model.price_decay = 0.5;
  model.price_cap = 2.0;
  std::vector<EventSpec> events;
  testing::compile_events(model, events);
  for (std::uint64_t trial = 0; trial < 200; ++trial) {
    TrialMetrics m = one_trial(model, events, StockPolicy{}, trial);
    EXPECT_LE(m[index(Metric::peak_price_multiple)], 2.0);
    EXPECT_GE(m[index(Metric::peak_price_multiple)], 1.0);  // starts at the baseline
    EXPECT_LE(m[index(Metric::procurement_cost)], 2.0 * 3650.0 * (1 + 1e-12));
  }
}

}  // namespace
}  // namespace mineflow

namespace mineflow {
namespace {

// Residual risk reads indicators 3 and 4 by id, whatever their order.
TEST(ResidualRisk, FoundByIdInAnyOrder) {
  std::vector<IndicatorValue> after(2);
  after[0].id = IndicatorId::refined_import_stability;
  after[0].value = 0.8;
  after[1].id = IndicatorId::concentrate_import_stability;
  after[1].value = 0.4;
  ResidualImportRisks r = residual_import_risks(after, 5.0, 10.0);
  EXPECT_DOUBLE_EQ(*r.refined, 0.4);
  EXPECT_DOUBLE_EQ(*r.concentrate, 0.2);
  EXPECT_FALSE(residual_import_risks({}, 5.0, 10.0).refined.has_value());
}

}  // namespace
}  // namespace mineflow
