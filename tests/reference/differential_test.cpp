// Differential test: the engine (sim/, through its public path) against the reference simulator
// (tests/reference/, written from docs/engine.md and sharing no code with sim/) on random
// networks (one tier, and mines -> market -> refiners) and scenarios whose event boundaries and
// lead times are whole days, with and without shaped events. Every case is compared.
//
// Tolerance: every metric within 1e-9 of its scale (tonnes: daily demand x horizon; days: the
// horizon; price multiples: 1; cost: baseline price x daily demand x horizon x price cap), plus
// the allowance the reference derives from its step h = 1/64 day where a step holds a kink or a
// curve of the supply, a change of sides of the gap or a stock switch inside a ramp (Exactness,
// reference_sim.h; 0 on every case without shapes). A failing case is shrunk (events, hits and
// stock levers removed while it still fails) and printed with its seed.

#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <functional>
#include <iostream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "tests/reference/engine_adapter.h"
#include "tests/reference/random_case.h"
#include "tests/reference/reference_exactness.h"
#include "tests/reference/reference_shapes.h"
#include "tests/reference/reference_sim.h"
#include "tests/reference/reference_tiers.h"

namespace mineflow::reference {
namespace {

constexpr int kCases = 1000;
constexpr int kTierCases = 2000;
constexpr double kRelativeTolerance = 1e-9;

double daily_demand(const Case& c) {
  double primary = 0.0;
  for (const Supplier& s : c.network.suppliers) primary += s.t_per_day;
  return (primary + c.network.secondary_t_per_day) * (1.0 - c.stocks.substitution_cut);
}

// The largest share of each allowance a difference needed (beyond 1e-9 of the scale).
struct AllowanceUse {
  double unmet = 0.0, days = 0.0, stockpile = 0.0, peak = 0.0, cost = 0.0, priced_out = 0.0;
};

// The metrics that differ beyond the tolerance and the allowance, one line each; empty when they
// agree.
std::string mismatches(const Case& c, const Metrics& engine, const Metrics& reference,
                       const Exactness& exact, AllowanceUse* use = nullptr) {
  double tonnes = std::max(1e-300, daily_demand(c) * c.horizon_days);
  double days = c.horizon_days;
  double cost = c.price.baseline * tonnes * c.price.cap_multiple;
  std::ostringstream out;
  out.precision(17);
  auto check = [&](const char* name, double a, double b, double scale, double allowance,
                   double* used) {
    double diff = std::abs(a - b);
    if (!(diff <= kRelativeTolerance * scale + allowance)) {
      out << "  " << name << ": engine " << a << ", reference " << b << " (allowance " << allowance
          << ")\n";
    }
    double beyond = diff - kRelativeTolerance * scale;  // what only the allowance covers
    if (used != nullptr && allowance > 0.0 && beyond > 0.0) {
      *used = std::max(*used, beyond / allowance);
    }
  };
  double pct = 100.0 / (std::max(1e-300, daily_demand(c)) * 365.0);
  check("unmet_t", engine.unmet_t, reference.unmet_t, tonnes, exact.unmet_bound_t,
        use ? &use->unmet : nullptr);
  check("unmet_pct_annual_demand", engine.unmet_pct_annual_demand,
        reference.unmet_pct_annual_demand, 100.0 * days / 365.0, exact.unmet_bound_t * pct,
        nullptr);
  check("days_short", engine.days_short, reference.days_short, days, exact.days_bound,
        use ? &use->days : nullptr);
  check("longest_spell_days", engine.longest_spell_days, reference.longest_spell_days, days,
        exact.days_bound, use ? &use->days : nullptr);
  check("lowest_stockpile_t", engine.lowest_stockpile_t, reference.lowest_stockpile_t, tonnes,
        exact.unmet_bound_t + exact.release_bound_t, use ? &use->stockpile : nullptr);
  check("peak_price_multiple", engine.peak_price_multiple, reference.peak_price_multiple, 1.0,
        exact.peak_bound, use ? &use->peak : nullptr);
  check("procurement_cost", engine.procurement_cost, reference.procurement_cost, cost,
        exact.cost_bound, use ? &use->cost : nullptr);
  check("priced_out_t", engine.priced_out_t, reference.priced_out_t, tonnes,
        exact.priced_out_bound_t + exact.release_bound_t, use ? &use->priced_out : nullptr);
  check("not_served_t", engine.not_served_t, reference.not_served_t, tonnes,
        exact.unmet_bound_t + exact.priced_out_bound_t + exact.release_bound_t, nullptr);
  // The split market's domestic price on the outside peak's day: within the reference's range.
  if (!(engine.domestic_price_at_peak >= reference.domestic_at_peak_low - 1e-12 &&
        engine.domestic_price_at_peak <= reference.domestic_at_peak_high + 1e-12)) {
    out << "  domestic_price_at_peak: engine " << engine.domestic_price_at_peak << ", reference "
        << reference.domestic_price_at_peak << " (range " << reference.domestic_at_peak_low
        << " to " << reference.domestic_at_peak_high << ")\n";
  }
  return out.str();
}

std::string compare(const Case& c) {
  Exactness exact;
  Metrics reference = simulate(c, &exact);
  return mismatches(c, run_engine(c), reference, exact);
}

// How many cases reach each behaviour (reference metrics and allowances), and how much of each
// allowance the engine's differences used.
struct Coverage {
  int cases = 0;
  int compared = 0;
  int unmet = 0;           // some demand unmet
  int partly_covered = 0;  // a shortfall partly covered by stocks
  int stockpile_drawn = 0;
  int stockpile_emptied = 0;
  int price_above_baseline = 0;
  // Shapes:
  int with_linear = 0;
  int with_profile = 0;
  int with_biting_cap = 0;
  int with_destinations = 0;  // an export restriction on some buyers only
  int with_licence = 0;
  int ramp_with_unmet = 0;
  int ramp_with_stocks = 0;
  int with_kink = 0;          // the supply bends inside a step (a kink or a curve inside a ramp)
  int with_curve = 0;         // a step where the supply may be a curve (engine chords)
  int with_switch = 0;        // the gap changes sides inside a step
  int with_dip = 0;           // the gap touches zero inside a step of a spell
  int all_exact = 0;          // every allowance 0
  int former_exclusions = 0;  // supply not linear between knots (day stepping excluded these)
  // Clearing:
  int priced_out = 0;   // some demand priced out
  int capped = 0;       // the price at its cap on some day
  int stocked_out = 0;  // the world stocks gone and the market short on some day
  int stockout_with_unmet = 0;
  int stockout_uncertain = 0;  // some day's stockout within the allowance of its edge
  int inexact_means = 0;       // some day's mean shortfall or supply within an allowance
  // Release price (docs/market.md "Release price"): cases drawing each setting, and those whose
  // stockpile served priced-out demand.
  std::array<int, 3> release_setting{};
  std::array<int, 3> release_served{};
  int resourcing = 0;        // a re-sourcing lead time (docs/market.md)
  int resourcing_unmet = 0;  // ... with some demand unmet (the lead's part: the planted test)
  int split = 0;         // the market splits on some day (docs/market.md)
  int split_spread = 0;  // ... with the domestic price off the outside one at its peak
  AllowanceUse use;
  void add(const Case& c, const Metrics& m, const Exactness& e) {
    ++cases;
    double cap = c.stocks.stockpile_days * daily_demand(c);
    bool stocks = cap > 0.0 || c.stocks.inventory_days > 0.0;
    unmet += m.unmet_t > 0.0 ? 1 : 0;
    partly_covered += m.unmet_t > 0.0 && stocks ? 1 : 0;
    stockpile_drawn += cap > 0.0 && m.lowest_stockpile_t < cap ? 1 : 0;
    stockpile_emptied += cap > 0.0 && m.lowest_stockpile_t == 0.0 ? 1 : 0;
    price_above_baseline += m.peak_price_multiple > 1.0 ? 1 : 0;
    bool linear = false, profile = false, biting = false, scoped = false, licensed = false;
    for (const Event& ev : c.events) {
      licensed = licensed || ev.licence_delay_days >= 0;
      for (const Hit& hit : ev.hits) {
        scoped = scoped || !hit.restricts_focal || hit.world_share != 1.0;
        linear = linear || hit.shape.kind == Shape::Kind::linear;
        profile = profile || hit.shape.kind == Shape::Kind::profile;
        biting =
            biting || (hit.cap_fraction >= 0.0 && hit.cap_fraction * hit.cap_utilisation < 1.0);
      }
    }
    with_linear += linear ? 1 : 0;
    with_destinations += scoped ? 1 : 0;
    with_licence += licensed ? 1 : 0;
    with_profile += profile ? 1 : 0;
    with_biting_cap += biting ? 1 : 0;
    ramp_with_unmet += e.ramp_steps > 0 && m.unmet_t > 0.0 ? 1 : 0;
    ramp_with_stocks += e.ramp_steps > 0 && m.unmet_t > 0.0 && stocks ? 1 : 0;
    with_kink += e.bent_steps > 0 ? 1 : 0;
    with_curve += e.curve_steps > 0 ? 1 : 0;
    with_switch += e.switch_steps > 0 ? 1 : 0;
    with_dip += e.dip_steps > 0 ? 1 : 0;
    all_exact +=
        e.unmet_bound_t == 0.0 && e.days_bound == 0.0 && e.peak_bound == 0.0 && e.cost_bound == 0.0
            ? 1
            : 0;
    former_exclusions += e.supply_linear_between_knots ? 0 : 1;
    priced_out += m.priced_out_t > 0.0 ? 1 : 0;
    capped += e.capped_days > 0 ? 1 : 0;
    stocked_out += e.stocked_out_days > 0 ? 1 : 0;
    split += e.split_days > 0 ? 1 : 0;
    resourcing += c.market.resourcing_days > 0 ? 1 : 0;
    resourcing_unmet += c.market.resourcing_days > 0 && m.unmet_t > 0.0 ? 1 : 0;
    split_spread += e.split_days > 0 && m.domestic_price_at_peak != m.peak_price_multiple ? 1 : 0;
    stockout_with_unmet += e.stocked_out_days > 0 && m.unmet_t > 0.0 ? 1 : 0;
    stockout_uncertain += e.stockout_uncertain_days > 0 ? 1 : 0;
    inexact_means += e.inexact_mean_days > 0 ? 1 : 0;
    const auto setting = static_cast<std::size_t>(c.stocks.release_price);
    ++release_setting[setting];
    release_served[setting] += e.served_priced_out_t > 0.0 ? 1 : 0;
  }
};

// Removes events, hits and stock levers while the case still fails: a small reproducer.
Case shrink(Case c, const std::function<std::string(const Case&)>& compare) {
  bool progress = true;
  while (progress) {
    progress = false;
    auto keep_if_fails = [&](Case candidate) {
      if (compare(candidate).empty()) return false;
      c = std::move(candidate);
      progress = true;
      return true;
    };
    for (std::size_t e = 0; e < c.events.size(); ++e) {
      Case candidate = c;
      candidate.events.erase(candidate.events.begin() + static_cast<std::ptrdiff_t>(e));
      if (keep_if_fails(candidate)) break;
      for (std::size_t h = 0; c.events[e].hits.size() > 1 && h < c.events[e].hits.size(); ++h) {
        Case fewer = c;
        fewer.events[e].hits.erase(fewer.events[e].hits.begin() + static_cast<std::ptrdiff_t>(h));
        if (keep_if_fails(fewer)) break;
      }
      if (progress) break;
    }
    if (progress) continue;
    for (double Stocks::*lever : {&Stocks::substitution_cut, &Stocks::recycling_share,
                                  &Stocks::stockpile_days, &Stocks::inventory_days}) {
      if (c.stocks.*lever == 0.0) continue;
      Case candidate = c;
      candidate.stocks.*lever = 0.0;
      if (keep_if_fails(candidate)) break;
    }
  }
  return c;
}

// Runs `count` random cases from `make(seed)` through the engine and the reference; reports (at
// most three) failures with a shrunk reproducer. Every case is compared.
// Seeds where this test found the engine wrong (issue 21): a min() or max() switching against
// a curve inside a ramp (two ramps multiplying on one channel, or partial replacement in the
// tiers, crossing a line; seed 182: an independent integration at 1/1024 day gives the
// reference's 14,562.78 t, the engine gave 14,566.62 t). Fixed (the straightness check reads
// the middle of a piece too, curves are halved until their ends take the same branches); kept
// as a regression set, compared by KinksOnCurvesAgree. A seed listed as `known` would be
// compared and printed but not fail the run (none is now).
const std::vector<std::uint64_t> kKinkOnCurveOneTier = {182, 238, 856};
const std::vector<std::uint64_t> kKinkOnCurveMultiTier = {464, 1225, 1245, 1410, 1603, 1722};

template <typename Make>
Coverage run_differential(const char* kind, int count, Make make,
                          const std::vector<std::uint64_t>& known = {}) {
  const auto started = std::chrono::steady_clock::now();
  int failures = 0;
  Coverage seen;
  int former_compared = 0;
  double engine_seconds = 0.0;
  std::vector<std::uint64_t> failing;
  for (std::uint64_t seed = 1; seed <= static_cast<std::uint64_t>(count); ++seed) {
    Case c = make(seed);
    Exactness exact;
    Metrics reference = simulate(c, &exact);
    seen.add(c, reference, exact);
    AllowanceUse use;
    Metrics engine;
    const auto engine_started = std::chrono::steady_clock::now();
    try {
      engine = run_engine(c);
      double took =
          std::chrono::duration<double>(std::chrono::steady_clock::now() - engine_started).count();
      engine_seconds += took;
    } catch (const std::exception& error) {
      ADD_FAILURE() << "seed " << seed << " (" << kind << "): the engine failed: " << error.what()
                    << "\n"
                    << describe(c);
      continue;
    }
    std::string diff = mismatches(c, engine, reference, exact, &use);
    ++seen.compared;
    former_compared += exact.supply_linear_between_knots ? 0 : 1;
    const bool is_known = std::find(known.begin(), known.end(), seed) != known.end();
    if (diff.empty()) {
      seen.use.unmet = std::max(seen.use.unmet, use.unmet);
      seen.use.days = std::max(seen.use.days, use.days);
      seen.use.stockpile = std::max(seen.use.stockpile, use.stockpile);
      seen.use.peak = std::max(seen.use.peak, use.peak);
      seen.use.cost = std::max(seen.use.cost, use.cost);
      seen.use.priced_out = std::max(seen.use.priced_out, use.priced_out);
      EXPECT_FALSE(is_known) << "seed " << seed << " (" << kind
                             << ") agrees now: take it off the known engine disagreements";
      continue;
    }
    failing.push_back(seed);
    if (is_known) continue;
    if (++failures > 3) continue;
    Case small = shrink(c, compare);
    ADD_FAILURE() << "seed " << seed << " (" << kind << "(" << seed << ")) differs:\n"
                  << diff << "shrunk reproducer:\n"
                  << describe(small) << "differences on the shrunk case:\n"
                  << compare(small);
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  std::cout << kind << ": compared " << seen.compared << " of " << count
            << " (former exclusions: " << former_compared << " compared; step 1/" << kStepsPerDay
            << " day; " << seconds << " s, of which the engine " << engine_seconds
            << " s)\n  unmet " << seen.unmet << ", partly covered " << seen.partly_covered
            << ", stockpile drawn " << seen.stockpile_drawn << ", emptied "
            << seen.stockpile_emptied << ", price above baseline " << seen.price_above_baseline
            << "; linear recovery " << seen.with_linear << ", profile " << seen.with_profile
            << ", biting cap " << seen.with_biting_cap << ", destinations "
            << seen.with_destinations << ", licence " << seen.with_licence << ", ramp with unmet "
            << seen.ramp_with_unmet << ", with stocks " << seen.ramp_with_stocks
            << "; kink or curve inside a step " << seen.with_kink << ", possible curve "
            << seen.with_curve << ", gap changes sides inside a step " << seen.with_switch
            << ", gap touches zero inside a spell's step " << seen.with_dip
            << ", every allowance 0: " << seen.all_exact
            << "\n  largest share of an allowance used: unmet " << seen.use.unmet << ", days "
            << seen.use.days << ", lowest stockpile " << seen.use.stockpile << ", peak price "
            << seen.use.peak << ", cost " << seen.use.cost << ", priced out " << seen.use.priced_out
            << "\n";
  std::cout << "  differing seeds (known engine disagreements, reported to the lead):";
  for (std::uint64_t seed : failing) std::cout << " " << seed;
  std::cout << "\n";
  EXPECT_EQ(seen.compared, count);
  EXPECT_EQ(failures, 0);
  // The random cases must exercise what they claim to test, or agreement proves little.
  EXPECT_GE(seen.unmet, count / 5);
  EXPECT_GE(seen.partly_covered, count / 10);
  EXPECT_GE(seen.stockpile_drawn, count / 10);
  EXPECT_GE(seen.stockpile_emptied, count / 20);
  EXPECT_GE(seen.price_above_baseline, count / 5);
  return seen;
}

TEST(Differential, EngineMatchesReferenceOnRandomOneTierCases) {
  Coverage seen = run_differential("random_case", kCases, random_case);
  EXPECT_EQ(seen.all_exact, kCases);  // no shapes: every step exact, no allowance
}
// Multi-tier networks (docs/network.md): mines, the concentrate market, refiners with feed
// links, spare mine and refinery capacity, export restrictions by stage, node events in the
// tiers. The engine reads them through build_mineral_graph (graph/network.cpp).
TEST(Differential, EngineMatchesReferenceOnRandomMultiTierCases) {
  Coverage seen = run_differential("random_tier_case", kTierCases, random_tier_case);
  EXPECT_EQ(seen.all_exact, kTierCases);
  // And the tiers' own behaviours: feed lost, replaced in part and in full, a refinery outage
  // binding below the feed (reference, any day of the horizon), links scaled down to a mine's
  // uncommitted output.
  int feed_lost = 0, partly_replaced = 0, fully_replaced = 0, capacity_binds = 0;
  int scaled_links = 0, no_market_sales = 0;
  for (std::uint64_t seed = 1; seed <= kTierCases; ++seed) {
    Case c = random_tier_case(seed);
    bool lost = false, partly = false, fully = false, binds = false;
    for (int day = 0; day < c.horizon_days; ++day) {
      TierDay t = tier_day(c.network, c.events, day);
      lost = lost || t.lost_feed_t_per_day > 0.0;
      partly = partly || (t.replaced_fraction > 0.0 && t.replaced_fraction < 1.0);
      fully = fully || (t.lost_feed_t_per_day > 0.0 && t.replaced_fraction == 1.0);
      binds = binds || t.capacity_binds;
    }
    bool scaled = false;
    double sales = 0.0;
    for (const WorldMine& m : c.network.tiers.mines) sales += m.market_t_per_day;
    for (const WorldRefiner& r : c.network.tiers.refiners) {
      for (const FeedLink& l : r.links) scaled = scaled || l.share < l.stated_share;
    }
    scaled_links += scaled ? 1 : 0;
    no_market_sales += sales == 0.0 ? 1 : 0;
    feed_lost += lost ? 1 : 0;
    partly_replaced += partly ? 1 : 0;
    fully_replaced += fully ? 1 : 0;
    capacity_binds += binds ? 1 : 0;
  }
  std::cout << "tiers: feed lost " << feed_lost << ", partly replaced " << partly_replaced
            << ", fully replaced " << fully_replaced << ", refinery outage binds " << capacity_binds
            << ", links scaled to mine output " << scaled_links << ", no market sales "
            << no_market_sales << "\n";
  EXPECT_GE(feed_lost, kTierCases / 4);
  EXPECT_GE(partly_replaced, kTierCases / 20);
  EXPECT_GE(fully_replaced, kTierCases / 20);
  EXPECT_GE(capacity_binds, kTierCases / 10);
  EXPECT_GE(scaled_links, kTierCases / 20);
}

// Shaped events (docs/engine.md "Event shapes"): linear recoveries and profiles on whole days,
// caps as a fraction of baseline with utilisation. The reference steps 1/64 day with each hit's
// mean severity over the step; the engine integrates piecewise-linear supply exactly and chords
// curves within 1e-7. Every case is compared; the allowances (reference_sim.cpp) cover the steps
// that hold a kink or curve, a change of sides of the gap, or a stock switch inside a ramp. The
// cases the day-stepping reference excluded (supply not linear between the shapes' knots) are
// counted as the former exclusions.
TEST(Differential, EngineMatchesReferenceOnRandomShapedOneTierCases) {
  Coverage seen = run_differential("random_shaped_case", kCases, random_shaped_case);
  EXPECT_GE(seen.former_exclusions, kCases / 10);
  EXPECT_GE(seen.with_kink, 50);  // at least 50 cases with a kink inside a ramp
  EXPECT_GE(seen.ramp_with_unmet, kCases / 10);
  EXPECT_GE(seen.ramp_with_stocks, kCases / 20);
  EXPECT_GE(seen.with_linear, kCases / 4);
  EXPECT_GE(seen.with_profile, kCases / 5);
  EXPECT_GE(seen.with_biting_cap, kCases / 10);
  EXPECT_GE(seen.with_destinations, kCases / 20);
  EXPECT_GE(seen.with_licence, kCases / 20);
}

TEST(Differential, EngineMatchesReferenceOnRandomShapedMultiTierCases) {
  Coverage seen = run_differential("random_shaped_tier_case", kTierCases, random_shaped_tier_case);
  EXPECT_GE(seen.former_exclusions, kTierCases / 10);
  EXPECT_GE(seen.with_kink, 50);
  EXPECT_GE(seen.with_curve, 50);
  EXPECT_GE(seen.ramp_with_unmet, kTierCases / 20);
  EXPECT_GE(seen.with_destinations, kTierCases / 20);
  EXPECT_GE(seen.with_licence, kTierCases / 20);
}

// The clearing market (docs/market.md): the shaped multi-tier cases under clearing with small
// world stocks, large outages in the tiers and licence regimes (random_clearing_case). The
// reference runs the market in daily steps from its own 1/64-day steps (reference_market.cpp:
// the day means exact where the world shortfall is linear within each step, else within the
// derived allowance, carried through the recursion) and compares priced_out_t and not_served_t
// with the other metrics.
constexpr int kClearingCases = 400;

TEST(Differential, EngineMatchesReferenceOnRandomClearingCases) {
  Coverage seen = run_differential("random_clearing_case", kClearingCases, random_clearing_case);
  std::cout << "  clearing: priced out " << seen.priced_out << ", price capped " << seen.capped
            << ", stocked out " << seen.stocked_out << " (with unmet " << seen.stockout_with_unmet
            << "), a day's mean within an allowance (kink or curve in a step) "
            << seen.inexact_means << ", a stockout day within the allowance of its edge "
            << seen.stockout_uncertain << "\n  release price: market " << seen.release_setting[0]
            << ", pre_crisis " << seen.release_setting[1] << " (serving priced-out demand "
            << seen.release_served[1] << "), discount " << seen.release_setting[2] << " (serving "
            << seen.release_served[2] << ")\n  split market " << seen.split
            << " (domestic price off the outside peak " << seen.split_spread
            << ")\n  re-sourcing lead time " << seen.resourcing << " (with unmet "
            << seen.resourcing_unmet << ")\n";
  EXPECT_GE(seen.priced_out, kClearingCases / 2);
  EXPECT_GE(seen.resourcing, kClearingCases / 3);
  // Each release setting drawn, and the two below the market price serving on many cases.
  EXPECT_GE(seen.release_setting[0], kClearingCases / 5);
  EXPECT_GE(seen.release_served[1], kClearingCases / 10);
  EXPECT_GE(seen.release_served[2], kClearingCases / 10);
  EXPECT_GE(seen.capped, kClearingCases / 10);
  EXPECT_GE(seen.stocked_out, kClearingCases / 10);
  EXPECT_GE(seen.stockout_with_unmet, kClearingCases / 20);
  EXPECT_GE(seen.with_licence, kClearingCases / 5);
  EXPECT_GE(seen.with_destinations, kClearingCases / 10);
  EXPECT_GE(seen.ramp_with_unmet, kClearingCases / 10);
  EXPECT_GE(seen.split, kClearingCases / 5);
  EXPECT_GE(seen.split_spread, kClearingCases / 10);
}

// A planted error on random_clearing_case seeds 1-count: the engine runs the case `plant` makes
// of each (nullopt: the case lacks what the error breaks) against the reference on the true case,
// wherever `shows` (default: always) says the error can move the reference's answer.
using Plant = std::function<std::optional<Case>(const Case& c)>;
using Shows = std::function<bool(const Case& wrong, const Metrics& reference, const Exactness&)>;

// The cases planted and, in seed order, those caught beyond the allowances.
struct PlantedCount {
  int planted = 0;
  std::vector<std::uint64_t> caught_seeds;
  std::vector<std::string> caught_diffs;  // mismatches(), one per caught seed
  int caught() const { return static_cast<int>(caught_seeds.size()); }
  // Caught cases whose differences name `metric`.
  int caught_on(const std::string& metric) const {
    return static_cast<int>(std::count_if(
        caught_diffs.begin(), caught_diffs.end(),
        [&](const std::string& diff) { return diff.find(metric) != std::string::npos; }));
  }
  std::uint64_t first_seed() const { return caught_seeds.empty() ? 0 : caught_seeds.front(); }
  std::string first_diff() const { return caught_diffs.empty() ? "" : caught_diffs.front(); }
};

PlantedCount count_caught(int count, const Plant& plant, const Shows& shows = nullptr) {
  PlantedCount out;
  for (std::uint64_t seed = 1; seed <= static_cast<std::uint64_t>(count); ++seed) {
    Case c = random_clearing_case(seed);
    std::optional<Case> wrong = plant(c);
    if (!wrong) continue;
    Exactness exact;
    Metrics reference = simulate(c, &exact);
    if (shows && !shows(*wrong, reference, exact)) continue;
    ++out.planted;
    std::string diff = mismatches(c, run_engine(*wrong), reference, exact);
    if (diff.empty()) continue;
    out.caught_seeds.push_back(seed);
    out.caught_diffs.push_back(diff);
  }
  return out;
}

// Planted error (issue 24): the engine run with world stocks one day off (tau + 1 and, where
// tau >= 2, tau - 1: the buffer and the price lag of the recursion) against the reference on
// the true tau. The comparison must see it beyond the allowances on most cases, or it could
// not see an off-by-one in the market's recursion.
TEST(Differential, PlantedWorldStocksOffByOneDayAreCaught) {
  constexpr int kPlanted = 100;
  for (double off : {1.0, -1.0}) {
    PlantedCount n = count_caught(kPlanted, [off](const Case& c) -> std::optional<Case> {
      if (c.market.world_inventory_days + off < 1.0) return std::nullopt;
      Case wrong = c;
      wrong.market.world_inventory_days += off;
      return wrong;
    });
    std::cout << "planted world_inventory_days " << (off > 0 ? "+1" : "-1")
              << ", random_clearing_case seeds 1-" << kPlanted << ": " << n.planted << " planted, "
              << n.caught() << " caught beyond the allowance (" << n.caught_on("priced_out_t")
              << " by priced_out_t); first: seed " << n.first_seed() << "\n"
              << n.first_diff();
    // Cases with no world loss in the horizon (no price, nothing priced out) cannot show it.
    EXPECT_GE(n.caught(), n.planted / 2);
  }
}

// Planted error (the market's response, docs/market.md "Supply and demand response"): the
// engine run with the response built one day late (idle capacity over one more day and the
// yearly rates a day's worth slower are not the same thing, so here: the response switched off)
// against the reference with it. Every case whose response is built must show it beyond the
// allowances on most cases where a loss draws the stocks.
TEST(Differential, PlantedMissingMarketResponseIsCaught) {
  constexpr int kPlanted = 100;
  PlantedCount n = count_caught(
      kPlanted,
      [](const Case& c) -> std::optional<Case> {
        if (c.market.idle_share == 0.0 && c.market.substitution_cap == 0.0 &&
            c.market.new_supply_cap == 0.0) {
          return std::nullopt;
        }
        Case wrong = c;
        wrong.market.idle_share = 0.0;
        wrong.market.substitution_cap = 0.0;
        wrong.market.new_supply_cap = 0.0;
        return wrong;
      },
      // No tight day: nothing is built.
      [](const Case&, const Metrics& reference, const Exactness&) {
        return reference.priced_out_t != 0.0;
      });
  std::cout << "planted: market response off, random_clearing_case seeds 1-" << kPlanted << ": "
            << n.planted << " planted, " << n.caught()
            << " caught beyond the allowance; first: seed " << n.first_seed() << "\n"
            << n.first_diff();
  EXPECT_GE(n.planted, 20);
  EXPECT_GE(n.caught(), n.planted / 2);
}

// Planted error (the re-sourcing lead time, docs/market.md "Re-sourcing lead time"): the engine
// run with the lead time ignored (0) where the reference's case has one. Must be seen beyond the
// allowances on most cases where the lead time changes the reference's physical supply (its
// unmet demand with the lead time differs from the same case's without).
TEST(Differential, PlantedMissingResourcingLeadTimeIsCaught) {
  constexpr int kPlanted = 200;
  PlantedCount n = count_caught(
      kPlanted,
      [](const Case& c) -> std::optional<Case> {
        if (c.market.resourcing_days == 0) return std::nullopt;
        Case without = c;
        without.market.resourcing_days = 0;
        return without;
      },
      [](const Case& without, const Metrics& reference, const Exactness&) {
        return reference.unmet_t != simulate(without, nullptr).unmet_t;  // else nothing to see
      });
  std::cout << "planted: re-sourcing lead time ignored, random_clearing_case seeds 1-" << kPlanted
            << ": " << n.planted << " where it moves the reference's unmet demand, " << n.caught()
            << " caught beyond the allowance\n"
            << n.first_diff();
  EXPECT_GE(n.planted, 20);
  EXPECT_GE(n.caught(), n.planted * 4 / 5);
}

// Planted error (the release price, docs/market.md "Release price"): the engine run with its
// stockpile sold at the market price where the reference's case sells below it. Must be seen
// beyond the allowances on most cases where the reference's stockpile serves priced-out demand
// (not on all: where the market's scarcity is within its rounding allowance of 0 for a run of
// days, the spell's decision clock may restart in one and not the other, and the allowance then
// takes a delay's worth of releases). (Errors planted inside the engine's pre-crisis path are in
// docs/market.md.)
TEST(Differential, PlantedReleaseAtTheMarketPriceIsCaught) {
  constexpr int kPlanted = 200;
  PlantedCount n = count_caught(
      kPlanted,
      [](const Case& c) -> std::optional<Case> {
        if (c.stocks.release_price == ReleasePrice::market) return std::nullopt;
        Case at_market = c;
        at_market.stocks.release_price = ReleasePrice::market;
        return at_market;
      },
      // Nothing served: nothing to see.
      [](const Case&, const Metrics&, const Exactness& exact) {
        return exact.served_priced_out_t != 0.0;
      });
  std::cout << "planted: release at the market price, random_clearing_case seeds 1-" << kPlanted
            << ": " << n.planted << " serving below the market price, " << n.caught()
            << " caught beyond the allowance\n"
            << n.first_diff();
  EXPECT_GE(n.planted, 20);
  EXPECT_GE(n.caught(), n.planted * 4 / 5);
}

// The former kink-on-curve disagreements: the engine agrees with the reference on each (the
// random tests compare them too, under the random streams of the day they were found; this
// pins them even if those streams change).
TEST(Differential, KinksOnCurvesAgree) {
  for (std::uint64_t seed : kKinkOnCurveOneTier) {
    EXPECT_EQ(compare(random_shaped_case(seed)), "") << "random_shaped_case(" << seed << ")";
  }
  for (std::uint64_t seed : kKinkOnCurveMultiTier) {
    EXPECT_EQ(compare(random_shaped_tier_case(seed)), "")
        << "random_shaped_tier_case(" << seed << ")";
  }
}

// Planted error (issue 21): before the kinks were found as roots, the engine kept the chord
// over a ramp that holds two kinks. The "chord engine" here reproduces that on the reference's
// side: the reference's own supply, with every knot interval in which the supplied rate changes
// slope twice or more (two kinks, or a curve) replaced by the chord between the interval's ends
// (every rate and the world shortfall), stepped by the same stock code. Its metrics must differ
// from the reference beyond the allowance on some cases, or the comparison could not see the old
// fault.
Metrics simulate_chorded(const Case& c, int& chorded_intervals) {
  std::vector<StepSupply> steps =
      focal_supply_by_step(c.network, c.events, c.horizon_days, kStepsPerDay);
  std::vector<int> knots = shape_knots(c.network, c.events);
  std::erase_if(knots, [&](int k) { return k <= 0 || k >= c.horizon_days; });
  knots.insert(knots.begin(), 0);
  knots.push_back(c.horizon_days);
  const double h = 1.0 / kStepsPerDay;
  const double tolerance = 1e-11 * (daily_demand(c) + 1.0);
  auto rate = [&](const DaySupply& s) { return supplied_t_per_day(c, s); };
  auto along = [](const DaySupply& a, const DaySupply& b, double f) {
    DaySupply out = a;
    out.domestic_t_per_day += f * (b.domestic_t_per_day - a.domestic_t_per_day);
    out.refined_t_per_day += f * (b.refined_t_per_day - a.refined_t_per_day);
    out.recycling_available += f * (b.recycling_available - a.recycling_available);
    out.world_shortfall += f * (b.world_shortfall - a.world_shortfall);
    return out;
  };
  for (std::size_t i = 0; i + 1 < knots.size(); ++i) {
    const std::size_t first = static_cast<std::size_t>(knots[i]) * kStepsPerDay;
    const std::size_t end = static_cast<std::size_t>(knots[i + 1]) * kStepsPerDay;
    if (!steps[first].ramps) continue;
    // A kink on a step boundary changes the chord slope once, one inside a step twice in a row.
    int kinks = 0;
    bool changed = false;
    double slope = (rate(steps[first].end) - rate(steps[first].start)) / h;
    for (std::size_t k = first + 1; k < end; ++k) {
      double next = (rate(steps[k].end) - rate(steps[k].start)) / h;
      bool changes = std::abs(next - slope) * h > tolerance;
      if (changes && !changed) ++kinks;
      changed = changes;
      slope = next;
    }
    if (kinks < 2) continue;
    ++chorded_intervals;
    const DaySupply a = steps[first].start;
    const DaySupply b = steps[end - 1].end;
    const double length = static_cast<double>(end - first);
    for (std::size_t k = first; k < end; ++k) {
      const double f = static_cast<double>(k - first);
      steps[k].start = along(a, b, f / length);
      steps[k].mean = along(a, b, (f + 0.5) / length);
      steps[k].end = along(a, b, (f + 1.0) / length);
    }
  }
  return simulate_stocks(c, steps);
}

template <typename Make>
void plant_chords(const char* kind, int count, Make make) {
  int planted = 0, caught = 0;
  std::uint64_t first_seed = 0;
  std::string first_diff;
  for (std::uint64_t seed = 1; seed <= static_cast<std::uint64_t>(count); ++seed) {
    Case c = make(seed);
    int chorded = 0;
    Metrics chord_engine = simulate_chorded(c, chorded);
    if (chorded == 0) continue;
    ++planted;
    Exactness exact;
    Metrics reference = simulate(c, &exact);
    std::string diff = mismatches(c, chord_engine, reference, exact);
    if (diff.empty()) continue;
    ++caught;
    if (first_seed == 0) {
      first_seed = seed;
      first_diff = diff;
    }
  }
  std::cout << "planted two-kink chords, " << kind << " seeds 1-" << count << ": " << planted
            << " cases hold a ramp with two kinks or a curve, " << caught
            << " caught beyond the allowance; first: seed " << first_seed << "\n"
            << first_diff;
  EXPECT_GE(caught, 1);
}

TEST(Differential, PlantedTwoKinkChordsAreCaught) {
  plant_chords("random_shaped_case", 300, random_shaped_case);
  plant_chords("random_shaped_tier_case", 300, random_shaped_tier_case);
}

// The reference itself, on cases computed by hand, so a wrong reference cannot pass by agreeing
// with a wrong engine.
Case one_supplier(double t_per_day, int horizon_days) {
  Case c;
  c.horizon_days = horizon_days;
  c.network.suppliers.push_back({"CHN", Flow::refined, t_per_day, 0.0});
  c.network.world_mine_shares.push_back({"AUS", 1.0});
  c.stocks.refill_rate_of_demand = 0.0;
  c.stocks.inventory_refill_rate_of_demand = 0.0;
  return c;
}

TEST(ReferenceByHand, OutageMinusStockpileAndInventory) {
  Case c = one_supplier(2.0, 100);
  c.events.push_back({10, 30, {cut(Hit::Kind::edge, "CHN", Flow::refined, 1.0)}});
  c.stocks.inventory_days = 4.5;
  c.stocks.stockpile_days = 10.25;
  Metrics m = simulate(c);
  EXPECT_DOUBLE_EQ(m.unmet_t, 2.0 * (30 - 4.5 - 10.25));
  EXPECT_DOUBLE_EQ(m.days_short, 30 - 4.5 - 10.25);
  EXPECT_DOUBLE_EQ(m.longest_spell_days, 30 - 4.5 - 10.25);
  EXPECT_DOUBLE_EQ(m.lowest_stockpile_t, 0.0);
}

TEST(ReferenceByHand, DelayAndSlowReleaseAndRefill) {
  Case c = one_supplier(1.0, 200);
  c.events.push_back({0, 20, {cut(Hit::Kind::foreign_refiner, "CHN", Flow::refined, 0.5)}});
  c.stocks.stockpile_days = 100.0;
  c.stocks.decision_delay_days = 4;
  c.stocks.release_rate_of_demand = 0.25;
  c.stocks.refill_rate_of_demand = 0.5;
  Metrics m = simulate(c);
  // Gap 0.5 t/day: 4 days wholly short, then 16 days short by 0.25 t/day.
  EXPECT_DOUBLE_EQ(m.unmet_t, 4 * 0.5 + 16 * 0.25);
  EXPECT_DOUBLE_EQ(m.days_short, 20.0);
  EXPECT_DOUBLE_EQ(m.lowest_stockpile_t, 100.0 - 16 * 0.25);
  // The refill (0.5 t/day for 8 days) is bought at the baseline price on top of supply.
  double scarcity = 1.0;  // CHN is no world mine producer; its refined share is 1, lost 0.5
  scarcity = std::min(5.0, std::pow(0.5, -1.0 / 0.3));
  EXPECT_DOUBLE_EQ(m.peak_price_multiple, scarcity);
  EXPECT_NEAR(m.procurement_cost, 20 * 0.5 * scarcity + 180 * 1.0 + 8 * 0.5, 1e-9);
}

TEST(ReferenceByHand, ReroutingAndSmelterLimit) {
  Case c;
  c.horizon_days = 10;
  c.network.suppliers.push_back({"AUS", Flow::concentrate, 3.0, 0.0});
  c.network.suppliers.push_back({"ZAF", Flow::concentrate, 1.0, 2.0});
  c.network.suppliers.push_back({"CHN", Flow::refined, 4.0, 0.0});
  c.network.world_mine_shares.push_back({"AUS", 1.0});
  c.network.concentrate_lead_days = 2;
  // AUS loses everything from day 0 (reaches the smelter on day 2); the smelter halves on day 5.
  c.events.push_back({0, 100, {cut(Hit::Kind::foreign_mine, "AUS", Flow::concentrate, 1.0)}});
  c.events.push_back({5, 100, {cut(Hit::Kind::focal_smelter, "", Flow::concentrate, 0.5)}});
  std::vector<DaySupply> days = focal_supply_by_day(c.network, c.events, c.horizon_days);
  EXPECT_DOUBLE_EQ(days[1].domestic_t_per_day, 4.0);
  EXPECT_DOUBLE_EQ(days[2].domestic_t_per_day, 3.0);  // 1 + min(3 lost, 2 spare)
  EXPECT_DOUBLE_EQ(days[5].domestic_t_per_day, 2.0);  // smelter 4 x 0.5
  EXPECT_DOUBLE_EQ(days[0].world_shortfall, 1.0);     // the price runs on the refined clock (0)
}

// Tiers by hand: an ore export ban at COD (70 % of FIN's feed by link; 3 of the market's 13 t/day
// of sales), AUS spare 2 t/day. Market loss 3/13; FIN loses 0.7 + 0.3 x 3/13 = 10/13 of its
// feed, CHN (all market) 3/13; 10 t/day lost in all, 2 replaced (rho 0.2): FIN 1 - 0.8 x 10/13 =
// 5/13, CHN 1 - 0.8 x 3/13. World: no mine output lost, refined 0.4.
TEST(ReferenceByHand, OreExportBanThroughLinksMarketAndSpare) {
  Case c;
  c.horizon_days = 10;
  Tiers& t = c.network.tiers;
  t.present = true;
  t.mines.push_back({"COD", 10.0, 3.0, 0.0});
  t.mines.push_back({"AUS", 10.0, 10.0, 2.0});
  t.refiners.push_back({"FIN", 10.0, 10.0, {{"COD", 0.7}}, 0.3});
  t.refiners.push_back({"CHN", 10.0, 12.0, {}, 1.0});
  c.network.suppliers.push_back({"FIN", Flow::refined, 4.0, 0.0});
  c.network.refined_lead_days = 3;
  Hit ban = cut(Hit::Kind::exports_of, "COD", Flow::refined, 1.0);
  ban.export_stage = Hit::Stage::mine;
  c.events.push_back({0, 100, {ban}});
  std::vector<DaySupply> days = focal_supply_by_day(c.network, c.events, c.horizon_days);
  EXPECT_DOUBLE_EQ(days[2].refined_t_per_day, 4.0);
  EXPECT_DOUBLE_EQ(days[2].world_shortfall, 0.0);
  EXPECT_DOUBLE_EQ(days[3].refined_t_per_day, 4.0 * 5.0 / 13.0);
  EXPECT_DOUBLE_EQ(days[3].world_shortfall, 0.4);
  TierDay day = tier_day(c.network, c.events, 3);
  EXPECT_DOUBLE_EQ(day.refiner_output_fraction[1], 1.0 - 0.8 * 3.0 / 13.0);
  // A refinery outage binds only below the feed: CHN at half availability has capacity 6 of its
  // 10 t/day of output; a refined-stage ban does not touch the feed, only what crosses a border.
  c.events = {{0, 100, {cut(Hit::Kind::foreign_refiner, "CHN", Flow::refined, 0.5)}}};
  day = tier_day(c.network, c.events, 3);
  EXPECT_DOUBLE_EQ(day.refiner_output_fraction[1], 0.6);
  EXPECT_DOUBLE_EQ(day.world_shortfall, 0.2);
}

// Shapes by hand (docs/engine.md "Event shapes"). A linear recovery from f = 0.4 over 100 days
// loses f x 100 / 2 = 20 days of demand; a 5-day stockpile leaves 15. A profile
// (0, 0) (10, 1) (20, 0) loses 10 days; a cap of 0.5 x utilisation 0.8 cuts 0.6.
TEST(ReferenceByHand, LinearRecoveryProfileAndCap) {
  Case c = one_supplier(2.0, 200);
  Hit ramp = cut(Hit::Kind::edge, "CHN", Flow::refined, 0.4);
  ramp.shape.kind = Shape::Kind::linear;
  ramp.shape.recovery_days = 100;
  c.events.push_back({10, 0, {ramp}});
  c.stocks.stockpile_days = 5.0;
  Metrics m = simulate(c);
  EXPECT_NEAR(m.unmet_t, 2.0 * (20.0 - 5.0), 1e-9);
  EXPECT_DOUBLE_EQ(m.lowest_stockpile_t, 0.0);

  c.stocks.stockpile_days = 0.0;
  Hit triangle = cut(Hit::Kind::edge, "CHN", Flow::refined, 1.0);
  triangle.shape.kind = Shape::Kind::profile;
  triangle.shape.profile = {{0, 0.0}, {10, 1.0}, {20, 0.0}};
  c.events = {{30, 5, {triangle}}};
  m = simulate(c);
  EXPECT_NEAR(m.unmet_t, 2.0 * 10.0, 1e-9);
  EXPECT_DOUBLE_EQ(m.days_short, 20.0);  // unmet from the onset to the last point

  Hit quota = cut(Hit::Kind::edge, "CHN", Flow::refined, 1.0);
  quota.cap_fraction = 0.5;
  quota.cap_utilisation = 0.8;
  c.events = {{0, 10, {quota}}};
  m = simulate(c);
  EXPECT_NEAR(m.unmet_t, 2.0 * 0.6 * 10.0, 1e-9);
}

// The clearing market by hand (docs/market.md). Two mines of 10 t/day (all sold on the market),
// one refiner of 20 t/day fed from the market, the focal economy buying 5 t/day of its output;
// cap 5, elasticity 0.3: the price clears c = 1 - 5^-0.3 of demand.
Case clearing_by_hand(double tau, double severity, int duration) {
  Case c;
  c.horizon_days = 60;
  c.market = {true, tau};
  Tiers& t = c.network.tiers;
  t.present = true;
  t.mines.push_back({"AUS", 10.0, 10.0, 0.0});
  t.mines.push_back({"COD", 10.0, 10.0, 0.0});
  t.refiners.push_back({"CHN", 20.0, 20.0, {}, 1.0});
  c.network.suppliers.push_back({"CHN", Flow::refined, 5.0, 0.0});
  Event outage{0, duration, {cut(Hit::Kind::foreign_mine, "COD", Flow::refined, severity)}};
  if (severity == 1.0)
    outage.hits.push_back(cut(Hit::Kind::foreign_mine, "AUS", Flow::refined, 1.0));
  c.events.push_back(outage);
  return c;
}

// The release price by hand (docs/market.md "Release price"). One day of world stocks and half
// of COD's mines out for 40 days: x = w = 0.25 on days 1-40 (below c), so 0.25 x 5 t = 1.25 t a
// day is priced out (50 t) and nothing is physically short (the stockpile is never drawn).
TEST(ReferenceByHand, ReleasePriceClosedForms) {
  Case c = clearing_by_hand(1.0, 0.5, 40);
  c.stocks.stockpile_days = 100.0;  // 500 t
  c.stocks.release_price = ReleasePrice::pre_crisis;
  c.stocks.decision_delay_days = 10;  // open on days 11-40: 30 x 1.25 t
  Metrics m = simulate(c);
  EXPECT_NEAR(m.priced_out_t, 50.0 - 37.5, 1e-9);
  EXPECT_NEAR(m.not_served_t, 12.5, 1e-9);
  EXPECT_NEAR(m.lowest_stockpile_t, 500.0 - 37.5, 1e-9);
  c.stocks.release_rate_of_demand = 0.1;  // 0.5 t a day
  EXPECT_NEAR(simulate(c).priced_out_t, 50.0 - 15.0, 1e-9);
  c.stocks.release_rate_of_demand = 1.0;
  c.stocks.stockpile_days = 4.0;  // 20 t: all of it
  m = simulate(c);
  EXPECT_NEAR(m.priced_out_t, 30.0, 1e-9);
  EXPECT_EQ(m.lowest_stockpile_t, 0.0);
  // At half the market price: won = 0.75 (2^0.3 - 1) / 0.25 of each day's 1.25 t.
  c.stocks.stockpile_days = 100.0;
  c.stocks.release_price = ReleasePrice::discount;
  c.stocks.release_discount = 0.5;
  const double won = 0.75 * (std::pow(2.0, 0.3) - 1.0) / 0.25;
  EXPECT_NEAR(simulate(c).priced_out_t, 50.0 - 30.0 * won * 1.25, 1e-9);
  c.stocks.release_discount = 1.0;  // the market price: nothing won
  EXPECT_NEAR(simulate(c).priced_out_t, 50.0, 1e-9);
  c.stocks.release_discount = 0.0;  // as pre_crisis
  EXPECT_NEAR(simulate(c).priced_out_t, 12.5, 1e-9);
  // And the engine agrees on each setting.
  for (ReleasePrice setting : {ReleasePrice::pre_crisis, ReleasePrice::discount}) {
    c.stocks.release_price = setting;
    c.stocks.release_discount = 0.5;
    EXPECT_EQ(compare(c), "");
  }
}

TEST(ReferenceByHand, ClearingMarketClosedForms) {
  const double clearable = 1.0 - std::pow(5.0, -0.3);
  // Half of COD's mines out for 40 days: w = 0.25 < c, the stocks absorb it and the price
  // prices out x_d = w (1 - q^d), q = 1 - 1/tau; the focal stream is not cut (no unmet).
  Case c = clearing_by_hand(4.0, 0.5, 40);
  Metrics m = simulate(c);
  const double q = 0.75;
  double priced_out = 0.0, peak = 1.0, x = 0.0;
  for (int d = 0; d < 60; ++d) {
    x = d <= 40 ? 0.25 * (1.0 - std::pow(q, d)) : x * q;  // after the loss: x (1 - 1/tau)
    priced_out += x * 5.0;
    peak = std::max(peak, std::pow(1.0 - x, -1.0 / 0.3));
  }
  EXPECT_EQ(m.unmet_t, 0.0);
  EXPECT_NEAR(m.priced_out_t, priced_out, 1e-9);
  EXPECT_NEAR(m.peak_price_multiple, peak, 1e-9);
  EXPECT_NEAR(m.not_served_t, priced_out, 1e-9);
  // Every mine out for 30 days with one day of world stocks: x_1 = 1, then every day short
  // 1 - c of demand (stockout) and c of what is left priced out: (1 - c) x 5 t and c^2 x 5 t a
  // day for 29 days; after it x falls by c a day (1 -> 1 - c -> 1 - 2c -> 0), priced out
  // min(x, c): c, c, 1 - 2c of 5 t.
  c = clearing_by_hand(1.0, 1.0, 30);
  m = simulate(c);
  EXPECT_NEAR(m.unmet_t, 29.0 * (1.0 - clearable) * 5.0, 1e-9);
  EXPECT_DOUBLE_EQ(m.days_short, 29.0);
  EXPECT_DOUBLE_EQ(m.peak_price_multiple, 5.0);
  const double after = (clearable + clearable + (1.0 - 2.0 * clearable)) * 5.0;
  EXPECT_NEAR(m.priced_out_t, 29.0 * clearable * clearable * 5.0 + after, 1e-9);
}

// Regression (issue 17): apply_stocks once never returned here. One supplier of 3.7 t/day loses
// everything at day 0 and recovers linearly over 7 days; a 1000-day stockpile releases up to
// 0.1 x demand. The gap 3.7 (1 - t / 7) meets the release cap 0.37 at t = 6.3, inside the
// ramping segment, where t + (gap - release_max) / -gap_slope rounded to t: every phase from
// there had zero length (also 20 of the 3,000 random shaped cases, e.g. random_shaped_case(134)).
// Fixed in the stock pass (thresholds within 1e-9 days count as reached).
TEST(Differential, EngineStepsPastTheReleaseCapInARamp) {
  Case c = one_supplier(3.7, 200);
  Hit ramp = cut(Hit::Kind::edge, "CHN", Flow::refined, 1.0);
  ramp.shape.kind = Shape::Kind::linear;
  ramp.shape.recovery_days = 7;
  c.events.push_back({0, 0, {ramp}});
  c.stocks.stockpile_days = 1000.0;
  c.stocks.release_rate_of_demand = 0.1;
  Exactness exact;
  Metrics reference = simulate(c, &exact);
  // Unmet: the part of the gap above the cap while it lasts, (3.7 - 0.37) x 6.3 / 2 t.
  EXPECT_NEAR(reference.unmet_t, (3.7 - 0.37) * 6.3 / 2.0, exact.unmet_bound_t + 1e-9);
  EXPECT_EQ(mismatches(c, run_engine(c), reference, exact), "");
}

}  // namespace
}  // namespace mineflow::reference
