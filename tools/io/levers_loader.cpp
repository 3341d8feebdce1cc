#include "tools/io/levers_loader.h"

#include <cmath>
#include <limits>

#include "tools/io/yaml_reader.h"

namespace mineflow::io {
namespace {

// Every lever entry carries where its figure comes from: a source, or an assumption with its
// reasoning.
void require_basis(const YamlValue& lever) {
  if (!lever.get("source") && !lever.get("assumption")) {
    lever.fail("a lever without 'source' or 'assumption'",
               "a 'source' or an 'assumption' with its reasoning");
  }
}

PerTonneCost per_tonne(const YamlValue& lever) {
  PerTonneCost out;
  auto usd = lever.get("usd_per_t");
  auto multiple = lever.get("of_base_price");
  if (usd.has_value() == multiple.has_value()) {
    lever.fail("usd_per_t and of_base_price: " + std::string(usd ? "both" : "neither"),
               "exactly one of usd_per_t (USD per t) and of_base_price (multiple of base price)");
  }
  if (usd) out.usd_per_t = usd->as_non_negative();
  if (multiple) out.of_base_price = multiple->as_non_negative();
  return out;
}

double share_max(const YamlValue& lever) {
  YamlValue max = lever.require("max");
  double value = max.as_non_negative();
  if (value > 1.0) max.fail("a share of demand in 0..1");
  return value;
}

}  // namespace

LeverCostsFile load_lever_costs(const std::string& file) {
  YamlValue root = load_yaml_file(file);
  root.allow_only({"mineral", "currency", "discount_rate_per_year", "levers", "note"});
  LeverCostsFile out;
  out.file = file;
  out.mineral = root.require("mineral").as_string();
  root.require("currency").as_choice({"USD"});
  YamlValue rate = root.require("discount_rate_per_year");
  out.costs.discount_rate_per_year = rate.as_non_negative();
  if (out.costs.discount_rate_per_year > 1.0) rate.fail("a rate per year in 0..1");
  YamlValue levers = root.require("levers");
  levers.allow_only({"stockpile_days", "recycling_share", "substitution_cut", "diversification",
                     "smelter_capacity"});
  if (auto s = levers.get("stockpile_days")) {
    s->allow_only({"storage_rate_per_year", "max", "source", "assumption"});
    require_basis(*s);
    YamlValue storage = s->require("storage_rate_per_year");
    out.costs.storage_rate_per_year = storage.as_non_negative();
    if (out.costs.storage_rate_per_year > 1.0) storage.fail("a rate per year in 0..1");
    YamlValue max = s->require("max");
    out.costs.max_stockpile_days = max.as_non_negative();
    if (out.costs.max_stockpile_days > 3650.0) max.fail("days in 0..3650");
  }
  if (auto r = levers.get("recycling_share")) {
    r->allow_only({"usd_per_t", "of_base_price", "max", "source", "assumption"});
    require_basis(*r);
    out.recycling = per_tonne(*r);
    out.costs.max_recycling_share = share_max(*r);
  }
  if (auto c = levers.get("substitution_cut")) {
    c->allow_only({"usd_per_t", "of_base_price", "max", "source", "assumption"});
    require_basis(*c);
    out.substitution = per_tonne(*c);
    out.costs.max_substitution_cut = share_max(*c);
    if (out.costs.max_substitution_cut >= 1.0) {
      c->require("max").fail("a cut below 1 (some demand must remain)");
    }
  }
  if (auto d = levers.get("diversification")) {
    d->allow_only({"usd_per_t", "of_base_price", "max_t_per_yr", "source", "assumption"});
    require_basis(*d);
    out.diversification = per_tonne(*d);
    out.costs.max_diversified_t_per_yr = std::numeric_limits<double>::infinity();
    if (auto max = d->get("max_t_per_yr"))
      out.costs.max_diversified_t_per_yr = max->as_non_negative();
  }
  if (auto c = levers.get("smelter_capacity")) {
    c->allow_only({"capex_usd_per_t", "capex_of_base_price", "life_years", "max_t_per_yr",
                   "max_of_demand", "source", "assumption"});
    require_basis(*c);
    auto usd = c->get("capex_usd_per_t");
    auto multiple = c->get("capex_of_base_price");
    if (usd.has_value() == multiple.has_value()) {
      c->fail("capex_usd_per_t and capex_of_base_price: " + std::string(usd ? "both" : "neither"),
              "exactly one of capex_usd_per_t (USD per t/yr of capacity) and capex_of_base_price "
              "(multiple of base price)");
    }
    if (usd) out.smelter_capex.usd_per_t = usd->as_non_negative();
    if (multiple) out.smelter_capex.of_base_price = multiple->as_non_negative();
    YamlValue life = c->require("life_years");
    out.smelter_life_years = life.as_non_negative();
    if (out.smelter_life_years < 1.0 || out.smelter_life_years > 100.0)
      life.fail("years in 1..100");
    auto max_t = c->get("max_t_per_yr");
    auto max_share = c->get("max_of_demand");
    if (max_t.has_value() == max_share.has_value()) {
      c->fail("max_t_per_yr and max_of_demand: " + std::string(max_t ? "both" : "neither"),
              "exactly one of max_t_per_yr and max_of_demand (a multiple of annual demand)");
    }
    if (max_t) out.costs.max_smelter_added_t_per_yr = max_t->as_non_negative();
    if (max_share) out.smelter_max_of_demand = max_share->as_non_negative();
  }
  return out;
}

double annualised(double capex, double rate, double years) {
  if (rate <= 0.0) return capex / years;
  return capex * rate / (1.0 - std::pow(1.0 + rate, -years));
}

LeverCosts resolve_lever_costs(const LeverCostsFile& file, double price_usd_per_t,
                               double demand_t_per_yr) {
  LeverCosts out = file.costs;
  if (file.smelter_max_of_demand) {
    out.max_smelter_added_t_per_yr = *file.smelter_max_of_demand * demand_t_per_yr;
  }
  out.recycling_usd_per_t = file.recycling.usd(price_usd_per_t);
  out.substitution_usd_per_t = file.substitution.usd(price_usd_per_t);
  out.diversification_usd_per_t = file.diversification.usd(price_usd_per_t);
  out.smelter_usd_per_t_per_year =
      annualised(file.smelter_capex.usd(price_usd_per_t), file.costs.discount_rate_per_year,
                 file.smelter_life_years);
  return out;
}

}  // namespace mineflow::io
