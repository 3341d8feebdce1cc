// The limits beside the numbers (issue 25): which notes a run's returned values call for
// (sim/run_limits.h, tools/io/limit_notes.h), exactly, each with a case that triggers it and one
// that does not; and the CLI saying them in the terminal, CSV and JSON.

#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#include "sim/model.h"
#include "sim/run_limits.h"
#include "sim/stock_pass.h"
#include "sim/sweep/stockpile_floor.h"
#include "tests/cli_runner.h"
#include "tools/io/limit_notes.h"

namespace mineflow {
namespace {

TEST(LimitNotes, ClearingWithAPeakAtTheCapSaysTheCapSetsThePricedOutVolume) {
  // Two of four trials reach the cap of 5x; the others stop short of it.
  std::vector<double> peak{5.0, 1.3, 5.0, 4.999};
  std::vector<double> unmet{0.0, 0.0, 10.0, 0.0};
  MarketLimits limits = market_limits(true, 5.0, peak, unmet);
  EXPECT_EQ(limits.at_price_cap.p, 0.5);
  EXPECT_EQ(limits.any_shortage.p, 0.25);
  EXPECT_TRUE(limits.price_cap_binds());
  EXPECT_FALSE(limits.pro_rata_drives());  // clearing never says rationing
  std::vector<io::LimitNote> notes = io::market_notes(limits);
  ASSERT_EQ(notes.size(), 1u);
  EXPECT_EQ(notes[0].id, "price_at_cap");
  EXPECT_EQ(notes[0].text,
            "price at its cap (5x) in 50.0 % of trials: the cap, not the loss, sets the volume "
            "priced out");
  EXPECT_EQ(notes[0].share, 0.5);
}

TEST(LimitNotes, ClearingBelowTheCapSaysNothing) {
  std::vector<double> peak{1.2, 4.99, 3.0};
  std::vector<double> unmet{0.0, 5.0, 0.0};  // short, but not at the cap
  MarketLimits limits = market_limits(true, 5.0, peak, unmet);
  EXPECT_EQ(limits.at_price_cap.p, 0.0);
  EXPECT_FALSE(limits.price_cap_binds());
  EXPECT_TRUE(io::market_notes(limits).empty());
}

TEST(LimitNotes, RationingWithAShortTrialSaysProRata) {
  std::vector<double> peak{1.1, 1.2};
  std::vector<double> unmet{0.0, 3.0};
  MarketLimits limits = market_limits(false, 5.0, peak, unmet);
  EXPECT_TRUE(limits.pro_rata_drives());
  EXPECT_FALSE(limits.price_cap_binds());  // the cap note is the clearing model's
  std::vector<io::LimitNote> notes = io::market_notes(limits);
  ASSERT_EQ(notes.size(), 1u);
  EXPECT_EQ(notes[0].id, "pro_rata_rationing");
  EXPECT_NE(notes[0].text.find("pro rata, not through a price"), std::string::npos);
  EXPECT_EQ(notes[0].share, 0.0);
}

TEST(LimitNotes, RationingWithThePriceAtItsCapButNoShortageSaysProRata) {
  // The world is short (the price capped) and the focal economy is not: the case rationing hides.
  std::vector<double> peak{5.0, 1.0};
  std::vector<double> unmet{0.0, 0.0};
  EXPECT_TRUE(market_limits(false, 5.0, peak, unmet).pro_rata_drives());
}

TEST(LimitNotes, RationingWithoutALossSaysNothing) {
  std::vector<double> peak{1.0, 2.0};
  std::vector<double> unmet{0.0, 0.0};
  MarketLimits limits = market_limits(false, 5.0, peak, unmet);
  EXPECT_FALSE(limits.pro_rata_drives());
  EXPECT_TRUE(io::market_notes(limits).empty());
}

// The price-taker line: a stockpile of 60 days of a 9 t/day demand is 540 t against world stocks
// of 45 days x 100 t/day = 4,500 t: 12 %, over the 10 % line; 45 days is 9 %, under it.
TEST(LimitNotes, AStockpileOverATenthOfTheWorldsStocksSaysThePriceIsAnUpperBound) {
  Model model;
  model.clearing = true;
  model.price_cap = 5.0;
  model.world_inventory_days = 45.0;
  model.world_refined_t_per_day = 100.0;
  model.demand_t_per_day = 9.0;
  StockPolicy stocks;
  stocks.stockpile_days = 60.0;
  std::vector<double> peak{1.2, 1.4};
  std::vector<double> unmet{0.0, 0.0};
  EXPECT_DOUBLE_EQ(focal_stock_share(model, stocks), 0.12);
  MarketLimits limits = policy_market_limits(model, stocks, peak, unmet);
  EXPECT_TRUE(limits.price_taker_strained());
  std::vector<io::LimitNote> notes = io::market_notes(limits);
  ASSERT_EQ(notes.size(), 1u);
  EXPECT_EQ(notes[0].id, "price_taker");
  EXPECT_EQ(notes[0].text,
            "price-taker: the stockpile is 12.0 % of its market's commercial stocks (over 10 %): "
            "its releases would lower the price, so the peak price and the priced-out figures "
            "overstate what it faces (docs/market.md)");
  EXPECT_DOUBLE_EQ(notes[0].share, 0.12);
  EXPECT_EQ(io::note_statistic(notes[0]), "share_of_market_stocks");
  EXPECT_DOUBLE_EQ(io::note_value(notes[0]), 0.12);
  stocks.stockpile_days = 45.0;  // 9 %
  EXPECT_TRUE(io::market_notes(policy_market_limits(model, stocks, peak, unmet)).empty());
  stocks.stockpile_days = 50.0;  // exactly on the line (450 / 4,500): not over it
  EXPECT_EQ(focal_stock_share(model, stocks), kPriceTakerLine);
  EXPECT_FALSE(policy_market_limits(model, stocks, peak, unmet).price_taker_strained());
  // Sized as the stock pass sizes it: on the demand left after substitution (60 x 9 x 0.5).
  stocks.stockpile_days = 60.0;
  stocks.substitution_cut = 0.5;
  EXPECT_DOUBLE_EQ(focal_stock_share(model, stocks), 0.06);
  stocks.substitution_cut = 0.0;
  // Where the market can split, the focal economy buys outside the restricting country: its
  // stocks are 45 days of the outside's use, 100 - 40 t/day: 540 / 2,700 = 20 %.
  model.split.country = "CHN";
  model.split.domestic_t_per_day = 40.0;
  EXPECT_DOUBLE_EQ(focal_stock_share(model, stocks), 0.2);
  model.split = SplitMarket{};
  // Under rationing the price takes no stocks into account at all: no line to draw.
  stocks.stockpile_days = 60.0;
  model.clearing = false;
  EXPECT_FALSE(policy_market_limits(model, stocks, peak, unmet).price_taker_strained());
  // No world market size: nothing to compare with.
  model.clearing = true;
  model.world_refined_t_per_day = 0.0;
  EXPECT_EQ(focal_stock_share(model, stocks), 0.0);
}

TEST(LimitNotes, DataQualityNoteCountsJudgedAndRemembered) {
  MineralDataQuality quality;
  quality.mineral = "cobalt";
  quality.vintage = "seed";
  quality.mineral_file.by_standing = {10, 2, 3, 0};
  quality.network_file.by_standing = {4, 0, 1, 2};
  std::optional<io::LimitNote> note = io::data_quality_note(quality);
  ASSERT_TRUE(note.has_value());
  EXPECT_EQ(note->id, "data_quality");
  EXPECT_EQ(note->text,
            "data: 6 of 22 cobalt figures (seed) judged or remembered (mineflow list "
            "--data-quality)");
  EXPECT_EQ(note->count, 6);
  EXPECT_EQ(note->total, 22);
}

TEST(LimitNotes, AllSourcedDataSaysNothing) {
  MineralDataQuality quality;
  quality.mineral = "x";
  quality.mineral_file.by_standing = {10, 2, 0, 0};
  EXPECT_FALSE(io::data_quality_note(quality).has_value());
}

TEST(LimitNotes, FormatsForTerminalCsvAndJson) {
  std::vector<io::LimitNote> notes{{"a", "one"}, {"b", "two \"quoted\""}};
  EXPECT_EQ(io::note_lines(notes), "note: one\nnote: two \"quoted\"\n");
  EXPECT_EQ(io::notes_cell(notes), "a: one; b: two \"quoted\"");
  EXPECT_EQ(
      io::notes_json(notes),
      "[{\"id\": \"a\", \"text\": \"one\"}, {\"id\": \"b\", \"text\": \"two \\\"quoted\\\"\"}]");
  EXPECT_EQ(io::notes_json({}), "[]");
}

// A sweep whose P(shortage) falls from 0.08 to 0.06 and stays there: the floor of a release too
// slow or too late for the target 0.05, at recycling 0; at recycling 0.1 it falls below.
SweepResult floor_sweep() {
  SweepResult r;
  r.target = SweepTarget{SweepMetric::p_shortage, 0.05};
  auto cell = [](double days, double share, double p, double se) {
    SweepCell c;
    c.days = days;
    c.recycling_share = share;
    c.p_shortage = {p, se};
    return c;
  };
  r.cells = {cell(0, 0.0, 0.08, 0.002), cell(90, 0.0, 0.061, 0.002), cell(180, 0.0, 0.06, 0.002),
             cell(0, 0.1, 0.06, 0.002), cell(90, 0.1, 0.03, 0.001),  cell(180, 0.1, 0.03, 0.001)};
  return r;
}

TEST(LimitNotes, ATargetNoLevelMeetsSitsOnTheFloor) {
  SweepResult r = floor_sweep();
  DaysFinding none;  // not met, not even by the conservative bound
  std::optional<StockpileFloor> floor = stockpile_floor(r, none);
  ASSERT_TRUE(floor.has_value());
  EXPECT_EQ(floor->largest_days, 180.0);
  EXPECT_EQ(floor->at_largest.value, 0.06);
  EXPECT_FALSE(floor->met);
  io::LimitNote note = io::stockpile_floor_note(*floor, *r.target, "stockpile_60");
  EXPECT_EQ(note.id, "stockpile_floor");
  EXPECT_EQ(note.text,
            "floor: p_shortage 0.0600 (se 0.0020) at 180 days against p_shortage<=0.05: no level "
            "swept meets it; stockpile_60's release rate and delay set it");
  // Met by the value but not by value + 2 SE: the days move with the trial count.
  DaysFinding noisy;
  noisy.days = 120.0;
  noisy.days_low = 100.0;
  EXPECT_TRUE(stockpile_floor(r, noisy)->met);
}

TEST(LimitNotes, ATargetMetSurelyHasNoFloor) {
  SweepResult r = floor_sweep();
  DaysFinding met;
  met.recycling_share = 0.1;
  met.days = 40.0;
  met.days_low = 30.0;
  met.days_high = 60.0;
  EXPECT_FALSE(stockpile_floor(r, met).has_value());
  r.target.reset();  // no target, nothing to sit on
  EXPECT_FALSE(stockpile_floor(r, DaysFinding{}).has_value());
}

// The CLI, end to end: the same Monte Carlo run says the rationing note under rationing and not
// under clearing, in all three formats.
TEST(LimitNotesCli, RunSaysTheMarketsNoteInEveryFormat) {
  auto table = testing::run_cli({"run", "cobalt_drc_supply_cut", "--trials", "400", "--threads",
                                 "1", "--market", "rationing"});
  ASSERT_EQ(table.exit_code, 0) << table.err;
  EXPECT_NE(table.out.find("note: rationing: a loss reaches buyers pro rata"), std::string::npos)
      << table.out;
  auto json = testing::run_cli({"run", "cobalt_drc_supply_cut", "--trials", "400", "--threads", "1",
                                "--market", "rationing", "--format", "json"});
  ASSERT_EQ(json.exit_code, 0) << json.err;
  EXPECT_NE(json.out.find("\"id\": \"pro_rata_rationing\""), std::string::npos);
  auto csv = testing::run_cli({"run", "cobalt_drc_supply_cut", "--trials", "400", "--threads", "1",
                               "--market", "rationing", "--format", "csv"});
  ASSERT_EQ(csv.exit_code, 0) << csv.err;
  EXPECT_NE(csv.out.find("\nno_policy,notes,pro_rata_rationing,applies,1,"), std::string::npos)
      << csv.out.substr(0, 1000);
  auto clearing = testing::run_cli({"run", "cobalt_drc_supply_cut", "--trials", "400", "--threads",
                                    "1", "--market", "clearing"});
  ASSERT_EQ(clearing.exit_code, 0) << clearing.err;
  EXPECT_EQ(clearing.out.find("pro_rata"), std::string::npos);
  EXPECT_EQ(clearing.out.find("note: rationing"), std::string::npos);
}

// Tungsten's 60-day stockpile is 32.8 % of the stocks of the market Japan buys in while China's
// exports are cut (9.8 % of world use x 60 days over 45 days of the use outside China, 40 % of the
// world's): the stockpile policy says the price-taker line, the policy without one does not;
// copper's, 6.6 % of the world's stocks, is under it.
TEST(LimitNotesCli, AStockpileOverTheLineSaysItsPriceIsAnUpperBound) {
  auto csv = testing::run_cli(
      {"run", "tungsten_background", "--trials", "200", "--threads", "1", "--format", "csv"});
  ASSERT_EQ(csv.exit_code, 0) << csv.err;
  EXPECT_NE(csv.out.find("\nstockpile_60,notes,price_taker,share_of_market_stocks,0.32"),
            std::string::npos)
      << csv.out.substr(0, 1500);
  EXPECT_EQ(csv.out.find("\nno_policy,notes,price_taker"), std::string::npos);
  auto copper = testing::run_cli({"run", "copper_background", "--trials", "200", "--threads", "1"});
  ASSERT_EQ(copper.exit_code, 0) << copper.err;
  EXPECT_EQ(copper.out.find("price-taker"), std::string::npos);
}

// Tungsten's quotas price the world at its cap in nearly every trial under clearing; its files
// hold judged figures. The deterministic 2010 replay says its notes too.
TEST(LimitNotesCli, RunSaysThePriceCapAndTheDataBesideTheNumbers) {
  auto json = testing::run_cli({"run", "tungsten_china_quotas", "--trials", "200", "--threads", "1",
                                "--market", "clearing", "--format", "json"});
  ASSERT_EQ(json.exit_code, 0) << json.err;
  EXPECT_NE(json.out.find("{\"id\": \"price_at_cap\", \"text\": \"price at its cap (5x) in"),
            std::string::npos)
      << json.out.substr(0, 2000);
  EXPECT_NE(json.out.find("\"notes\": [{\"id\": \"data_quality\""), std::string::npos);
  EXPECT_EQ(json.out.find("pro_rata_rationing"), std::string::npos);
  auto replay = testing::run_cli({"run", "rare_earths_china_2010"});
  ASSERT_EQ(replay.exit_code, 0) << replay.err;
  EXPECT_NE(replay.out.find("\nnote: data: "), std::string::npos) << replay.out;
  auto daily = testing::run_cli({"run", "rare_earths_china_2010", "--series"});
  ASSERT_EQ(daily.exit_code, 0) << daily.err;
  EXPECT_NE(daily.out.find("\nnote: data: "), std::string::npos) << daily.out.substr(0, 600);
  auto csv = testing::run_cli({"run", "rare_earths_china_2010", "--format", "csv"});
  ASSERT_EQ(csv.exit_code, 0) << csv.err;
  // The count is `list --data-quality`'s judged + remembered for the mineral, all files.
  auto quality = testing::run_cli({"list", "--data-quality", "--format", "csv"});
  ASSERT_EQ(quality.exit_code, 0) << quality.err;
  const std::string row = "\nrare_earths,all,";
  const std::size_t at = quality.out.find(row);
  ASSERT_NE(at, std::string::npos) << quality.out;
  std::vector<int> counts;  // sourced, derived, judged, remembered, total
  std::istringstream fields(quality.out.substr(at + row.size()));
  for (std::string cell; counts.size() < 5 && std::getline(fields, cell, ',');) {
    counts.push_back(std::stoi(cell));
  }
  ASSERT_EQ(counts.size(), 5u);
  EXPECT_NE(csv.out.find("\n,note_data_quality,," + std::to_string(counts[2] + counts[3]) + ","),
            std::string::npos)
      << csv.out;
}

// One scenario's sweep says its floor in CSV (the days_needed rows' notes column) and JSON, and
// says nothing where the target is met.
TEST(LimitNotesCli, StockpileSaysItsFloorInCsvAndJson) {
  // --threads 1: this program runs under ThreadSanitizer, which cannot see Debian's TBB.
  const std::vector<std::string> args = {
      "stockpile", "tungsten_background", "--trials", "400",       "--days",
      "0,60,180",  "--recycling",         "0",        "--threads", "1"};
  auto with = [&](const char* format) {
    std::vector<std::string> a = args;
    a.insert(a.end(), {"--format", format});
    testing::CliResult r = testing::run_cli(a);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return r.out;
  };
  const std::string csv = with("csv");
  const std::string header = csv.substr(0, csv.find('\n'));
  ASSERT_GE(header.size(), 14u);
  EXPECT_EQ(header.substr(header.size() - 14), ",vintage,notes");
  const std::size_t row = csv.find("\ndays_needed,");
  ASSERT_NE(row, std::string::npos) << csv;
  const std::string line = csv.substr(row + 1, csv.find('\n', row + 1) - row - 1);
  EXPECT_NE(line.find("floor: p_shortage"), std::string::npos) << line;
  EXPECT_EQ(csv.substr(0, row).find("floor:"), std::string::npos);  // not on the cell rows
  EXPECT_NE(with("json").find("\"notes\": [{\"id\": \"stockpile_floor\""), std::string::npos);
  testing::CliResult met =
      testing::run_cli({"stockpile", "nickel_background", "--trials", "200", "--days", "0,60",
                        "--format", "json", "--threads", "1"});
  ASSERT_EQ(met.exit_code, 0) << met.err;
  EXPECT_NE(met.out.find("\"notes\": []"), std::string::npos)
      << met.out.substr(met.out.size() - 300);
}

}  // namespace
}  // namespace mineflow
