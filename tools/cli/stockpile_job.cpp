#include "tools/cli/stockpile_job.h"

#include <algorithm>
#include <filesystem>

#include "graph/build_graph.h"
#include "graph/number_format.h"
#include "graph/price_volatility.h"
#include "graph/validate.h"
#include "sim/hazard_model.h"
#include "sim/sweep/sweep_plan.h"
#include "tools/cli/criticality_job.h"
#include "tools/io/data_loaders.h"
#include "tools/io/fx_loader.h"
#include "tools/io/price_units.h"
#include "tools/io/scenario_loader.h"

namespace mineflow::cli {
namespace {

void check_range(double value, double lo, double hi, const std::string& field,
                 const std::string& expected) {
  if (!(value >= lo && value <= hi)) {
    throw InputError(SourceRef{}, field, format_number(value), expected);
  }
}

}  // namespace

void check_sweep_request(const SweepRequest& request) {
  if (request.threads < 0 || request.threads > 1024) {
    throw InputError(SourceRef{}, "--threads", std::to_string(request.threads), "0..1024");
  }
  if (request.trials && (*request.trials < 1 || *request.trials > 100'000'000)) {
    throw InputError(SourceRef{}, "--trials", std::to_string(*request.trials), "1..100000000");
  }
  check_range(request.carrying_rate, 0.0, 1.0, "--carrying-rate", "0..1 per year");
  check_range(request.base_days, 0.0, 3650.0, "--base-days", "0..3650");
  check_range(request.max_recycling, 1e-6, 1.0, "--max-recycling", "(0, 1]");
}

std::unique_ptr<PreparedSweep> prepare_sweep(const std::string& file, const SweepRequest& request,
                                             const DataPaths& paths) {
  auto out = std::make_unique<PreparedSweep>();
  io::Settings settings = io::load_settings(paths.settings());
  CountryTable countries = io::load_countries(paths.countries());
  Scenario& scenario = out->scenario;
  scenario = io::load_scenario(file, countries, paths.minerals_dir());
  if (request.parameter_uncertainty && scenario.hazard) {
    HazardModel drawn = *scenario.hazard;
    drawn.parameter_uncertainty = true;
    scenario.hazard = std::make_shared<const HazardModel>(drawn);
  }
  if (request.trials) scenario.trials = *request.trials;
  if (request.seed) scenario.seed = *request.seed;
  override_market(scenario, request.market);
  MineralData& data = out->data;
  data = io::load_mineral_for_simulation(scenario.mineral_file, countries, request.vintage);
  io::convert_prices_to_per_tonne(data.prices);  // costs per t on either vintage
  MineralGraph base = build_mineral_graph(data, settings.graph);
  validate_graph(base.graph, scenario.mineral_file);
  out->sweep =
      make_sweep_plan(scenario, base, data.prices, countries, settings.indicators, request.policy);

  out->header = io::sweep_header(scenario, data, out->sweep);
  io::SweepHeader& h = out->header;
  h.carrying_rate_per_year = request.carrying_rate;
  // Costs in USD only: a series in another currency is converted at the annual rate of its
  // baseline year (scenarios/fx.yaml).
  double to_usd = 1.0;
  for (const PriceSeries& series : data.prices) {
    if (!series.primary) continue;
    h.price_unit = series.unit.substr(0, series.unit.find(' '));
    std::string currency = h.price_unit.substr(0, h.price_unit.find('/'));
    AnnualPrices annual = annual_averages(series);
    int year = annual.first_year + static_cast<int>(annual.values.size()) - 1;
    if (currency != "USD" && !annual.values.empty()) {
      std::vector<io::FxRate> rates = io::load_fx_rates(paths.data_dir + "/fx.yaml");
      std::optional<double> rate = io::per_usd(rates, currency, year);
      if (!rate) {
        throw InputError(SourceRef{paths.data_dir + "/fx.yaml", 0, 0}, "rates",
                         currency + " " + std::to_string(year), "an annual rate per USD");
      }
      to_usd = 1.0 / *rate;
      h.price_unit = "USD" + h.price_unit.substr(h.price_unit.find('/'));
    }
  }
  out->to_usd = to_usd;
  return out;
}

SweepSetup PreparedSweep::setup(double carrying_rate) const {
  SweepSetup out = sweep.setup();
  out.carrying_rate_per_year = carrying_rate;
  out.price_to_report_currency = to_usd;
  return out;
}

io::SweepSummaryRow sweep_scenario(const std::string& file, const SweepRequest& request,
                                   const DataPaths& paths, const SweepProgress& progress,
                                   const std::atomic<bool>* cancel, const TrialSplit* split) {
  std::unique_ptr<PreparedSweep> prepared = prepare_sweep(file, request, paths);
  const Scenario& scenario = prepared->scenario;
  const MineralData& data = prepared->data;
  const SweepPlan& sweep = prepared->sweep;
  io::SweepSummaryRow row;
  row.header = prepared->header;
  SweepSetup setup = prepared->setup(request.carrying_rate);
  SweepGrid grid = sweep.grid;
  if (request.days) grid.days = *request.days;
  if (request.shares) grid.recycling_shares = *request.shares;
  SweepOptions options;
  options.trials = static_cast<std::uint64_t>(scenario.trials);
  options.seed = scenario.seed;
  options.threads = request.threads;
  options.base_days = request.base_days;
  options.max_recycling_share = request.max_recycling;
  if (progress) {
    std::string label = data.id;
    options.progress = [&progress, label](int pass, std::uint64_t done, std::uint64_t total) {
      progress(label, pass, done, total);
    };
  }
  options.cancel = cancel;
  options.split = split;
  row.result = run_stockpile_sweep(setup, grid, request.target, options);
  const bool root = split == nullptr || split->is_root();
  if (request.drivers && root && !(cancel != nullptr && cancel->load())) {
    row.drivers = sweep_drivers(file, row.result.trials, row.result.seed, request.threads,
                                request.vintage, request.market, paths, cancel);
  }
  return row;
}

io::SweepDrivers sweep_drivers(const std::string& file, std::uint64_t trials, std::uint64_t seed,
                               int threads, DataVintage vintage, const MarketOverride& market,
                               const DataPaths& paths, const std::atomic<bool>* cancel) {
  CriticalityRequest request;  // its defaults: 90-day full outage from day 0, no stockpile
  request.trials = std::min<long long>(static_cast<long long>(trials), kDriverTrials);
  request.seed = seed;
  request.threads = threads;
  request.vintage = vintage;
  request.market = market;
  CriticalityOutput ranked = criticality_of_scenario(paths, file, request, {}, cancel);
  io::SweepDrivers drivers;
  drivers.trials = static_cast<std::uint64_t>(*request.trials);
  drivers.annual_demand_t = ranked.result.annual_demand_t;
  for (const NodeCriticality& node : ranked.result.nodes) {
    if (drivers.nodes.size() == io::kDriverCount) break;
    drivers.nodes.push_back(node);
  }
  return drivers;
}

std::vector<std::string> background_scenario_files(const DataPaths& paths) {
  std::vector<std::string> files;
  for (const std::string& mineral : bundled_mineral_files(paths)) {
    std::string id = std::filesystem::path(mineral).stem().string();
    std::string file = paths.data_dir + "/disruptions/" + id + "_background.yaml";
    if (std::filesystem::exists(file)) files.push_back(file);
  }
  return files;
}

}  // namespace mineflow::cli
