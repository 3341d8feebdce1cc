// mineflow calibrate: fit the two-class background hazard to the event catalogue, print the
// parameters with intervals, with --write write them to the settings file the scenarios use, and
// (with --backtest) compare predicted with observed events and copper losses (docs/hazard.md).

#include <algorithm>
#include <iostream>

#include <boost/program_options.hpp>

#include "graph/build_graph.h"
#include "sim/background_risk.h"
#include "sim/calibrate/background_price_fit.h"
#include "sim/calibrate/hazard_backtest.h"
#include "sim/calibrate/hazard_exposure.h"
#include "tools/cli/command.h"
#include "tools/cli/data_paths.h"
#include "tools/cli/indicator_options.h"
#include "tools/cli/output.h"
#include "tools/cli/parse_args.h"
#include "tools/cli/price_backtest_job.h"
#include "tools/cli/trial_options.h"
#include "tools/io/atomic_file.h"
#include "tools/io/background_price_report.h"
#include "tools/io/calibrate_report.h"
#include "tools/io/data_loaders.h"
#include "tools/io/hazard_settings.h"
#include "tools/io/history_loader.h"
#include "tools/io/text_table.h"

namespace mineflow::cli {

namespace po = boost::program_options;

namespace {

// `--write FILE` as well as `--write=FILE` and a bare `--write` (the bundled hazard.yaml):
// Boost does not give an option with an implicit value the next word, so it is joined here.
Args join_write_value(const Args& args) {
  Args joined;
  for (std::size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--write" && i + 1 < args.size() && !args[i + 1].empty() &&
        args[i + 1][0] != '-') {
      joined.push_back("--write=" + args[++i]);
    } else {
      joined.push_back(args[i]);
    }
  }
  return joined;
}

// The background price fit of every bundled mineral with a monthly series covering at least five
// years of the fit window (docs/market.md, "The background price process").
std::vector<BackgroundPriceFit> fit_background_prices(const DataPaths& paths, DataVintage vintage,
                                                      std::uint64_t seed) {
  CountryTable countries = io::load_countries(paths.countries());
  std::vector<BackgroundPriceFit> fits;
  SimulationSize size;
  size.seed = seed;
  for (const std::string& file : bundled_mineral_files(paths)) {
    MineralData mineral = io::load_mineral_for_simulation(file, countries, vintage);
    for (const PriceSeries& series : mineral.prices) {
      // The monthly series, whichever the vintage's primary is (on `latest`, USGS annual means).
      if (series.frequency != PriceFrequency::monthly) continue;
      std::optional<BackgroundPriceFit> fit = fit_background_price(
          series, kBackgroundFitYears.first, kBackgroundFitYears.second,
          kBackgroundCheckYears.first, kBackgroundCheckYears.second, FitGrid{}, size);
      if (!fit) continue;
      fit->mineral = mineral.id;
      fits.push_back(*fit);
      break;  // one series a mineral
    }
  }
  return fits;
}

}  // namespace

