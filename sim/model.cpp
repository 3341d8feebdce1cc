#include "sim/model.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "sim/units.h"

namespace mineflow {
namespace {

double out_flow_t_per_yr(const SupplyGraph& graph, NodeId node) {
  double t = 0.0;
  for (EdgeId id : graph.out_edges(node)) t += graph.edge_at(id).flow_t_per_yr;
  return t;
}

std::uint32_t index_of(std::size_t i) {
  return static_cast<std::uint32_t>(i);
}

// The world tiers from the graph. Without a network file the refiners are the focal economy's
// refined-import sources (no inputs, output = its imports: the one-tier stand-in).
void add_network(const MineralGraph& mineral, Model& model) {
  const SupplyGraph& graph = mineral.graph;
  std::map<NodeId, std::uint32_t> mine_of;
  for (NodeId node : graph.nodes_of_stage(Stage::mine)) {
    const Node& n = graph.node_at(node);
    if (n.output_t_per_yr <= 0.0) continue;  // named only in import data (inside OTH)
    NetworkMine mine;
    mine.country = n.country;
    mine.exporter = exporter_of(model, n.country, Stage::mine);
    mine.output_t_per_day = n.output_t_per_yr / kDaysPerYear;
    mine.spare_t_per_day = std::max(0.0, n.capacity_t_per_yr - n.output_t_per_yr) / kDaysPerYear;
    for (EdgeId id : graph.out_edges(node)) {
      if (graph.edge_at(id).kind == FlowKind::production) {
        mine.to_market_t_per_day += graph.edge_at(id).flow_t_per_yr / kDaysPerYear;
      }
    }
    mine_of[node] = index_of(model.mines.size());
    model.mines.push_back(mine);
  }
  for (NodeId node : graph.nodes_of_stage(Stage::refine)) {
    const Node& n = graph.node_at(node);
    if (n.country == mineral.focal_economy) continue;
    NetworkRefiner refiner;
    refiner.country = n.country;
    refiner.exporter = exporter_of(model, n.country, Stage::refine);
    double output_t = n.output_t_per_yr > 0.0 ? n.output_t_per_yr : out_flow_t_per_yr(graph, node);
    refiner.output_t_per_day = output_t / kDaysPerYear;
    refiner.capacity_t_per_day = std::max(n.capacity_t_per_yr, output_t) / kDaysPerYear;
    refiner.first_link = index_of(model.links.size());
    double feed_t = 0.0;
    for (EdgeId id : graph.in_edges(node)) feed_t += graph.edge_at(id).flow_t_per_yr;
    for (EdgeId id : graph.in_edges(node)) {
      const Edge& edge = graph.edge_at(id);
      double share = feed_t > 0.0 ? edge.flow_t_per_yr / feed_t : 0.0;
      if (edge.kind == FlowKind::market_feed) refiner.market_share += share;
      if (edge.kind == FlowKind::feed && mine_of.count(edge.from) != 0) {
        std::uint32_t mine = mine_of[edge.from];
        model.links.push_back({mine, share, model.mines[mine].country != n.country});
      }
    }
    refiner.end_link = index_of(model.links.size());
    model.refiners.push_back(refiner);
  }
  finish_network(model);
}

}  // namespace

std::uint32_t exporter_of(Model& model, const std::string& country, Stage stage) {
  for (std::size_t c = 0; c < model.exporters.size(); ++c) {
    if (model.exporters[c].first == country && model.exporters[c].second == stage) {
      return index_of(c);
    }
  }
  model.exporters.emplace_back(country, stage);
  return index_of(model.exporters.size() - 1);
}

namespace {

// Compressed rows: for each of `rows` keys, the items whose key() is that row, in item order.
template <typename Key>
void build_rows(std::size_t rows, std::size_t items, Key key, std::vector<std::uint32_t>& start,
                std::vector<std::uint32_t>& list) {
  start.assign(rows + 1, 0);
  for (std::size_t i = 0; i < items; ++i) ++start[key(i) + 1];
  for (std::size_t r = 0; r < rows; ++r) start[r + 1] += start[r];
  list.assign(items, 0);
  std::vector<std::uint32_t> next(start.begin(), start.end() - 1);
  for (std::size_t i = 0; i < items; ++i) list[next[key(i)]++] = index_of(i);
}

}  // namespace

void finish_network(Model& model) {
  model.market_supply_t_per_day = 0.0;
  model.market_purchases_t_per_day = 0.0;
  model.spare_mine_t_per_day = 0.0;
  model.world_mine_t_per_day = 0.0;
  model.world_refined_t_per_day = 0.0;
  for (const NetworkMine& mine : model.mines) {
    model.market_supply_t_per_day += mine.to_market_t_per_day;
    model.spare_mine_t_per_day += mine.spare_t_per_day;
    model.world_mine_t_per_day += mine.output_t_per_day;
  }
  model.link_refiner.assign(model.links.size(), 0);
  for (std::size_t r = 0; r < model.refiners.size(); ++r) {
    const NetworkRefiner& refiner = model.refiners[r];
    model.world_refined_t_per_day += refiner.output_t_per_day;
    model.market_purchases_t_per_day += refiner.output_t_per_day * refiner.market_share;
    for (std::uint32_t l = refiner.first_link; l < refiner.end_link; ++l) {
      model.link_refiner[l] = index_of(r);
    }
  }
  build_rows(
      model.mines.size(), model.links.size(), [&](std::size_t l) { return model.links[l].mine; },
      model.mine_link_start, model.mine_links);
  build_rows(
      model.exporters.size(), model.mines.size(),
      [&](std::size_t m) { return model.mines[m].exporter; }, model.exporter_mine_start,
      model.exporter_mines);
  build_rows(
      model.exporters.size(), model.refiners.size(),
      [&](std::size_t r) { return model.refiners[r].exporter; }, model.exporter_refiner_start,
      model.exporter_refiners);
}

RestrictionScope restriction_scope(const Model& model, const EventTarget& target) {
  const auto& to = target.to_destinations;
  const auto& except = target.except_destinations;
  if (to.empty() && except.empty()) return {true, 1.0};
  auto names = [](const std::vector<std::string>& list, const std::string& country) {
    return std::find(list.begin(), list.end(), country) != list.end();
  };
  RestrictionScope scope;
  scope.focal_restricted =
      to.empty() ? !names(except, model.focal_economy) : names(to, model.focal_economy);
  // `except` restricts every other buyer; `to` those it names besides the focal economy.
  bool others_restricted = to.empty() || to.size() > (scope.focal_restricted ? 1u : 0u);
  if (others_restricted) {
    if (!target.share_of_world_imports) {
      throw InputError(target.where, "share_of_world_imports", "(absent)",
                       "the restricted destinations' share of world imports of the product (0 "
                       "to 1), since the restriction reaches buyers other than " +
                           model.focal_economy);
    }
    scope.world_share = *target.share_of_world_imports;
  }
  return scope;
}

CompiledTarget compile_target(const Model& model, const EventTarget& target) {
  CompiledTarget out;
  const double network_lead = model.network_lead_time_days;
  auto hit_sources = [&](auto&& matches) {
    for (std::size_t i = 0; i < model.sources.size(); ++i) {
      if (matches(model.sources[i])) {
        out.hits.push_back({index_of(i), model.sources[i].lead_time_days});
      }
    }
  };
  // Clearing with a re-sourcing lead time (docs/market.md, "Re-sourcing lead time"): the focal
  // economy's streams from a cut foreign supplier are cut physically until it has re-sourced.
  const bool resources = model.clearing && model.resourcing_days > 0.0;
  auto until_resourced = [&](std::size_t first) {
    for (std::size_t h = first; h < out.hits.size(); ++h) {
      out.hits[h].resourcing_days = model.resourcing_days;
    }
  };
  auto hit_sources_until_resourced = [&](auto&& matches) {
    const std::size_t first = out.hits.size();
    hit_sources(matches);
    until_resourced(first);
  };
  auto hit_mine = [&] {
    for (std::size_t m = 0; m < model.mines.size(); ++m) {
      if (model.mines[m].country == target.country) {
        out.hits.push_back({model.mine_channel(m), network_lead});
      }
    }
  };
  auto hit_refiner = [&] {
    for (std::size_t r = 0; r < model.refiners.size(); ++r) {
      if (model.refiners[r].country == target.country) {
        out.hits.push_back({model.refiner_channel(r), network_lead});
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
      if (target.stage == Stage::mine) {
        // The focal economy's own concentrate stream from that mine, and the mine in the tiers.
        // Clearing: the loss reaches the focal economy through the world price only.
        auto concentrate_from = [&](const SupplySource& s) {
          return s.country == target.country && s.import_class == ImportClass::concentrate;
        };
        if (!model.clearing) hit_sources(concentrate_from);
        if (resources) hit_sources_until_resourced(concentrate_from);
        hit_mine();
      } else if (target.stage == Stage::refine) {
        hit_refiner();  // reaches the focal economy through the refiner's output
        auto refined_from = [&](bool with_refiner) {
          return [&, with_refiner](const SupplySource& s) {
            return s.country == target.country && s.import_class == ImportClass::refined &&
                   (s.refiner != SupplySource::kNone) == with_refiner;
          };
        };
        // A refined stream with no refiner behind it (a country named only for rerouting or
        // diversification) is the refinery itself: cut throughout, under either market.
        hit_sources(refined_from(false));
        // Clearing: the focal economy buys the refiner's loss back on the market, once it has
        // re-sourced.
        if (resources) hit_sources_until_resourced(refined_from(true));
      }
      break;
    case EventTarget::Kind::edge:
      hit_sources([&](const SupplySource& s) {
        return s.country == target.country && s.import_class == target.import_class;
      });
      break;
    case EventTarget::Kind::exports_of: {
      // Every export of the country, or only one stage's (an ore export ban: concentrate
      // streams and the mine's sales abroad; a refined-product quota: refined streams), to
      // every destination or some: the focal economy's streams when it is restricted, the
      // exporter's world sales by the restricted share of world imports.
      RestrictionScope scope = restriction_scope(model, target);
      // Clearing: a restriction on every buyer is a world loss, priced like any other, except
      // that nothing reaches anyone while no licence is granted; one aimed at the focal economy
      // and not at all the others cuts its streams physically throughout.
      if (scope.focal_restricted) {
        const std::size_t first = out.hits.size();
        hit_sources([&](const SupplySource& s) {
          if (s.country != target.country) return false;
          if (!target.export_stage) return true;
          return (s.import_class == ImportClass::concentrate) ==
                 (*target.export_stage == Stage::mine);
        });
        if (model.clearing && scope.world_share >= 1.0) {
          for (std::size_t h = first; h < out.hits.size(); ++h) {
            out.hits[h].licence_delay_only = true;
          }
          if (resources) until_resourced(first);
        }
      }
      for (std::size_t c = 0; c < model.exporters.size() && scope.world_share > 0.0; ++c) {
        const auto& [country, stage] = model.exporters[c];
        if (country == target.country && (!target.export_stage || *target.export_stage == stage)) {
          out.hits.push_back({model.exporter_channel(c), network_lead, scope.world_share});
        }
      }
      break;
    }
  }
  out.cap_basis_t_per_day = cap_basis_t_per_day(model, target);
  return out;
}

double cap_basis_t_per_day(const Model& model, const EventTarget& target) {
  if (target.cap_basis_t_per_yr) return *target.cap_basis_t_per_yr / kDaysPerYear;
  double network = 0.0;
  double streams = 0.0;
  auto add_streams = [&](auto&& matches) {
    for (const SupplySource& s : model.sources) {
      if (s.country == target.country && matches(s)) streams += s.baseline_t_per_day;
    }
  };
  auto mine_sales = [&](bool cross_border_only) {
    for (std::size_t m = 0; m < model.mines.size(); ++m) {
      const NetworkMine& mine = model.mines[m];
      if (mine.country != target.country) continue;
      if (!cross_border_only) {
        network += mine.output_t_per_day;
        continue;
      }
      network += mine.to_market_t_per_day;
      for (std::uint32_t i = model.mine_link_start[m]; i < model.mine_link_start[m + 1]; ++i) {
        std::uint32_t l = model.mine_links[i];
        const FeedLink& link = model.links[l];
        if (link.crosses_border) {
          network += link.share * model.refiners[model.link_refiner[l]].output_t_per_day;
        }
      }
    }
  };
  auto refiner_output = [&] {
    for (const NetworkRefiner& refiner : model.refiners) {
      if (refiner.country == target.country) network += refiner.output_t_per_day;
    }
  };
  auto is_concentrate = [](const SupplySource& s) {
    return s.import_class == ImportClass::concentrate;
  };
  switch (target.kind) {
    case EventTarget::Kind::node:
      if (target.country == model.focal_economy) {
        return target.stage == Stage::recycle ? model.demand_t_per_day * model.graph_recycling_share
                                              : model.smelter_capacity_t_per_day;
      }
      if (target.stage == Stage::mine) {
        mine_sales(false);
        add_streams(is_concentrate);
      } else {
        refiner_output();
        add_streams([&](const SupplySource& s) { return !is_concentrate(s); });
      }
      break;
    case EventTarget::Kind::edge:
      add_streams([&](const SupplySource& s) { return s.import_class == target.import_class; });
      break;
    case EventTarget::Kind::exports_of:
      if (!target.export_stage || *target.export_stage == Stage::mine) mine_sales(true);
      if (!target.export_stage || *target.export_stage == Stage::refine) refiner_output();
      add_streams([&](const SupplySource& s) {
        return !target.export_stage || is_concentrate(s) == (*target.export_stage == Stage::mine);
      });
      break;
  }
  return network > 0.0 ? network : streams;
}

PriceStep price_step(double reversion_per_year, double volatility_per_sqrt_year, double step_days) {
  const double theta = reversion_per_year;
  const double step_years = step_days / kDaysPerYear;
  PriceStep out;
  out.decay = std::exp(-theta * step_years);
  out.noise_sd = theta > 0.0
                     ? volatility_per_sqrt_year *
                           std::sqrt((1.0 - std::exp(-2.0 * theta * step_years)) / (2.0 * theta))
                     : volatility_per_sqrt_year * std::sqrt(step_years);
  return out;
}

// Buyer groups and the split market (docs/market.md, "Buyer groups and the split price"). The
// market splits for the first country of the network's refined-export data (not the focal
// economy) whose refine-stage exports some event of the scenario cuts; only under clearing.
static void set_buyer_groups(const MineralGraph& mineral, const Scenario& scenario, Model& model) {
  const double e = scenario.price.elasticity;
  model.focal_elasticity = scenario.buyers.focal_economy.value_or(e);
  model.rest_elasticity = scenario.buyers.rest_of_world.value_or(e);
  model.restricting_elasticity = scenario.buyers.restricting_country.value_or(e);
  model.domestic_price_floor = scenario.buyers.domestic_price_floor;
  model.one_demand_curve = model.focal_elasticity == e && model.rest_elasticity == e;
  if (model.world_refined_t_per_day > 0.0) {
    model.focal_world_share =
        std::min(1.0, model.primary_t_per_day / model.world_refined_t_per_day);
  }
  if (!model.clearing) return;
  for (const CountryShare& exports : mineral.network.refined_exports) {
    if (exports.country == model.focal_economy) continue;
    std::uint32_t exporter = SupplySource::kNone;
    for (std::size_t c = 0; c < model.exporters.size(); ++c) {
      if (model.exporters[c].first == exports.country &&
          model.exporters[c].second == Stage::refine) {
        exporter = index_of(c);
      }
    }
    if (exporter == SupplySource::kNone) continue;
    bool restricted = false;
    for (const CompiledEvent& event : model.events) {
      for (const CompiledTarget& target : event.targets) {
        for (const ChannelHit& hit : target.hits) {
          restricted = restricted || hit.channel == model.exporter_channel(exporter);
        }
      }
    }
    SplitMarket split;
    split.country = exports.country;
    split.exporter = exporter;
    split.export_share = exports.share;
    for (const NetworkRefiner& refiner : model.refiners) {
      if (refiner.country == exports.country) split.output_t_per_day += refiner.output_t_per_day;
    }
    split.domestic_t_per_day = (1.0 - split.export_share) * split.output_t_per_day;
    // A country exporting everything (or nothing) has no domestic market to split off.
    if (!restricted || !(split.domestic_t_per_day > 0.0) || !(split.export_share > 0.0)) continue;
    for (NetworkRefiner& refiner : model.refiners) {
      refiner.split = refiner.country == exports.country;
    }
    model.split = split;
    return;
  }
}

Model compile_model(const MineralGraph& mineral, const Scenario& scenario,
                    const std::vector<CapacityAdded>& capacity_added, const PriceBasis& price) {
  const SupplyGraph& graph = mineral.graph;
  Model model;
  model.focal_economy = mineral.focal_economy;
  model.clearing = scenario.market == MarketModel::clearing;
  model.world_inventory_days = scenario.world_inventory_days;
  model.resourcing_days = scenario.resourcing_days;
  if (model.clearing) {
    model.idle_capacity_share = scenario.idle_capacity.share;
    model.idle_capacity_per_day = scenario.idle_capacity.share / scenario.idle_capacity.days;
    model.market_response = scenario.demand_response;
  }
  model.network_lead_time_days = scenario.refined_lead_time_days;
  add_network(mineral, model);
  auto refiner_index = [&model](const std::string& country) {
    for (std::size_t r = 0; r < model.refiners.size(); ++r) {
      if (model.refiners[r].country == country) return index_of(r);
    }
    return SupplySource::kNone;
  };
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
      if (import_class == ImportClass::refined) source.refiner = refiner_index(source.country);
      model.sources.push_back(source);
    }
  }
  double domestic_t_per_yr = 0.0;
  for (EdgeId id : graph.edges_of_kind(FlowKind::domestic_refining)) {
    domestic_t_per_yr += graph.edge_at(id).flow_t_per_yr;
  }
  // Capacity is total output capacity (0: unknown, i.e. today's refining).
  double smelter_t_per_yr = domestic_t_per_yr;
  if (auto smelter = graph.find(mineral.focal_economy, Stage::refine)) {
    smelter_t_per_yr = std::max(smelter_t_per_yr, graph.node_at(*smelter).capacity_t_per_yr);
  }
  double refined_t_per_yr = 0.0;
  for (EdgeId id : graph.edges_of_kind(FlowKind::refined_import)) {
    refined_t_per_yr += graph.edge_at(id).flow_t_per_yr;
  }
  double secondary_t_per_yr = 0.0;
  for (EdgeId id : graph.edges_of_kind(FlowKind::secondary)) {
    secondary_t_per_yr += graph.edge_at(id).flow_t_per_yr;
  }
  model.smelter_capacity_t_per_day = smelter_t_per_yr / kDaysPerYear;
  model.primary_t_per_day = (domestic_t_per_yr + refined_t_per_yr) / kDaysPerYear;
  const double receipts_t_per_day = model.primary_t_per_day + secondary_t_per_yr / kDaysPerYear;
  model.graph_recycling_share =
      receipts_t_per_day > 0.0 ? secondary_t_per_yr / kDaysPerYear / receipts_t_per_day : 0.0;
  model.demand_t_per_day = receipts_t_per_day;
  if (const Consumption* consumption = mineral.basis.consumption) {
    // Demand is domestic consumption (docs/engine.md, "Demand"); recycling keeps its share.
    model.demand_t_per_day = consumption->t / kDaysPerYear;
    double need = model.demand_t_per_day * (1.0 - model.graph_recycling_share);
    model.exports_surplus = domestic_t_per_yr > 0.0 && need < model.primary_t_per_day;
    if (model.exports_surplus) model.primary_need_t_per_day = need;
  }

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
    if (import_class == ImportClass::refined) source.refiner = refiner_index(country);
    model.sources.push_back(source);
    return model.sources.back();
  };
  for (const SpareCapacity& spare : scenario.spare_capacity) {
    SupplySource& source = find_or_add(spare.country, spare.import_class);
    source.spare_t_per_day += source.baseline_t_per_day * spare.extra_pct_of_flow / 100.0 +
                              spare.extra_t_per_yr / kDaysPerYear;
  }
  // The focal smelter's added capacity is already in the graph node (apply_policies); a foreign
  // node's added capacity is volume the focal economy can reroute to.
  for (const CapacityAdded& added : capacity_added) {
    if (added.country == mineral.focal_economy) continue;
    find_or_add(added.country, added.import_class).spare_t_per_day += added.t_per_yr / kDaysPerYear;
  }
  if (model.clearing && model.refiners.empty()) {
    throw InputError(scenario.market_where, "market", "clearing",
                     "a mineral with a network (the world market is the network's refiners); "
                     "this one has none: use market: {model: rationing}");
  }
  for (const EventSpec& spec : scenario.events) {
    CompiledEvent event;
    for (const EventTarget& target : spec.targets) {
      CompiledTarget compiled = compile_target(model, target);
      const RecoveryShape& shape = target.recovery ? *target.recovery : spec.recovery;
      if (shape.kind == RecoveryShape::Kind::profile) compiled.profile = shape.profile;
      event.targets.push_back(std::move(compiled));
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
  const PriceStep step =
      price_step(scenario.price.reversion_per_year, model.price_volatility, model.price_step_days);
  model.price_decay = step.decay;
  model.price_noise_sd = step.noise_sd;
  model.inverse_elasticity = 1.0 / scenario.price.elasticity;
  model.price_cap = scenario.price.cap_multiple;
  set_buyer_groups(mineral, scenario, model);
  return model;
}

}  // namespace mineflow
