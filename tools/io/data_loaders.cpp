#include "tools/io/data_loaders.h"

#include <charconv>
#include <cstdio>
#include <filesystem>

#include "graph/validate.h"
#include "tools/io/capacity_reader.h"
#include "tools/io/network_loader.h"
#include "tools/io/yaml_reader.h"

namespace mineflow::io {
namespace {

constexpr int kEarliestYear = 1900;
constexpr int kLatestYear = 2100;

CountryShare read_share(const YamlValue& item, std::string_view amount_key, double* amount) {
  item.allow_only({"country", amount_key, "note"});
  CountryShare share;
  YamlValue country = item.require("country");
  share.country = country.as_string();
  share.where = country.where();
  *amount = item.require(amount_key).as_non_negative();
  return share;
}

// A breakdown block: either shares_pct (with total) or tonnes by country (total derived).
Breakdown read_breakdown(const YamlValue& block, std::string id) {
  block.allow_only({"id", "description", "year", "total", "unit", "source", "reading", "note",
                    "normalise", "shares_pct", "tonnes", "scope"});
  Breakdown out;
  out.id = std::move(id);
  out.where = block.where();
  if (auto year = block.get("year")) out.year = year->as_int_in(kEarliestYear, kLatestYear);
  out.unit = block.require("unit").as_string();
  out.source = block.require("source").as_string();
  if (auto reading = block.get("reading")) out.reading = reading->as_bool();
  if (auto note = block.get("note")) out.note = note->as_string();
  if (auto normalise = block.get("normalise")) out.normalise_shares = normalise->as_bool();
  if (auto scope = block.get("scope")) {
    const std::string text = scope->as_string();
    if (text != "full" && text != "partial") scope->fail("`full` or `partial`");
    out.partial_scope = text == "partial";
  }
  auto shares = block.get("shares_pct");
  auto tonnes = block.get("tonnes");
  if (shares.has_value() == tonnes.has_value()) {
    block.fail("exactly one of 'shares_pct' or 'tonnes'");
  }
  if (shares) {
    out.total_t = block.require("total").as_positive();
    for (const YamlValue& item : shares->items()) {
      double pct = 0.0;
      CountryShare share = read_share(item, "pct", &pct);
      share.share = pct / 100.0;
      out.shares.push_back(std::move(share));
    }
    return out;
  }
  double sum_t = 0.0;
  std::vector<double> amounts;
  for (const YamlValue& item : tonnes->items()) {
    double t = 0.0;
    out.shares.push_back(read_share(item, "t", &t));
    amounts.push_back(t);
    sum_t += t;
  }
  if (auto total = block.get("total")) {
    out.total_t = total->as_positive();
  } else {
    out.total_t = sum_t;
  }
  if (sum_t <= 0.0) block.fail("tonnes summing to more than 0");
  for (std::size_t i = 0; i < amounts.size(); ++i) out.shares[i].share = amounts[i] / sum_t;
  return out;
}

// A share of demand: a fraction in [0, 1) or `unknown`.
std::optional<double> read_share_value(const YamlValue& value) {
  if (value.is_scalar() && value.as_string() == "unknown") return std::nullopt;
  double share = value.as_double();
  if (share < 0.0 || share >= 1.0) value.fail("a fraction in [0, 1) or `unknown`");
  return share;
}

// One definition's figure: value, quality flag, year, what it measures and its source.
SecondaryFigure read_secondary_figure(const YamlValue& block, const std::string& focal_economy) {
  block.allow_only({"value", "quality", "year", "measures", "source", "note"});
  SecondaryFigure out;
  YamlValue value = block.require("value");
  out.where = value.where();
  out.value = read_share_value(value);
  if (auto quality = block.get("quality")) {
    out.quality = parse_quality_token(quality->as_string(), focal_economy);
    if (!out.quality) {
      quality->fail(quality_token(SecondaryQuality::national, focal_economy) + ", " +
                    quality_token(SecondaryQuality::national_derived, focal_economy) +
                    " or world_proxy");
    }
  } else if (out.value) {
    block.require("quality");  // a figure without its flag is not shown
  }
  out.year = block.require("year").as_string();
  out.measures = block.require("measures").as_string();
  out.source = block.require("source").as_string();
  return out;
}

SecondaryShare read_secondary(const YamlValue& block, const std::string& focal_economy) {
  block.allow_only({"value", "note", "proxy", "source", "year", "end_of_life", "recycled_content"});
  SecondaryShare out;
  out.where = block.where();
  if (auto value = block.get("value")) {
    out.where = value->where();
    out.value = read_share_value(*value);
  } else if (!block.get("end_of_life") && !block.get("recycled_content")) {
    block.require("value");  // neither a single figure nor a figure per definition
  }
  if (auto eol = block.get("end_of_life"))
    out.end_of_life = read_secondary_figure(*eol, focal_economy);
  if (auto rc = block.get("recycled_content")) {
    out.recycled_content = read_secondary_figure(*rc, focal_economy);
  }
  if (auto note = block.get("note")) out.note = note->as_string();
  if (auto source = block.get("source")) out.note = source->as_string() + ". " + out.note;
  if (auto proxy = block.get("proxy")) {
    proxy->allow_only({"value", "source", "note"});
    out.proxy = proxy->require("value").as_double();
    out.proxy_source = proxy->require("source").as_string();
  }
  return out;
}

// The focal economy's domestic consumption (docs/data-sources.md, "Consumption").
Consumption read_consumption(const YamlValue& block) {
  block.allow_only({"t", "year", "basis", "source", "source_short", "memory", "note"});
  Consumption out;
  YamlValue t = block.require("t");
  out.where = t.where();
  out.t = t.as_positive();
  out.year = block.require("year").as_string();
  out.basis = block.require("basis").as_choice({"reported", "average", "judged"});
  out.source = block.require("source").as_string();
  out.source_short = block.require("source_short").as_string();
  if (auto memory = block.get("memory")) out.memory = memory->as_bool();
  return out;
}

PriceSeries read_series(const YamlValue& block) {
  block.allow_only(
      {"id", "name", "unit", "frequency", "start", "source", "primary", "note", "values"});
  PriceSeries out;
  out.where = block.where();
  out.id = block.require("id").as_string();
  out.name = block.require("name").as_string();
  out.unit = block.require("unit").as_string();
  out.source = block.require("source").as_string();
  YamlValue frequency = block.require("frequency");
  out.frequency = frequency.as_choice({"annual", "monthly"}) == "annual" ? PriceFrequency::annual
                                                                         : PriceFrequency::monthly;
  YamlValue start = block.require("start");
  if (out.frequency == PriceFrequency::annual) {
    out.start_year = start.as_int_in(kEarliestYear, kLatestYear);
  } else {
    std::string text = start.as_string();
    int month = 0;
    if (text.size() != 7 || text[4] != '-' ||
        std::sscanf(text.c_str(), "%4d-%2d", &out.start_year, &month) != 2 || month < 1 ||
        month > 12 || out.start_year < kEarliestYear || out.start_year > kLatestYear) {
      start.fail("a month written \"YYYY-MM\"");
    }
    out.start_month = month;
  }
  if (auto primary = block.get("primary")) out.primary = primary->as_bool();
  for (const YamlValue& value : block.require("values").items()) {
    out.values.push_back(value.as_positive());
  }
  if (out.values.empty()) block.require("values").fail("at least one price");
  return out;
}

}  // namespace

std::vector<PriceSeries> load_prices(const std::string& file) {
  YamlValue root = load_yaml_file(file);
  root.allow_only({"series", "note", "source"});
  std::vector<PriceSeries> series;
  int primaries = 0;
  for (const YamlValue& item : root.require("series").items()) {
    series.push_back(read_series(item));
    primaries += series.back().primary ? 1 : 0;
  }
  if (primaries != 1) {
    root.require("series").fail(std::to_string(primaries) + " series marked primary",
                                "exactly one series with `primary: true`");
  }
  return series;
}

CountryTable load_countries(const std::string& file) {
  YamlValue root = load_yaml_file(file);
  root.allow_only({"source", "note", "countries"});
  CountryTable table;
  table.source = root.require("source").as_string();
  for (const YamlValue& item : root.require("countries").items()) {
    item.allow_only({"iso3", "name", "wgi_mean6_0to10", "wgi_pv_0to10", "note"});
    Country country;
    YamlValue iso3 = item.require("iso3");
    country.iso3 = iso3.as_string();
    country.where = iso3.where();
    bool upper_alpha3 = country.iso3.size() == 3;
    for (char c : country.iso3) upper_alpha3 = upper_alpha3 && c >= 'A' && c <= 'Z';
    if (!upper_alpha3 || country.iso3 == kOtherCountry) {
      iso3.fail("an ISO 3166-1 alpha-3 code (three capital letters, not OTH)");
    }
    if (table.contains(country.iso3)) iso3.fail("each country once (duplicate entry)");
    country.name = item.require("name").as_string();
    auto read_scores = [](const std::optional<YamlValue>& block, std::map<int, double>* out) {
      if (!block) return;
      for (const auto& [year, score] : block->entries()) {
        int y = 0;
        auto [ptr, ec] = std::from_chars(year.data(), year.data() + year.size(), y);
        if (ec != std::errc() || ptr != year.data() + year.size() || y < kEarliestYear ||
            y > kLatestYear) {
          score.fail(year, "a year (four digits) as the key");
        }
        double value = score.as_double();
        if (value < 0.0 || value > 10.0) score.fail("a score in [0, 10]");
        (*out)[y] = value;
      }
    };
    read_scores(item.get("wgi_mean6_0to10"), &country.wgi_mean6_0to10);
    read_scores(item.get("wgi_pv_0to10"), &country.wgi_pv_0to10);
    table.add(std::move(country));
  }
  return table;
}

namespace {

std::optional<YamlValue> latest_block(const YamlValue& root) {
  auto vintages = root.get("vintages");
  if (!vintages) return std::nullopt;
  if (!vintages->is_map()) vintages->fail("a map with a `latest` block");
  vintages->allow_only({"seed", "latest", "note"});
  auto latest = vintages->get("latest");
  if (!latest) return std::nullopt;
  // The keys a latest block may replace (everything else is the seed's), and its own notes.
  latest->allow_only({"quantity_basis", "reserves", "mine_production", "imports", "secondary_share",
                      "price_series", "consumption", "note", "year"});
  return latest;
}

}  // namespace

namespace {

// `vintages: {seed: none, latest: ...}`: a mineral the strategy deck does not cover (graphite,
// gallium, germanium, antimony): its only figures are the latest block's, and every vintage
// reads them, named `latest` (docs/data-sources.md, Vintages).
bool seed_is_none(const YamlValue& root) {
  auto vintages = root.get("vintages");
  if (!vintages || !vintages->is_map()) return false;
  auto seed = vintages->get("seed");
  if (!seed) return false;
  if (!(seed->is_scalar() && seed->as_string() == "none")) {
    seed->fail("`none` (a mineral without seed figures; leave the key out otherwise)");
  }
  return true;
}

}  // namespace

bool mineral_has_vintage(const std::string& file, DataVintage vintage) {
  YamlValue root = load_yaml_file(file);
  if (vintage == DataVintage::seed) return !seed_is_none(root);
  return latest_block(root).has_value();
}

MineralData load_mineral(const std::string& file, const CountryTable& countries,
                         DataVintage vintage) {
  YamlValue root = load_yaml_file(file);
  root.allow_only({"mineral", "name", "focal_economy", "quantity_basis", "reserves",
                   "mine_production", "mine_production_wmd", "imports", "other_flows",
                   "secondary_share", "price_file", "network_file", "seed_ratings", "capacities",
                   "domestic_production", "consumption", "vintages", "note"});
  MineralData data;
  data.file = file;
  std::optional<YamlValue> latest = latest_block(root);
  const bool latest_only = seed_is_none(root);
  if (latest_only) {
    if (!latest) root.require("vintages").fail("a `latest` block beside `seed: none`");
    // The seed's blocks would never be read: refuse them rather than ignore them.
    for (const char* key : {"quantity_basis", "reserves", "mine_production", "imports",
                            "secondary_share", "consumption", "seed_ratings"}) {
      if (auto block = root.get(key)) {
        block->fail(std::string("no top-level `") + key +
                    "` beside `vintages.seed: none` (the figures belong in vintages.latest)");
      }
    }
  }
  if ((vintage == DataVintage::latest || latest_only) && latest) {
    data.vintage = DataVintage::latest;
  } else {
    latest.reset();  // seed asked for, or the file has no latest figures
  }
  // The vintage's block for `key`: the latest block's when it has one, else the top level's.
  auto pick = [&](std::string_view key) -> std::optional<YamlValue> {
    if (latest) {
      if (auto block = latest->get(key)) {
        data.latest_blocks.emplace_back(key);
        return block;
      }
    }
    return root.get(key);
  };
  auto pick_required = [&](std::string_view key) {
    if (auto block = pick(key)) return *block;
    return root.require(key);  // fails with the file's position
  };
  data.id = root.require("mineral").as_string();
  data.name = root.require("name").as_string();
  data.focal_economy = root.require("focal_economy").as_string();
  if (auto basis = pick("quantity_basis")) data.quantity_basis = basis->as_string();
  data.reserves = read_breakdown(pick_required("reserves"), "reserves");
  data.mine_production = read_breakdown(pick_required("mine_production"), "mine_production");
  if (auto wmd = root.get("mine_production_wmd")) {
    for (const YamlValue& item : wmd->items()) {
      data.mine_production_wmd.push_back(read_breakdown(item, "mine_production_wmd"));
      if (data.mine_production_wmd.back().year == 0) item.require("year");
    }
  }
  std::optional<YamlValue> latest_imports = latest ? latest->get("imports") : std::nullopt;
  if (latest_only && !latest_imports) latest->require("imports");
  YamlValue imports = latest_only ? *latest_imports : root.require("imports");
  imports.allow_only({"concentrate", "refined"});
  if (latest_imports) latest_imports->allow_only({"concentrate", "refined"});
  auto read_import = [&](const std::string& stage) -> std::optional<Breakdown> {
    YamlValue block = imports.require(stage);
    if (latest_imports) {
      if (auto newer = latest_imports->get(stage)) {
        block = *newer;
        data.latest_blocks.push_back("imports." + stage);
      }
    }
    if (block.is_scalar() && block.as_string() == "none") return std::nullopt;
    if (!block.is_map()) block.fail("`none` or an import block with total and shares_pct");
    return read_breakdown(block, "imports." + stage);
  };
  data.concentrate_imports = read_import("concentrate");
  data.refined_imports = read_import("refined");
  if (auto other = root.get("other_flows")) {
    for (const YamlValue& item : other->items()) {
      data.other_flows.push_back(read_breakdown(item, item.require("id").as_string()));
    }
  }
  if (auto capacities = root.get("capacities")) {
    for (const YamlValue& item : capacities->items()) {
      data.capacities.push_back(read_stage_capacity(
          item,
          {Stage::mine, Stage::refine, Stage::fabricate, Stage::demand, Stage::in_use,
           Stage::end_of_life, Stage::recycle, Stage::stockpile},
          "a flow stage: mine, refine, fabricate, demand, in_use, end_of_life, recycle or "
          "stockpile"));
    }
  }
  if (auto domestic = root.get("domestic_production")) {
    domestic->allow_only({"concentrate", "refined", "note"});
    auto read_domestic = [](const YamlValue& block) {
      block.allow_only({"t", "year", "source", "note"});
      DomesticProduction out;
      YamlValue t = block.require("t");
      out.where = t.where();
      if (!(t.is_scalar() && t.as_string() == "unknown")) out.t = t.as_non_negative();
      out.year = block.require("year").as_string();
      out.source = block.require("source").as_string();
      return out;
    };
    if (auto block = domestic->get("concentrate"))
      data.domestic_concentrate = read_domestic(*block);
    if (auto block = domestic->get("refined")) data.domestic_refined = read_domestic(*block);
  }
  if (auto block = pick("consumption")) data.consumption = read_consumption(*block);
  data.secondary = read_secondary(pick_required("secondary_share"), data.focal_economy);
  if (auto ratings = root.get("seed_ratings")) {
    for (const auto& [key, value] : ratings->entries()) {
      if (!parse_indicator(key)) value.fail(key, "an indicator id (reserve_concentration, ...)");
      value.as_choice({"High", "Mid", "Low"});
      data.seed_ratings[key] = value.as_string();
    }
  }
  if (auto price_file = root.get("price_file")) {
    std::filesystem::path path =
        std::filesystem::path(file).parent_path() / price_file->as_string();
    if (!std::filesystem::is_regular_file(path)) {
      price_file->fail("a price file that exists (relative to the mineral file)");
    }
    data.prices = load_prices(path.lexically_normal().string());
  }
  if (auto series = pick("price_series")) {
    // The vintage names its own primary series (one window for every mineral).
    std::string id = series->as_string();
    bool found = false;
    for (const PriceSeries& candidate : data.prices) found = found || candidate.id == id;
    if (!found) series->fail(id, "the id of a series in the mineral's price file");
    for (PriceSeries& candidate : data.prices) candidate.primary = candidate.id == id;
  }
  if (auto network_file = root.get("network_file")) {
    std::filesystem::path path =
        std::filesystem::path(file).parent_path() / network_file->as_string();
    if (!std::filesystem::is_regular_file(path)) {
      network_file->fail("a network file that exists (relative to the mineral file)");
    }
    data.network = load_network(path.lexically_normal().string());
  }
  validate_mineral(data, countries);
  return data;
}

MineralData load_mineral_for_simulation(const std::string& file, const CountryTable& countries,
                                        DataVintage vintage) {
  MineralData data = load_mineral(file, countries, vintage);
  if (data.vintage != DataVintage::latest) return data;
  std::optional<MineralData> seed;
  auto keep_seed = [&](std::optional<Breakdown>& imports, const std::string& block,
                       auto seed_member) {
    if (!imports || !imports->partial_scope) return;
    if (!seed) seed = load_mineral(file, countries, DataVintage::seed);
    imports = (*seed).*seed_member;
    std::erase(data.latest_blocks, block);
    data.seed_blocks_kept.push_back(block);
  };
  keep_seed(data.concentrate_imports, "imports.concentrate", &MineralData::concentrate_imports);
  keep_seed(data.refined_imports, "imports.refined", &MineralData::refined_imports);
  return data;
}

RatingThresholds load_thresholds(const std::string& file) {
  YamlValue root = load_yaml_file(file);
  root.allow_only({"source", "note", "concentration_hhi", "import_stability", "price_volatility",
                   "scrap_recycling"});
  RatingThresholds out;
  out.source = root.require("source").as_string();
  auto read_band = [](const YamlValue& block, bool rising) {
    block.allow_only({"low_below", "high_above", "low_from", "high_below", "origin", "note"});
    RatingBand band;
    band.risk_rises_with_value = rising;
    band.low_limit = block.require(rising ? "low_below" : "low_from").as_double();
    band.high_limit = block.require(rising ? "high_above" : "high_below").as_double();
    band.origin = block.require("origin").as_string();
    if (rising ? band.low_limit > band.high_limit : band.low_limit < band.high_limit) {
      block.fail(rising ? "low_below <= high_above" : "low_from >= high_below");
    }
    return band;
  };
  out.concentration_hhi = read_band(root.require("concentration_hhi"), true);
  out.import_stability = read_band(root.require("import_stability"), true);
  out.price_volatility = read_band(root.require("price_volatility"), true);
  out.scrap_recycling = read_band(root.require("scrap_recycling"), false);
  return out;
}

Settings load_settings(const std::string& file) {
  YamlValue root = load_yaml_file(file);
  root.allow_only({"stability_measure", "stability_year", "other_convention",
                   "other_stability_0to10", "volatility_measure", "volatility_window_years",
                   "volatility_min_years", "production_dataset", "use_secondary_proxy",
                   "secondary_definition", "note"});
  Settings out;
  IndicatorSettings& ind = out.indicators;
  ind.stability_measure = *parse_stability_measure(
      root.require("stability_measure").as_choice({"wgi_mean6", "wgi_pv"}));
  ind.stability_year = root.require("stability_year").as_int_in(kEarliestYear, kLatestYear);
  ind.other_convention =
      root.require("other_convention").as_choice({"split_equal", "one_block"}) == "split_equal"
          ? OtherConvention::split_equal
          : OtherConvention::one_block;
  YamlValue other_score = root.require("other_stability_0to10");
  ind.other_stability_0to10 = other_score.as_double();
  if (ind.other_stability_0to10 < 0.0 || ind.other_stability_0to10 > 10.0) {
    other_score.fail("a score in [0, 10]");
  }
  ind.volatility_measure = *parse_volatility_measure(
      root.require("volatility_measure").as_choice({"cv_annual", "sd_annual_log_returns"}));
  ind.volatility_window_years = root.require("volatility_window_years").as_int_in(2, 100);
  ind.volatility_min_years = root.require("volatility_min_years").as_int_in(2, 100);
  YamlValue dataset = root.require("production_dataset");
  std::string text = dataset.as_string();
  if (text != "seed") {
    if (text.rfind("wmd:", 0) != 0) dataset.fail("`seed` or `wmd:YEAR`");
    int year = 0;
    auto [ptr, ec] = std::from_chars(text.data() + 4, text.data() + text.size(), year);
    if (ec != std::errc() || ptr != text.data() + text.size() || year < kEarliestYear ||
        year > kLatestYear) {
      dataset.fail("`seed` or `wmd:YEAR` with a four-digit year");
    }
    out.graph.production_wmd_year = year;
  }
  out.graph.use_secondary_proxy = root.require("use_secondary_proxy").as_bool();
  out.graph.secondary_definition = *parse_secondary_definition(
      root.require("secondary_definition").as_choice({"end_of_life", "recycled_content"}));
  return out;
}

}  // namespace mineflow::io
