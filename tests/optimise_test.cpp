// Tests of `mineflow optimise` (issue 27): the least-cost mix on a hand-checkable two-lever case
// whose optimum is a vertex of a linear program (exact), the same optimum as a brute-force grid
// on a small random case, a frontier whose cost never rises as the target loosens, the budget
// split on hand-made hulls (exact), the recommended mix meeting its target when run on its own
// with a fresh seed, byte-identical CLI output at 1 and 2 threads, and bad input on one line
// with exit code 2.

#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <memory>
#include <regex>
#include <sstream>

#include "sim/optimise/budget_split.h"
#include "sim/optimise/mix_evaluator.h"
#include "sim/optimise/optimise_search.h"
#include "sim/optimise/structural_levers.h"
#include "tests/cli_runner.h"
#include "tests/sim_test_support.h"
#include "tests/sweep_test_support.h"
#include "tools/io/levers_loader.h"

namespace mineflow {
namespace {

namespace fs = std::filesystem;
using testing::compile_events;
using testing::outage;
using testing::refined_model;
using testing::run_cli;
using testing::scenarios_dir;

// One supplier of 10 t/day, a certain total outage of 50 days from day 100, release at full
// demand from day one, no inventory: with s stockpile days and recycling share r (domestic,
// not cut), unmet = 10 (1 - r) 50 - 10 s = 500 (1 - r) - 10 s t.
struct OneSupplier : testing::OneSupplier {
  OneSupplier() : testing::OneSupplier(50.0, 0.0, 1000.0) {}
};

MixBasis basis_of(const SweepSetup& setup) {
  MixBasis basis;
  basis.demand_t_per_day = setup.model->demand_t_per_day;
  basis.price_usd_per_t = setup.model->baseline_price;
  return basis;
}

EvaluatorOptions exact_options() {
  EvaluatorOptions options;
  options.trials = 8;
  options.threads = 1;
  return options;
}

TEST(OptimiseExact, UnmetIsLinearInBothLevers) {
  OneSupplier s;
  LeverCosts costs;
  costs.max_recycling_share = 1.0;
  MixEvaluator evaluator(s.setup, basis_of(s.setup), costs, exact_options());
  std::vector<MixCell> cells =
      evaluator.evaluate({{0.0, 0.0, 0.0}, {15.0, 0.0, 0.0}, {0.0, 0.5, 0.0}, {15.0, 0.5, 0.0}});
  EXPECT_DOUBLE_EQ(cells[0].stats.unmet_t.value, 500.0);
  EXPECT_DOUBLE_EQ(cells[1].stats.unmet_t.value, 350.0);
  EXPECT_DOUBLE_EQ(cells[2].stats.unmet_t.value, 250.0);
  EXPECT_DOUBLE_EQ(cells[3].stats.unmet_t.value, 100.0);
  // Rationing prices nothing out: demand not served is the unmet demand, bit for bit.
  for (const MixCell& cell : cells) EXPECT_EQ(cell.not_served_t.value, cell.stats.unmet_t.value);
  // Costs: a day holds 10 t worth 10,000 USD at 10 %/yr; a share point of 3,650 t/yr at
  // 10 USD/t... here recycling costs nothing (usd_per_t 0).
  EXPECT_DOUBLE_EQ(cells[1].cost.stockpile_usd_per_year, 15.0 * 10.0 * 1000.0 * 0.10);
  EXPECT_DOUBLE_EQ(cells[3].cost.recycling_usd_per_year, 0.0);
}

// unmet_t <= 100 needs 10 s + 500 r >= 400. Cost: 1,000 USD per day (10 t x 1,000 USD/t x
// 10 %/yr) + 36,500 USD per unit share (3,650 t/yr x 10 USD/t). Along the constraint a unit of
// share saves 50 days (50,000 USD) for 36,500 USD, so the optimum is the vertex at the share's
// maximum: r = 0.5, s = 15, cost 15,000 + 18,250 = 33,250 USD/yr. With recycling at 30 USD/t
// (109,500 USD per unit share) the other vertex wins: r = 0, s = 40, cost 40,000 USD/yr.
TEST(OptimiseExact, OptimumIsTheHandComputedVertex) {
  struct Case {
    double recycling_usd_per_t, days, share, cost;
  };
  for (const Case& c : {Case{10.0, 15.0, 0.5, 33250.0}, Case{30.0, 40.0, 0.0, 40000.0}}) {
    OneSupplier s;
    LeverCosts costs;
    costs.recycling_usd_per_t = c.recycling_usd_per_t;
    costs.max_recycling_share = 0.5;
    costs.max_stockpile_days = 180.0;
    MixEvaluator evaluator(s.setup, basis_of(s.setup), costs, exact_options());
    SearchOptions search;
    search.days_tolerance = 0.01;
    OptimiseFinding f = optimise_mix(evaluator, parse_sweep_target("unmet_t<=100"), search);
    ASSERT_TRUE(f.best.has_value());
    EXPECT_DOUBLE_EQ(f.best->mix.recycling_share, c.share);
    // The days search returns the smallest evaluated days meeting the target: within its
    // tolerance above the vertex, never below.
    EXPECT_GE(f.best->mix.stockpile_days, c.days - 1e-9);
    EXPECT_LE(f.best->mix.stockpile_days, c.days + 0.01);
    EXPECT_GE(f.best->cost.total(), c.cost - 1e-6);
    EXPECT_LE(f.best->cost.total(), c.cost + 0.01 * 1000.0 + 1e-6);
    EXPECT_TRUE(meets(*f.best, f.target, 2.0));
    // Never dearer than stockpile alone (40 days).
    ASSERT_TRUE(f.stockpile_only.has_value());
    EXPECT_NEAR(f.stockpile_only->mix.stockpile_days, 40.0, 0.01);
    EXPECT_LE(f.best->cost.total(), f.stockpile_only->cost.total());
  }
}

TEST(OptimiseExact, UnreachableTargetReportsTheBestReachable) {
  OneSupplier s;
  LeverCosts costs;
  costs.max_stockpile_days = 10.0;  // at most 100 t held: unmet >= 500 (1 - 0.2) - 100 = 300
  costs.max_recycling_share = 0.2;
  MixEvaluator evaluator(s.setup, basis_of(s.setup), costs, exact_options());
  OptimiseFinding f = optimise_mix(evaluator, parse_sweep_target("unmet_t<=100"), {});
  EXPECT_FALSE(f.best.has_value());
  EXPECT_DOUBLE_EQ(f.best_reachable.stats.unmet_t.value, 300.0);
  EXPECT_DOUBLE_EQ(f.best_reachable.mix.stockpile_days, 10.0);
  EXPECT_DOUBLE_EQ(f.best_reachable.mix.recycling_share, 0.2);
}

// Poisson outages of two suppliers: the optimiser's answer against the cheapest accepted mix of
// a brute-force grid (days every 0.5, shares every 0.01, substitution every 0.02) on the same
// trials. Both are exact evaluations of the same estimator, so the optimiser is never dearer
// than the grid by more than its own tolerances, nor cheaper than the grid by more than the
// grid's spacing.
// Two suppliers, S0 and S1 (6 and 4 t/day, refined), each cut completely at its own Poisson
// rate for 10-60 days; a stockpile released at half of demand after 2 days. The brute-force
// tests' case; `s1_capacity_added` gives S1 room to take diverted tonnes.
struct HazardCase {
  Model model;
  std::vector<EventSpec> events;
  SweepSetup setup;
};

std::unique_ptr<HazardCase> hazard_case(double s0_per_year, double s1_per_year,
                                        double s1_capacity_added = 0.0) {
  auto c = std::make_unique<HazardCase>();
  c->model = refined_model({6.0, 4.0});
  c->model.refiners[1].capacity_t_per_day += s1_capacity_added;
  for (const auto& [country, hazard] :
       {std::pair{"S0", s0_per_year}, std::pair{"S1", s1_per_year}}) {
    EventSpec e = outage(country, 0.0, 40.0);
    e.start_day.reset();
    e.hazard_per_year = hazard;
    e.duration_days = Distribution{Distribution::Kind::uniform, 10.0, 60.0, 0.0};
    c->events.push_back(e);
  }
  compile_events(c->model, c->events);
  c->model.baseline_price = 1000.0;
  c->setup.events = &c->events;
  c->setup.horizon_days = 365.0;
  c->setup.model = &c->model;
  c->setup.stocks.release_rate_of_demand = 0.5;
  c->setup.stocks.decision_delay_days = 2.0;
  return c;
}

TEST(OptimiseBruteForce, SameOptimumAsAFineGrid) {
  const auto hazard = hazard_case(0.6, 0.6);
  const SweepSetup& setup = hazard->setup;
  LeverCosts costs;
  costs.max_stockpile_days = 60.0;
  costs.recycling_usd_per_t = 4.0;
  costs.max_recycling_share = 0.4;
  costs.substitution_usd_per_t = 12.0;
  costs.max_substitution_cut = 0.2;
  EvaluatorOptions options;
  options.trials = 400;
  options.seed = 11;
  const SweepTarget target = parse_sweep_target("unmet_pct<=2");
  MixEvaluator searched(setup, basis_of(setup), costs, options);
  OptimiseFinding f = optimise_mix(searched, target, {});
  ASSERT_TRUE(f.best.has_value());

  MixEvaluator grid(setup, basis_of(setup), costs, options);
  std::vector<PolicyMix> mixes;
  for (int d = 0; d <= 120; ++d) {
    for (int r = 0; r <= 40; ++r) {
      for (int c = 0; c <= 10; ++c) mixes.push_back({0.5 * d, 0.01 * r, 0.02 * c});
    }
  }
  grid.evaluate(mixes);
  OptimiseFinding brute = best_evaluated(grid, target, 2.0);
  ASSERT_TRUE(brute.best.has_value());
  // Not a corner case: the grid's answer holds both stockpile and recycling.
  EXPECT_GT(brute.best->mix.stockpile_days, 0.0);
  EXPECT_GT(brute.best->mix.recycling_share, 0.0);
  const double day_usd = 10.0 * 1000.0 * 0.10;
  const double share_usd = 3650.0 * 4.0;
  const double cut_usd = 3650.0 * 12.0;
  EXPECT_LE(f.best->cost.total(), brute.best->cost.total() + 0.25 * day_usd + 1e-6);
  EXPECT_GE(f.best->cost.total(),
            brute.best->cost.total() - 0.5 * day_usd - 0.01 * share_usd - 0.02 * cut_usd - 1e-6);
  // The same mix, evaluated by the other evaluator, gives the same bits (common random numbers).
  MixCell again = grid.evaluate({f.best->mix}).front();
  EXPECT_EQ(again.stats.unmet_pct.value, f.best->stats.unmet_pct.value);
  EXPECT_EQ(again.stats.unmet_pct.se, f.best->stats.unmet_pct.se);
}

// Diversification (sim/optimise/structural_levers.h): S0 ships 8 t/day and is cut fully for
// 50 days from day 100; S1 ships 2 t/day and its refiner has `headroom` t/day of capacity above
// output. Moving m t/day off S0 (the largest source) onto S1: unmet = (8 - m) 50 - 10 s t with
// s stockpile days, linear in both levers.
struct TwoSuppliers {
  explicit TwoSuppliers(double headroom, double s1_severity = 0.0, double s0_severity = 1.0)
      : model(refined_model({8.0, 2.0})) {
    events.push_back(outage("S0", 100.0, 50.0, s0_severity));
    if (s1_severity > 0.0) events.push_back(outage("S1", 100.0, 50.0, s1_severity));
    model.refiners[1].capacity_t_per_day += headroom;
    compile_events(model, events);
    model.baseline_price = 1000.0;
    setup.events = &events;
    setup.horizon_days = 365.0;
    setup.model = &model;
    setup.stocks.release_rate_of_demand = 1.0;
    setup.stocks.decision_delay_days = 0.0;
    setup.stocks.commercial_inventory_days = 0.0;
  }
  Model model;
  std::vector<EventSpec> events;
  SweepSetup setup;
};

MixBasis structural_basis(const SweepSetup& setup) {
  MixBasis basis = basis_of(setup);
  basis.diversifiable_t_per_yr = diversifiable_t_per_yr(*setup.model);
  basis.smelter_addable_t_per_yr = smelter_addable_t_per_yr(*setup.model);
  return basis;
}

PolicyMix diversified(double days, double t_per_yr) {
  PolicyMix m;
  m.stockpile_days = days;
  m.diversified_t_per_yr = t_per_yr;
  return m;
}

TEST(OptimiseDiversification, MovesTonnesInProportionToHeadroom) {
  Model model = refined_model({8.0, 2.0, 1.0, 4.0});
  model.refiners[1].capacity_t_per_day += 3.0;  // headroom 3 and 1: the move splits 3:1
  model.refiners[2].capacity_t_per_day += 1.0;
  finish_network(model);
  EXPECT_EQ(largest_source(model), std::optional<std::size_t>(0));
  EXPECT_DOUBLE_EQ(diversifiable_t_per_yr(model), 4.0 * 365.0);
  Model moved = structural_variant(model, 2.0 * 365.0, 0.0);
  EXPECT_DOUBLE_EQ(moved.sources[0].baseline_t_per_day, 6.0);
  EXPECT_DOUBLE_EQ(moved.sources[1].baseline_t_per_day, 3.5);
  EXPECT_DOUBLE_EQ(moved.sources[2].baseline_t_per_day, 1.5);
  EXPECT_DOUBLE_EQ(moved.sources[3].baseline_t_per_day, 4.0);  // no headroom: unchanged
  // Clipped to the headroom; the total never changes.
  Model all = structural_variant(model, 1e9, 0.0);
  EXPECT_DOUBLE_EQ(all.sources[0].baseline_t_per_day, 4.0);
  EXPECT_DOUBLE_EQ(all.sources[1].baseline_t_per_day + all.sources[2].baseline_t_per_day, 7.0);
  // Smelter capacity: only where the focal economy imports concentrate (none here).
  EXPECT_EQ(smelter_addable_t_per_yr(model), 0.0);
  EXPECT_EQ(structural_variant(model, 0.0, 365.0).smelter_capacity_t_per_day,
            model.smelter_capacity_t_per_day);
}

TEST(OptimiseDiversification, UnmetIsLinearInTheTonnesMoved) {
  TwoSuppliers s(10.0);
  LeverCosts costs;
  costs.max_diversified_t_per_yr = 1e9;
  MixEvaluator evaluator(s.setup, structural_basis(s.setup), costs, exact_options());
  std::vector<MixCell> cells = evaluator.evaluate(
      {diversified(0, 0), diversified(0, 365.0), diversified(0, 4 * 365.0), diversified(5, 730.0)});
  EXPECT_DOUBLE_EQ(cells[0].stats.unmet_t.value, 400.0);  // 8 t/day x 50 days
  EXPECT_DOUBLE_EQ(cells[1].stats.unmet_t.value, 350.0);
  EXPECT_DOUBLE_EQ(cells[2].stats.unmet_t.value, 200.0);
  EXPECT_DOUBLE_EQ(cells[3].stats.unmet_t.value, 250.0);
}

// Costs: a stockpile day holds 10 t worth 10,000 USD at 10 %/yr = 1,000 USD/yr and removes 10 t
// of unmet demand (100 USD per t); a t/day moved costs 365 x 5 USD/t = 1,825 USD/yr and removes
// 50 t (36.5 USD per t). Diversification is cheaper, up to S0's whole flow (8 t/day): the target
// unmet <= 150 needs 250 t removed, m = 5 t/day (1,825 t/yr) and no stockpile: 9,125 USD/yr,
// against 25 days (25,000 USD/yr) of stockpile alone.
TEST(OptimiseDiversification, CheapestWayToMeetTheTargetIsTheHandComputedVertex) {
  TwoSuppliers s(10.0);
  LeverCosts costs;
  costs.diversification_usd_per_t = 5.0;
  costs.max_diversified_t_per_yr = 1e9;
  MixEvaluator evaluator(s.setup, structural_basis(s.setup), costs, exact_options());
  EXPECT_DOUBLE_EQ(lever_max(Lever::diversified_t_per_yr, evaluator.basis(), costs), 8 * 365.0);
  SearchOptions search;
  search.days_tolerance = 0.01;
  OptimiseFinding f = optimise_mix(evaluator, parse_sweep_target("unmet_t<=150"), search);
  ASSERT_TRUE(f.best.has_value());
  EXPECT_DOUBLE_EQ(f.best->mix.diversified_t_per_yr, 1825.0);
  EXPECT_DOUBLE_EQ(f.best->mix.stockpile_days, 0.0);
  EXPECT_DOUBLE_EQ(f.best->cost.diversification_usd_per_year, 9125.0);
  EXPECT_DOUBLE_EQ(f.best->cost.total(), 9125.0);
  EXPECT_DOUBLE_EQ(f.best->stats.unmet_t.value, 150.0);
  ASSERT_TRUE(f.stockpile_only.has_value());
  EXPECT_NEAR(f.stockpile_only->mix.stockpile_days, 25.0, 0.01);
  EXPECT_EQ(f.stockpile_only->mix.diversified_t_per_yr, 0.0);
}

// Diversification that raises risk: S0 loses half its flow and S1 all of its flow in the same 50
// days, so moving m t/day onto S1 raises unmet from 300 to 300 + 25 m. Even at a near-zero
// premium the search visits those levels and keeps the stockpile-only answer (20 days for
// unmet <= 100).
TEST(OptimiseDiversification, NotPickedWhereItRaisesRisk) {
  TwoSuppliers s(6.0, 1.0, 0.5);
  LeverCosts costs;
  costs.diversification_usd_per_t = 0.001;
  costs.max_diversified_t_per_yr = 1e9;
  MixEvaluator evaluator(s.setup, structural_basis(s.setup), costs, exact_options());
  std::vector<MixCell> cells = evaluator.evaluate({diversified(0, 0), diversified(0, 6 * 365.0)});
  EXPECT_DOUBLE_EQ(cells[0].stats.unmet_t.value, 300.0);
  EXPECT_DOUBLE_EQ(cells[1].stats.unmet_t.value, 450.0);
  SearchOptions search;
  search.days_tolerance = 0.01;
  MixEvaluator fresh(s.setup, structural_basis(s.setup), costs, exact_options());
  OptimiseFinding f = optimise_mix(fresh, parse_sweep_target("unmet_t<=100"), search);
  ASSERT_TRUE(f.best.has_value());
  EXPECT_EQ(f.best->mix.diversified_t_per_yr, 0.0);
  EXPECT_NEAR(f.best->mix.stockpile_days, 20.0, 0.01);
  int moved_levels = 0;
  for (const auto& [mix, cell] : fresh.evaluated()) {
    if (mix.diversified_t_per_yr > 0.0) ++moved_levels;
  }
  EXPECT_GT(moved_levels, 0);  // searched, not assumed away
}

// Poisson outages of two suppliers, S0 (6 t/day) at a higher hazard than S1 (4 t/day, headroom
// 3 t/day): the optimiser against a brute-force grid over days x recycling x diversification on
// the same trials.
TEST(OptimiseBruteForce, SameOptimumWithDiversification) {
  const auto hazard = hazard_case(1.2, 0.2, 3.0);
  const SweepSetup& setup = hazard->setup;
  LeverCosts costs;
  costs.max_stockpile_days = 60.0;
  costs.recycling_usd_per_t = 4.0;
  costs.max_recycling_share = 0.4;
  costs.diversification_usd_per_t = 1.0;
  costs.max_diversified_t_per_yr = 1e9;
  EvaluatorOptions options;
  options.trials = 300;
  options.seed = 5;
  const SweepTarget target = parse_sweep_target("unmet_pct<=1");
  MixEvaluator searched(setup, structural_basis(setup), costs, options);
  OptimiseFinding f = optimise_mix(searched, target, {});
  ASSERT_TRUE(f.best.has_value());

  MixEvaluator grid(setup, structural_basis(setup), costs, options);
  const double max_moved = 3.0 * 365.0;
  std::vector<PolicyMix> mixes;
  for (int d = 0; d <= 120; ++d) {
    for (int r = 0; r <= 8; ++r) {
      for (int m = 0; m <= 12; ++m) {
        PolicyMix mix{0.5 * d, 0.05 * r, 0.0};
        mix.diversified_t_per_yr = max_moved * m / 12;
        mixes.push_back(mix);
      }
    }
  }
  grid.evaluate(mixes);
  OptimiseFinding brute = best_evaluated(grid, target, 2.0);
  ASSERT_TRUE(brute.best.has_value());
  EXPECT_GT(brute.best->mix.diversified_t_per_yr, 0.0);  // the lever matters here
  const double day_usd = 10.0 * 1000.0 * 0.10;
  const double share_usd = 3650.0 * 4.0;
  const double moved_step_usd = max_moved / 12 * 1.0;
  EXPECT_LE(f.best->cost.total(), brute.best->cost.total() + 0.25 * day_usd + 1e-6)
      << "search " << f.best->mix.stockpile_days << " d, " << f.best->mix.recycling_share << ", "
      << f.best->mix.diversified_t_per_yr << " t/yr; grid " << brute.best->mix.stockpile_days
      << " d, " << brute.best->mix.recycling_share << ", " << brute.best->mix.diversified_t_per_yr;
  EXPECT_GE(f.best->cost.total(),
            brute.best->cost.total() - 0.5 * day_usd - 0.05 * share_usd - moved_step_usd - 1e-6);
  MixCell again = grid.evaluate({f.best->mix}).front();
  EXPECT_EQ(again.stats.unmet_pct.value, f.best->stats.unmet_pct.value);
}

// Focal smelter capacity: the focal economy refines 10 t/day of imported concentrate at a
// smelter of 10 t/day, which loses half its capacity for 50 days from day 100. With A t/day
// added, it refines min(10, (10 + A) / 2): unmet = 50 max(0, 5 - A / 2) = 250 - 25 A t. At
// 2 USD per t/yr a year, meeting unmet <= 150 costs A = 4 t/day = 1,460 t/yr, 2,920 USD/yr, against
// 10 stockpile days (10,000 USD/yr).
TEST(OptimiseSmelter, AddedCapacityCoversACutSmelter) {
  Model model;
  model.focal_economy = "JPN";
  SupplySource concentrate;
  concentrate.country = "C0";
  concentrate.import_class = ImportClass::concentrate;
  concentrate.baseline_t_per_day = 10.0;
  model.sources.push_back(concentrate);
  model.smelter_capacity_t_per_day = 10.0;
  model.primary_t_per_day = 10.0;
  model.demand_t_per_day = 10.0;
  model.horizon_days = 365.0;
  model.price_step_days = 365.0;
  model.baseline_price = 1000.0;
  std::vector<EventSpec> events{outage("JPN", 100.0, 50.0, 0.5)};
  CompiledEvent smelter_cut;
  smelter_cut.targets.push_back(
      CompiledTarget{{ChannelHit{model.smelter_channel(), 0.0}}, 0.0, {}});
  model.events = {smelter_cut};
  SweepSetup setup;
  setup.events = &events;
  setup.horizon_days = 365.0;
  setup.model = &model;
  setup.stocks.release_rate_of_demand = 1.0;
  setup.stocks.decision_delay_days = 0.0;
  setup.stocks.commercial_inventory_days = 0.0;
  LeverCosts costs;
  costs.smelter_usd_per_t_per_year = 2.0;
  costs.max_smelter_added_t_per_yr = 16.0 * 365.0;  // the first grid: 0, 4, 8, 12, 16 t/day
  MixEvaluator evaluator(setup, structural_basis(setup), costs, exact_options());
  PolicyMix none;
  PolicyMix four;
  four.smelter_added_t_per_yr = 4.0 * 365.0;
  PolicyMix ten;
  ten.smelter_added_t_per_yr = 10.0 * 365.0;
  std::vector<MixCell> cells = evaluator.evaluate({none, four, ten});
  EXPECT_DOUBLE_EQ(cells[0].stats.unmet_t.value, 250.0);
  EXPECT_DOUBLE_EQ(cells[1].stats.unmet_t.value, 150.0);
  EXPECT_DOUBLE_EQ(cells[2].stats.unmet_t.value, 0.0);
  EXPECT_DOUBLE_EQ(cells[1].cost.smelter_usd_per_year, 2920.0);
  SearchOptions search;
  search.days_tolerance = 0.01;
  MixEvaluator fresh(setup, structural_basis(setup), costs, exact_options());
  OptimiseFinding f = optimise_mix(fresh, parse_sweep_target("unmet_t<=150"), search);
  ASSERT_TRUE(f.best.has_value());
  EXPECT_DOUBLE_EQ(f.best->mix.smelter_added_t_per_yr, 1460.0);
  EXPECT_DOUBLE_EQ(f.best->mix.stockpile_days, 0.0);
  EXPECT_DOUBLE_EQ(f.best->cost.total(), 2920.0);
}

TEST(OptimiseFrontier, CostNeverRisesAsTheTargetLoosens) {
  OneSupplier s;
  LeverCosts costs;
  costs.recycling_usd_per_t = 10.0;
  costs.max_recycling_share = 0.5;
  MixEvaluator evaluator(s.setup, basis_of(s.setup), costs, exact_options());
  std::vector<double> thresholds = {400, 300, 200, 100, 50, 0};
  std::vector<OptimiseFinding> frontier =
      optimise_frontier(evaluator, SweepMetric::unmet_t, thresholds, {});
  ASSERT_EQ(frontier.size(), thresholds.size());
  for (std::size_t i = 0; i < frontier.size(); ++i) {
    ASSERT_TRUE(frontier[i].best.has_value()) << thresholds[i];
    if (i > 0) {
      EXPECT_LE(frontier[i - 1].best->cost.total(), frontier[i].best->cost.total())
          << thresholds[i];
    }
  }
  // unmet_t <= 400: share 0.2 (7,300 USD/yr) is cheaper than 10 days (10,000 USD/yr).
  EXPECT_DOUBLE_EQ(frontier.front().best->mix.recycling_share, 0.2);
  EXPECT_NEAR(frontier.front().best->cost.total(), 7300.0, 1e-6);
}

// Hulls and the greedy split, by hand. Mineral A: (0, 100), (10, 40), (20, 30), (30, 29);
// slopes 6, 1, 0.1. Mineral B: (0, 50), (5, 45), (15, 0): (5, 45) lies above the chord from
// (0, 50) to (15, 0) and drops out; slope 50/15 = 3.33.
TEST(OptimiseBudget, GreedyOnConvexHulls) {
  std::vector<std::vector<BudgetOption>> minerals = {
      {{0, 100}, {10, 40}, {20, 30}, {30, 29}},
      {{0, 50}, {5, 45}, {15, 0}, {20, 60}},
  };
  EXPECT_EQ(lower_hull(minerals[0]), (std::vector<std::size_t>{0, 1, 2, 3}));
  EXPECT_EQ(lower_hull(minerals[1]), (std::vector<std::size_t>{0, 2}));
  // 25: A's first step (slope 6, 10), then B's (3.33, 15); A's next (1, 10) no longer fits.
  std::vector<BudgetShare> split = split_budget(minerals, 25.0);
  EXPECT_EQ(split[0].option, 1u);
  EXPECT_DOUBLE_EQ(split[0].marginal_value, 1.0);
  EXPECT_EQ(split[1].option, 2u);
  EXPECT_DOUBLE_EQ(split[1].marginal_value, 0.0);
  // 12: A's first step, and B's does not fit.
  split = split_budget(minerals, 12.0);
  EXPECT_EQ(split[0].option, 1u);
  EXPECT_EQ(split[1].option, 0u);
  EXPECT_NEAR(split[1].marginal_value, 50.0 / 15.0, 1e-12);
  // Nothing to spend: the bases.
  split = split_budget(minerals, 0.0);
  EXPECT_EQ(split[0].option, 0u);
  EXPECT_EQ(split[1].option, 0u);
}

// --- CLI ---------------------------------------------------------------------------------

std::string first_number_after(const std::string& text, const std::string& key) {
  std::size_t at = text.find("\"" + key + "\": ");
  if (at == std::string::npos) return "";
  at += key.size() + 4;
  return text.substr(at, text.find_first_of(",\n}", at) - at);
}

TEST(OptimiseCli, IdenticalAtOneAndTwoThreads) {
  std::vector<std::string> args = {"optimise", "cobalt_background", "--trials", "3000",
                                   "--target", "p_shortage<=0.02",  "--format", "csv",
                                   "--quiet",  "--threads"};
  auto one = args;
  one.push_back("1");
  auto two = args;
  two.push_back("2");
  testing::CliResult a = run_cli(one);
  testing::CliResult b = run_cli(two);
  ASSERT_EQ(a.exit_code, 0) << a.err;
  ASSERT_EQ(b.exit_code, 0) << b.err;
  EXPECT_EQ(a.out, b.out);
  EXPECT_NE(a.out.find(",cheapest,"), std::string::npos);
}

// The recommended mix, written as a policy and run by `mineflow run` on a fresh seed, meets the
// target. The mix was accepted at value + 2 SE <= 0.05 on seed 1; a fresh estimate exceeds 0.05
// only if it lies more than 2 SE above the first (difference SD sqrt(2) SE: about 8 % of seeds,
// so the seeds are fixed, and the check is run's own estimate against the threshold).
// The structural levers at 1 and 2 threads: copper with a cheap smelter (capital 0.05 x the base
// price per t/yr), where the cheapest mix adds smelting capacity (each level its own model).
TEST(OptimiseCli, StructuralLeversIdenticalAtOneAndTwoThreads) {
  const fs::path file = fs::temp_directory_path() / "mineflow_levers_cheap_smelter.yaml";
  std::string levers = testing::read_text(scenarios_dir() + "/levers/copper.yaml");
  const std::string from = "capex_of_base_price: 1.0";
  ASSERT_NE(levers.find(from), std::string::npos);
  levers.replace(levers.find(from), from.size(), "capex_of_base_price: 0.05");
  std::ofstream(file) << levers;
  std::vector<std::string> args = {
      "optimise", "copper_background", "--trials", "1500", "--target", "p_shortage<=0.002",
      "--levers", file.string(),       "--format", "csv",  "--quiet",  "--threads"};
  auto one = args;
  one.push_back("1");
  auto two = args;
  two.push_back("2");
  testing::CliResult a = run_cli(one);
  testing::CliResult b = run_cli(two);
  fs::remove(file);
  ASSERT_EQ(a.exit_code, 0) << a.err;
  ASSERT_EQ(b.exit_code, 0) << b.err;
  EXPECT_EQ(a.out, b.out);
  // The cheapest row adds smelter capacity; the stockpile-only row adds none.
  std::istringstream lines(a.out);
  std::string header;
  std::getline(lines, header);
  EXPECT_EQ(header.find("substitution_cut,diversified_t_per_yr,smelter_added_t_per_yr,"),
            header.find("substitution_cut,"));
  std::string line;
  while (std::getline(lines, line)) {
    std::vector<std::string> fields;
    std::stringstream cells(line);
    for (std::string f; std::getline(cells, f, ',');) fields.push_back(f);
    ASSERT_GT(fields.size(), 8u);
    if (fields[3] == "cheapest") {
      EXPECT_GT(std::stod(fields[8]), 0.0) << line;
    }
    if (fields[3] == "stockpile_only") {
      EXPECT_EQ(std::stod(fields[8]), 0.0) << line;
    }
  }
}

TEST(OptimiseCli, RecommendedMixMeetsTheTargetInRunOnAFreshSeed) {
  testing::CliResult opt = run_cli({"optimise", "cobalt_background", "--target", "p_shortage<=0.05",
                                    "--format", "json", "--quiet", "--threads", "1"});
  ASSERT_EQ(opt.exit_code, 0) << opt.err;
  const std::size_t cheapest = opt.out.find("\"cheapest\"");
  ASSERT_NE(cheapest, std::string::npos);
  const std::string tail = opt.out.substr(cheapest);
  const std::string days = first_number_after(tail, "stockpile_days");
  const std::string share = first_number_after(tail, "recycling_share");
  const std::string cut = first_number_after(tail, "substitution_cut");
  // Never dearer than the stockpile-only answer of the same search.
  const std::size_t stock_only = opt.out.find("\"stockpile_only\"");
  ASSERT_NE(stock_only, std::string::npos);
  EXPECT_LE(std::stod(first_number_after(tail, "cost_per_year")),
            std::stod(first_number_after(opt.out.substr(stock_only), "cost_per_year")));

  std::ifstream in(scenarios_dir() + "/disruptions/cobalt_background.yaml");
  std::stringstream text;
  text << in.rdbuf();
  std::string yaml = text.str();
  const std::string dir = scenarios_dir() + "/disruptions/";
  yaml = std::regex_replace(yaml, std::regex("\\.\\./"), dir + "../");
  yaml += "  - name: optimised\n    stockpile: {days: " + days +
          ", release_rate_of_demand: 0.5, decision_delay_days: 14, refill_rate_of_demand: 0.05}\n"
          "    recycling_share: " +
          share + "\n    substitution_cut: " + cut + "\n";
  const fs::path file = fs::temp_directory_path() / "mineflow_optimised_cobalt.yaml";
  std::ofstream(file) << yaml;
  testing::CliResult run = run_cli(
      {"run", file.string(), "--seed", "7", "--format", "json", "--quiet", "--threads", "1"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const std::size_t policy = run.out.find("\"name\": \"optimised\"");
  ASSERT_NE(policy, std::string::npos);
  const double p = std::stod(first_number_after(run.out.substr(policy), "p_any_shortage"));
  EXPECT_LE(p, 0.05);
  fs::remove(file);
}

// A target on the clearing market's demand not served (unmet + priced out): the same shared
// target list as `stockpile`, the cheapest mix meeting it with 2 SE, the metric its own.
TEST(OptimiseCli, TargetOnDemandNotServed) {
  testing::CliResult opt =
      run_cli({"optimise", "cobalt_background", "--target", "not_served_pct_annual_demand<=8",
               "--trials", "2000", "--format", "json", "--quiet", "--threads", "1"});
  ASSERT_EQ(opt.exit_code, 0) << opt.err;
  const std::size_t cheapest = opt.out.find("\"cheapest\"");
  ASSERT_NE(cheapest, std::string::npos);
  const std::string tail = opt.out.substr(cheapest);
  EXPECT_NE(tail.find("\"metric\": \"not_served_pct_annual_demand\""), std::string::npos);
  const double value = std::stod(first_number_after(tail, "metric_value"));
  const double se = std::stod(first_number_after(tail, "metric_se"));
  EXPECT_LE(value + 2.0 * se, 8.0);
  // The percentage is the tonnes over a year's demand, and at least what was priced out: under
  // the default release price a stockpile serves physical gaps only.
  const double tonnes = std::stod(first_number_after(tail, "not_served_t"));
  const double demand = std::stod(first_number_after(opt.out, "demand_t_per_day"));
  EXPECT_NEAR(value, 100.0 * tonnes / (demand * 365.0), 1e-9 * value);
  EXPECT_GT(value, 0.0);
}

void expect_one_line_exit_2(const testing::CliResult& r, const std::string& needle) {
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_TRUE(r.out.empty()) << r.out;
  EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
  EXPECT_NE(r.err.find(needle), std::string::npos) << r.err;
}

TEST(OptimiseCli, BadInputIsOneLocatedLine) {
  const fs::path dir = fs::temp_directory_path();
  const std::string head =
      "mineral: cobalt\ncurrency: USD\ndiscount_rate_per_year: 0.05\nlevers:\n";
  auto levers = [&](const std::string& name, const std::string& body) {
    fs::path file = dir / name;
    std::ofstream(file) << head << body;
    return file.string();
  };
  const std::string unknown = levers("mineflow_levers_unknown.yaml",
                                     "  tariffs: {usd_per_t: 3, max: 0.1, assumption: a}\n");
  expect_one_line_exit_2(
      run_cli({"optimise", "cobalt_background", "--levers", unknown, "--trials", "100"}),
      unknown + ":5:3: levers.tariffs: found 'tariffs'");
  const std::string negative =
      levers("mineflow_levers_negative.yaml",
             "  recycling_share: {usd_per_t: -3, max: 0.1, assumption: a}\n");
  expect_one_line_exit_2(
      run_cli({"optimise", "cobalt_background", "--levers", negative, "--trials", "100"}),
      negative + ":5:32: levers.recycling_share.usd_per_t: found '-3', expected a number >= 0");
  const std::string unsourced =
      levers("mineflow_levers_unsourced.yaml", "  recycling_share: {usd_per_t: 3, max: 0.1}\n");
  expect_one_line_exit_2(
      run_cli({"optimise", "cobalt_background", "--levers", unsourced, "--trials", "100"}),
      "expected a 'source' or an 'assumption'");
  // The structural levers: a negative premium, a smelter with two maxima, an unknown field.
  const std::string premium =
      levers("mineflow_levers_premium.yaml", "  diversification: {usd_per_t: -1, assumption: a}\n");
  expect_one_line_exit_2(
      run_cli({"optimise", "cobalt_background", "--levers", premium, "--trials", "100"}),
      premium + ":5:32: levers.diversification.usd_per_t: found '-1', expected a number >= 0");
  const std::string smelter = levers("mineflow_levers_smelter.yaml",
                                     "  smelter_capacity: {capex_usd_per_t: 5, life_years: 20, "
                                     "max_t_per_yr: 10, max_of_demand: 0.1, assumption: a}\n");
  expect_one_line_exit_2(
      run_cli({"optimise", "cobalt_background", "--levers", smelter, "--trials", "100"}),
      "expected exactly one of max_t_per_yr and max_of_demand");
  const std::string field = levers("mineflow_levers_field.yaml",
                                   "  smelter_capacity: {capex_usd_per_t: 5, life_years: 20, "
                                   "max_t_per_yr: 10, opex: 3, assumption: a}\n");
  expect_one_line_exit_2(
      run_cli({"optimise", "cobalt_background", "--levers", field, "--trials", "100"}),
      "levers.smelter_capacity.opex: found 'opex'");
  // Unreachable: the best reachable level is named.
  expect_one_line_exit_2(run_cli({"optimise", "cobalt_background", "--target", "p_shortage<=0.0001",
                                  "--trials", "2000", "--threads", "1"}),
                         "expected a target the levers can reach: the best reachable p_shortage "
                         "is ");
  expect_one_line_exit_2(run_cli({"optimise", "cobalt_background", "--budget", "1000"}),
                         "--budget");
  expect_one_line_exit_2(run_cli({"optimise", "cobalt_background", "--frontier", "0.1,x"}),
                         "--frontier");
  for (const char* name : {"mineflow_levers_unknown.yaml", "mineflow_levers_negative.yaml",
                           "mineflow_levers_unsourced.yaml", "mineflow_levers_premium.yaml",
                           "mineflow_levers_smelter.yaml", "mineflow_levers_field.yaml"}) {
    fs::remove(dir / name);
  }
}

// report --optimise: the section with a frontier chart, and the CSVs behind it.
TEST(OptimiseCli, ReportShowsTheFrontierAndTheBudget) {
  const fs::path dir = fs::temp_directory_path() / "mineflow_optimise_report";
  fs::remove_all(dir);
  testing::CliResult r = run_cli(
      {"report", "cobalt", "--out", dir.string(), "--optimise", "5000000", "--trials", "500"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string html = testing::read_text(dir / "report.html");
  EXPECT_NE(html.find("id=\"optimise\""), std::string::npos);
  EXPECT_NE(html.find("Cobalt: cost-risk frontier"), std::string::npos);
  const std::string frontier = testing::read_text(dir / "optimise_frontier.csv");
  EXPECT_EQ(frontier.rfind("mineral,scenario,target,row,", 0), 0u);
  EXPECT_NE(frontier.find("cobalt,cobalt_background,"), std::string::npos);
  const std::string budget = testing::read_text(dir / "optimise_budget.csv");
  EXPECT_NE(budget.find("\ncobalt,cobalt_background,"), std::string::npos);
  fs::remove_all(dir);
}

// Every bundled levers file loads, names its mineral and sources or reasons every lever.
TEST(OptimiseData, BundledLeverFilesLoad) {
  int files = 0;
  for (const auto& entry : fs::directory_iterator(scenarios_dir() + "/levers")) {
    io::LeverCostsFile f = io::load_lever_costs(entry.path().string());
    EXPECT_EQ(f.mineral, entry.path().stem().string());
    EXPECT_TRUE(fs::exists(scenarios_dir() + "/minerals/" + f.mineral + ".yaml"));
    ++files;
  }
  EXPECT_EQ(files, 10);
}

}  // namespace
}  // namespace mineflow
