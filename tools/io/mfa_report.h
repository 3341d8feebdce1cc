#pragma once
// Reports of a stock-flow run: a summary table for people, tidy long CSV
// (year,region,category,quantity,value,unit), JSON, and a Sankey flow table for one year
// (source,target,value,unit).

#include <span>
#include <string>

#include "sim/stock_flow/stock_flow_model.h"

namespace mineflow::io {

struct MfaReportInfo {
  std::string model_id;
  std::string name;
  int sankey_year = 0;
};

// A per-category quantity of the tidy table (inflow, in_use_stock, eol_outflow, ...), in the
// order written; stocks are in the model's unit, flows in unit/yr.
struct MfaCategoryQuantity {
  const char* name;
  const stock_flow::RegionSeries& (*series)(const stock_flow::CategoryResult&);
  bool is_stock;
};
std::span<const MfaCategoryQuantity> mfa_category_quantities();

std::string mfa_table(const stock_flow::StockFlowResult& result, const MfaReportInfo& info);
std::string mfa_csv(const stock_flow::StockFlowResult& result);
std::string mfa_json(const stock_flow::StockFlowResult& result, const MfaReportInfo& info);
std::string mfa_sankey_csv(const stock_flow::StockFlowResult& result, int year);
// Stock and outflow of every cohort in `year`, per region and category:
// year,region,category,cohort,quantity,value,unit (ODYM's s_c and o_c rows for that year).
std::string mfa_cohort_csv(const stock_flow::StockFlowResult& result, int year);

}  // namespace mineflow::io
