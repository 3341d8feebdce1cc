#pragma once
// The scenario compiled for the hot loop: the focal economy's supply sources as flat arrays
// (t/day), the channels each event target hits, the world shares behind the price's scarcity
// factor, and the price constants. Built once per (scenario, structural policy); immutable.
//
// Thread safety: immutable after compile_model; share one Model between all threads.

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "graph/build_graph.h"
#include "sim/scenario.h"

namespace mineflow {

// One import stream of the focal economy (an edge into its smelter or its demand).
struct SupplySource {
  std::string country;
  ImportClass import_class = ImportClass::refined;
  double baseline_t_per_day = 0.0;
  double spare_t_per_day = 0.0;  // extra it can ship when others fail (rerouting)
  double lead_time_days = 0.0;   // shipping: a cut at the source reaches the buyer this late
  // Refined sources: the refiner whose output fraction this stream follows; kNone for a
  // concentrate stream (a cut at the mine hits the stream itself).
  std::uint32_t refiner = kNone;
  static constexpr std::uint32_t kNone = 0xFFFFFFFFu;
};

// The world tiers (docs/network.md), flat. Every (country, stage) that ships anything has an
// exporter slot: an export restriction (`exports_of`) cuts its flows across the border.
struct NetworkMine {
  std::string country;
  std::uint32_t exporter = 0;
  double output_t_per_day = 0.0;     // baseline mine output
  double to_market_t_per_day = 0.0;  // what it sells on the pooled concentrate market
  double spare_t_per_day = 0.0;      // capacity above output, sold on the market when feed is short
};

struct FeedLink {
  std::uint32_t mine = 0;
  double share = 0.0;           // of the refiner's baseline feed
  bool crosses_border = false;  // the mine's export restrictions apply
};

struct NetworkRefiner {
  std::string country;
  std::uint32_t exporter = 0;
  double output_t_per_day = 0.0;    // baseline output (= baseline feed: contained metal)
  double capacity_t_per_day = 0.0;  // total output capacity, >= output
  double market_share = 0.0;        // of its feed bought on the pooled market
  std::uint32_t first_link = 0;     // its feed links: links[first_link, end_link)
  std::uint32_t end_link = 0;
  bool split = false;  // in the restricting country of the split market (Model::split)
};

// The split market (docs/market.md, "Buyer groups and the split price"): while an export
// restriction cuts the refined exports of `country`, its domestic buyers (its refined output
// less its baseline exports) and the buyers outside clear apart, each at its own price.
struct SplitMarket {
  std::string country;              // empty: the market never splits
  std::uint32_t exporter = 0;       // its refine-stage exporter slot
  double export_share = 0.0;        // e: baseline exports / its refined output
  double output_t_per_day = 0.0;    // O: its refiners' baseline output
  double domestic_t_per_day = 0.0;  // H = (1 - e) O: its domestic buyers' use
  bool active() const { return !country.empty(); }
};

// A channel is something an event can cut: sources [0, S), then the smelter, the recycling
// supply, the network's mines, refiners and exporters.
struct ChannelHit {
  std::uint32_t channel = 0;
  double lead_time_days = 0.0;
  // The share of the channel's flow the target restricts (an export restriction on some
  // destinations cuts the exporter's world sales by their share of world imports).
  double severity_scale = 1.0;
  // Clearing: the focal economy's streams from an exporter that restricts every buyer are cut
  // only while nothing is licensed (no price reaches unlicensed material); the rest is priced.
  bool licence_delay_only = false;
  // Clearing: a cut the focal economy re-sources through the market is physical for the first
  // `resourcing_days` of the event (its lead before re-sourced supply arrives), then priced;
  // < 0: physical throughout (or, with licence_delay_only, only while nothing is licensed).
  double resourcing_days = -1.0;
};

struct CompiledTarget {
  std::vector<ChannelHit> hits;
  double cap_basis_t_per_day = 0.0;   // what a cap is measured against (cap_basis_t_per_day())
  std::vector<ProfilePoint> profile;  // the target's shape when it is a profile
};

struct CompiledEvent {
  std::vector<CompiledTarget> targets;  // parallel to EventSpec::targets
};

struct Model {
  std::string mineral_id;
  std::string focal_economy;
  std::vector<SupplySource> sources;  // concentrate imports, then refined imports, graph order
  double smelter_capacity_t_per_day = 0.0;  // domestic refining of imported concentrate
  double primary_t_per_day = 0.0;           // baseline domestic refining + refined imports
  // Domestic consumption when the mineral file states it (docs/engine.md, "Demand"), else
  // primary + secondary at the graph's share.
  double demand_t_per_day = 0.0;
  double graph_recycling_share = 0.0;  // secondary / (primary + secondary) in the graph
  // Receipts beyond consumption are exports of the focal smelters' output: the focal economy
  // keeps min(receipts, primary need), primary need = demand x (1 - graph recycling share), the
  // surplus taken from domestic refining first. False where receipts do not exceed the need or
  // the focal economy refines nothing: its supply is then its receipts scaled to its demand.
  bool exports_surplus = false;
  double primary_need_t_per_day = 0.0;  // with exports_surplus: the primary need at baseline
  std::vector<NetworkMine> mines;
  std::vector<NetworkRefiner> refiners;
  std::vector<FeedLink> links;
  std::vector<std::pair<std::string, Stage>> exporters;  // (country, mine | refine)
  double market_supply_t_per_day = 0.0;                  // sum of the mines' market sales
  double market_purchases_t_per_day = 0.0;               // sum of the refiners' market purchases
  double spare_mine_t_per_day = 0.0;                     // sum of the mines' spare capacity
  double world_mine_t_per_day = 0.0;
  double world_refined_t_per_day = 0.0;
  // Reverse indexes for incremental propagation (finish_network builds them): the feed links of
  // each mine, each link's refiner, the mines and refiners of each exporter slot (CSR).
  std::vector<std::uint32_t> mine_link_start, mine_links, link_refiner;
  std::vector<std::uint32_t> exporter_mine_start, exporter_mines;
  std::vector<std::uint32_t> exporter_refiner_start, exporter_refiners;
  // A cut anywhere in the world tiers reaches the focal economy after the refined lead time; the
  // world price sees the tiers on the same clock (docs/engine.md).
  double network_lead_time_days = 0.0;
  std::vector<CompiledEvent> events;  // parallel to Scenario::events
  double horizon_days = 365.0;
  // Not read by the engine yet (the stock pass takes them per policy): kept for the market issue.
  double commercial_inventory_days = 0.0;
  double commercial_refill_rate_of_demand = 0.1;
  // Price: baseline x exp(log factor) x scarcity, capped. The log factor is an exact
  // Ornstein-Uhlenbeck chain on a grid: x' = x * decay + noise_sd * z.
  double baseline_price = 0.0;
  double price_volatility = 0.0;
  double price_step_days = 365.0;
  double price_decay = 1.0;
  double price_noise_sd = 0.0;
  double inverse_elasticity = 1.0 / 0.3;
  double price_cap = 5.0;
  // Clearing (docs/market.md, sim/world_market.h): the world market allocates through the price.
  bool clearing = false;
  double world_inventory_days = 60.0;  // world commercial stocks, days of world use (the lag)
  double resourcing_days = 0.0;        // Scenario::resourcing_days (clearing only)
  // The market's supply and demand response (docs/market.md, "Supply and demand response"),
  // shares of world use at baseline: idle capacity restarting and the longer-run substitution
  // and new supply (the scenario's or the policy's demand_response), each built at its rate per
  // day while the market is tight (scarcity above 0), up to its cap.
  double idle_capacity_share = 0.0;
  double idle_capacity_per_day = 0.0;
  DemandResponse market_response{};
  // Buyer groups (docs/market.md): short-run |price elasticity| of the focal economy, the rest
  // of the world and the restricting country's domestic buyers; the focal economy's share of
  // world refined use (its weight in the world demand curve); the restricting country's price
  // floor (a multiple of baseline).
  double focal_elasticity = 0.3;
  double rest_elasticity = 0.3;
  double restricting_elasticity = 0.3;
  double focal_world_share = 0.0;
  double domestic_price_floor = 0.85;
  bool one_demand_curve = true;  // every group at the scenario's elasticity: the closed form
  SplitMarket split{};
  // Set where this model is `market_twin`'s copy with only market_response changed (a policy's
  // own demand_response under clearing): same supply profile, its own market (sim/trial.cpp).
  std::shared_ptr<const Model> market_twin{};

