// mineflow report [--all | MINERAL_FILE...] --out DIR [--lang en|ja]: one self-contained HTML
// report with charts, plus the CSV/JSON it was drawn from, written into DIR.

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <optional>

#include <boost/program_options.hpp>

#include "graph/build_graph.h"
#include "graph/look_through.h"
#include "graph/number_format.h"
#include "graph/validate.h"
#include "tools/cli/command.h"
#include "tools/cli/data_paths.h"
#include "tools/cli/indicator_options.h"
#include "tools/cli/indicators_job.h"
#include "tools/cli/optimise_job.h"
#include "tools/cli/option_values.h"
#include "tools/cli/output.h"
#include "tools/cli/parse_args.h"
#include "tools/io/atomic_file.h"
#include "tools/io/data_loaders.h"
#include "tools/io/data_quality_loader.h"
#include "tools/io/limit_notes.h"
#include "tools/io/mfa_loader.h"
#include "tools/io/price_units.h"
#include "tools/io/scenario_loader.h"
#include "tools/report/daily_bands.h"
#include "tools/report/mineral_report.h"
#include "tools/report/scenario_run.h"

namespace mineflow::cli {

namespace po = boost::program_options;

namespace {

std::vector<std::pair<std::string, std::string>> settings_facts(const io::Settings& settings,
                                                                DataVintage vintage) {
  const IndicatorSettings& ind = settings.indicators;
  return {
      {"--vintage", std::string(to_string(vintage)) + " (docs/data-sources.md, Vintages)"},
      {"--stability",
       std::string(to_string(ind.stability_measure)) + " " + std::to_string(ind.stability_year)},
      {"--oth", ind.other_convention == OtherConvention::split_equal ? "split_equal" : "one_block"},
      {"--volatility", std::string(to_string(ind.volatility_measure)) + ", window " +
                           std::to_string(ind.volatility_window_years) + " yr, min " +
                           std::to_string(ind.volatility_min_years) + " yr"},
      {"--production", settings.graph.production_wmd_year
                           ? "wmd:" + std::to_string(*settings.graph.production_wmd_year)
                           : "seed"},
      {"--secondary-definition", std::string(to_string(settings.graph.secondary_definition))},
      {"--secondary-proxy", settings.graph.use_secondary_proxy ? "on" : "off"},
  };
}

// A short fingerprint of a data file's bytes (FNV-1a, 64 bit), so the report names exactly which
// version of each file made it.
std::string fingerprint(const std::string& file) {
  std::ifstream in(file, std::ios::binary);
  std::uint64_t hash = 14695981039346656037ull;
  for (char c; in.get(c);) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 1099511628211ull;
  }
  std::array<char, 17> text{};
  std::snprintf(text.data(), text.size(), "%016llx", static_cast<unsigned long long>(hash));
  return text.data();
}

// The bundled stock-flow model of a mineral (DATA/mfa/<id>.yaml) and its recycling-policy variant
// (<id>_policy.yaml), run; nullptr when the mineral has no model. Files read go to `read`.
std::unique_ptr<report::MineralStockFlow> stock_flow_of(const MineralData& mineral,
                                                        const std::string& label,
                                                        const DataPaths& paths, report::Lang lang,
                                                        std::vector<std::string>& read) {
  namespace fs = std::filesystem;
  std::string base_file = paths.data_dir + "/mfa/" + mineral.id + ".yaml";
  if (!fs::is_regular_file(base_file)) return nullptr;
  auto result = std::make_unique<report::MineralStockFlow>();
  stock_flow::StockFlowModel model = io::load_mfa_model(base_file);
  result->mineral_id = mineral.id;
  result->mineral_name = label;
  for (const stock_flow::CategoryModel& category : model.categories) {
    const bool japanese = lang == report::Lang::ja && !category.name_ja.empty();
    result->category_names.push_back(japanese ? category.name_ja : category.name);
  }
  result->base = stock_flow::run_stock_flow_model(model);
  result->reference_year = model.reference_year;
  read.push_back(base_file);
  std::string policy_file = paths.data_dir + "/mfa/" + mineral.id + "_policy.yaml";
  if (fs::is_regular_file(policy_file)) {
    result->policy = stock_flow::run_stock_flow_model(io::load_mfa_model(policy_file));
    read.push_back(policy_file);
  }
  return result;
}

// A mineral's bundled real-event scenario: the first DATA/disruptions/<id>_*.yaml by name that
// is not the background-risk file ("" when there is none).
std::string real_event_scenario(const std::string& mineral_id, const DataPaths& paths) {
  namespace fs = std::filesystem;
  std::vector<std::string> found;
  std::string folder = paths.data_dir + "/disruptions";
  if (!fs::exists(folder)) return "";  // a data folder without scenarios: no scenario sections
  std::error_code error;
  fs::directory_iterator items(folder, error);
  if (error) {
    throw InputError(SourceRef{folder, 0, 0}, "disruptions", error.message(), "a readable folder");
  }
  for (const auto& item : items) {
    std::string name = item.path().filename().string();
    if (name.rfind(mineral_id + "_", 0) != 0 || item.path().extension() != ".yaml") continue;
    if (name.size() >= 16 && name.compare(name.size() - 16, 16, "_background.yaml") == 0) continue;
    found.push_back(item.path().string());
  }
  std::sort(found.begin(), found.end());
  return found.empty() ? "" : found.front();
}

// Whether a scenario is about `mineral_file`; a file system error is bad input (exit 2), never a
// report section silently left out.
bool scenario_is_about(const Scenario& scenario, const std::string& mineral_file) {
  std::error_code error;
  bool same = std::filesystem::equivalent(scenario.mineral_file, mineral_file, error);
  if (error) {
    throw InputError(SourceRef{scenario.file, 0, 0}, "mineral_file",
                     scenario.mineral_file + " (" + error.message() + ")",
                     "a readable mineral file");
  }
  return same;
}

}  // namespace

