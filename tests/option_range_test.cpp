// Option values are checked where they are parsed: out of range is one line and exit code 2
// (docs/limits.md, "Option values").

#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "cli_runner.h"

namespace mineflow {
namespace {

using testing::run_cli;

struct OptionCase {
  const char* name;
  std::vector<std::string> args;  // after the scenario file where the command takes one
  const char* message;            // a part of the one-line error
};

void PrintTo(const OptionCase& c, std::ostream* os) {
  *os << c.name;
}

class OptionRange : public ::testing::TestWithParam<OptionCase> {};

TEST_P(OptionRange, OneLineAndExitCode2) {
  const OptionCase& c = GetParam();
  auto result = run_cli(c.args);
  EXPECT_EQ(result.exit_code, 2) << result.err;
  EXPECT_TRUE(result.out.empty()) << result.out;
  ASSERT_FALSE(result.err.empty());
  EXPECT_EQ(result.err.find('\n'), result.err.size() - 1) << result.err;
  EXPECT_NE(result.err.find(c.message), std::string::npos) << result.err;
}

std::string scenario() {
  return testing::scenarios_dir() + "/disruptions/rare_earths_china_2010.yaml";
}

INSTANTIATE_TEST_SUITE_P(
    Cases, OptionRange,
    ::testing::Values(
        OptionCase{"negative_seed_run",
                   {"run", scenario(), "--seed", "-5"},
                   "--seed: found '-5', expected a whole number 0..18446744073709551615"},
        OptionCase{"negative_seed_stockpile",
                   {"stockpile", scenario(), "--seed=-1"},
                   "--seed: found '-1', expected a whole number"},
        OptionCase{"memory_budget_below_one",
                   {"run", scenario(), "--memory-budget-mb=0"},
                   "--memory-budget-mb: found '0', expected 1..1048576 MiB"},
        OptionCase{"stability_year_not_a_year",
                   {"indicators", "--stability-year", "20222"},
                   "--stability-year: found '20222', expected a year 1900..2100"},
        OptionCase{"stability_year_without_scores",  // the option's fault, not a data file's
                   {"indicators", "--stability-year", "2030"},
                   "mineflow indicators: --stability-year: found '2030', expected a year with "
                   "wgi_pv scores in countries.yaml: 2018..2022"},
        OptionCase{"stability_year_without_scores_report",
                   {"report", "cobalt", "--stability-year", "2030", "--out", "/tmp/unused"},
                   "mineflow report: --stability-year: found '2030'"},
        OptionCase{"production_year_not_a_year",
                   {"indicators", "--production", "wmd:-5"},
                   "--production: found 'wmd:-5', expected seed or wmd:YEAR, 1900..2100"},
        OptionCase{"unknown_method",
                   {"indicators", "--method", "hhi"},
                   "--method: found 'hhi', expected one of: meti, geopolrisk"}),
    [](const ::testing::TestParamInfo<OptionCase>& param) {
      return std::string(param.param.name);
    });

}  // namespace
}  // namespace mineflow
