// Linear recoveries that cross two and three kinks inside one ramp, through `mineflow run`,
// against hand calculations (docs/engine.md "Event shapes": kinks are roots, not searched for).
//
// The mineral (tests/data/kinks/two_class_mineral.yaml): demand 2 t/day; concentrate 1 t/day
// (CHN 0.6, AUS 0.4, AUS spare 0.1) refined at home by a 1.2 t/day smelter; refined imports
// 1 t/day (CHN 0.6, CAN 0.4, CAN spare 0.2). No lead times, no recycling, no inventory.
// An export ban on CHN from day 10 recovering linearly over 100 days has severity
// s = 1 - x / 100 at x = day - 10, so
//   concentrate gap = max(0, 0.6 s - 0.1)   (kink at s = 1/6, x = 83.33...)
//   refined gap     = max(0, 0.6 s - 0.2)   (kink at s = 1/3, x = 66.66...)
// A smelter outage of 0.6 recovering over the same 100 days leaves the smelter
// 1.2 (0.4 + 0.006 x) = 0.48 + 0.0072 x, below the concentrate it gets (0.5 + 0.006 x) until
// x = 16.66... (a third kink).

#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <string>
#include <vector>

#include "tests/cli_runner.h"

namespace mineflow {
namespace {

namespace fs = std::filesystem;

constexpr double kRelative = 1e-9;

// Policies: none; stockpiles of 10, 12 and 30 days (of 2 t/day) that release up to demand at
// once and never refill.
constexpr const char* kPolicies = R"(policies:
  - name: no_policy
  - name: stockpile_10
    stockpile: {days: 10, release_rate_of_demand: 1, decision_delay_days: 0, refill_rate_of_demand: 0}
  - name: stockpile_12
    stockpile: {days: 12, release_rate_of_demand: 1, decision_delay_days: 0, refill_rate_of_demand: 0}
  - name: stockpile_30
    stockpile: {days: 30, release_rate_of_demand: 1, decision_delay_days: 0, refill_rate_of_demand: 0}
)";

// An event from day 10 whose severity falls linearly to 0 over 100 days.
std::string linear_recovery(const std::string& id, const std::string& severity,
                            const std::string& target) {
  return "  - id: " + id + "\n    start_day: 10\n    duration_days: 0\n    severity: " + severity +
         "\n    recovery: {shape: linear, recovery_days: 100}\n    targets:\n      - " + target +
         "\n";
}

const std::string kBan = linear_recovery("ban", "1", "exports_of: CHN");
const std::string kSmelterOutage =
    linear_recovery("smelter", "0.6", "node: {country: JPN, stage: refine}");
const std::string kSupplierRamp =
    linear_recovery("supplier", "1", "edge: {from: CHN, class: concentrate}");

constexpr const char* kSpare = R"(spare_capacity:
  - {country: AUS, class: concentrate, extra_pct_of_flow: 25}
  - {country: CAN, class: refined, extra_pct_of_flow: 50}
)";

