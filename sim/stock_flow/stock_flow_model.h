#pragma once
// A mineral's material-flow model: product categories (EV batteries, magnets, wiring, ...) each
// with a dynamic stock model and end-of-life rates, per region, and the market that balances
// demand with primary and secondary supply. Plain data in, values out; no files, no YAML.
// The functions are pure and safe to call concurrently on shared inputs.

#include <optional>
#include <string>
#include <vector>

#include "sim/stock_flow/dynamic_stock.h"
#include "sim/stock_flow/end_of_life.h"
#include "sim/stock_flow/lifetime.h"
#include "sim/stock_flow/survival_table.h"

namespace mineflow::stock_flow {

enum class Driver { inflow, stock };

struct CategoryModel {
  std::string id;
  std::string name;
  std::string name_ja{};  // the name in Japanese, for report --lang ja ("" : the name)
  Driver driver = Driver::inflow;
  RegionSeries driver_series;                // inflow (t/yr) or target stock (t), [year][region]
  std::vector<Lifetime> lifetime_by_cohort;  // one for all cohorts, or one per year
  EndOfLifeRates end_of_life;
};

struct StockFlowModel {
  std::string id;
  std::string name;
  std::string unit = "t";
  int first_year = 2000;
  int years = 0;
  // The year whose flows stand for "today" beside the data files' annual figures (the report's
  // material-flow Sankey); within [first_year, first_year + years). None: no such year.
  std::optional<int> reference_year;
  std::vector<std::string> regions;
  InflowTiming timing = InflowTiming::start_of_year;
  bool negative_inflow_correction = false;
  std::vector<CategoryModel> categories;
};

struct CategoryResult {
  SurvivalTable survival;
  DynamicStockResult stock;
  EndOfLifeFlows end_of_life;
  // Stock-driven without correction: (year, region) cells whose inflow came out negative, a sign
  // that the stock path falls faster than the lifetime lets products retire.
  int negative_inflow_cells = 0;
};

// The processes whose mass balance is checked each year (inputs - outputs - stock change).
enum class Process { use, collection, scrap_trade, recycling, market };
inline constexpr int kProcessCount = 5;
const char* to_string(Process process);

struct StockFlowResult {
  int first_year = 0;
  int years = 0;
  std::string unit;
  std::vector<std::string> regions;
  std::vector<std::string> category_ids;
  std::vector<CategoryResult> categories;  // in model order
  RegionSeries demand;                     // sum of category inflows
  RegionSeries secondary_supply;           // sum of recovered secondary material
  RegionSeries primary_demand;             // demand not met by secondary supply
  RegionSeries secondary_surplus;          // secondary supply beyond demand (0 in most years)
  // Largest |residual| over regions and categories, per process and year: [process][year].
  std::vector<std::vector<double>> residual;
};

StockFlowResult run_stock_flow_model(const StockFlowModel& model);

// Indicator 6 over time: secondary supply / demand over all regions in calendar `year`
// (0 when demand is 0). This is the function a disruption scenario calls to take its recycling
// share from a stock-flow model. Throws std::out_of_range for a year outside the model.
double secondary_share_in_year(const StockFlowResult& result, int year);
// The same for one region (index into result.regions).
double secondary_share_in_year(const StockFlowResult& result, int year, int region);

// One arrow of a Sankey diagram for a year, summed over regions.
struct SankeyFlow {
  std::string source;
  std::string target;
  double value = 0.0;
};
std::vector<SankeyFlow> sankey_flows_in_year(const StockFlowResult& result, int year);

}  // namespace mineflow::stock_flow
