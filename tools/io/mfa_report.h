#pragma once
// Reports of a stock-flow run: a summary table for people, tidy long CSV
// (year,region,category,quantity,value,unit), JSON, and a Sankey flow table for one year
// (source,target,value,unit).

#include <string>

#include "sim/stock_flow/stock_flow_model.h"

namespace mineflow::io {

struct MfaReportInfo {
  std::string model_id;
  std::string name;
  int sankey_year = 0;
};

std::string mfa_table(const stock_flow::StockFlowResult& result, const MfaReportInfo& info);
std::string mfa_csv(const stock_flow::StockFlowResult& result);
std::string mfa_json(const stock_flow::StockFlowResult& result, const MfaReportInfo& info);
std::string mfa_sankey_csv(const stock_flow::StockFlowResult& result, int year);

}  // namespace mineflow::io