std::string write_scenario(const std::string& name, const std::string& events,
                           const std::string& mineral = "kinks/two_class_mineral.yaml",
                           const std::string& spare = kSpare) {
  fs::path dir = fs::temp_directory_path() / ("mineflow_kinks_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  fs::path file = dir / (name + ".yaml");
  std::ofstream out(file);
  out << "scenario: " << name << "\nname: \"" << name << "\"\nmineral: " << testing::test_data_dir()
      << "/" << mineral << "\nhorizon_days: 200"
      << "\ntrials: 1\nseed: 1\nprice: {volatility: 0}\n"
      << "lead_times: {concentrate_days: 0, refined_days: 0}\n"
      << spare << "events:\n"
      << events << kPolicies;
  return file.string();
}

using Metrics = std::map<std::string, double>;

// Every metric of every policy, from `mineflow run --format json` (full precision).
std::map<std::string, Metrics> metrics_by_policy(const std::string& file) {
  testing::CliResult r = testing::run_cli({"run", file, "--format", "json", "--quiet"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  std::map<std::string, Metrics> out;
  std::regex policy(R"re("name": "(\w+)",\s*"metrics": \{([^}]*)\})re");
  std::regex metric(R"re("(\w+)": ([-0-9.eE+]+))re");
  for (std::sregex_iterator it(r.out.begin(), r.out.end(), policy), end; it != end; ++it) {
    std::string body = (*it)[2];
    for (std::sregex_iterator m(body.begin(), body.end(), metric); m != end; ++m) {
      out[(*it)[1]][(*m)[1]] = std::stod((*m)[2]);
    }
  }
  EXPECT_EQ(out.size(), 4u) << r.out.substr(0, 2000);
  return out;
}

void expect_relative(double actual, double expected, const std::string& what) {
  EXPECT_NEAR(actual, expected, kRelative * std::max(1.0, std::abs(expected))) << what;
}

// The gap (t/day) as a function of x = day - 10 is piecewise linear: a + b x on [from, to).
struct Piece {
  double from, to, a, b;
};

double volume(const Piece& p, double from, double to) {
  return p.a * (to - from) + 0.5 * p.b * (to * to - from * from);
}

struct Expected {
  double unmet_t = 0.0;
  double days_short = 0.0;
  double lowest_stockpile_t = 0.0;
};

// A stockpile of `stock_t` covering the gap from x = 0 (release up to demand, which the gap never
// exceeds, no delay, no refill): it empties where the running volume reaches it, the root of a
// quadratic inside one piece.
Expected with_stockpile(const std::vector<Piece>& gap, double stock_t) {
  double total = 0.0;
  for (const Piece& p : gap) total += volume(p, p.from, p.to);
  Expected e;
  double short_end = gap.back().to;
  if (total <= stock_t) {
    e.lowest_stockpile_t = stock_t - total;
    return e;
  }
  e.unmet_t = total - stock_t;
  double left = stock_t;
  for (const Piece& p : gap) {
    double v = volume(p, p.from, p.to);
    if (v < left) {
      left -= v;
      continue;
    }
    // a (x - f) + b/2 (x^2 - f^2) = left: the root in [f, t].
    double c = -(left + p.a * p.from + 0.5 * p.b * p.from * p.from);
    double x =
        p.b == 0.0 ? p.from + left / p.a : (-p.a + std::sqrt(p.a * p.a - 2.0 * p.b * c)) / p.b;
    e.days_short = short_end - x;
    return e;
  }
  return e;
}

void expect_case(const std::map<std::string, Metrics>& got, const std::vector<Piece>& gap) {
  const std::map<std::string, double> stock_t = {
      {"no_policy", 0.0}, {"stockpile_10", 20.0}, {"stockpile_12", 24.0}, {"stockpile_30", 60.0}};
  for (const auto& [policy, stock] : stock_t) {
    Expected e = with_stockpile(gap, stock);
    if (stock == 0.0) e.days_short = gap.back().to - gap.front().from;
    const Metrics& m = got.at(policy);
    expect_relative(m.at("unmet_t"), e.unmet_t, policy + " unmet_t");
    expect_relative(m.at("days_short"), e.days_short, policy + " days_short");
    expect_relative(m.at("lowest_stockpile_t"), e.lowest_stockpile_t,
                    policy + " lowest_stockpile_t");
  }
}

constexpr double kSixth = 100.0 - 100.0 / 6.0;  // x where the concentrate gap closes
constexpr double kThird = 100.0 - 100.0 / 3.0;  // x where the refined gap closes
constexpr double kSmelter = 50.0 / 3.0;         // x where the smelter stops binding

TEST(KinksCli, ExportBanCrossesTwoKinks) {
  // gap = (0.6 s - 0.1) + (0.6 s - 0.2) = 0.9 - 0.012 x until x = 66.67, then 0.5 - 0.006 x.
  auto got = metrics_by_policy(write_scenario("two_kinks", kBan));
  expect_case(got, {{0.0, kThird, 0.9, -0.012}, {kThird, kSixth, 0.5, -0.006}});
  // The closed forms: 100 x 0.3 x ((5/6)^2 + (2/3)^2) = 34.1666... t over 83.33 days.
  expect_relative(got.at("no_policy").at("unmet_t"), 30.0 * (25.0 / 36.0 + 4.0 / 9.0), "closed");
  expect_relative(got.at("no_policy").at("longest_spell_days"), kSixth, "spell");
}

TEST(KinksCli, SupplierRampWithSmelterCapacityRamp) {
  // Domestic = min(smelter 0.48 + 0.0072 x, concentrate 0.5 + 0.006 x until x = 83.33, then 1).
  std::string events = kSupplierRamp + kSmelterOutage;
  auto got = metrics_by_policy(write_scenario("smelter_ramp", events));
  expect_case(got, {{0.0, kSmelter, 0.52, -0.0072}, {kSmelter, kSixth, 0.5, -0.006}});
  expect_relative(got.at("no_policy").at("unmet_t"), 21.0, "closed");
}

TEST(KinksCli, ThreeKinksWithStockpilesThatEmptyInTheRamp) {
  // The ban and the smelter outage together: 0.92 - 0.0132 x, 0.9 - 0.012 x, 0.5 - 0.006 x.
  std::string events = kBan + kSmelterOutage;
  auto got = metrics_by_policy(write_scenario("three_kinks", events));
  expect_case(got, {{0.0, kSmelter, 0.92, -0.0132},
                    {kSmelter, kThird, 0.9, -0.012},
                    {kThird, kSixth, 0.5, -0.006}});
  expect_relative(got.at("no_policy").at("unmet_t"), 13.5 + 20.0 + 5.0 / 6.0, "closed");
  // The 10- and 12-day stockpiles empty inside the ramp; the 30-day one keeps 60 - 34.33 t.
  EXPECT_GT(got.at("stockpile_12").at("unmet_t"), 0.0);
  expect_relative(got.at("stockpile_30").at("lowest_stockpile_t"), 60.0 - 34.0 - 1.0 / 3.0,
                  "lowest");
}

TEST(KinksCli, CurveChordsStayWithinTheirBound) {
  // Two linear recoveries of 0.5 on one channel multiply: availability (0.5 + 0.005 x)^2 over
  // 100 days, a curve. One supplier of 1 t/day and no spare capacity: unmet = 100 - (25 + 25 +
  // 25/3) = 41.666... t. The engine keeps chords within 1e-7 of the curve, so its volume is within
  // 1e-7 x 1 t/day x 100 days; chords of a convex availability lie above it, so the engine can only
  // under-count.
  std::string events = linear_recovery("first", "0.5", "edge: {from: AUS, class: refined}") +
                       linear_recovery("second", "0.5", "edge: {from: AUS, class: refined}");
  auto got =
      metrics_by_policy(write_scenario("curve", events, "shapes/one_supplier_mineral.yaml", ""));
  const double exact = 100.0 - 25.0 - 25.0 - 25.0 / 3.0;
  const double bound = 1e-7 * 1.0 * 100.0;
  double unmet = got.at("no_policy").at("unmet_t");
  EXPECT_LE(unmet, exact + 1e-9);
  EXPECT_GE(unmet, exact - bound);
  EXPECT_NEAR(got.at("no_policy").at("days_short"), 100.0, 1e-9);
}

}  // namespace
}  // namespace mineflow
