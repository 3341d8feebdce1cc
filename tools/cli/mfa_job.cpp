#include "tools/cli/mfa_job.h"

#include "graph/source_ref.h"
#include "tools/io/mfa_loader.h"

namespace mineflow::cli {

MfaRun run_mfa_model(const std::string& model_name, std::optional<int> year,
                     const DataPaths& paths) {
  stock_flow::StockFlowModel model =
      io::load_mfa_model(resolve_data_file(model_name, DataKind::mfa_model, paths, "MODEL"));
  int last_year = model.first_year + model.years - 1;
  int sankey_year = year.value_or(last_year);
  if (sankey_year < model.first_year || sankey_year > last_year) {
    throw InputError(SourceRef{}, "--year", std::to_string(sankey_year),
                     "a year of the model, " + std::to_string(model.first_year) + ".." +
                         std::to_string(last_year));
  }
  return {stock_flow::run_stock_flow_model(model),
          io::MfaReportInfo{model.id, model.name, sankey_year}};
}

}  // namespace mineflow::cli
