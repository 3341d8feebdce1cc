// Tests of the stockpile-day sweep (issue 4): the days found equal the closed form on the
// analytic one-supplier case (exact) and on Poisson outages (k-sigma), every trial's curve is
// monotone in days, CLI output is byte-identical across thread counts, bad input exits 2, and
// the `--all` summary matches its golden file (MINEFLOW_UPDATE_GOLDEN=1 rewrites it).

#include <gtest/gtest.h>

#include <oneapi/tbb/global_control.h>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "graph/build_graph.h"
#include "sim/profile_cache.h"
#include "sim/run_plan.h"
#include "sim/summary.h"
#include "sim/sweep/stockpile_sweep.h"
#include "sim/sweep/sweep_driver.h"
#include "tests/cli_runner.h"
#include "tests/golden.h"
#include "tests/sim_test_support.h"
#include "tests/sweep_test_support.h"
#include "tools/cli/command.h"
#include "tools/io/data_loaders.h"
#include "tools/io/scenario_loader.h"

namespace mineflow {
namespace {

namespace fs = std::filesystem;
using testing::compile_events;
using testing::outage;
using testing::refined_model;
using testing::run_cli;
using testing::scenarios_dir;

using testing::OneSupplier;

// A bundled scenario's stockpile_60 policy as a sweep setup (the plan owns what it points to).
RunPlan bundled_plan(const std::string& scenario_name) {
  CountryTable countries = io::load_countries(scenarios_dir() + "/countries.yaml");
  io::Settings settings = io::load_settings(scenarios_dir() + "/settings.yaml");
  Scenario scenario =
      io::load_scenario(scenarios_dir() + "/disruptions/" + scenario_name + ".yaml", countries);
  MineralData data = io::load_mineral(scenario.mineral_file, countries);
  MineralGraph base = build_mineral_graph(data, settings.graph);
  return make_run_plan(scenario, base, data.prices, countries, settings.indicators,
                       {"stockpile_60"});
}

struct BundledSweep {
  explicit BundledSweep(const std::string& scenario_name) : plan(bundled_plan(scenario_name)) {
    setup.events = &plan.scenario.events;
    setup.horizon_days = plan.scenario.horizon_days;
    setup.model = plan.policies[0].model.get();
    setup.stocks = plan.variants[plan.policies[0].variant].stocks;
  }
  BundledSweep(const BundledSweep&) = delete;  // setup points into plan
  BundledSweep& operator=(const BundledSweep&) = delete;
  RunPlan plan;
  SweepSetup setup;
};

SweepOptions exact_options() {
  SweepOptions options;
  options.trials = 8;
  options.days_tolerance = 0.01;
  options.threads = 1;
  return options;
}

// (a) The days found equal the closed form: no shortage needs d - I days; unmet <= x % of
// annual demand needs d - I - 3.65 x days.
TEST(SweepExact, DaysFoundEqualClosedForm) {
  struct Case {
    double outage_days, inventory_days;
    const char* target;
    double expected_days;
  };
  for (const Case& c : {Case{50, 0, "p_shortage<=0", 50.0}, Case{50, 20, "p_shortage<=0", 30.0},
                        Case{50, 0, "unmet_pct<=1", 46.35}, Case{130, 0, "unmet_t<=100", 120.0},
                        Case{50, 0, "longest_spell_days<=10", 40.0}}) {
    OneSupplier s(c.outage_days, c.inventory_days);
    SweepGrid grid;
    SweepResult r =
        run_stockpile_sweep(s.setup, grid, parse_sweep_target(c.target), exact_options());
    ASSERT_EQ(r.days_needed.size(), 1u);
    const DaysFinding& f = r.days_needed[0];
    ASSERT_TRUE(f.days.has_value()) << c.target;
    // The search returns the smallest evaluated days meeting the target: within the tolerance
    // above the closed form, never below it.
    EXPECT_GE(*f.days, c.expected_days - 1e-9) << c.target;
    EXPECT_LE(*f.days, c.expected_days + 0.01) << c.target;
    // No randomness: the +/- 2 SE range collapses onto the days found.
    EXPECT_EQ(f.days_low, f.days);
    EXPECT_EQ(f.days_high, f.days);
  }
}

TEST(SweepExact, GridCellsAndCarryingCost) {
  OneSupplier s(50.0);
  s.model.baseline_price = 2000.0;
  SweepGrid grid;
  grid.days = {0, 30, 60};
  SweepResult r = run_stockpile_sweep(s.setup, grid, std::nullopt, exact_options());
  ASSERT_EQ(r.cells.size(), 3u);
  EXPECT_DOUBLE_EQ(r.cells[0].unmet_t.value, 500.0);
  EXPECT_DOUBLE_EQ(r.cells[1].unmet_t.value, 200.0);
  EXPECT_DOUBLE_EQ(r.cells[2].unmet_t.value, 0.0);
  EXPECT_DOUBLE_EQ(r.cells[1].p_shortage.value, 1.0);
  EXPECT_DOUBLE_EQ(r.cells[2].p_shortage.value, 0.0);
  EXPECT_DOUBLE_EQ(r.cells[1].unmet_pct.value, 100.0 * 200.0 / 3650.0);
  EXPECT_DOUBLE_EQ(r.cells[1].cvar95_unmet_t.value, 200.0);
  EXPECT_DOUBLE_EQ(r.cells[1].longest_spell_days.value, 20.0);
  // 60 days x 10 t/day x 2000 per t x 10 %/yr.
  EXPECT_DOUBLE_EQ(r.cells[2].carrying_cost_per_year, 120000.0);
  EXPECT_EQ(r.passes, 1);
}

// Recycling (untouched by the outage) covers its share: share x 10 t/day of the 10 t/day lost,
// so at the 60-day base a 100-day outage needs 1 - 60/100 = 0.4.
TEST(SweepExact, RecyclingAlternativeAtTheBase) {
  OneSupplier s(100.0);
  SweepOptions options = exact_options();
  options.share_tolerance = 1e-4;
  SweepResult r =
      run_stockpile_sweep(s.setup, SweepGrid{}, parse_sweep_target("p_shortage<=0"), options);
  ASSERT_TRUE(r.recycling && r.recycling->share);
  EXPECT_GE(*r.recycling->share, 0.4 - 1e-9);
  EXPECT_LE(*r.recycling->share, 0.4 + 1e-4);
  options.max_recycling_share = 0.3;
  r = run_stockpile_sweep(s.setup, SweepGrid{}, parse_sweep_target("p_shortage<=0"), options);
  ASSERT_TRUE(r.recycling);
  EXPECT_FALSE(r.recycling->share.has_value());
}

// (a, statistical) Poisson outages at L per year that outlast any stockpile: a shortage occurs
// iff one starts before T - s, so P(s) = 1 - exp(-L (T - s)/365) and P <= p needs
// s = T + 365 ln(1 - p) / L. The closed form must lie in the +/- 4 SE days range.
TEST(SweepStatistical, PoissonDaysWithinTheirUncertainty) {
  Model model = refined_model({1.0});
  EventSpec spec = outage("S0", 0.0, 400.0);
  spec.start_day.reset();
  spec.hazard_per_year = 0.5;
  std::vector<EventSpec> events{spec};
  compile_events(model, events);
  SweepSetup setup;
  setup.events = &events;
  setup.model = &model;
  SweepOptions options;
  options.trials = 20000;
  options.seed = 3;
  options.z = 4.0;
  SweepResult r =
      run_stockpile_sweep(setup, SweepGrid{}, parse_sweep_target("p_shortage<=0.3"), options);
  const DaysFinding& f = r.days_needed.at(0);
  double expected = 365.0 + 365.0 * std::log(1.0 - 0.3) / 0.5;  // 104.6
  ASSERT_TRUE(f.days && f.days_low && f.days_high);
  EXPECT_LE(*f.days_low, expected + options.days_tolerance);
  EXPECT_GE(*f.days_high, expected - options.days_tolerance);
  EXPECT_LE(*f.days_low, *f.days);
  EXPECT_LE(*f.days, *f.days_high);
  // The band is about 2 z SE / |dP/ds| wide: SE = sqrt(p (1 - p) / n), dP/ds = L/365 (1 - p).
  double se = std::sqrt(0.3 * 0.7 / 20000.0);
  double slope = 0.5 / 365.0 * 0.7;
  double width = 2.0 * options.z * se / slope;  // 27 days
  EXPECT_GT(*f.days_high - *f.days_low, 0.5 * width);
  EXPECT_LT(*f.days_high - *f.days_low, 1.5 * width);
}

// (b) Every trial's curve is monotone in days on the bundled cobalt background scenario: the
// sweep's variants over the same trials never raise unmet demand or the longest spell.
TEST(SweepMonotone, EveryTrialNonIncreasingInDays) {
  BundledSweep bundled("cobalt_background");
  const SweepSetup& setup = bundled.setup;
  std::vector<std::pair<double, double>> cells;
  for (double share : {0.0, 0.2}) {
    for (double days : {0.0, 15.0, 30.0, 45.0, 60.0, 90.0, 120.0, 180.0}) {
      cells.emplace_back(days, share);
    }
  }
  MonteCarloOptions mc;
  mc.trials = 4000;
  mc.seed = 9;
  SweepValues result =
      run_sweep_trials(*setup.events, setup.horizon_days, sweep_variants(setup, cells), mc);
  int strictly = 0;
  for (std::size_t v = 1; v < cells.size(); ++v) {
    if (cells[v].second != cells[v - 1].second) continue;
    for (bool spell : {false, true}) {
      auto less = spell ? result.longest_spell_days(v - 1) : result.unmet_t(v - 1);
      auto more = spell ? result.longest_spell_days(v) : result.unmet_t(v);
      for (std::size_t k = 0; k < less.size(); ++k) {
        ASSERT_LE(more[k], less[k] + 1e-9) << "trial " << k << " cell " << v;
        strictly += more[k] < less[k] - 1e-9 ? 1 : 0;
      }
    }
  }
  EXPECT_GT(strictly, 100);
}

// Later passes of a sweep take each trial's supply profile from the first pass
// (sim/profile_cache.h): the same bits as rebuilding it, whether every profile was kept, some
// (a budget that runs out part way) or none; the kept ones stay within the budget.
TEST(SweepProfileCache, KeptProfilesGiveTheSameBitsAsRebuiltOnes) {
  BundledSweep bundled("copper_background");
  const SweepSetup& setup = bundled.setup;
  const Model* model = setup.model;
  const std::vector<std::pair<double, double>> first = {{0.0, 0.0}, {30.0, 0.1}, {60.0, 0.0}};
  const std::vector<std::pair<double, double>> later = {{7.5, 0.0}, {45.0, 0.2}, {120.0, 0.0}};
  MonteCarloOptions mc;
  mc.trials = 3000;
  mc.seed = 5;
  mc.threads = 2;
  auto values_of = [&](const std::vector<std::pair<double, double>>& cells, ProfileCache* cache) {
    MonteCarloOptions options = mc;
    options.profile_cache = cache;
    SweepValues values =
        run_sweep_trials(*setup.events, setup.horizon_days, sweep_variants(setup, cells), options);
    std::vector<double> all;
    for (std::size_t c = 0; c < cells.size(); ++c) {
      all.insert(all.end(), values.unmet_t(c).begin(), values.unmet_t(c).end());
      all.insert(all.end(), values.longest_spell_days(c).begin(),
                 values.longest_spell_days(c).end());
    }
    return all;
  };
  const std::vector<double> rebuilt = values_of(later, nullptr);
  for (std::size_t budget : {std::size_t{1} << 30, std::size_t{400000}, std::size_t{0}}) {
    ProfileCache cache(model, TrialRange{0, mc.trials}, budget);
    values_of(first, &cache);  // the first pass keeps what the budget allows
    EXPECT_LE(cache.bytes(), budget);
    std::uint64_t kept = 0;
    for (std::uint64_t t = 0; t < mc.trials; ++t) kept += cache.find(t) != nullptr ? 1u : 0u;
    if (budget == 0) {
      EXPECT_EQ(kept, 0u);
    }
    if (budget == 400000) {
      EXPECT_GT(kept, 0u);
      EXPECT_LT(kept, mc.trials);
    }
    if (budget == std::size_t{1} << 30) {
      EXPECT_EQ(kept, mc.trials);
    }
    const std::vector<double> reused = values_of(later, &cache);
    ASSERT_EQ(reused.size(), rebuilt.size());
    for (std::size_t i = 0; i < reused.size(); ++i) {
      ASSERT_EQ(reused[i], rebuilt[i]) << "value " << i << " with a budget of " << budget << " B";
    }
  }
}

// The sweep's cell at the policy's own days and share is the engine's result for that policy,
// bit for bit: same trials, same model, same stock pass.
TEST(SweepConsistency, CellEqualsTheEnginesPolicyRun) {
  CountryTable countries = io::load_countries(scenarios_dir() + "/countries.yaml");
  io::Settings settings = io::load_settings(scenarios_dir() + "/settings.yaml");
  Scenario scenario =
      io::load_scenario(scenarios_dir() + "/disruptions/tungsten_background.yaml", countries);
  MineralData data = io::load_mineral(scenario.mineral_file, countries);
  data.secondary = SecondaryShare{};  // no recycling, so the 60-day cell at share 0 is the run
  MineralGraph base = build_mineral_graph(data, settings.graph);
  RunPlan plan =
      make_run_plan(scenario, base, data.prices, countries, settings.indicators, {"stockpile_60"});
  const PolicyRun& run = plan.policies[0];
  MonteCarloOptions mc;
  mc.trials = 5000;
  mc.seed = 4;
  MonteCarloResult engine =
      run_monte_carlo(plan.scenario.events, scenario.horizon_days, plan.variants, mc);
  SweepSetup setup;
  setup.events = &plan.scenario.events;
  setup.horizon_days = scenario.horizon_days;
  setup.model = run.model.get();
  setup.stocks = plan.variants[run.variant].stocks;
  SweepOptions options;
  options.trials = mc.trials;
  options.seed = mc.seed;
  SweepResult r = run_stockpile_sweep(setup, SweepGrid{}, std::nullopt, options);
  const SweepCell* cell = nullptr;
  for (const SweepCell& c : r.cells) {
    if (c.days == 60.0 && c.recycling_share == 0.0) cell = &c;
  }
  ASSERT_NE(cell, nullptr);
  ASSERT_EQ(setup.stocks.recycling_share, 0.0);  // cleared above
  SweepCell expected =
      sweep_cell(setup, engine.values(run.variant, Metric::unmet_t),
                 engine.values(run.variant, Metric::longest_spell_days), 60.0, 0.0);
  EXPECT_EQ(cell->unmet_t.value, expected.unmet_t.value);
  EXPECT_EQ(cell->p_shortage.value, expected.p_shortage.value);
  EXPECT_EQ(cell->cvar95_unmet_t.value, expected.cvar95_unmet_t.value);
  EXPECT_EQ(cell->longest_spell_days.value, expected.longest_spell_days.value);
  EXPECT_EQ(cell->p_shortage.value, share_positive(engine.values(run.variant, Metric::unmet_t)).p);
  // And the 0-day, 0-share cell is the engine's no-stockpile, no-recycling reference.
  EXPECT_EQ(r.cells.front().unmet_t.value,
            sweep_cell(setup, engine.values(run.reference, Metric::unmet_t),
                       engine.values(run.reference, Metric::longest_spell_days), 0.0, 0.0)
                .unmet_t.value);
}

TEST(SweepTarget, ParsesAndRejects) {
  SweepTarget t = parse_sweep_target(" unmet_pct <= 1.5 ");
  EXPECT_EQ(t.metric, SweepMetric::unmet_pct);
  EXPECT_DOUBLE_EQ(t.threshold, 1.5);
  EXPECT_EQ(to_string(parse_sweep_target("p_shortage<=0.05")), "p_shortage<=0.05");
  for (const char* bad : {"p_shortage<0.05", "p_shortage<=", "foo<=1", "p_shortage<=1.5",
                          "unmet_pct<=-1", "unmet_pct<=1x", ""}) {
    EXPECT_THROW(parse_sweep_target(bad), InputError) << bad;
  }
  // The clearing market's metrics (docs/stockpile.md "Targets"), by their metric names.
  for (SweepMetric m : {SweepMetric::priced_out_t, SweepMetric::priced_out_pct_annual_demand,
                        SweepMetric::not_served_t, SweepMetric::not_served_pct_annual_demand}) {
    const std::string text = std::string(to_string(m)) + "<=2.5";
    EXPECT_EQ(parse_sweep_target(text).metric, m) << text;
    EXPECT_EQ(to_string(parse_sweep_target(text)), text);
    EXPECT_TRUE(is_market_metric(m));
  }
  EXPECT_FALSE(is_market_metric(SweepMetric::longest_spell_days));
  // An unknown metric lists every accepted one.
  try {
    parse_sweep_target("served<=1");
    ADD_FAILURE();
  } catch (const InputError& e) {
    const std::string what = e.what();
    for (SweepMetric m : kSweepMetrics) {
      EXPECT_NE(what.find(std::string(to_string(m))), std::string::npos) << what;
    }
  }
}

std::string run_in_process(const std::vector<std::string>& args) {
  std::ostringstream out;
  std::ostringstream err;
  int code = cli::run_stockpile(args, out, err);
  EXPECT_EQ(code, 0) << err.str();
  return out.str();
}

// (c) Byte-identical output for 1, 2, 3 and 8 threads (TBB's cap raised in-process).
TEST(SweepCli, OutputIsByteIdenticalForAnyThreadCount) {
  tbb::global_control allow(tbb::global_control::max_allowed_parallelism, 8);
  // A target between grid points, so the search passes are covered too.
  std::string file = scenarios_dir() + "/disruptions/rare_earths_background.yaml";
  std::string reference;
  for (const char* threads : {"1", "2", "3", "8"}) {
    std::string out =
        run_in_process({file, "--trials", "3000", "--threads", threads, "--format", "json",
                        "--recycling", "0,0.1", "--target", "p_shortage<=0.015", "--quiet"});
    if (reference.empty()) {
      reference = out;
    } else {
      EXPECT_EQ(out, reference) << threads << " threads";
    }
  }
  EXPECT_EQ(reference.find("\"passes\": 1,"), std::string::npos) << reference;
  EXPECT_NE(reference.find("\"days_needed\": ["), std::string::npos) << reference;
  testing::CliResult one = run_cli({"stockpile", "--all", "--trials", "300", "--threads", "1"});
  testing::CliResult three = run_cli({"stockpile", "--all", "--trials", "300", "--threads", "3"});
  EXPECT_EQ(one.exit_code, 0) << one.err;
  EXPECT_EQ(one.out, three.out);
}

TEST(SweepCli, EveryFormatRuns) {
  std::string file = scenarios_dir() + "/disruptions/rare_earths_background.yaml";
  for (const char* format : {"table", "csv", "json"}) {
    testing::CliResult r =
        run_cli({"stockpile", file, "--trials", "500", "--days", "0:120:30", "--format", format});
    EXPECT_EQ(r.exit_code, 0) << format << ": " << r.err;
    EXPECT_FALSE(r.out.empty());
  }
  testing::CliResult r = run_cli({"stockpile", "--all", "--trials", "200", "--format", "json"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("\"tungsten\""), std::string::npos);
}

// Bad input: one line on stderr and exit code 2.
TEST(SweepCli, BadInputIsOneLineAndExitTwo) {
  std::string file = scenarios_dir() + "/disruptions/cobalt_background.yaml";
  for (std::vector<std::string> args :
       {std::vector<std::string>{"stockpile", file, "--target", "p_shortage<0.05"},
        {"stockpile", file, "--target", "served_t<=1"},
        {"stockpile", file, "--target", "not_served_t<=-1"},
        {"optimise", "cobalt_background", "--target", "not_served_t<=1"},
        {"stockpile", file, "--days", "0,abc"},
        {"stockpile", file, "--days", "0:10:0"},
        {"stockpile", file, "--days", "-5,10"},
        {"stockpile", file, "--recycling", "0,1.2"},
        {"stockpile", file, "--policy", "nope"},
        {"stockpile", file, "--format", "xml"},
        {"stockpile", file, "--all"},
        {"stockpile", file, "--trials", "100000000"},
        {"stockpile"},
        {"stockpile", "/no/such.yaml"}}) {
    testing::CliResult r = run_cli(args);
    EXPECT_EQ(r.exit_code, 2) << args.back() << ": " << r.out;
    EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
  }
}

// (d) The `--all` summary of the bundled set, golden file with an update mode.
TEST(SweepCli, AllSummaryMatchesGolden) {
  testing::CliResult r = run_cli({"stockpile", "--all", "--trials", "1000", "--seed", "7",
                                  "--target", "p_shortage<=0.01", "--recycling", "0,0.2"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  testing::expect_golden("stockpile_all_summary.txt", r.out);
  for (const char* mineral : {"rare_earths", "lithium", "cobalt", "nickel", "copper", "tungsten"}) {
    EXPECT_NE(r.out.find(mineral), std::string::npos) << mineral;
  }
}

std::vector<std::string> split_csv_line(const std::string& line) {
  std::vector<std::string> out;
  std::stringstream in(line);
  std::string field;
  while (std::getline(in, field, ',')) out.push_back(field);
  if (!line.empty() && line.back() == ',') out.emplace_back();
  return out;
}

// The row of `key` in column 0 of a CSV (header first), as header -> field.
std::map<std::string, std::string> csv_row(const std::string& csv, const std::string& key) {
  std::stringstream in(csv);
  std::string header_line, line;
  std::getline(in, header_line);
  std::vector<std::string> header = split_csv_line(header_line);
  while (std::getline(in, line)) {
    std::vector<std::string> fields = split_csv_line(line);
    if (fields.empty() || fields[0] != key) continue;
    std::map<std::string, std::string> row;
    for (std::size_t i = 0; i < header.size() && i < fields.size(); ++i) row[header[i]] = fields[i];
    return row;
  }
  return {};
}

// The drivers column is `mineflow criticality` on the same scenario, trials and seed (its top
// three nodes, not a copy of the ranking), and the same bits at any thread count.
TEST(SweepCli, DriversAreTheCriticalityRankingAtAnyThreadCount) {
  auto summary = [](const char* threads) {
    testing::CliResult r = run_cli({"stockpile", "--all", "--trials", "300", "--seed", "7",
                                    "--format", "csv", "--threads", threads});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return r.out;
  };
  std::string one = summary("1");
  EXPECT_EQ(one, summary("3"));
  testing::CliResult ranked = run_cli({"criticality", "cobalt_background", "--trials", "300",
                                       "--seed", "7", "--format", "csv", "--quiet"});
  ASSERT_EQ(ranked.exit_code, 0) << ranked.err;
  std::map<std::string, std::string> row = csv_row(one, "cobalt");
  ASSERT_FALSE(row.empty()) << one;
  EXPECT_EQ(row["drivers_trials"], "300");
  std::stringstream lines(ranked.out);
  std::string line;
  std::getline(lines, line);  // header
  for (int k = 1; k <= 3; ++k) {
    ASSERT_TRUE(std::getline(lines, line));
    std::vector<std::string> node = split_csv_line(line);  // scenario,policy,rank,country,stage,..
    std::string d = "driver_" + std::to_string(k);
    EXPECT_EQ(row[d + "_country"], node[3]) << k;
    EXPECT_EQ(row[d + "_stage"], node[4]) << k;
    EXPECT_EQ(std::stod(row[d + "_added_unmet_t"]), std::stod(node[8])) << k;
  }
}

}  // namespace
}  // namespace mineflow
