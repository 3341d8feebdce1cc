#pragma once
// The scenario compiled for the hot loop: the focal economy's supply sources as flat arrays
// (t/day), the channels each event target hits, the world shares behind the price's scarcity
// factor, and the price constants. Built once per (scenario, structural policy); immutable.
//
// Thread safety: immutable after compile_model; share one Model between all threads.

#include <cstdint>
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
};

// A country's share of world supply at one stage, for the scarcity factor.
struct WorldSlot {
  std::string country;
  Stage stage = Stage::mine;
  double share = 0.0;
};

// A channel is something an event can cut: sources [0, S), then the smelter, the recycling
// supply, then the world slots.
struct ChannelHit {
  std::uint32_t channel = 0;
  double lead_time_days = 0.0;
};

struct CompiledTarget {
  std::vector<ChannelHit> hits;
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
  double demand_t_per_day = 0.0;            // primary + secondary at the graph's share
  double graph_recycling_share = 0.0;       // secondary / demand in the graph
  std::vector<WorldSlot> world;
  std::vector<CompiledEvent> events;  // parallel to Scenario::events
  double horizon_days = 365.0;
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

  std::uint32_t smelter_channel() const { return static_cast<std::uint32_t>(sources.size()); }
  std::uint32_t recycling_channel() const { return smelter_channel() + 1; }
  std::uint32_t world_channel(std::size_t slot) const {
    return recycling_channel() + 1 + static_cast<std::uint32_t>(slot);
  }
  std::size_t channel_count() const { return sources.size() + 2 + world.size(); }
};

struct PriceBasis {
  double baseline_price = 1.0;
  double volatility_per_sqrt_year = 0.0;
};

// `events` must already hold the expanded background risk (see background_risk.h);
// `capacity_added` adds rerouting spare (foreign) or smelter capacity (focal).
Model compile_model(const MineralGraph& mineral, const Scenario& scenario,
                    const std::vector<CapacityAdded>& capacity_added, const PriceBasis& price);

}  // namespace mineflow
