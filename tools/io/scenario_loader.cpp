#include "tools/io/scenario_loader.h"

#include <filesystem>

#include "graph/number_format.h"
#include "sim/hazard_model.h"
#include "sim/stock_flow/stock_flow_model.h"
#include "sim/units.h"
#include "tools/io/hazard_settings.h"
#include "tools/io/mfa_loader.h"
#include "tools/io/yaml_reader.h"

namespace mineflow::io {
namespace {

constexpr double kMaxHorizonDays = kDaysPerYear * 100.0;
constexpr long long kMaxTrials = 100'000'000;

std::string read_country(const YamlValue& value, const CountryTable& countries) {
  std::string code = value.as_string();
  if (code != "OTH" && !countries.contains(code)) {
    value.fail("an ISO 3166-1 alpha-3 code listed in countries.yaml (or OTH)");
  }
  return code;
}

ImportClass read_class(const YamlValue& value) {
  return value.as_choice({"concentrate", "refined"}) == "concentrate" ? ImportClass::concentrate
                                                                      : ImportClass::refined;
}

double read_fraction(const YamlValue& value) {
  double x = value.as_double();
  if (x < 0.0 || x > 1.0) value.fail("a fraction in [0, 1]");
  return x;
}

// `recovery: {shape: step|linear|exponential|profile, ...}` (docs/engine.md "Event shapes").
RecoveryShape read_recovery(const YamlValue& value) {
  RecoveryShape shape;
  std::string kind = value.require("shape").as_choice({"step", "linear", "exponential", "profile"});
  if (kind == "step") {
    value.allow_only({"shape", "note"});
  } else if (kind == "linear") {
    value.allow_only({"shape", "recovery_days", "note", "source"});
    shape.kind = RecoveryShape::Kind::linear;
    shape.recovery_days = read_distribution(value.require("recovery_days"), false);
  } else if (kind == "exponential") {
    value.allow_only({"shape", "half_life_days", "note", "source"});
    shape.kind = RecoveryShape::Kind::exponential;
    shape.half_life_days = read_distribution(value.require("half_life_days"), false);
  } else {
    value.allow_only({"shape", "points", "note", "source"});
    shape.kind = RecoveryShape::Kind::profile;
    YamlValue points = value.require("points");
    for (const YamlValue& point : points.items()) {
      std::vector<YamlValue> pair = point.items();
      if (pair.size() != 2) point.fail("a pair [day, severity]");
      ProfilePoint p{pair[0].as_non_negative(), read_fraction(pair[1])};
      if (shape.profile.empty() && p.day != 0.0) pair[0].fail("day 0 for the first point");
      if (!shape.profile.empty() && p.day <= shape.profile.back().day) {
        pair[0].fail("days in increasing order (after day " +
                     std::to_string(shape.profile.back().day) + ")");
      }
      shape.profile.push_back(p);
    }
    if (shape.profile.size() < 2) points.fail("at least two points [day, severity]");
  }
  return shape;
}

// `cap: {t_per_yr | fraction_of_baseline, utilisation}`: a ceiling instead of a cut.
ExportCap read_cap(const YamlValue& value) {
  value.allow_only({"t_per_yr", "fraction_of_baseline", "utilisation", "note", "source"});
  ExportCap cap;
  auto tonnes = value.get("t_per_yr");
  auto fraction = value.get("fraction_of_baseline");
  if (tonnes.has_value() == fraction.has_value()) {
    value.fail("exactly one of 't_per_yr' or 'fraction_of_baseline'");
  }
  if (tonnes) cap.t_per_yr = read_distribution(*tonnes, false);
  if (fraction) cap.fraction_of_baseline = read_distribution(*fraction, false);
  if (auto v = value.get("utilisation")) cap.utilisation = read_distribution(*v, true);
  return cap;
}

// A profile gives the severity itself, and a cap derives it: neither goes with `severity`.
void check_severity_rules(const YamlValue& item, const RecoveryShape& shape, bool capped) {
  if (shape.kind == RecoveryShape::Kind::profile && capped) {
    item.require("recovery").fail("no 'profile' shape with a 'cap' (the profile gives severities)");
  }
  if (auto v = item.get("severity"); v && (capped || shape.kind == RecoveryShape::Kind::profile)) {
    v->fail(capped ? "no 'severity' beside 'cap' (the cap sets the cut)"
                   : "no 'severity' beside a 'profile' shape (the profile sets it)");
  }
}

// `to: [ISO3, ...]` or `except: [ISO3, ...]` (not both), and the restricted destinations'
// share of world imports of the product, 0..1.
void read_destinations(const YamlValue& exports, EventTarget& target,
                       const CountryTable& countries) {
  auto to = exports.get("to");
  auto except = exports.get("except");
  if (to && except) except->fail("no 'except' beside 'to' (one list of destinations)");
  auto read_list = [&](const YamlValue& list, std::vector<std::string>& out) {
    for (const YamlValue& item : list.items()) {
      std::string country = read_country(item, countries);
      if (country == target.country) item.fail(country, "a destination other than the exporter");
      out.push_back(country);
    }
    if (out.empty()) list.fail("at least one destination (ISO3 codes)");
  };
  if (to) read_list(*to, target.to_destinations);
  if (except) read_list(*except, target.except_destinations);
  if (auto share = exports.get("share_of_world_imports")) {
    if (!to && !except) share->fail("'share_of_world_imports' only beside 'to' or 'except'");
    double value = share->as_double();
    if (!(value >= 0.0 && value <= 1.0)) share->fail(share->text(), "a share from 0 to 1");
    target.share_of_world_imports = value;
  }
}

EventTarget read_target(const YamlValue& item, const CountryTable& countries) {
  item.allow_only({"node", "edge", "exports_of", "severity", "recovery", "cap",
                   "cap_basis_t_per_yr", "note", "source"});
  EventTarget target;
  target.where = item.where();
  int kinds = 0;
  if (auto node = item.get("node")) {
    ++kinds;
    node->allow_only({"country", "stage"});
    target.kind = EventTarget::Kind::node;
    target.country = read_country(node->require("country"), countries);
    std::string stage = node->require("stage").as_choice({"mine", "refine", "recycle"});
    target.stage = *parse_stage(stage);
  }
  if (auto edge = item.get("edge")) {
    ++kinds;
    edge->allow_only({"from", "class"});
    target.kind = EventTarget::Kind::edge;
    target.country = read_country(edge->require("from"), countries);
    target.import_class = read_class(edge->require("class"));
  }
  if (auto exports = item.get("exports_of")) {
    ++kinds;
    target.kind = EventTarget::Kind::exports_of;
    if (exports->is_map()) {  // {country, stage, to | except}: some exports only
      exports->allow_only({"country", "stage", "to", "except", "share_of_world_imports"});
      target.country = read_country(exports->require("country"), countries);
      if (auto stage = exports->get("stage")) {  // only that stage's (an ore export ban)
        target.export_stage = *parse_stage(stage->as_choice({"mine", "refine"}));
      }
      read_destinations(*exports, target, countries);
    } else {
      target.country = read_country(*exports, countries);
    }
  }
  if (kinds != 1) item.fail("exactly one of 'node', 'edge' or 'exports_of'");
  if (auto severity = item.get("severity")) target.severity = read_distribution(*severity, true);
  if (auto v = item.get("recovery")) target.recovery = read_recovery(*v);
  if (auto v = item.get("cap")) target.cap = read_cap(*v);
  if (auto v = item.get("cap_basis_t_per_yr")) target.cap_basis_t_per_yr = v->as_positive();
  return target;
}

// `licence: {approval_share, delay_days}` (each a number or a distribution): nothing is licensed
// for the delay, then the approved share of the pre-restriction exports flows. It replaces the
// event's severity and cannot stand beside a cap or a profile.
Licence read_licence(const YamlValue& value, const YamlValue& event, const EventSpec& spec) {
  value.allow_only({"approval_share", "delay_days", "note", "source"});
  if (spec.cap) value.fail("no 'licence' beside a 'cap' (a licence sets the cut itself)");
  if (spec.recovery.kind == RecoveryShape::Kind::profile) {
    value.fail("no 'licence' beside a 'profile' shape (the profile sets the cut itself)");
  }
  if (auto severity = event.get("severity")) {
    severity->fail("no 'severity' beside a 'licence' (the licence sets the cut)");
  }
  Licence licence;
  licence.approval_share = read_distribution(value.require("approval_share"), true);
  licence.delay_days = read_distribution(value.require("delay_days"), false);
  return licence;
}

EventSpec read_event(const YamlValue& item, const CountryTable& countries) {
  item.allow_only({"id", "start_day", "hazard_per_year", "duration_days", "severity", "recovery",
                   "cap", "licence", "targets", "note", "source"});
  EventSpec spec;
  spec.where = item.where();
  spec.id = item.require("id").as_string();
  auto start = item.get("start_day");
  auto hazard = item.get("hazard_per_year");
  if (start && hazard) hazard->fail("no 'hazard_per_year' beside 'start_day' (one start rule)");
  if (!start && !hazard) item.fail("one of 'start_day' (fixed) or 'hazard_per_year' (random)");
  if (start) spec.start_day = start->as_non_negative();
  if (hazard) spec.hazard_per_year = hazard->as_non_negative();
  if (auto v = item.get("recovery")) spec.recovery = read_recovery(*v);
  if (auto v = item.get("cap")) spec.cap = read_cap(*v);
  if (auto v = item.get("licence")) spec.licence = read_licence(*v, item, spec);
  check_severity_rules(item, spec.recovery, spec.cap.has_value() || spec.licence.has_value());
  if (spec.recovery.kind == RecoveryShape::Kind::profile) {
    // The profile's last day ends the event; its points give the severities.
    if (auto v = item.get("duration_days")) v->fail("no 'duration_days' beside a 'profile' shape");
    spec.duration_days.a = spec.recovery.profile.back().day;
  } else {
    spec.duration_days = read_distribution(item.require("duration_days"), false);
    if (!spec.cap && !spec.licence)
      spec.severity = read_distribution(item.require("severity"), true);
  }
  YamlValue targets = item.require("targets");
  for (const YamlValue& target : targets.items()) {
    spec.targets.push_back(read_target(target, countries));
    const EventTarget& added = spec.targets.back();
    const RecoveryShape& shape = added.recovery ? *added.recovery : spec.recovery;
    if ((shape.kind == RecoveryShape::Kind::profile) !=
        (spec.recovery.kind == RecoveryShape::Kind::profile)) {
      target.require("recovery").fail("the event's own shape kind when either is a 'profile'");
    }
    if (spec.licence && added.cap) target.require("cap").fail("no 'cap' in a licensed event");
    check_severity_rules(target, shape,
                         added.cap.has_value() || spec.cap.has_value() || spec.licence.has_value());
  }
  if (spec.targets.empty()) targets.fail("at least one target");
  return spec;
}

// `recycling_share: {from_mfa: ../mfa/tungsten_policy.yaml, year: 2035}` takes the share from a
// stock-flow model: its secondary supply over demand in that year (indicator 6 over time).
double recycling_share_from_mfa(const YamlValue& block) {
  block.allow_only({"from_mfa", "year"});
  YamlValue model_path = block.require("from_mfa");
  std::filesystem::path path =
      std::filesystem::path(block.file()).parent_path() / model_path.as_string();
  if (!std::filesystem::is_regular_file(path)) {
    model_path.fail("a stock-flow model file (relative to the scenario file)");
  }
  stock_flow::StockFlowResult result =
      stock_flow::run_stock_flow_model(load_mfa_model(path.lexically_normal().string()));
  YamlValue year = block.require("year");
  int y = year.as_int_in(result.first_year, result.first_year + result.years - 1);
  return stock_flow::secondary_share_in_year(result, y);
}

// `demand_response: {substitution_per_yr, substitution_cap, new_supply_per_yr, new_supply_cap}`.
DemandResponse read_demand_response(const YamlValue& value) {
  value.allow_only({"substitution_per_yr", "substitution_cap", "new_supply_per_yr",
                    "new_supply_cap", "note", "source"});
  DemandResponse out;
  if (auto v = value.get("substitution_per_yr")) out.substitution_per_yr = v->as_non_negative();
  if (auto v = value.get("substitution_cap")) out.substitution_cap = read_fraction(*v);
  if (auto v = value.get("new_supply_per_yr")) out.new_supply_per_yr = v->as_non_negative();
  if (auto v = value.get("new_supply_cap")) out.new_supply_cap = read_fraction(*v);
  if (out.substitution_cap + out.new_supply_cap > 1.0) {
    value.fail("substitution_cap + new_supply_cap <= 1 (the response cannot exceed demand)");
  }
  return out;
}

// release_price: market | pre_crisis | {discount: F} with F in [0, 1] (docs/market.md).
void read_release_price(const YamlValue& value, PolicySet& policy) {
  const char* expected = "market, pre_crisis or {discount: F} with F a fraction in [0, 1]";
  if (value.is_map()) {
    value.allow_only({"discount"});
    const YamlValue f = value.require("discount");
    policy.release_discount = f.as_non_negative();
    if (policy.release_discount > 1.0) f.fail(expected);
    policy.release_price = 2;
    return;
  }
  const std::string name = value.as_string();
  if (name == "market") {
    policy.release_price = 0;
  } else if (name == "pre_crisis") {
    policy.release_price = 1;
  } else {
    value.fail(expected);
  }
}

PolicySet read_policy(const YamlValue& item, const CountryTable& countries) {
  item.allow_only({"name", "stockpile", "recycling_share", "commercial_inventory_days",
                   "substitution_cut", "diversification", "capacity_added", "demand_response",
                   "note"});
  PolicySet policy;
  policy.where = item.where();
  policy.name = item.require("name").as_string();
  if (auto stockpile = item.get("stockpile")) {
    stockpile->allow_only({"days", "release_rate_of_demand", "decision_delay_days",
                           "refill_rate_of_demand", "release_price"});
    policy.stockpile_days = stockpile->require("days").as_non_negative();
    if (auto v = stockpile->get("release_rate_of_demand")) {
      policy.release_rate_of_demand = v->as_non_negative();
    }
    if (auto v = stockpile->get("decision_delay_days")) {
      policy.decision_delay_days = v->as_non_negative();
    }
    if (auto v = stockpile->get("refill_rate_of_demand")) {
      policy.refill_rate_of_demand = v->as_non_negative();
    }
    if (auto v = stockpile->get("release_price")) read_release_price(*v, policy);
  }
  if (auto v = item.get("recycling_share")) {
    policy.recycling_share = v->is_map() ? recycling_share_from_mfa(*v) : read_fraction(*v);
    if (*policy.recycling_share >= 1.0) v->fail("a share below 1");
  }
  if (auto v = item.get("commercial_inventory_days")) {
    policy.commercial_inventory_days = v->as_non_negative();
  }
  if (auto v = item.get("substitution_cut")) {
    policy.substitution_cut = read_fraction(*v);
    if (policy.substitution_cut >= 1.0) v->fail("a cut below 1");
  }
  if (auto v = item.get("demand_response")) policy.demand_response = read_demand_response(*v);
  if (auto list = item.get("diversification")) {
    for (const YamlValue& move : list->items()) {
      move.allow_only({"country", "class", "share"});
      policy.diversification.push_back({read_country(move.require("country"), countries),
                                        read_class(move.require("class")),
                                        read_fraction(move.require("share"))});
    }
  }
  if (auto list = item.get("capacity_added")) {
    for (const YamlValue& added : list->items()) {
      added.allow_only({"country", "class", "t_per_yr"});
      policy.capacity_added.push_back({read_country(added.require("country"), countries),
                                       read_class(added.require("class")),
                                       added.require("t_per_yr").as_non_negative()});
    }
  }
  return policy;
}

}  // namespace

// A number, or {dist: uniform|triangular|lognormal|exponential, ...}.
Distribution read_distribution(const YamlValue& value, bool fraction) {
  Distribution out;
  if (value.is_scalar()) {
    out.a = fraction ? read_fraction(value) : value.as_non_negative();
    return out;
  }
  if (!value.is_map()) value.fail("a number or a mapping with 'dist'");
  std::string kind = value.require("dist").as_choice(
      {"fixed", "uniform", "triangular", "lognormal", "exponential"});
  auto number = [&](std::string_view key) {
    YamlValue v = value.require(key);
    return fraction && key != "sigma" ? read_fraction(v) : v.as_non_negative();
  };
  if (kind == "fixed") {
    value.allow_only({"dist", "value"});
    out.a = number("value");
  } else if (kind == "uniform") {
    value.allow_only({"dist", "min", "max"});
    out.kind = Distribution::Kind::uniform;
    out.a = number("min");
    out.b = number("max");
    if (out.b < out.a) value.require("max").fail("max >= min");
  } else if (kind == "triangular") {
    value.allow_only({"dist", "min", "mode", "max"});
    out.kind = Distribution::Kind::triangular;
    out.a = number("min");
    out.b = number("mode");
    out.c = number("max");
    if (!(out.a <= out.b && out.b <= out.c)) value.require("mode").fail("min <= mode <= max");
  } else if (kind == "lognormal") {
    value.allow_only({"dist", "median", "sigma"});
    out.kind = Distribution::Kind::lognormal;
    out.a = number("median");
    out.b = number("sigma");
    if (fraction) value.fail("a bounded distribution for a fraction (lognormal is unbounded)");
  } else {
    value.allow_only({"dist", "mean"});
    out.kind = Distribution::Kind::exponential;
    out.a = number("mean");
    if (fraction) value.fail("a bounded distribution for a fraction (exponential is unbounded)");
  }
  return out;
}

Scenario load_scenario(const std::string& file, const CountryTable& countries,
                       const std::string& minerals_dir) {
  YamlValue root = load_yaml_file(file);
  root.allow_only({"scenario", "name", "name_ja", "mineral", "source", "note", "horizon_days",
                   "trials", "seed", "lead_times", "commercial_inventory", "spare_capacity",
                   "events", "background_risk", "background_hazard", "price", "market", "policies",
                   "demand_response"});
  Scenario s;
  s.file = file;
  s.id = root.require("scenario").as_string();
  s.name = root.require("name").as_string();
  if (auto name_ja = root.get("name_ja")) s.name_ja = name_ja->as_string();
  YamlValue mineral = root.require("mineral");
  const std::string mineral_text = mineral.as_string();
  std::filesystem::path mineral_path = std::filesystem::path(file).parent_path() / mineral_text;
  // A bare name (no folder, no extension) is a bundled mineral, as everywhere else.
  if (!std::filesystem::is_regular_file(mineral_path) && !mineral_text.empty() &&
      mineral_text.find_first_of("/.") == std::string::npos) {
    std::filesystem::path folder = minerals_dir.empty()
                                       ? std::filesystem::path(file).parent_path() / "../minerals"
                                       : std::filesystem::path(minerals_dir);
    mineral_path = folder / (mineral_text + ".yaml");
  }
  if (!std::filesystem::is_regular_file(mineral_path)) {
    mineral.fail(
        "a mineral file that exists, relative to the scenario's folder, or a bundled mineral's "
        "name");
  }
  s.mineral_file = mineral_path.lexically_normal().string();
  if (auto v = root.get("horizon_days")) {
    s.horizon_days = v->as_positive();
    if (s.horizon_days > kMaxHorizonDays) v->fail("at most 36500 days");
  }
  if (auto v = root.get("trials")) {
    s.trials = v->as_int();
    if (s.trials < 1 || s.trials > kMaxTrials) v->fail("an integer in [1, 100000000]");
  }
  if (auto v = root.get("seed")) {
    long long seed = v->as_int();
    if (seed < 0) v->fail("a non-negative integer");
    s.seed = static_cast<unsigned long long>(seed);
  }
  if (auto lead = root.get("lead_times")) {
    lead->allow_only({"concentrate_days", "refined_days"});
    if (auto v = lead->get("concentrate_days")) s.concentrate_lead_time_days = v->as_non_negative();
    if (auto v = lead->get("refined_days")) s.refined_lead_time_days = v->as_non_negative();
  }
  if (auto inventory = root.get("commercial_inventory")) {
    inventory->allow_only({"days", "refill_rate_of_demand"});
    s.commercial_inventory_days = inventory->require("days").as_non_negative();
    if (auto v = inventory->get("refill_rate_of_demand")) {
      s.commercial_refill_rate_of_demand = v->as_non_negative();
    }
  }
  if (auto list = root.get("spare_capacity")) {
    for (const YamlValue& item : list->items()) {
      item.allow_only({"country", "class", "extra_pct_of_flow", "extra_t_per_yr"});
      SpareCapacity spare;
      spare.country = read_country(item.require("country"), countries);
      spare.import_class = read_class(item.require("class"));
      if (auto v = item.get("extra_pct_of_flow")) spare.extra_pct_of_flow = v->as_non_negative();
      if (auto v = item.get("extra_t_per_yr")) spare.extra_t_per_yr = v->as_non_negative();
      s.spare_capacity.push_back(spare);
    }
  }
  if (auto list = root.get("events")) {
    for (const YamlValue& item : list->items()) {
      s.events.push_back(read_event(item, countries));
      // An event that starts at or after the horizon never happens: a typo, not a scenario.
      const std::optional<double>& start = s.events.back().start_day;
      if (start && *start >= s.horizon_days) {
        item.require("start_day")
            .fail("a day before the scenario's horizon_days (" + format_number(s.horizon_days) +
                  ")");
      }
    }
  }
  if (auto risk = root.get("background_risk")) {
    risk->allow_only({"rate_at_5_per_year", "doubling_points", "other_score", "duration_days",
                      "severity", "note"});
    BackgroundRisk b;
    if (auto v = risk->get("rate_at_5_per_year")) b.rate_at_5_per_year = v->as_non_negative();
    if (auto v = risk->get("doubling_points")) b.doubling_points = v->as_positive();
    if (auto v = risk->get("other_score")) b.other_score_0to10 = v->as_non_negative();
    if (auto v = risk->get("duration_days")) b.duration_days = read_distribution(*v, false);
    if (auto v = risk->get("severity")) b.severity = read_distribution(*v, true);
    s.background_risk = b;
  }
  if (auto hazard = root.get("background_hazard")) {
    // The calibrated two-class model (docs/hazard.md), a file relative to the scenario's.
    std::filesystem::path path = std::filesystem::path(file).parent_path() / hazard->as_string();
    s.hazard = std::make_shared<const HazardModel>(load_hazard_model(path.string()));
  }
  if (!root.get("events") && !s.background_risk && !s.hazard) {
    root.fail("a scenario with 'events', 'background_risk', 'background_hazard' or more");
  }
  // Clearing unless the file says otherwise (docs/market.md); a mineral without a network has
  // no world market and falls back to rationing (compile_model), which the outputs name.
  s.market = MarketModel::clearing;
  if (auto market = root.get("market")) {
    market->allow_only({"model", "world_inventory_days", "idle_capacity", "buyers",
                        "domestic_price_floor", "resourcing_days", "note"});
    if (auto buyers = market->get("buyers")) {
      // `buyers: {focal_economy: E, rest_of_world: E, restricting_country: E}`: each group's
      // short-run |price elasticity of demand| (docs/market.md, "Buyer groups and the split
      // price").
      buyers->allow_only(
          {"focal_economy", "rest_of_world", "restricting_country", "note", "source"});
      auto elasticity = [&](const char* key, std::optional<double>& out) {
        if (auto v = buyers->get(key)) {
          out = v->as_positive();
          if (*out > 5.0) v->fail("a short-run |price elasticity of demand| in (0, 5]");
        }
      };
      elasticity("focal_economy", s.buyers.focal_economy);
      elasticity("rest_of_world", s.buyers.rest_of_world);
      elasticity("restricting_country", s.buyers.restricting_country);
    }
    if (auto v = market->get("domestic_price_floor")) {
      s.buyers.domestic_price_floor = v->as_positive();
      if (s.buyers.domestic_price_floor > 1.0) v->fail("a price multiple in (0, 1]");
    }
    if (auto idle = market->get("idle_capacity")) {
      // `idle_capacity: {share, days}`: world idle capacity restarting while the market is tight
      // (docs/market.md, "Supply and demand response").
      idle->allow_only({"share", "days", "note", "source"});
      s.idle_capacity.share = read_fraction(idle->require("share"));
      YamlValue days = idle->require("days");
      s.idle_capacity.days = days.as_positive();
      if (s.idle_capacity.days < 1.0) days.fail("at least 1 day (the market steps daily)");
    }
    if (auto v = market->get("resourcing_days")) {
      // Days to replace a cut foreign supplier through the market (docs/market.md,
      // "Re-sourcing lead time").
      s.resourcing_days = v->as_non_negative();
      if (s.resourcing_days > s.horizon_days) {
        v->fail("days within the scenario's horizon_days (" + format_number(s.horizon_days) + ")");
      }
    }
    if (auto v = market->get("world_inventory_days")) {
      s.world_inventory_days = v->as_positive();
      if (!(s.world_inventory_days >= 1.0 && s.world_inventory_days <= 3650.0)) {
        v->fail("1..3650 days of world use (the market steps daily)");  // as the option's
      }
    }
    YamlValue model = market->require("model");
    const std::string text = model.as_string();
    auto parsed = parse_market_model(text);
    if (!parsed) model.fail("clearing or rationing (docs/market.md)");
    s.market = *parsed;
    s.market_where = model.where();
  }
  if (auto price = root.get("price")) {
    price->allow_only({"volatility", "reversion_per_year", "elasticity", "cap_multiple",
                       "sample_every_days", "baseline_price", "note"});
    if (auto v = price->get("volatility")) s.price.volatility_per_sqrt_year = v->as_non_negative();
    if (auto v = price->get("reversion_per_year"))
      s.price.reversion_per_year = v->as_non_negative();
    if (auto v = price->get("elasticity")) s.price.elasticity = v->as_positive();
    if (auto v = price->get("cap_multiple")) {
      s.price.cap_multiple = v->as_positive();
      if (s.price.cap_multiple < 1.0) v->fail("a cap of at least 1");
    }
    if (auto v = price->get("sample_every_days")) s.price.sample_every_days = v->as_positive();
    if (auto v = price->get("baseline_price")) s.price.baseline_price = v->as_positive();
  }
  if (auto v = root.get("demand_response")) s.demand_response = read_demand_response(*v);
  if (auto list = root.get("policies")) {
    for (const YamlValue& item : list->items()) {
      PolicySet policy = read_policy(item, countries);
      for (const PolicySet& other : s.policies) {
        if (other.name == policy.name) item.require("name").fail("a policy name used once");
      }
      s.policies.push_back(std::move(policy));
    }
  }
  return s;
}

}  // namespace mineflow::io