  std::uint32_t smelter_channel() const { return static_cast<std::uint32_t>(sources.size()); }
  std::uint32_t recycling_channel() const { return smelter_channel() + 1; }
  std::uint32_t mine_channel(std::size_t m) const {
    return recycling_channel() + 1 + static_cast<std::uint32_t>(m);
  }
  std::uint32_t refiner_channel(std::size_t r) const {
    return mine_channel(mines.size()) + static_cast<std::uint32_t>(r);
  }
  std::uint32_t exporter_channel(std::size_t c) const {
    return refiner_channel(refiners.size()) + static_cast<std::uint32_t>(c);
  }
  std::size_t channel_count() const { return exporter_channel(exporters.size()); }
};

// Adds a node to a hand-built or compiled model's network (tests, synthetic benchmarks):
// the exporter slot of (`country`, `stage`), created when new.
std::uint32_t exporter_of(Model& model, const std::string& country, Stage stage);
// Recomputes the world totals and the market supply from the mines and refiners.
void finish_network(Model& model);

// One grid cell of the Ornstein-Uhlenbeck log price factor, exactly: log F' = decay x log F +
// noise_sd x N(0, 1), with decay = exp(-theta dt) and noise_sd = sigma sqrt((1 - exp(-2 theta dt))
// / (2 theta)) (sigma sqrt(dt) at theta = 0), dt the cell in years.
struct PriceStep {
  double decay = 1.0;
  double noise_sd = 0.0;
};
PriceStep price_step(double reversion_per_year, double volatility_per_sqrt_year, double step_days);

struct PriceBasis {
  double baseline_price = 1.0;
  double volatility_per_sqrt_year = 0.0;
};

// `events` must already hold the expanded background risk (see background_risk.h). `mineral`
// is the graph with the policy's structural levers applied (apply_policies): node capacities
// are total output capacities, and policy capacity at a foreign node is rerouting spare for
// the focal economy (`capacity_added`, counted once).
Model compile_model(const MineralGraph& mineral, const Scenario& scenario,
                    const std::vector<CapacityAdded>& capacity_added, const PriceBasis& price);

// Whom an export restriction reaches: the focal economy's own streams, and the share of the
// exporter's world sales (its restricted destinations' share of world imports; 1 for every
// destination). Throws InputError when `to`/`except` reach other buyers without that share.
struct RestrictionScope {
  bool focal_restricted = false;
  double world_share = 0.0;
};
RestrictionScope restriction_scope(const Model& model, const EventTarget& target);

// The channels an event target cuts, with their lead times (docs/engine.md, "Supply model"),
// and its cap basis.
CompiledTarget compile_target(const Model& model, const EventTarget& target);

// What the target ships at baseline, t/day: the scenario's `cap_basis_t_per_yr` when given,
// else the widest tier it hits (a mine's output, a refiner's output, a country's cross-border
// sales at the stage, or, without a network, the focal economy's streams from it).
double cap_basis_t_per_day(const Model& model, const EventTarget& target);

}  // namespace mineflow