int run_report(const Args& args, std::ostream& out, std::ostream& /*err*/) {
  po::options_description options(
      "mineflow report [--all | MINERAL...] --out DIR [options]\n\n"
      "Writes DIR/report.html (one self-contained page: contents, summary, heat table, radar\n"
      "charts, material-flow Sankey diagrams, price history, stock-flow series, disruption\n"
      "scenarios, stockpile days) and the CSV/JSON it was drawn from. MINERAL is a file or a\n"
      "bundled name (mineflow list).\n\nOptions");
  options.add_options()("help,h", "show this help")("all", "every bundled mineral (the default)")(
      "out", po::value<std::string>(), "output folder (created if missing)")(
      "lang", po::value<std::string>()->default_value("en"), "en | ja")(
      "trials", po::value<long long>()->default_value(report::kReportTrials),
      "Monte Carlo trials per scenario (at most the scenario's own count)")(
      "files", po::value<std::vector<std::string>>(), "mineral files or bundled names")(
      "optimise", po::value<double>()->implicit_value(20e6, "20000000"),
      "add the least-cost policy mix section: each mineral's cost-risk frontier (p_shortage "
      "at 0.8, 0.6, 0.4, 0.2 and 0.1 of its level without stockpile) and this budget (USD/yr) "
      "spread over the minerals "
      "(docs/optimise.md)");
  add_data_dir_option(options);
  add_indicator_options(options);
  add_vintage_option(options);
  po::positional_options_description positional;
  positional.add("files", -1);
  po::variables_map vm;
  if (!parse_args(args, options, positional, vm, out)) return 0;
  if (!vm.count("out")) throw InputError(SourceRef{}, "--out", "(missing)", "an output folder");
  if (vm.count("all") && vm.count("files")) {
    throw InputError(SourceRef{}, "--all", "given with mineral files", "either --all or files");
  }
  std::string lang_text = vm["lang"].as<std::string>();
  std::optional<report::Lang> lang = report::parse_lang(lang_text);
  if (!lang) throw InputError(SourceRef{}, "--lang", lang_text, one_of("--lang"));

  DataPaths paths = data_paths(vm);
  io::Settings settings = indicator_settings(paths.settings(), vm);
  const DataVintage vintage = vintage_option(vm);
  CountryTable countries = io::load_countries(paths.countries());
  check_stability_year(vm, settings, countries);
  RatingThresholds thresholds = io::load_thresholds(paths.thresholds());
  std::vector<std::string> files = bundled_mineral_files(paths);
  if (vm.count("files")) {
    files.clear();
    for (const std::string& file : vm["files"].as<std::vector<std::string>>()) {
      files.push_back(resolve_data_file(file, DataKind::mineral, paths, "MINERAL"));
    }
  }

  report::ReportProvenance provenance;
  provenance.version = MINEFLOW_VERSION;
  provenance.data_dir = paths.data_dir;
  provenance.settings = settings_facts(settings, vintage);
  namespace fs = std::filesystem;
  auto shown = [&](const std::string& file) {
    fs::path relative = fs::path(file).lexically_relative(paths.data_dir);
    std::string name =
        relative.empty() || relative.string().rfind("..", 0) == 0 ? file : relative.string();
    return name + " (fnv1a " + fingerprint(file) + ")";
  };
  provenance.files = {shown(paths.countries()), shown(paths.settings()), shown(paths.thresholds())};

  // Graphs point into their MineralData, so both live on the heap at stable addresses.
  std::vector<std::unique_ptr<MineralData>> data;
  std::vector<std::unique_ptr<MineralGraph>> graphs;
  // What the sweeps and scenario runs read where it differs from the indicators' figures (a
  // latest import block of partial scope: io::load_mineral_for_simulation), as `run` and
  // `stockpile` do.
  std::vector<std::unique_ptr<MineralData>> simulated_data;
  std::vector<std::unique_ptr<MineralGraph>> simulated_graphs;
  std::vector<report::MineralReportEntry> entries;
  std::vector<std::unique_ptr<report::MineralStockFlow>> stock_flows;
  std::vector<std::unique_ptr<report::MineralScenario>> scenario_runs;
  std::vector<std::unique_ptr<report::MineralSweep>> sweeps;
  std::string sweep_facts;
  // report --optimise: each background scenario's frontier and budget grid (docs/optimise.md).
  std::optional<double> optimise_budget;
  if (vm.count("optimise")) {
    optimise_budget = vm["optimise"].as<double>();
    if (!std::isfinite(*optimise_budget) || *optimise_budget < 0.0) {
      throw InputError(SourceRef{}, "--optimise", format_number(*optimise_budget),
                       "USD per year >= 0");
    }
  }
  std::vector<std::unique_ptr<io::OptimiseReport>> frontiers;
  std::vector<io::OptimiseReport> budget_grids;
  long long trials = vm["trials"].as<long long>();
  if (trials < 1 || trials > 1'000'000) {
    throw InputError(SourceRef{}, "--trials", std::to_string(trials), "1..1000000");
  }
  for (const std::string& file : files) {
    data.push_back(std::make_unique<MineralData>(io::load_mineral(file, countries, vintage)));
    io::convert_prices_to_per_tonne(data.back()->prices);  // the sweeps' costs per t
    // Built in place (guaranteed elision): Boost's adjacency_list would otherwise be copied.
    graphs.emplace_back(new MineralGraph(build_mineral_graph(*data.back(), settings.graph)));
    validate_graph(graphs.back()->graph, file);
    const MineralData& mineral = *data.back();
    entries.push_back(
        {&mineral,
         graphs.back().get(),
         {mineral.id, mineral.name,
          compute_indicators(*graphs.back(), mineral.prices, countries, thresholds,
                             settings.indicators),
          look_through_indicator(*graphs.back(), countries, thresholds, settings.indicators),
          std::string(to_string(mineral.vintage))}});
    // The ratings that change between the vintages, as `indicators --compare-vintages`.
    if (io::mineral_has_vintage(file, DataVintage::latest)) {
      entries.back().vintages_compared = true;
      entries.back().vintage_changes = io::vintage_changes(
          {indicators_of_file(file, settings, countries, thresholds, DataVintage::seed)},
          {indicators_of_file(file, settings, countries, thresholds, DataVintage::latest)});
    }
    if (auto note = io::data_quality_note(io::data_quality_of(mineral))) {
      entries.back().notes.push_back(*note);
    }
    provenance.files.push_back(shown(file));
    if (!mineral.prices.empty() && !mineral.prices.front().where.file.empty()) {
      provenance.files.push_back(shown(mineral.prices.front().where.file));
    }
    std::vector<std::string> mfa_files;
    stock_flows.push_back(stock_flow_of(
        mineral, report::mineral_label(mineral.id, mineral.name, *lang), paths, *lang, mfa_files));
    entries.back().stock_flow = stock_flows.back().get();
    for (const std::string& mfa_file : mfa_files) provenance.files.push_back(shown(mfa_file));
    const MineralData* simulated = &mineral;
    const MineralGraph* simulated_graph = graphs.back().get();
    MineralData for_simulation = io::load_mineral_for_simulation(file, countries, vintage);
    if (!for_simulation.seed_blocks_kept.empty()) {
      simulated_data.push_back(std::make_unique<MineralData>(std::move(for_simulation)));
      io::convert_prices_to_per_tonne(simulated_data.back()->prices);
      simulated_graphs.emplace_back(
          new MineralGraph(build_mineral_graph(*simulated_data.back(), settings.graph)));
      simulated = simulated_data.back().get();
      simulated_graph = simulated_graphs.back().get();
      // The tonnes the report draws (the Sankey, flows.csv) are the ones the simulations run on:
      // a partial-scope import block (one HS code) would draw a fraction of the stage's flow.
      entries.back().graph = simulated_graph;
    }
    // The stockpile-days sweep of its background-risk scenario, as `mineflow stockpile --all`.
    std::string background = paths.data_dir + "/disruptions/" + mineral.id + "_background.yaml";
    if (fs::is_regular_file(background)) {
      Scenario scenario = io::load_scenario(background, countries, paths.minerals_dir());
      if (scenario_is_about(scenario, file)) {
        auto sweep_trials =
            static_cast<std::uint64_t>(std::min<long long>(trials, scenario.trials));
        sweeps.push_back(std::make_unique<report::MineralSweep>(report::run_sweep_for_report(
            scenario, *simulated, *simulated_graph, countries, settings.indicators, sweep_trials,
            report::mineral_label(mineral.id, mineral.name, *lang))));
        entries.back().sweep = sweeps.back().get();
        provenance.files.push_back(shown(background));
        if (optimise_budget) {
          OptimiseRequest request;
          request.sweep.vintage = vintage;
          request.sweep.trials = static_cast<long long>(sweep_trials);
          // Thresholds below the risk with no stockpile at the current recycling share (the
          // sweep's cell at 0 days), so every mineral's frontier has something to buy.
          double p0 = 0.0;
          for (const SweepCell& cell : sweeps.back()->result.cells) {
            if (cell.days == 0.0) p0 = cell.p_shortage.value;  // the last share: the current
          }
          for (double f : {0.8, 0.6, 0.4, 0.2, 0.1}) request.thresholds.push_back(p0 * f);
          frontiers.push_back(std::make_unique<io::OptimiseReport>(
              optimise_scenario(background, request, paths, {}, nullptr)));
          entries.back().frontier = frontiers.back().get();
          budget_grids.push_back(budget_grid_scenario(background, request, paths, {}, nullptr));
        }
        sweep_facts += (sweep_facts.empty() ? "" : "; ") + scenario.id + ": " +
                       report::phrase("seed_word", *lang) + std::to_string(scenario.seed) +
                       report::phrase("trials_word", *lang) + std::to_string(sweep_trials);
      }
    }
    // The bundled scenario of this mineral, when it is about this very file.
    std::string scenario_file = real_event_scenario(mineral.id, paths);
    if (scenario_file.empty()) continue;
    Scenario scenario = io::load_scenario(scenario_file, countries, paths.minerals_dir());
    if (!scenario_is_about(scenario, file)) continue;
    auto run_trials = static_cast<std::uint64_t>(std::min<long long>(trials, scenario.trials));
    scenario_runs.push_back(
        std::make_unique<report::MineralScenario>(report::run_scenario_for_report(
            scenario, *simulated, *simulated_graph, countries, thresholds, settings.indicators,
            run_trials, report::mineral_label(mineral.id, mineral.name, *lang))));
    entries.back().scenario = scenario_runs.back().get();
    provenance.files.push_back(shown(scenario_file));
    const report::MineralScenario& run = *scenario_runs.back();
    provenance.seed_trials +=
        (provenance.seed_trials.empty()
             ? report::phrase("mc_intro_before", *lang) + std::to_string(report::kBandTrials) +
                   report::phrase("mc_intro_after", *lang)
             : "; ") +
        run.scenario_id + ": " + report::phrase("seed_word", *lang) + std::to_string(run.seed) +
        report::phrase("trials_word", *lang) + std::to_string(run.trials);
  }

  if (!sweep_facts.empty()) {
    provenance.seed_trials += (provenance.seed_trials.empty() ? "" : "; ") +
                              report::phrase("stockpile_sweeps", *lang) + sweep_facts;
  }
  fs::path dir = make_out_folder(vm["out"].as<std::string>());
  std::optional<io::BudgetReport> budget;
  if (optimise_budget) budget = budget_report(budget_grids, *optimise_budget);
  for (const report::OutputFile& file : report::mineral_report_files(
           entries, thresholds, provenance, *lang, budget ? &*budget : nullptr)) {
    io::write_file_atomically((dir / file.name).string(), file.content);
  }
  out << "wrote " << (dir / "report.html").string() << "\n";
  return 0;
}

}  // namespace mineflow::cli
