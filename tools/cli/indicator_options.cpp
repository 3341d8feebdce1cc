#include "tools/cli/indicator_options.h"

#include <charconv>
#include <set>

#include "graph/source_ref.h"
#include "tools/cli/option_values.h"

namespace mineflow::cli {

namespace po = boost::program_options;

void add_indicator_options(po::options_description& options) {
  options.add_options()("stability", po::value<std::string>(),
                        "stability score for indicators 3-4: wgi_mean6 | wgi_pv")(
      "stability-year", po::value<int>(), "WGI year of the stability score (2018..2022)")(
      "oth", po::value<std::string>(),
      "OTH convention: split_equal (lower bound) | one_block (upper bound)")(
      "production", po::value<std::string>(), "mine-production dataset: seed | wmd:YEAR")(
      "volatility", po::value<std::string>(),
      "price volatility measure: cv_annual | sd_annual_log_returns")(
      "secondary-definition", po::value<std::string>(),
      "indicator 6 figure: end_of_life | recycled_content")(
      "secondary-proxy", "use the EU EOL-RIR proxy where the secondary share is unknown");
}

void add_vintage_option(po::options_description& options) {
  options.add_options()("vintage", po::value<std::string>()->default_value("latest"),
                        "data vintage: latest (newest public figures) | seed (the strategy's "
                        "figures, which reproduce its ratings)");
}

DataVintage vintage_option(const po::variables_map& vm) {
  if (!vm.count("vintage")) return DataVintage::latest;
  return vintage_from_text(vm["vintage"].as<std::string>());
}

DataVintage vintage_from_text(const std::string& text) {
  auto vintage = parse_vintage(text);
  if (!vintage) throw InputError(SourceRef{}, "--vintage", text, one_of("--vintage"));
  return *vintage;
}

void check_stability_year(const po::variables_map& vm, const io::Settings& settings,
                          const CountryTable& countries) {
  if (!vm.count("stability-year")) return;
  const IndicatorSettings& ind = settings.indicators;
  std::set<int> years;
  for (const auto& [iso3, country] : countries.all()) {
    const auto& scores = ind.stability_measure == StabilityMeasure::wgi_pv
                             ? country.wgi_pv_0to10
                             : country.wgi_mean6_0to10;
    for (const auto& [year, score] : scores) years.insert(year);
  }
  if (years.count(ind.stability_year)) return;
  std::string expected =
      "a year with " + std::string(to_string(ind.stability_measure)) + " scores in countries.yaml";
  if (!years.empty()) {
    expected += ": " + std::to_string(*years.begin()) + ".." + std::to_string(*years.rbegin());
  }
  throw InputError(SourceRef{}, "--stability-year", std::to_string(ind.stability_year), expected);
}

io::Settings indicator_settings(const std::string& settings_file, const po::variables_map& vm) {
  io::Settings settings = io::load_settings(settings_file);
  IndicatorSettings& ind = settings.indicators;
  if (vm.count("stability")) {
    auto measure = parse_stability_measure(vm["stability"].as<std::string>());
    if (!measure) {
      throw InputError(SourceRef{}, "--stability", vm["stability"].as<std::string>(),
                       one_of("--stability"));
    }
    ind.stability_measure = *measure;
  }
  if (vm.count("stability-year")) {
    ind.stability_year = vm["stability-year"].as<int>();
    // A calendar year; whether countries.yaml has scores for it is checked where they are used.
    if (ind.stability_year < 1900 || ind.stability_year > 2100) {
      throw InputError(SourceRef{}, "--stability-year", std::to_string(ind.stability_year),
                       "a year 1900..2100");
    }
  }
  if (vm.count("oth")) {
    std::string text = vm["oth"].as<std::string>();
    if (text != "split_equal" && text != "one_block") {
      throw InputError(SourceRef{}, "--oth", text, one_of("--oth"));
    }
    ind.other_convention =
        text == "split_equal" ? OtherConvention::split_equal : OtherConvention::one_block;
  }
  if (vm.count("volatility")) {
    auto measure = parse_volatility_measure(vm["volatility"].as<std::string>());
    if (!measure) {
      throw InputError(SourceRef{}, "--volatility", vm["volatility"].as<std::string>(),
                       one_of("--volatility"));
    }
    ind.volatility_measure = *measure;
  }
  if (vm.count("production")) {
    std::string text = vm["production"].as<std::string>();
    if (text == "seed") {
      settings.graph.production_wmd_year.reset();
    } else {
      int year = 0;
      bool ok = text.rfind("wmd:", 0) == 0;
      if (ok) {
        auto [ptr, ec] = std::from_chars(text.data() + 4, text.data() + text.size(), year);
        ok = ec == std::errc() && ptr == text.data() + text.size();
      }
      // A calendar year; whether the mineral file has that year is checked when it is read.
      ok = ok && year >= 1900 && year <= 2100;
      if (!ok) throw InputError(SourceRef{}, "--production", text, "seed or wmd:YEAR, 1900..2100");
      settings.graph.production_wmd_year = year;
    }
  }
  if (vm.count("secondary-definition")) {
    auto definition = parse_secondary_definition(vm["secondary-definition"].as<std::string>());
    if (!definition) {
      throw InputError(SourceRef{}, "--secondary-definition",
                       vm["secondary-definition"].as<std::string>(),
                       one_of("--secondary-definition"));
    }
    settings.graph.secondary_definition = *definition;
  }
  if (vm.count("secondary-proxy")) settings.graph.use_secondary_proxy = true;
  return settings;
}

}  // namespace mineflow::cli
