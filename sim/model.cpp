#include "sim/model.h"

#include <algorithm>
#include <cmath>
#include <map>

namespace mineflow {
namespace {

constexpr double kDaysPerYear = 365.0;

void add_world_slots(const MineralGraph& mineral, Model& model) {
  const SupplyGraph& graph = mineral.graph;
  double mine_total = 0.0;
  for (NodeId node : graph.nodes_of_stage(Stage::mine)) {
    mine_total += graph.node_at(node).capacity_t_per_yr;
  }
  for (NodeId node : graph.nodes_of_stage(Stage::mine)) {
    double capacity = graph.node_at(node).capacity_t_per_yr;
    if (mine_total > 0.0 && capacity > 0.0) {
      model.world.push_back({graph.node_at(node).country, Stage::mine, capacity / mine_total});
    }
  }
  // World refined supply by country is not in the data for most minerals: the focal economy's
  // refined import shares stand in for it (docs/engine.md).
  double refined_total = 0.0;
  for (const SupplySource& source : model.sources) {
    if (source.import_class == ImportClass::refined) refined_total += source.baseline_t_per_day;
  }
  for (const SupplySource& source : model.sources) {
    if (source.import_class == ImportClass::refined && refined_total > 0.0 &&
        source.baseline_t_per_day > 0.0) {
      model.world.push_back(
          {source.country, Stage::refine, source.baseline_t_per_day / refined_total});
    }
  }
}

CompiledTarget compile_target(const Model& model, const EventTarget& target) {
  CompiledTarget out;
  auto hit_sources = [&](auto&& matches) {
    for (std::size_t i = 0; i < model.sources.size(); ++i) {
      if (matches(model.sources[i])) {
        out.hits.push_back({static_cast<std::uint32_t>(i), model.sources[i].lead_time_days});
      }
    }
  };
  auto hit_world = [&](Stage stage) {
    for (std::size_t i = 0; i < model.world.size(); ++i) {
      if (model.world[i].country == target.country && model.world[i].stage == stage) {
        out.hits.push_back({model.world_channel(i), 0.0});
      }
    }
  };
  switch (target.kind) {
    case EventTarget::Kind::node:
      if (target.country == model.focal_economy) {
        if (target.stage == Stage::refine) out.hits.push_back({model.smelter_channel(), 0.0});
        if (target.stage == Stage::recycle) out.hits.push_back({model.recycling_channel(), 0.0});
        break;
      }
      if (target.stage == Stage::mine || target.stage == Stage::refine) {
        ImportClass wanted =
            target.stage == Stage::mine ? ImportClass::concentrate : ImportClass::refined;
        hit_sources([&](const SupplySource& s) {
          return s.country == target.country && s.import_class == wanted;
        });
        hit_world(target.stage);
      }
      break;
    case EventTarget::Kind::edge:
      hit_sources([&](const SupplySource& s) {
        return s.country == target.country && s.import_class == target.import_class;
      });
      break;
    case EventTarget::Kind::exports_of:
      hit_sources([&](const SupplySource& s) { return s.country == target.country; });
      hit_world(Stage::mine);
      hit_world(Stage::refine);
      break;
  }
  return out;
}

}  // namespace

Model compile_model(const MineralGraph& mineral, const Scenario& scenario,
                    const std::vector<CapacityAdded>& capacity_added, const PriceBasis& price) {
  const SupplyGraph& graph = mineral.graph;
  Model model;
  model.focal_economy = mineral.focal_economy;
  for (ImportClass import_class : {ImportClass::concentrate, ImportClass::refined}) {
    FlowKind kind = import_class == ImportClass::concentrate ? FlowKind::concentrate_import
                                                             : FlowKind::refined_import;
    double lead = import_class == ImportClass::concentrate ? scenario.concentrate_lead_time_days
                                                           : scenario.refined_lead_time_days;
    for (EdgeId id : graph.edges_of_kind(kind)) {
      const Edge& edge = graph.edge_at(id);
      SupplySource source;
      source.country = graph.node_at(edge.from).country;
      source.import_class = import_class;
      source.baseline_t_per_day = edge.flow_t_per_yr / kDaysPerYear;
      source.lead_time_days = lead;
      model.sources.push_back(source);
    }
  }
  double smelter_t_per_yr = 0.0;
  for (EdgeId id : graph.edges_of_kind(FlowKind::domestic_refining)) {
    smelter_t_per_yr += graph.edge_at(id).flow_t_per_yr;
  }
  if (auto smelter = graph.find(mineral.focal_economy, Stage::refine)) {
    smelter_t_per_yr += graph.node_at(*smelter).capacity_t_per_yr;
  }
  double refined_t_per_yr = 0.0;
  for (EdgeId id : graph.edges_of_kind(FlowKind::refined_import)) {
    refined_t_per_yr += graph.edge_at(id).flow_t_per_yr;
  }
  double domestic_t_per_yr = 0.0;
  for (EdgeId id : graph.edges_of_kind(FlowKind::domestic_refining)) {
    domestic_t_per_yr += graph.edge_at(id).flow_t_per_yr;
  }
  double secondary_t_per_yr = 0.0;
  for (EdgeId id : graph.edges_of_kind(FlowKind::secondary)) {
    secondary_t_per_yr += graph.edge_at(id).flow_t_per_yr;
  }
  model.smelter_capacity_t_per_day = smelter_t_per_yr / kDaysPerYear;
  model.primary_t_per_day = (domestic_t_per_yr + refined_t_per_yr) / kDaysPerYear;
  model.demand_t_per_day = model.primary_t_per_day + secondary_t_per_yr / kDaysPerYear;
  model.graph_recycling_share = model.demand_t_per_day > 0.0
                                    ? secondary_t_per_yr / kDaysPerYear / model.demand_t_per_day
                                    : 0.0;

  auto find_or_add = [&](const std::string& country, ImportClass import_class) -> SupplySource& {
    for (SupplySource& source : model.sources) {
      if (source.country == country && source.import_class == import_class) return source;
    }
    SupplySource source;
    source.country = country;
    source.import_class = import_class;
    source.lead_time_days = import_class == ImportClass::concentrate
                                ? scenario.concentrate_lead_time_days
                                : scenario.refined_lead_time_days;
    model.sources.push_back(source);
    return model.sources.back();
  };
  for (const SpareCapacity& spare : scenario.spare_capacity) {
    SupplySource& source = find_or_add(spare.country, spare.import_class);
    source.spare_t_per_day += source.baseline_t_per_day * spare.extra_pct_of_flow / 100.0 +
                              spare.extra_t_per_yr / kDaysPerYear;
  }
  for (const CapacityAdded& added : capacity_added) {
    if (added.country == mineral.focal_economy) {
      model.smelter_capacity_t_per_day += added.t_per_yr / kDaysPerYear;
    } else {
      find_or_add(added.country, added.import_class).spare_t_per_day +=
          added.t_per_yr / kDaysPerYear;
    }
  }
  add_world_slots(mineral, model);
  for (const EventSpec& spec : scenario.events) {
    CompiledEvent event;
    for (const EventTarget& target : spec.targets) {
      event.targets.push_back(compile_target(model, target));
    }
    model.events.push_back(std::move(event));
  }

  model.horizon_days = scenario.horizon_days;
  model.commercial_inventory_days = scenario.commercial_inventory_days;
  model.commercial_refill_rate_of_demand = scenario.commercial_refill_rate_of_demand;
  model.baseline_price = scenario.price.baseline_price.value_or(price.baseline_price);
  model.price_volatility =
      scenario.price.volatility_per_sqrt_year.value_or(price.volatility_per_sqrt_year);
  model.price_step_days = scenario.price.sample_every_days;
  double theta = scenario.price.reversion_per_year;
  double step_years = model.price_step_days / kDaysPerYear;
  model.price_decay = std::exp(-theta * step_years);
  model.price_noise_sd =
      theta > 0.0 ? model.price_volatility *
                        std::sqrt((1.0 - std::exp(-2.0 * theta * step_years)) / (2.0 * theta))
                  : model.price_volatility * std::sqrt(step_years);
  model.inverse_elasticity = 1.0 / scenario.price.elasticity;
  model.price_cap = scenario.price.cap_multiple;
  return model;
}

}  // namespace mineflow
