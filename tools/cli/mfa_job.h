#pragma once
// What `mineflow mfa` computes, apart from options and files: the model named by a file or a
// bundled name, run, with the year of its Sankey table checked. Shared with the Python module.

#include <optional>
#include <string>

#include "sim/stock_flow/stock_flow_model.h"
#include "tools/cli/data_paths.h"
#include "tools/io/mfa_report.h"

namespace mineflow::cli {

struct MfaRun {
  stock_flow::StockFlowResult result;
  io::MfaReportInfo info;
};

// `model`: a model file, or the name of a bundled one (<data_dir>/mfa/NAME.yaml). `year`: of the
// Sankey table, default the last model year; outside the model an InputError naming --year.
MfaRun run_mfa_model(const std::string& model, std::optional<int> year, const DataPaths& paths);

}  // namespace mineflow::cli
