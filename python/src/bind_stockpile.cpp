// mineflow.stockpile(): the stockpile-day sweep of `mineflow stockpile`, one scenario or every
// bundled mineral's background scenario (--all).

#include <pybind11/stl.h>

#include "graph/source_ref.h"
#include "python/src/bindings.h"
#include "python/src/interruptible.h"
#include "tools/cli/indicator_options.h"
#include "tools/cli/stockpile_job.h"
#include "tools/cli/trial_options.h"
#include "tools/io/text_table.h"

namespace mineflow::python {

void bind_stockpile(py::module_& m) {
  m.def(
      "stockpile",
      [](const std::optional<std::string>& scenario, std::optional<std::vector<double>> days,
         std::optional<std::vector<double>> recycling, const std::optional<std::string>& target,
         std::optional<std::string> policy, std::optional<long long> trials,
         std::optional<unsigned long long> seed, int threads, double base_days,
         double carrying_rate, double max_recycling, bool parameter_uncertainty,
         const std::optional<std::string>& data_dir, const std::string& vintage,
         const std::optional<std::string>& market, std::optional<double> resourcing_days,
         std::optional<double> world_inventory_days) {
        cli::SweepRequest request;
        request.vintage = cli::vintage_from_text(vintage);
        request.market.model = cli::market_from_text(market);
        request.market.resourcing_days = resourcing_days;
        request.market.world_inventory_days = world_inventory_days;
        request.days = std::move(days);
        request.shares = std::move(recycling);
        if (target && *target != "none") request.target = parse_sweep_target(*target);
        request.policy = std::move(policy);
        request.trials = trials;
        request.seed = seed;
        request.threads = threads;
        request.base_days = base_days;
        request.carrying_rate = carrying_rate;
        request.max_recycling = max_recycling;
        request.parameter_uncertainty = parameter_uncertainty;
        request.drivers = !scenario;  // --all's drivers column
        cli::check_sweep_request(request);
        cli::DataPaths paths = data_paths_for(data_dir);
        std::vector<io::SweepSummaryRow> rows;
        run_interruptibly([&](const std::atomic<bool>* cancel) {
          std::vector<std::string> files =
              scenario ? std::vector<std::string>{cli::resolve_data_file(
                             *scenario, cli::DataKind::scenario, paths, "SCENARIO")}
                       : cli::background_scenario_files(paths);
          if (files.empty()) {
            throw InputError(SourceRef{}, "--all", paths.data_dir + "/disruptions",
                             "a folder with <mineral>_background.yaml scenarios");
          }
          for (const std::string& file : files) {
            rows.push_back(cli::sweep_scenario(file, request, paths, {}, cancel));
            if (cancel->load(std::memory_order_relaxed)) return;  // discarded by the caller
          }
        });
        py::dict out;
        if (scenario) {
          const io::SweepSummaryRow& row = rows.front();
          out["csv"] = text(io::sweep_csv(row.header, row.result));
          out["json"] = text(io::sweep_json(row.header, row.result));
          out["text"] = text(io::wrap_long_lines(io::sweep_table(row.header, row.result)));
        } else {
          out["csv"] = text(io::sweep_summary_csv(rows));
          out["json"] = text(io::sweep_summary_json(rows));
          out["text"] = text(io::wrap_long_lines(io::sweep_summary_table(rows)));
        }
        return out;
      },
      py::arg("scenario"), py::arg("days") = py::none(), py::arg("recycling") = py::none(),
      py::arg("target") = py::none(), py::arg("policy") = py::none(),
      py::arg("trials") = py::none(), py::arg("seed") = py::none(), py::arg("threads") = 0,
      py::arg("base_days") = kBaseStockpileDays,
      py::arg("carrying_rate") = kDefaultCarryingRatePerYear, py::arg("max_recycling") = 0.5,
      py::arg("parameter_uncertainty") = false, py::arg("data_dir") = py::none(),
      py::arg("vintage") = "latest", py::arg("market") = py::none(),
      py::arg("resourcing_days") = py::none(), py::arg("world_inventory_days") = py::none(),
      "CSV, JSON and table text of `mineflow stockpile SCENARIO` (scenario None: --all).");
}

}  // namespace mineflow::python
