#pragma once
// Stock-flow time series of one mineral's material-flow model (sim/stock_flow/), base and
// recycling-policy variant: in-use stock by product category (stacked), the yearly flows (demand,
// end-of-life outflow, secondary supply base vs policy), and the secondary share of demand of
// every mineral on one chart. Totals are summed over the model's regions.

#include <optional>
#include <string>
#include <vector>

#include "sim/stock_flow/stock_flow_model.h"
#include "tools/report/labels.h"
#include "tools/report/line_chart.h"

namespace mineflow::report {

// The bundled models spin up from 1970 so that 2000 starts with a realistic in-use stock; the
// report shows the years from here on (or from the model's first year if later).
inline constexpr int kStockFlowFirstShownYear = 2000;

struct MineralStockFlow {
  std::string mineral_id;
  std::string mineral_name;                 // label in charts and captions
  std::vector<std::string> category_names;  // in model order, as the model file names them
  stock_flow::StockFlowResult base;
  std::optional<stock_flow::StockFlowResult> policy;  // same demand, other end-of-life rates
  std::optional<int> reference_year;  // the base model file's reference_year, if it has one
};

// Totals over regions, one value per model year.
std::vector<double> in_use_stock_t(const stock_flow::StockFlowResult& result, std::size_t category);
std::vector<double> end_of_life_outflow_t_per_yr(const stock_flow::StockFlowResult& result);
std::vector<double> demand_t_per_yr(const stock_flow::StockFlowResult& result);
std::vector<double> secondary_supply_t_per_yr(const stock_flow::StockFlowResult& result);

LineChart in_use_stock_chart(const MineralStockFlow& mineral, Lang lang);
LineChart stock_flow_flows_chart(const MineralStockFlow& mineral, Lang lang);
// One solid line per mineral (base) and a dashed one in the same colour (policy), in %.
LineChart secondary_share_chart(const std::vector<const MineralStockFlow*>& minerals, Lang lang);

// mineral,variant,year,quantity,category,value,unit over the shown years; quantities
// in_use_stock (per category), demand, end_of_life_outflow, secondary_supply (t or t/yr) and
// secondary_share (fraction, unit "1").
std::string stock_flow_csv(const std::vector<const MineralStockFlow*>& minerals);

}  // namespace mineflow::report
