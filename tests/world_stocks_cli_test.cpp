// --world-inventory-days on run, stockpile and criticality (docs/market.md, "The clearing
// model"): the world's commercial stocks of one run set from the command line, exactly as the
// scenario file's market.world_inventory_days would set them; out of range, one line and exit 2.

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "cli_runner.h"

namespace mineflow {
namespace {

// A one-event cobalt scenario whose clearing market holds `days` of world use.
std::string write_scenario(const std::filesystem::path& dir, const std::string& days) {
  const std::string file = (dir / ("stocks_" + days + ".yaml")).string();
  std::ofstream(file) << "scenario: world_stocks\nname: World stocks\nmineral: cobalt\n"
                      << "horizon_days: 365\ntrials: 300\nseed: 5\n"
                      << "market: {model: clearing, world_inventory_days: " << days << "}\n"
                      << "events:\n  - id: cut\n    start_day: 20\n"
                         "    duration_days: {dist: uniform, min: 30, max: 200}\n"
                         "    severity: {dist: uniform, min: 0.3, max: 0.9}\n    targets:\n"
                         "      - node: {country: CHN, stage: refine}\n"
                         "policies:\n  - name: no_policy\n  - name: stockpile_60\n"
                         "    stockpile: {days: 60}\n";
  return file;
}

std::vector<std::string> with(std::vector<std::string> args, const std::vector<std::string>& more) {
  args.insert(args.end(), more.begin(), more.end());
  return args;
}

TEST(WorldStocksOption, SetsTheStocksAsTheScenarioFileWould) {
  const std::filesystem::path dir = testing::fresh_temp_dir("mineflow_world_stocks");
  std::filesystem::create_directories(dir);
  const std::string short_stocks = write_scenario(dir, "45");
  const std::string long_stocks = write_scenario(dir, "120");
  for (const std::vector<std::string>& command :
       {std::vector<std::string>{"run", "--format", "json", "--quiet"},
        std::vector<std::string>{"stockpile", "--days", "0,30,60", "--format", "json", "--quiet"},
        std::vector<std::string>{"criticality", "--trials", "60", "--format", "csv", "--quiet"}}) {
    auto from_file = testing::run_cli(with(command, {long_stocks}));
    auto from_option =
        testing::run_cli(with(command, {short_stocks, "--world-inventory-days", "120"}));
    auto as_written = testing::run_cli(with(command, {short_stocks}));
    ASSERT_EQ(from_file.exit_code, 0) << command[0] << from_file.err;
    ASSERT_EQ(from_option.exit_code, 0) << command[0] << from_option.err;
    // The files differ only in their stocks, and their outputs name no file: the override
    // gives the other file's output byte for byte, and the stocks change the answer.
    EXPECT_EQ(from_option.out, from_file.out) << command[0];
    EXPECT_NE(as_written.out, from_file.out) << command[0];
  }
  std::filesystem::remove_all(dir);
}

TEST(WorldStocksOption, OutOfRangeIsOneLineAndExitTwo) {
  for (const char* bad : {"0.5", "4000", "nan", "-3"}) {
    for (const char* command : {"run", "stockpile", "criticality"}) {
      auto refused = testing::run_cli({command, "cobalt_background", "--trials", "10", "--quiet",
                                       "--world-inventory-days", bad});
      EXPECT_EQ(refused.exit_code, 2) << command << " " << bad;
      EXPECT_NE(refused.err.find("--world-inventory-days"), std::string::npos) << refused.err;
      EXPECT_NE(refused.err.find("1..3650 days"), std::string::npos) << refused.err;
      EXPECT_EQ(refused.err.find('\n'), refused.err.size() - 1) << "one line: " << refused.err;
    }
  }
}

}  // namespace
}  // namespace mineflow
