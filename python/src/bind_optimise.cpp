// mineflow.optimise(): `mineflow optimise`, the least-cost policy mix for one scenario, its
// frontier, or (scenario None) every bundled mineral; with a budget, the budget's split.

#include <pybind11/stl.h>

#include "graph/source_ref.h"
#include "python/src/bindings.h"
#include "python/src/interruptible.h"
#include "tools/cli/indicator_options.h"
#include "tools/cli/optimise_job.h"
#include "tools/cli/trial_options.h"
#include "tools/io/optimise_report.h"
#include "tools/io/text_table.h"

namespace mineflow::python {

void bind_optimise(py::module_& m) {
  m.def(
      "optimise",
      [](const std::optional<std::string>& scenario, const std::string& target,
         std::optional<std::vector<double>> frontier, std::optional<double> budget,
         std::optional<std::string> levers, std::optional<std::string> policy,
         std::optional<long long> trials, std::optional<unsigned long long> seed, int threads,
         const std::optional<std::string>& data_dir, const std::string& vintage,
         const std::optional<std::string>& market, std::optional<double> resourcing_days,
         std::optional<double> world_inventory_days) {
        cli::OptimiseRequest request;
        request.sweep.vintage = cli::vintage_from_text(vintage);
        request.sweep.market.model = cli::market_from_text(market);
        request.sweep.market.resourcing_days = resourcing_days;
        request.sweep.market.world_inventory_days = world_inventory_days;
        request.sweep.policy = std::move(policy);
        request.sweep.trials = trials;
        request.sweep.seed = seed;
        request.sweep.threads = threads;
        // The one parser; optimise refuses the clearing metrics (docs/stockpile.md).
        request.target = parse_sweep_target(target, "target");
        if (frontier) request.thresholds = *frontier;
        request.levers = std::move(levers);
        if (budget && scenario) {
          throw InputError(SourceRef{}, "budget", std::to_string(*budget),
                           "a budget with scenario None (spread over the minerals)");
        }
        cli::check_sweep_request(request.sweep);
        cli::DataPaths paths = data_paths_for(data_dir);
        std::vector<io::OptimiseReport> reports;
        run_interruptibly([&](const std::atomic<bool>* cancel) {
          std::vector<std::string> files =
              scenario ? std::vector<std::string>{cli::resolve_data_file(
                             *scenario, cli::DataKind::scenario, paths, "SCENARIO")}
                       : cli::background_scenario_files(paths);
          for (const std::string& file : files) {
            reports.push_back(budget ? cli::budget_grid_scenario(file, request, paths, {}, cancel)
                                     : cli::optimise_scenario(file, request, paths, {}, cancel));
            if (cancel->load(std::memory_order_relaxed)) return;  // discarded by the caller
          }
        });
        if (scenario && request.thresholds.empty()) cli::require_reachable(reports.front());
        py::dict out;
        if (budget) {
          io::BudgetReport b = cli::budget_report(reports, *budget);
          out["csv"] = text(io::budget_csv(b));
          out["json"] = text(io::budget_json(b));
          out["text"] = text(io::wrap_long_lines(io::budget_table(b)));
        } else {
          out["csv"] = text(io::optimise_summary_csv(reports));
          out["json"] = text(scenario ? io::optimise_json(reports.front())
                                      : io::optimise_summary_json(reports));
          out["text"] = text(io::optimise_summary_table(reports));
        }
        return out;
      },
      py::arg("scenario"), py::arg("target") = "p_shortage<=0.05", py::arg("frontier") = py::none(),
      py::arg("budget") = py::none(), py::arg("levers") = py::none(),
      py::arg("policy") = py::none(), py::arg("trials") = py::none(), py::arg("seed") = py::none(),
      py::arg("threads") = 0, py::arg("data_dir") = py::none(), py::arg("vintage") = "latest",
      py::arg("market") = py::none(), py::arg("resourcing_days") = py::none(),
      py::arg("world_inventory_days") = py::none(),
      "CSV, JSON and table text of `mineflow optimise SCENARIO` (scenario None: --all).");
}

}  // namespace mineflow::python
