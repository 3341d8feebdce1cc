#pragma once
// Reads a material-flow model file (scenarios/mfa/<mineral>.yaml; format in docs/stock-flow.md)
// into the core's plain StockFlowModel. Every problem is an InputError naming file:line:column.

#include <string>

#include "sim/stock_flow/stock_flow_model.h"

namespace mineflow::io {

stock_flow::StockFlowModel load_mfa_model(const std::string& file);
// The same from text (tests); `name` stands in for the file name in messages.
stock_flow::StockFlowModel load_mfa_model_text(const std::string& text, const std::string& name);

}  // namespace mineflow::io
