// mineflow.criticality(): `mineflow criticality`, every mine and refining node failing alone,
// ranked by the focal economy's expected unmet demand.

#include <pybind11/stl.h>

#include "python/src/bindings.h"
#include "python/src/interruptible.h"
#include "tools/cli/criticality_job.h"
#include "tools/cli/indicator_options.h"
#include "tools/cli/trial_options.h"
#include "tools/io/text_table.h"

namespace mineflow::python {

void bind_criticality(py::module_& m) {
  m.def(
      "criticality",
      [](const std::string& scenario, double days, double severity, double start_day,
         const std::string& policy, std::optional<long long> trials,
         std::optional<unsigned long long> seed, int threads,
         const std::optional<std::string>& data_dir, const std::string& vintage,
         const std::optional<std::string>& market, std::optional<double> resourcing_days,
         std::optional<double> world_inventory_days) {
        cli::CriticalityRequest request;
        request.vintage = cli::vintage_from_text(vintage);
        request.market.model = cli::market_from_text(market);
        request.market.resourcing_days = resourcing_days;
        request.market.world_inventory_days = world_inventory_days;
        request.failure.duration_days = days;
        request.failure.severity = severity;
        request.failure.start_day = start_day;
        request.policy = policy;
        request.trials = trials;
        request.seed = seed;
        request.threads = threads;
        cli::check_criticality_request(request);
        cli::DataPaths paths = data_paths_for(data_dir);
        cli::CriticalityOutput run;
        run_interruptibly([&](const std::atomic<bool>* cancel) {
          run = cli::criticality_of_scenario(paths, scenario, request, {}, cancel);
        });
        py::dict out;
        out["csv"] = text(io::criticality_csv(run.header, run.result));
        out["json"] = text(io::criticality_json(run.header, run.result));
        out["text"] = text(io::wrap_long_lines(io::criticality_table(run.header, run.result)));
        return out;
      },
      py::arg("scenario"), py::arg("days") = 90.0, py::arg("severity") = 1.0,
      py::arg("start_day") = 0.0, py::arg("policy") = "none", py::arg("trials") = py::none(),
      py::arg("seed") = py::none(), py::arg("threads") = 0, py::arg("data_dir") = py::none(),
      py::arg("vintage") = "latest", py::arg("market") = py::none(),
      py::arg("resourcing_days") = py::none(), py::arg("world_inventory_days") = py::none(),
      "CSV, JSON and table text of `mineflow criticality SCENARIO`.");
}

}  // namespace mineflow::python
