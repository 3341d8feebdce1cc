#include "tests/reference/engine_adapter.h"

#include <array>

#include "graph/build_graph.h"
#include "sim/model.h"
#include "sim/run_plan.h"
#include "sim/trial.h"

namespace mineflow::reference {
namespace {

constexpr double kDaysPerYear = 365.0;
constexpr const char* kFocal = "JPN";

ImportClass import_class(Flow flow) {
  return flow == Flow::concentrate ? ImportClass::concentrate : ImportClass::refined;
}

// Imports of one flow as the data files give them: a total (t/yr) split into country shares.
std::optional<Breakdown> imports(const Network& network, Flow flow) {
  Breakdown block;
  for (const Supplier& s : network.suppliers) {
    if (s.flow == flow && s.t_per_day > 0.0) block.total_t += s.t_per_day * kDaysPerYear;
  }
  if (block.total_t <= 0.0) return std::nullopt;
  for (const Supplier& s : network.suppliers) {
    if (s.flow == flow && s.t_per_day > 0.0) {
      block.shares.push_back({s.country, s.t_per_day * kDaysPerYear / block.total_t, {}});
    }
  }
  return block;
}

EventTarget target_of(const Hit& hit) {
  EventTarget target;
  target.country = hit.country;
  target.severity = Distribution{Distribution::Kind::fixed, hit.severity, 0.0, 0.0};
  switch (hit.kind) {
    case Hit::Kind::foreign_mine:
      target.stage = Stage::mine;
      break;
    case Hit::Kind::foreign_refiner:
      target.stage = Stage::refine;
      break;
    case Hit::Kind::focal_smelter:
      target.country = kFocal;
      target.stage = Stage::refine;
      break;
    case Hit::Kind::focal_recycling:
      target.country = kFocal;
      target.stage = Stage::recycle;
      break;
    case Hit::Kind::edge:
      target.kind = EventTarget::Kind::edge;
      target.import_class = import_class(hit.flow);
      break;
    case Hit::Kind::exports_of:
      target.kind = EventTarget::Kind::exports_of;
      if (hit.export_stage == Hit::Stage::mine) target.export_stage = Stage::mine;
      if (hit.export_stage == Hit::Stage::refine) target.export_stage = Stage::refine;
      // Destinations as a scenario names them: the focal economy, and another buyer standing
      // for the rest of the world's restricted share.
      if (!hit.restricts_focal || hit.world_share != 1.0) {
        if (hit.restricts_focal) target.to_destinations.push_back(kFocal);
        if (hit.world_share > 0.0) {
          target.to_destinations.push_back("USA");
          target.share_of_world_imports = hit.world_share;
        }
      }
      break;
  }
  // Shapes and caps as a scenario file's target gives them (fixed draws).
  auto fixed = [](double value) {
    return Distribution{Distribution::Kind::fixed, value, 0.0, 0.0};
  };
  switch (hit.shape.kind) {
    case Shape::Kind::step:
      break;
    case Shape::Kind::linear: {
      RecoveryShape shape;
      shape.kind = RecoveryShape::Kind::linear;
      shape.recovery_days = fixed(hit.shape.recovery_days);
      target.recovery = shape;
      break;
    }
    case Shape::Kind::profile: {
      RecoveryShape shape;
      shape.kind = RecoveryShape::Kind::profile;
      for (const auto& [day, severity] : hit.shape.profile) {
        shape.profile.push_back({static_cast<double>(day), severity});
      }
      target.recovery = shape;
      break;
    }
  }
  if (hit.cap_fraction >= 0.0) {
    ExportCap cap;
    cap.fraction_of_baseline = fixed(hit.cap_fraction);
    cap.utilisation = fixed(hit.cap_utilisation);
    target.cap = cap;
  }
  return target;
}

// The world tiers as a mineral file and its network file give them: mine production shares of
// a world total (t/yr), refining shares of the same total, feed mixes as shares (the rest from
// the `market`), capacities above output. graph/network.cpp derives the market sales.
void add_tiers(const Tiers& tiers, MineralData& data) {
  double world_t = 0.0;
  for (const WorldMine& m : tiers.mines) world_t += m.output_t_per_day * kDaysPerYear;
  data.mine_production.total_t = world_t;
  NetworkData network;
  network.refining_basis = "tonnage";
  network.file = "reference";
  for (const WorldMine& m : tiers.mines) {
    data.mine_production.shares.push_back(
        {m.country, m.output_t_per_day * kDaysPerYear / world_t, {}});
    if (m.spare_t_per_day > 0.0) {
      network.capacities.push_back(
          {m.country, Stage::mine, (m.output_t_per_day + m.spare_t_per_day) * kDaysPerYear, {}});
    }
  }
  if (!tiers.split_country.empty()) {  // the refining row's exports_pct
    network.refined_exports.push_back({tiers.split_country, tiers.split_export_share, {}});
  }
  for (const WorldRefiner& r : tiers.refiners) {
    network.refining.shares.push_back({r.country, r.output_t_per_day * kDaysPerYear / world_t, {}});
    if (r.capacity_t_per_day > r.output_t_per_day) {
      network.capacities.push_back(
          {r.country, Stage::refine, r.capacity_t_per_day * kDaysPerYear, {}});
    }
    if (r.links.empty()) continue;  // the documented default: everything from the market
    RefinerFeed feed;
    feed.refiner = r.country;
    feed.basis = "assumption";
    double stated_market = 1.0;  // the file's market share: what its stated links leave
    for (const FeedLink& l : r.links) {
      double stated = l.stated_share > 0.0 ? l.stated_share : l.share;
      feed.shares.push_back({l.mine_country, stated, {}});
      stated_market -= stated;
    }
    feed.shares.push_back({std::string(kMarketFeed), stated_market, {}});
    network.feeds.push_back(feed);
  }
  data.network = network;
}

}  // namespace

Metrics run_engine(const Case& c) {
  const Network& net = c.network;
  MineralData data;
  data.id = "reference";
  data.focal_economy = kFocal;
  data.mine_production.total_t = 1000.0;
  for (const auto& [country, share] : net.world_mine_shares) {
    data.mine_production.shares.push_back({country, share, {}});
  }
  if (net.tiers.present) {
    data.mine_production.shares.clear();
    add_tiers(net.tiers, data);
  }
  data.concentrate_imports = imports(net, Flow::concentrate);
  data.refined_imports = imports(net, Flow::refined);
  double primary = 0.0;
  for (const Supplier& s : net.suppliers) primary += s.t_per_day;
  data.secondary.value = net.secondary_t_per_day / (primary + net.secondary_t_per_day);
  MineralGraph graph = build_mineral_graph(data, GraphOptions{});

  Scenario scenario;
  scenario.id = "reference";
  scenario.horizon_days = c.horizon_days;
  scenario.concentrate_lead_time_days = net.concentrate_lead_days;
  scenario.refined_lead_time_days = net.refined_lead_days;
  scenario.commercial_inventory_days = c.stocks.inventory_days;
  scenario.commercial_refill_rate_of_demand = c.stocks.inventory_refill_rate_of_demand;
  scenario.price.volatility_per_sqrt_year = 0.0;
  scenario.price.baseline_price = c.price.baseline;
  scenario.price.elasticity = c.price.elasticity;
  scenario.price.cap_multiple = c.price.cap_multiple;
  scenario.market = c.market.clearing ? MarketModel::clearing : MarketModel::rationing;
  scenario.world_inventory_days = c.market.world_inventory_days;
  scenario.idle_capacity = IdleCapacity{c.market.idle_share, c.market.idle_days};
  scenario.buyers.domestic_price_floor = c.market.domestic_price_floor;
  scenario.resourcing_days = c.market.resourcing_days;
  scenario.demand_response.substitution_per_yr = c.market.substitution_per_yr;
  scenario.demand_response.substitution_cap = c.market.substitution_cap;
  scenario.demand_response.new_supply_per_yr = c.market.new_supply_per_yr;
  scenario.demand_response.new_supply_cap = c.market.new_supply_cap;
  for (const Supplier& s : net.suppliers) {
    if (s.spare_t_per_day > 0.0) {
      scenario.spare_capacity.push_back(
          {s.country, import_class(s.flow), 0.0, s.spare_t_per_day * kDaysPerYear});
    }
  }
  for (std::size_t e = 0; e < c.events.size(); ++e) {
    const Event& event = c.events[e];
    EventSpec spec;
    spec.id = "event_" + std::to_string(e);
    spec.start_day = event.start_day;
    spec.duration_days = {Distribution::Kind::fixed, static_cast<double>(event.duration_days), 0,
                          0};
    spec.severity = {Distribution::Kind::fixed, 1.0, 0.0, 0.0};
    for (const Hit& hit : event.hits) spec.targets.push_back(target_of(hit));
    if (event.licence_delay_days >= 0) {
      spec.licence = Licence{
          {Distribution::Kind::fixed, event.licence_approval_share, 0.0, 0.0},
          {Distribution::Kind::fixed, static_cast<double>(event.licence_delay_days), 0.0, 0.0},
          event.licence_scale};
    }
    scenario.events.push_back(spec);
  }

  Model model = compile_model(graph, scenario, {}, PriceBasis{c.price.baseline, 0.0});
  PolicySet policy;
  policy.substitution_cut = c.stocks.substitution_cut;
  policy.recycling_share = c.stocks.recycling_share;
  policy.stockpile_days = c.stocks.stockpile_days;
  policy.release_rate_of_demand = c.stocks.release_rate_of_demand;
  policy.decision_delay_days = c.stocks.decision_delay_days;
  policy.refill_rate_of_demand = c.stocks.refill_rate_of_demand;
  // As the scenario loader stores `release_price` (0 market, 1 pre_crisis, 2 discount).
  policy.release_price = static_cast<int>(c.stocks.release_price);
  policy.release_discount = c.stocks.release_discount;
  std::array<Variant, 1> variants{Variant{&model, stock_policy(policy, scenario, model)}};
  std::array<TrialMetrics, 1> out{};
  TrialScratch scratch;
  run_trial(scenario.events, scenario.horizon_days, variants, 1, 0, scratch, out);

  const TrialMetrics& m = out[0];
  Metrics result;
  result.unmet_t = m[index(Metric::unmet_t)];
  result.unmet_pct_annual_demand = m[index(Metric::unmet_pct_annual_demand)];
  result.days_short = m[index(Metric::days_short)];
  result.longest_spell_days = m[index(Metric::longest_spell_days)];
  result.lowest_stockpile_t = m[index(Metric::lowest_stockpile_t)];
  result.peak_price_multiple = m[index(Metric::peak_price_multiple)];
  result.procurement_cost = m[index(Metric::procurement_cost)];
  result.priced_out_t = m[index(Metric::priced_out_t)];
  result.not_served_t = m[index(Metric::not_served_t)];
  result.domestic_price_at_peak = m[index(Metric::domestic_price_at_peak)];
  return result;
}

}  // namespace mineflow::reference
