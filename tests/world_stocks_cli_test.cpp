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

// The output less the world_stocks note: its JSON object, its CSV row (`,notes,world_stocks,days,
// 120,...`), its table lines (wrapped at 100 columns), or its entry in criticality's notes
// column.
std::string without_stocks_note(std::string text) {
  auto erase_all = [&text](const std::string& from, const std::string& to_before) {
    for (std::size_t at; (at = text.find(from)) != std::string::npos;) {
      const std::size_t end = text.find(to_before, at + from.size());
      text.erase(at, end + to_before.size() - at);
    }
  };
  erase_all(", {\"id\": \"world_stocks\"", "}");
  erase_all("{\"id\": \"world_stocks\"", "}");
  erase_all(",notes,world_stocks,days,120,", "\n");
  erase_all("note: world stocks 120 days", "(docs/market.md)\n");
  erase_all("world_stocks: world stocks 120 days", "(docs/market.md)");
  for (std::size_t at; (at = text.find(",\"\"\n")) != std::string::npos;) {
    text.erase(at + 1, 2);  // the notes cell left empty: unquoted, as a cell without notes
  }
  return text;
}

TEST(WorldStocksOption, SetsTheStocksAsTheScenarioFileWouldAndSaysSo) {
  const std::filesystem::path dir = testing::fresh_temp_dir("mineflow_world_stocks");
  std::filesystem::create_directories(dir);
  const std::string short_stocks = write_scenario(dir, "45");
  const std::string long_stocks = write_scenario(dir, "120");
  for (const std::vector<std::string>& command :
       {std::vector<std::string>{"run", "--format", "json", "--quiet"},
        std::vector<std::string>{"run", "--format", "csv", "--quiet"},
        std::vector<std::string>{"run", "--quiet"},
        std::vector<std::string>{"stockpile", "--days", "0,30,60", "--format", "json", "--quiet"},
        std::vector<std::string>{"criticality", "--trials", "60", "--format", "csv", "--quiet"}}) {
    const std::string what = command[0] + " " + command[command.size() - 2];
    auto from_file = testing::run_cli(with(command, {long_stocks}));
    auto from_option =
        testing::run_cli(with(command, {short_stocks, "--world-inventory-days", "120"}));
    auto as_written = testing::run_cli(with(command, {short_stocks}));
    ASSERT_EQ(from_file.exit_code, 0) << what << from_file.err;
    ASSERT_EQ(from_option.exit_code, 0) << what << from_option.err;
    // The files differ only in their stocks and the outputs name no file: the option gives the
    // other file's output, and says it set the stocks (the file's own figure says nothing).
    EXPECT_TRUE(from_option.out.find("world stocks 120 days") != std::string::npos ||
                from_option.out.find(",notes,world_stocks,days,120,") != std::string::npos)
        << what << from_option.out.substr(0, 1200);
    EXPECT_EQ(from_file.out.find("world stocks"), std::string::npos) << what;
    EXPECT_EQ(without_stocks_note(from_option.out), from_file.out) << what;
    EXPECT_NE(as_written.out, from_file.out) << what;
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
  // The scenario file's own figure has the same range, refused at its line and column.
  const std::filesystem::path dir = testing::fresh_temp_dir("mineflow_world_stocks_bad");
  std::filesystem::create_directories(dir);
  const std::string file = write_scenario(dir, "4000");
  auto refused = testing::run_cli({"run", file, "--trials", "10", "--quiet"});
  EXPECT_EQ(refused.exit_code, 2);
  EXPECT_NE(refused.err.find("stocks_4000.yaml:7:49: market.world_inventory_days: found '4000'"),
            std::string::npos)
      << refused.err;
  EXPECT_NE(refused.err.find("1..3650 days"), std::string::npos) << refused.err;
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace mineflow
