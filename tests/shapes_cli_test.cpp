// Event shapes, caps and the demand response through `mineflow run` (docs/engine.md "Event
// shapes"): closed forms on a one-supplier economy whose demand is 1 t/day, so unmet tonnes are
// days of demand; bad shapes are reported with file:line:column and exit code 2.

#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <string>

#include "tests/cli_runner.h"

namespace mineflow {
namespace {

namespace fs = std::filesystem;

// Policies of every test scenario: none, and stockpiles of 60 and 180 days that never refill.
constexpr const char* kPolicies = R"(policies:
  - name: no_policy
  - name: stockpile_60
    stockpile: {days: 60, refill_rate_of_demand: 0}
  - name: stockpile_180
    stockpile: {days: 180, refill_rate_of_demand: 0}
)";

// Writes a scenario on tests/data/shapes/one_supplier_mineral.yaml with the given horizon, events
// and extra top-level blocks; returns its path.
std::string write_scenario(const std::string& name, double horizon_days, const std::string& events,
                           const std::string& extra = "") {
  fs::path dir = fs::temp_directory_path() / ("mineflow_shapes_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  fs::path file = dir / (name + ".yaml");
  std::ofstream out(file);
  out << "scenario: " << name << "\nname: \"" << name << "\"\nmineral: " << testing::test_data_dir()
      << "/shapes/one_supplier_mineral.yaml\nhorizon_days: " << horizon_days
      << "\ntrials: 1\nseed: 1\nprice: {volatility: 0}\n"
      << extra << "events:\n"
      << events << kPolicies;
  return file.string();
}

// unmet_t per policy, from `mineflow run --format json` (full precision).
std::map<std::string, double> unmet_by_policy(const std::string& file) {
  testing::CliResult r = testing::run_cli({"run", file, "--format", "json", "--quiet"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  std::map<std::string, double> out;
  std::regex pattern(R"re("name": "(\w+)",\s*"metrics": \{"unmet_t": ([-0-9.eE+]+))re");
  for (std::sregex_iterator it(r.out.begin(), r.out.end(), pattern), end; it != end; ++it) {
    out[(*it)[1]] = std::stod((*it)[2]);
  }
  EXPECT_EQ(out.size(), 3u) << r.out.substr(0, 2000);
  return out;
}

// The issue's closed form: f = 0.4 recovering at r = 0.14 of demand a year leaves
// 365 f^2 / (2 r) days of demand unserved; a stockpile of S days leaves max(0, that - S).
constexpr double kF = 0.4;
constexpr double kR = 0.14;
const double kDeficitDays = 365.0 * kF * kF / (2.0 * kR);  // 208.5714...

void expect_ramp_closed_form(const std::map<std::string, double>& unmet) {
  EXPECT_NEAR(unmet.at("no_policy"), kDeficitDays, 1e-9);
  EXPECT_NEAR(unmet.at("stockpile_60"), std::max(0.0, kDeficitDays - 60.0), 1e-9);
  EXPECT_NEAR(unmet.at("stockpile_180"), std::max(0.0, kDeficitDays - 180.0), 1e-9);
}

TEST(ShapesCli, LinearRecoveryMatchesTheRampClosedForm) {
  char recovery[64];
  std::snprintf(recovery, sizeof recovery, "%.17g", 365.0 * kF / kR);
  std::string events = std::string(R"(  - id: loss
    start_day: 0
    duration_days: 0
    severity: 0.4
    recovery: {shape: linear, recovery_days: )") +
                       recovery + R"(}
    targets:
      - edge: {from: AUS, class: refined}
)";
  expect_ramp_closed_form(unmet_by_policy(write_scenario("linear_ramp", 1460, events)));
}

// A step loss of 40 % that outlasts every horizon here.
constexpr const char* kLongStepLoss = R"(  - id: loss
    start_day: 0
    duration_days: 5000
    severity: 0.4
    targets:
      - edge: {from: AUS, class: refined}
)";

TEST(ShapesCli, DemandResponseMatchesTheRampClosedForm) {
  // A step loss that outlasts the horizon, closed by substitution (0.10 / yr) and new supply
  // (0.04 / yr), neither reaching its cap before the gap closes.
  std::string response =
      "demand_response: {substitution_per_yr: 0.10, substitution_cap: 0.3, new_supply_per_yr: "
      "0.04, new_supply_cap: 0.2}\n";
  expect_ramp_closed_form(
      unmet_by_policy(write_scenario("response_ramp", 1460, kLongStepLoss, response)));
}

TEST(ShapesCli, ResponseCapsStopTheRamp) {
  // Substitution alone at 0.2 / yr capped at 0.1: the gap falls from 0.4 to 0.3 over half a year
  // and stays there. Over 365 days: 0.5 x (0.4 + 0.3) x 182.5 + 0.3 x 182.5 = 118.625 days.
  std::string response = "demand_response: {substitution_per_yr: 0.2, substitution_cap: 0.1}\n";
  auto unmet = unmet_by_policy(write_scenario("capped_response", 365, kLongStepLoss, response));
  EXPECT_NEAR(unmet.at("no_policy"), 118.625, 1e-9);
  EXPECT_NEAR(unmet.at("stockpile_60"), 58.625, 1e-9);
  EXPECT_NEAR(unmet.at("stockpile_180"), 0.0, 1e-9);
}

TEST(ShapesCli, CapBitesOnlyBelowTheFlow) {
  // Baseline 365 t/yr. A 200 t/yr cap for 100 days cuts 165/365 of the flow; 400 t/yr does not
  // bite; 400 t/yr at 50 % utilisation is the 200 t/yr cap again.
  auto capped = [](const std::string& cap) {
    return std::string(R"(  - id: quota
    start_day: 10
    duration_days: 100
    cap: )") +
           cap + R"(
    targets:
      - edge: {from: AUS, class: refined}
)";
  };
  const double expected = 165.0 / 365.0 * 100.0;
  EXPECT_NEAR(
      unmet_by_policy(write_scenario("cap_below", 365, capped("{t_per_yr: 200}"))).at("no_policy"),
      expected, 1e-9);
  EXPECT_NEAR(
      unmet_by_policy(write_scenario("cap_above", 365, capped("{t_per_yr: 400}"))).at("no_policy"),
      0.0, 1e-12);
  EXPECT_NEAR(
      unmet_by_policy(write_scenario("cap_used", 365, capped("{t_per_yr: 400, utilisation: 0.5}")))
          .at("no_policy"),
      expected, 1e-9);
  EXPECT_NEAR(
      unmet_by_policy(write_scenario("cap_fraction", 365, capped("{fraction_of_baseline: 0.25}")))
          .at("no_policy"),
      75.0, 1e-9);
}

TEST(ShapesCli, ExponentialRecoveryLosesItsClosedFormVolume) {
  // Severity 0.5 halving every 73 days from day 0: the horizon (365 days) ends on a piece
  // boundary, so the pieces' volume is the integral 0.5 x 73 / ln 2 x (1 - 2^-5), to rounding.
  std::string events = R"(  - id: loss
    start_day: 0
    duration_days: 0
    severity: 0.5
    recovery: {shape: exponential, half_life_days: 73}
    targets:
      - edge: {from: AUS, class: refined}
)";
  const double closed_form = 0.5 * 73.0 / std::log(2.0) * (1.0 - std::exp2(-5.0));
  EXPECT_NEAR(unmet_by_policy(write_scenario("exponential", 365, events)).at("no_policy"),
              closed_form, 1e-9 * closed_form);
  // Over 40 half-lives the shape is followed for 16 (what is left then is 2^-16 of the total).
  const double long_form = 0.5 * 73.0 / std::log(2.0) * (1.0 - std::exp2(-40.0));
  EXPECT_NEAR(unmet_by_policy(write_scenario("exponential_long", 73 * 40, events)).at("no_policy"),
              long_form, 1.5 * std::exp2(-16.0) * long_form);
}

TEST(ShapesCli, ProfileIsLinearBetweenItsPoints) {
  // 0.2 rising to 0.6 over 100 days, then back to 0 over 100: 40 + 30 = 70 days.
  std::string events = R"(  - id: loss
    start_day: 20
    recovery: {shape: profile, points: [[0, 0.2], [100, 0.6], [200, 0]]}
    targets:
      - edge: {from: AUS, class: refined}
)";
  auto unmet = unmet_by_policy(write_scenario("profile", 365, events));
  EXPECT_NEAR(unmet.at("no_policy"), 70.0, 1e-9);
  EXPECT_NEAR(unmet.at("stockpile_60"), 10.0, 1e-9);
  EXPECT_NEAR(unmet.at("stockpile_180"), 0.0, 1e-9);
}