int run_calibrate(const Args& args, std::ostream& out, std::ostream& /*err*/) {
  po::options_description options(
      "mineflow calibrate [options]: fit the background hazard to scenarios/history/");
  options.add_options()("help,h", "show this help")(
      "catalogue", po::value<std::string>(), "event catalogue (default history/events.yaml)")(
      "frequencies", po::value<std::string>(),
      "frequency figures (default history/frequencies.yaml)")(
      "write", po::value<std::string>()->implicit_value(""),
      "write the fit to FILE (--write alone: the data folder's hazard.yaml, which the bundled "
      "scenarios read); without it calibrate only prints")(
      "no-write", "print only (the default; kept for old scripts)")(
      "backtest", "add predicted vs observed tables")(
      "background-prices",
      "fit the background price process per mineral to its monthly series (yearly peak "
      "multiple, 1995-2014) and check it on 2015-2024, instead of the hazard fit")(
      "min-share", po::value<double>()->default_value(0.005, "0.005"),
      "exposure set: world mine share at least this")(
      "reference-share", po::value<double>()->default_value(0.1, "0.1"), "s_ref")(
      "seed", po::value<unsigned long long>()->default_value(1), "seed of the copper backtest")(
      "price-events", po::value<std::string>(),
      "onsets of the real-event scenarios (default history/price_events.yaml)")(
      "price-trials", po::value<long long>()->default_value(2000),
      "trials per scenario of the price backtest (median peak)")(
      "market", po::value<std::string>(),
      "clearing | rationing: the model of the price backtest's modelled peak (default: each "
      "scenario's market; docs/market.md)")(
      "world-inventory-days", po::value<double>(),
      "world stocks in days of use for the price backtest under clearing (default: each "
      "scenario's)")("format", po::value<std::string>()->default_value("table"),
                     "table | csv | json")("out", po::value<std::string>(),
                                           "write the report to FILE instead of stdout");
  add_data_dir_option(options);
  add_vintage_option(options);
  po::positional_options_description positional;
  po::variables_map vm;
  if (!parse_args(join_write_value(args), options, positional, vm, out)) return 0;
  if (vm.count("write") && vm.count("no-write")) {
    throw InputError(SourceRef{}, "--no-write", "with --write", "one of the two");
  }
  Format format = parse_format(vm["format"].as<std::string>());
  DataPaths paths = data_paths(vm);
  const DataVintage vintage = vintage_option(vm);
  double min_share = vm["min-share"].as<double>();
  if (!(min_share > 0.0 && min_share < 1.0)) {
    throw InputError(SourceRef{}, "--min-share", std::to_string(min_share), "a share in (0, 1)");
  }
  double reference_share = vm["reference-share"].as<double>();
  if (!(reference_share > 0.0 && reference_share <= 1.0)) {
    throw InputError(SourceRef{}, "--reference-share", std::to_string(reference_share),
                     "a share in (0, 1]");
  }
  std::string catalogue_file = vm.count("catalogue") ? vm["catalogue"].as<std::string>()
                                                     : paths.data_dir + "/history/events.yaml";
  std::string frequencies_file = vm.count("frequencies")
                                     ? vm["frequencies"].as<std::string>()
                                     : paths.data_dir + "/history/frequencies.yaml";

  if (vm.count("background-prices")) {
    if (vm.count("write") || vm.count("backtest")) {
      throw InputError(SourceRef{}, "--background-prices",
                       vm.count("write") ? "with --write" : "with --backtest",
                       "alone: it fits the price process, not the hazard");
    }
    const std::vector<BackgroundPriceFit> fits =
        fit_background_prices(paths, vintage, vm["seed"].as<unsigned long long>());
    std::string text = format == Format::csv    ? io::background_price_csv(fits)
                       : format == Format::json ? io::background_price_json(fits)
                                                : io::background_price_table(fits);
    emit(text, vm.count("out") ? vm["out"].as<std::string>() : "", out);
    return 0;
  }
  io::Settings settings = io::load_settings(paths.settings());
  CountryTable countries = io::load_countries(paths.countries());
  EventCatalogue catalogue = io::load_event_catalogue(catalogue_file, countries);
  FrequencyFigures figures = io::load_frequency_figures(frequencies_file);
  std::vector<MineralData> minerals;
  std::vector<double> copper_shares;
  for (const std::string& file : bundled_mineral_files(paths)) {
    MineralData mineral = io::load_mineral_for_simulation(file, countries, vintage);
    const std::vector<std::string>& scope = catalogue.minerals;
    if (!scope.empty() && std::find(scope.begin(), scope.end(), mineral.id) == scope.end()) {
      continue;  // outside the catalogue's scope: no exposure (docs/hazard.md)
    }
    minerals.push_back(std::move(mineral));
    if (minerals.back().id == "copper") {
      MineralGraph graph = build_mineral_graph(minerals.back(), settings.graph);
      for (const HazardNode& node : hazard_nodes(graph)) {
        if (node.stage == Stage::mine) copper_shares.push_back(node.world_share);
      }
    }
  }
  const IndicatorSettings& ind = settings.indicators;
  std::vector<ExposureNode> exposure =
      exposure_from_minerals(minerals, countries, ind.stability_measure, ind.stability_year,
                             ind.other_stability_0to10, min_share, catalogue.window_years());
  HazardFit fit =
      fit_hazard(catalogue, exposure, figures, reference_share, ind.other_stability_0to10);
  if (std::string failure = fit.convergence_failure(); !failure.empty()) {
    throw InputError(SourceRef{catalogue_file, 0, 0}, "hazard fit", failure,
                     "a catalogue whose fits converge (more ended events of the class, or "
                     "events that vary in stability and share)");
  }

  io::CalibrateReport report;
  report.fit = &fit;
  report.catalogue = catalogue_file;
  report.vintage = std::string(to_string(vintage));
  HazardBacktest backtest;
  std::vector<PriceComparison> prices;
  if (vm.count("backtest")) {
    backtest =
        backtest_hazard(fit, figures, copper_shares, vm["seed"].as<unsigned long long>(), 20000);
    report.backtest = &backtest;
    long long price_trials = vm["price-trials"].as<long long>();
    if (price_trials < 1 || price_trials > 1'000'000) {
      throw InputError(SourceRef{}, "--price-trials", std::to_string(price_trials), "1..1000000");
    }
    PriceBacktestRequest request;
    request.trials = static_cast<std::uint64_t>(price_trials);
    request.vintage = vintage;
    if (vm.count("market")) request.market = market_from_text(vm["market"].as<std::string>());
    if (vm.count("world-inventory-days")) {
      request.world_inventory_days = checked_world_inventory_days(
          "--world-inventory-days", vm["world-inventory-days"].as<double>());
    }
    prices =
        price_backtest(paths,
                       vm.count("price-events") ? vm["price-events"].as<std::string>()
                                                : paths.data_dir + "/history/price_events.yaml",
                       request);
    report.prices = &prices;
  }
  // Bundled files change only when asked to (--write): a backtest is a question, not an update.
  if (vm.count("write")) {
    std::string target = vm["write"].as<std::string>();
    if (target.empty()) target = paths.data_dir + "/hazard.yaml";
    io::write_file_atomically(
        target, io::hazard_settings_yaml(fit, "scenarios/history/events.yaml",
                                         std::string(to_string(ind.stability_measure)),
                                         ind.stability_year));
    report.written = target;
  }
  std::string text = format == Format::csv    ? io::calibrate_csv(report)
                     : format == Format::json ? io::calibrate_json(report)
                                              : io::wrap_long_lines(io::calibrate_table(report));
  emit(text, vm.count("out") ? vm["out"].as<std::string>() : "", out);
  return 0;
}

}  // namespace mineflow::cli
