#include "tools/io/mfa_loader.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>
#include <set>

#include "graph/number_format.h"
#include "tools/io/yaml_reader.h"

namespace mineflow::io {
namespace {

using stock_flow::CategoryModel;
using stock_flow::Lifetime;
using stock_flow::LifetimeKind;
using stock_flow::RegionSeries;
using stock_flow::StockFlowModel;

constexpr int kEarliestYear = 1800;
constexpr int kLatestYear = 2300;
constexpr int kMaxYears = 500;

struct Years {
  int first = 0;
  int count = 0;
};

double share_in_unit_interval(const YamlValue& value) {
  double x = value.as_double();
  if (x < 0.0 || x > 1.0) value.fail("a share in [0, 1]");
  return x;
}

// A year-indexed quantity: a plain number (constant), or a block with either `value` or
// `points: {year: value, ...}` (linear between points, flat beyond them) and a `source`/`note`.
// `check` validates each number where it is written.
std::vector<double> read_path(const YamlValue& node, Years years,
                              double (*check)(const YamlValue&)) {
  if (node.is_scalar()) {
    return std::vector<double>(static_cast<std::size_t>(years.count), check(node));
  }
  node.allow_only({"value", "points", "source", "note"});
  auto value = node.get("value");
  auto points = node.get("points");
  if (value.has_value() == points.has_value()) node.fail("exactly one of 'value' or 'points'");
  if (value) return std::vector<double>(static_cast<std::size_t>(years.count), check(*value));
  std::map<int, double> by_year;
  for (const auto& [key, item] : points->entries()) {
    int year = 0;
    auto [end, error] = std::from_chars(key.data(), key.data() + key.size(), year);
    if (error != std::errc() || end != key.data() + key.size() || year < kEarliestYear ||
        year > kLatestYear) {
      item.fail(key, "a year between " + std::to_string(kEarliestYear) + " and " +
                         std::to_string(kLatestYear) + " as the key");
    }
    if (!by_year.emplace(year, check(item)).second) item.fail(key, "each year once");
  }
  if (by_year.empty()) points->fail("at least one year: value pair");
  std::vector<double> out;
  out.reserve(static_cast<std::size_t>(years.count));
  for (int t = 0; t < years.count; ++t) {
    int year = years.first + t;
    auto after = by_year.lower_bound(year);
    if (after == by_year.end()) {
      out.push_back(std::prev(after)->second);
    } else if (after->first == year || after == by_year.begin()) {
      out.push_back(after->second);
    } else {
      auto before = std::prev(after);
      double w = static_cast<double>(year - before->first) /
                 static_cast<double>(after->first - before->first);
      out.push_back(before->second + w * (after->second - before->second));
    }
  }
  return out;
}

double any_non_negative(const YamlValue& v) {
  return v.as_non_negative();
}
double any_positive(const YamlValue& v) {
  return v.as_positive();
}

// Lifetime parameters may vary by cohort (a path); one Lifetime per cohort then.
std::vector<Lifetime> read_lifetime(const YamlValue& node, Years years) {
  node.allow_only({"distribution", "mean", "sd", "shape", "scale", "source", "note"});
  YamlValue kind_node = node.require("distribution");
  LifetimeKind kind{};
  if (!stock_flow::parse_lifetime_kind(kind_node.as_string(), &kind)) {
    kind_node.fail(
        "one of: fixed, normal, truncated_normal, folded_normal, lognormal, weibull, exponential");
  }
  auto need = [&](std::string_view key) { return node.require(key); };
  std::size_t n = static_cast<std::size_t>(years.count);
  std::vector<double> mean(n, 0.0), sd(n, 0.0), shape(n, 0.0), scale(n, 0.0);
  auto forbid = [&](std::initializer_list<std::string_view> keys) {
    for (std::string_view key : keys) {
      if (auto extra = node.get(key)) {
        extra->fail("no '" + std::string(key) + "' for a " +
                    std::string(stock_flow::to_string(kind)) + " lifetime");
      }
    }
  };
  switch (kind) {
    case LifetimeKind::fixed:
      mean = read_path(need("mean"), years, any_non_negative);
      forbid({"sd", "shape", "scale"});
      break;
    case LifetimeKind::exponential:
      mean = read_path(need("mean"), years, any_positive);
      forbid({"sd", "shape", "scale"});
      break;
    case LifetimeKind::weibull:
      shape = read_path(need("shape"), years, any_positive);
      scale = read_path(need("scale"), years, any_positive);
      forbid({"mean", "sd"});
      break;
    default:
      mean = read_path(need("mean"), years, any_non_negative);
      sd = read_path(need("sd"), years, any_positive);
      forbid({"shape", "scale"});
      break;
  }
  std::vector<Lifetime> out;
  for (std::size_t t = 0; t < n; ++t) out.push_back({kind, mean[t], sd[t], shape[t], scale[t]});
  bool invariant = std::all_of(out.begin(), out.end(), [&](const Lifetime& lt) {
    return lt.mean_yr == out[0].mean_yr && lt.sd_yr == out[0].sd_yr && lt.shape == out[0].shape &&
           lt.scale_yr == out[0].scale_yr;
  });
  if (invariant) out.resize(1);
  return out;
}

CategoryModel read_category(const YamlValue& node, Years years,
                            const std::vector<double>& region_shares) {
  node.allow_only(
      {"id", "name", "name_ja", "driver", "path", "lifetime", "end_of_life", "source", "note"});
  CategoryModel c;
  c.id = node.require("id").as_string();
  if (auto name = node.get("name")) c.name = name->as_string();
  if (auto name_ja = node.get("name_ja")) c.name_ja = name_ja->as_string();
  c.driver = node.require("driver").as_choice({"inflow", "stock"}) == "inflow"
                 ? stock_flow::Driver::inflow
                 : stock_flow::Driver::stock;
  std::vector<double> total = read_path(node.require("path"), years, any_non_negative);
  int n = static_cast<int>(region_shares.size());
  c.driver_series = RegionSeries(years.count, n);
  for (int t = 0; t < years.count; ++t) {
    for (int r = 0; r < n; ++r) {
      c.driver_series.at(t, r) =
          total[static_cast<std::size_t>(t)] * region_shares[static_cast<std::size_t>(r)];
    }
  }
  c.lifetime_by_cohort = read_lifetime(node.require("lifetime"), years);
  YamlValue eol = node.require("end_of_life");
  eol.allow_only(
      {"collection_rate", "scrap_export_share", "recovery_efficiency", "source", "note"});
  c.end_of_life.collection_rate =
      read_path(eol.require("collection_rate"), years, share_in_unit_interval);
  c.end_of_life.scrap_export_share =
      read_path(eol.require("scrap_export_share"), years, share_in_unit_interval);
  c.end_of_life.recovery_efficiency =
      read_path(eol.require("recovery_efficiency"), years, share_in_unit_interval);
  return c;
}

StockFlowModel read_model(const YamlValue& root) {
  root.allow_only({"model", "name", "unit", "years", "reference_year", "timing",
                   "negative_inflow_correction", "regions", "categories", "source", "note"});
  StockFlowModel m;
  m.id = root.require("model").as_string();
  if (auto name = root.get("name")) m.name = name->as_string();
  m.unit = root.require("unit").as_string();
  YamlValue years_node = root.require("years");
  years_node.allow_only({"first", "last"});
  int first = years_node.require("first").as_int_in(kEarliestYear, kLatestYear);
  YamlValue last_node = years_node.require("last");
  int last = last_node.as_int_in(first, std::min(kLatestYear, first + kMaxYears - 1));
  Years years{first, last - first + 1};
  m.first_year = first;
  m.years = years.count;
  if (auto reference = root.get("reference_year")) {
    long long year = reference->as_int();
    if (year < first || year > last) {
      reference->fail("a year within the model's years, " + std::to_string(first) + " to " +
                      std::to_string(last));
    }
    m.reference_year = static_cast<int>(year);
  }
  if (auto timing = root.get("timing")) {
    m.timing = timing->as_choice({"start_of_year", "mid_year"}) == "mid_year"
                   ? stock_flow::InflowTiming::mid_year
                   : stock_flow::InflowTiming::start_of_year;
  }
  if (auto nic = root.get("negative_inflow_correction"))
    m.negative_inflow_correction = nic->as_bool();
  std::vector<double> shares;
  if (auto regions = root.get("regions")) {
    std::set<std::string> seen;
    double sum = 0.0;
    for (const YamlValue& item : regions->items()) {
      item.allow_only({"id", "share", "source", "note"});
      YamlValue id = item.require("id");
      if (!seen.insert(id.as_string()).second) id.fail("a region id used once");
      m.regions.push_back(id.as_string());
      shares.push_back(share_in_unit_interval(item.require("share")));
      sum += shares.back();
    }
    if (shares.empty()) regions->fail("at least one region");
    if (std::fabs(sum - 1.0) > 1e-9)
      regions->fail(format_number(sum), "region shares summing to 1");
  } else {
    m.regions = {"world"};
    shares = {1.0};
  }
  YamlValue categories = root.require("categories");
  std::set<std::string> ids;
  for (const YamlValue& item : categories.items()) {
    CategoryModel c = read_category(item, years, shares);
    if (!ids.insert(c.id).second) item.require("id").fail("a category id used once");
    m.categories.push_back(std::move(c));
  }
  if (m.categories.empty()) categories.fail("at least one product category");
  return m;
}

}  // namespace

StockFlowModel load_mfa_model(const std::string& file) {
  return read_model(load_yaml_file(file));
}

StockFlowModel load_mfa_model_text(const std::string& text, const std::string& name) {
  return read_model(load_yaml_text(text, name));
}

}  // namespace mineflow::io