// Bad shapes: one line naming file:line:column and the field, exit code 2.
TEST(ShapesCli, BadShapesAreReportedWithTheirPlace) {
  struct Case {
    std::string recovery;
    std::string field;
  };
  const Case cases[] = {
      {"{shape: linear, recovery_days: -30}", "recovery_days"},
      {"{shape: profile, points: [[0, 0.5], [90, 0.2], [60, 0]]}", "points"},
      {"{shape: profile, points: [[0, 0.5], [90, 1.2]]}", "points"},
      {"{shape: profile, points: [[10, 0.5], [90, 0]]}", "points"},
      {"{shape: exponential}", "half_life_days"},
      {"{shape: wobbly}", "shape"},
  };
  for (const Case& c : cases) {
    bool profile = c.recovery.find("profile") != std::string::npos;
    std::string events = std::string("  - id: loss\n    start_day: 0\n") +
                         (profile ? "" : "    duration_days: 10\n    severity: 0.5\n") +
                         "    recovery: " + c.recovery +
                         "\n    targets:\n      - edge: {from: AUS, class: refined}\n";
    std::string file = write_scenario("bad_shape", 365, events);
    testing::CliResult r = testing::run_cli({"run", file});
    EXPECT_EQ(r.exit_code, 2) << c.recovery << "\n" << r.err;
    EXPECT_NE(r.err.find(file + ":"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find(c.field), std::string::npos) << c.recovery << ": " << r.err;
    EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
  }
  // A cap and a severity together, and a cap with neither rate nor fraction.
  for (const char* extra : {"    severity: 0.5\n    cap: {t_per_yr: 100}\n", "    cap: {}\n"}) {
    std::string events = std::string("  - id: loss\n    start_day: 0\n    duration_days: 10\n") +
                         extra + "    targets:\n      - edge: {from: AUS, class: refined}\n";
    testing::CliResult r = testing::run_cli({"run", write_scenario("bad_cap", 365, events)});
    EXPECT_EQ(r.exit_code, 2) << r.err;
    EXPECT_NE(r.err.find("cap"), std::string::npos) << r.err;
  }
}

}  // namespace
}  // namespace mineflow
