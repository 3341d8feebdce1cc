#include "tools/cli/criticality_job.h"

#include "graph/build_graph.h"
#include "graph/number_format.h"
#include "graph/validate.h"
#include "sim/run_plan.h"
#include "tools/io/data_loaders.h"
#include "tools/io/limit_notes.h"
#include "tools/io/scenario_loader.h"

namespace mineflow::cli {

void check_criticality_request(const CriticalityRequest& request) {
  const CriticalityOptions& failure = request.failure;
  if (!(failure.duration_days > 0.0 && failure.duration_days <= 36500.0)) {
    throw InputError(SourceRef{}, "--days", format_number(failure.duration_days),
                     "0 < days <= 36500");
  }
  if (!(failure.severity >= 0.0 && failure.severity <= 1.0)) {
    throw InputError(SourceRef{}, "--severity", format_number(failure.severity), "0..1");
  }
  if (!(failure.start_day >= 0.0 && failure.start_day <= 36500.0)) {
    throw InputError(SourceRef{}, "--start-day", format_number(failure.start_day), "0..36500");
  }
  if (request.threads < 0 || request.threads > 1024) {
    throw InputError(SourceRef{}, "--threads", std::to_string(request.threads), "0..1024");
  }
}

CriticalityOutput criticality_of_scenario(
    const DataPaths& paths, const std::string& scenario_file, const CriticalityRequest& request,
    const std::function<void(std::size_t, std::size_t)>& node_done, const std::atomic<bool>* cancel,
    const TrialSplit* split) {
  io::Settings settings = io::load_settings(paths.settings());
  CountryTable countries = io::load_countries(paths.countries());
  Scenario scenario =
      io::load_scenario(resolve_data_file(scenario_file, DataKind::scenario, paths, "SCENARIO"),
                        countries, paths.minerals_dir());
  if (request.trials) {
    long long trials = *request.trials;
    if (trials < 1 || trials > 10'000'000) {
      throw InputError(SourceRef{}, "--trials", std::to_string(trials), "1..10000000");
    }
    scenario.trials = trials;
  }
  if (request.seed) scenario.seed = *request.seed;
  override_market(scenario, request.market);
  MineralData data =
      io::load_mineral_for_simulation(scenario.mineral_file, countries, request.vintage);
  MineralGraph base = build_mineral_graph(data, settings.graph);
  validate_graph(base.graph, scenario.mineral_file);
  RunPlan plan =
      make_run_plan(scenario, base, data.prices, countries, settings.indicators, {request.policy});

  MonteCarloOptions mc;
  mc.trials = static_cast<std::uint64_t>(scenario.trials);
  mc.seed = scenario.seed;
  mc.threads = request.threads;
  mc.cancel = cancel;
  mc.split = split;
  CriticalityOutput output;
  output.result = rank_nodes(plan, mc, request.failure, node_done);
  output.header.run = {scenario.id,   scenario.name,        data.id, "", mc.trials,
                       scenario.seed, scenario.horizon_days};
  output.header.run.vintage = std::string(to_string(data.vintage));
  output.header.run.seed_blocks = seed_blocks_text(data);
  output.header.run.market = std::string(to_string(plan.scenario.market));
  for (io::LimitNote& note : io::market_setting_notes(plan.scenario)) {
    output.header.run.notes.push_back(std::move(note));
  }
  output.header.failure = request.failure;
  output.header.network_basis = base.network.describe();
  return output;
}

}  // namespace mineflow::cli
