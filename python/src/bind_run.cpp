// mineflow.run(): the disruption Monte Carlo of `mineflow run`, with the per-trial metrics of
// every policy as numpy views into the engine's own result buffer (no copy).

#include <memory>
#include <variant>

#include <pybind11/stl.h>

#include "python/src/bindings.h"
#include "python/src/interruptible.h"
#include "python/src/scenario_handle.h"
#include "sim/plan_series.h"
#include "tools/cli/indicator_options.h"
#include "tools/cli/run_job.h"
#include "tools/cli/trial_options.h"
#include "tools/io/text_table.h"

namespace mineflow::python {
namespace {

// One finished run. Arrays handed out point into `result` or `series`, and keep this alive.
struct RunOutput {
  std::unique_ptr<cli::RunJob> job;
  std::unique_ptr<MonteCarloResult> result;  // Monte Carlo runs
  std::vector<PolicyDays> series;            // deterministic runs (one trial)
  std::vector<io::PolicyReport> reports;

  const io::RunHeader& header() const { return job->header; }
  std::string csv() const {
    return result ? io::run_summary_csv(header(), reports) : io::run_series_csv(header(), series);
  }
  std::string json() const {
    return result ? io::run_summary_json(header(), reports) : io::run_series_json(header(), series);
  }
  std::string table() const {
    // The CLI's terminal text: kept within 100 columns.
    return io::wrap_long_lines(result ? io::run_summary_table(header(), reports)
                                      : io::run_series_table(header(), series));
  }
};

// (kMetricCount, trials) per-trial metrics of one policy (or of its no-stockpile, no-recycling
// reference).
py::array_t<double> policy_metrics(const RunOutput& run, std::size_t policy, bool reference,
                                   py::handle owner) {
  if (policy >= run.job->plan.policies.size()) throw py::index_error("policy index");
  auto rows = static_cast<py::ssize_t>(kMetricCount);
  if (!run.result) {
    if (reference) throw py::value_error("a deterministic run has no reference variant");
    return view(run.series[policy].metrics.data(), {rows, 1}, owner);
  }
  const PolicyRun& p = run.job->plan.policies[policy];
  std::size_t variant = reference ? p.reference : p.variant;
  // The result holds [variant][metric][trial]: one variant's metrics are one contiguous block.
  const double* first = run.result->values(variant, static_cast<Metric>(0)).data();
  return view(first, {rows, static_cast<py::ssize_t>(run.result->trials())}, owner);
}

py::dict header_dict(const io::RunHeader& h) {
  py::dict d;
  d["scenario"] = text(h.scenario);
  d["name"] = text(h.name);
  d["mineral"] = text(h.mineral);
  d["trials"] = h.trials;
  d["seed"] = h.seed;
  d["horizon_days"] = h.horizon_days;
  d["procurement_cost_unit"] = text(h.price_unit);
  d["vintage"] = text(h.vintage);
  d["market"] = text(h.market);
  d["seed_blocks"] = text(h.seed_blocks);  // seed blocks kept on latest, "" for none
  // The country whose export restriction splits the market, "" where it never splits (then the
  // split metrics are the peak price and 1: docs/market.md, "Buyer groups and the split price").
  d["split_market"] = text(h.split_country);
  return d;
}

}  // namespace

void bind_run(py::module_& m) {
  py::list metrics;
  for (std::size_t k = 0; k < kMetricCount; ++k) {
    metrics.append(std::string(to_string(static_cast<Metric>(k))));
  }
  m.attr("METRICS") = py::tuple(metrics);

  py::class_<RunOutput>(m, "RunOutput")
      .def_property_readonly("header", [](const RunOutput& r) { return header_dict(r.header()); })
      .def_property_readonly("monte_carlo", [](const RunOutput& r) { return r.result != nullptr; })
      .def_property_readonly("policies",
                             [](const RunOutput& r) {
                               py::list names;
                               for (const PolicyRun& p : r.job->plan.policies) {
                                 names.append(text(p.policy.name));
                               }
                               return names;
                             })
      .def("csv", [](const RunOutput& r) { return text(r.csv()); })
      .def("json", [](const RunOutput& r) { return text(r.json()); })
      .def("table", [](const RunOutput& r) { return text(r.table()); })
      .def(
          "metrics",
          [](py::object self, std::size_t policy, bool reference) {
            return policy_metrics(self.cast<const RunOutput&>(), policy, reference, self);
          },
          py::arg("policy"), py::arg("reference") = false);

  m.def(
      "run",
      [](const std::variant<std::string, ScenarioHandle>& scenario, std::optional<long long> trials,
         int threads, std::optional<unsigned long long> seed, std::vector<std::string> policies,
         const std::optional<std::string>& data_dir, double memory_budget_mb,
         const std::string& vintage, const std::optional<std::string>& market,
         std::optional<double> resourcing_days, std::optional<double> world_inventory_days) {
        cli::RunRequest request;
        request.vintage = cli::vintage_from_text(vintage);
        request.market.model = cli::market_from_text(market);
        request.market.resourcing_days = resourcing_days;
        request.market.world_inventory_days = world_inventory_days;
        request.trials = trials;
        request.seed = seed;
        request.threads = threads;
        request.policies = std::move(policies);
        request.memory_budget_mib = memory_budget_mb;
        request.keep_reference_metrics = true;  // .reference_metrics: every metric per trial
        const auto* handle = std::get_if<ScenarioHandle>(&scenario);
        cli::DataPaths paths = data_paths_for(handle ? std::optional(handle->data_dir) : data_dir);
        auto out = std::make_unique<RunOutput>();
        run_interruptibly([&](const std::atomic<bool>* cancel) {
          out->job = handle ? cli::prepare_run(paths, handle->scenario, request)
                            : cli::prepare_run(paths, std::get<std::string>(scenario), request);
          const cli::RunJob& job = *out->job;
          if (job.series_only()) {
            out->series = plan_daily_series(job.plan, job.header.seed);
            return;
          }
          MonteCarloOptions mc = cli::monte_carlo_options(job, request);
          mc.cancel = cancel;
          out->result = std::make_unique<MonteCarloResult>(run_monte_carlo(
              job.plan.scenario.events, job.header.horizon_days, job.plan.variants, mc, job.scope));
          if (cancel->load(std::memory_order_relaxed)) return;  // discarded by the caller
          out->reports = cli::policy_reports(job, *out->result, request.threads);
        });
        return out;
      },
      py::arg("scenario"), py::arg("trials") = py::none(), py::arg("threads") = 0,
      py::arg("seed") = py::none(), py::arg("policies") = std::vector<std::string>{},
      py::arg("data_dir") = py::none(), py::arg("memory_budget_mb") = 1024.0,
      py::arg("vintage") = "latest", py::arg("market") = py::none(),
      py::arg("resourcing_days") = py::none(), py::arg("world_inventory_days") = py::none());
}

}  // namespace mineflow::python
