#pragma once
// The reference simulator's own description of a case: a one-tier supply network of the focal
// economy, events on whole days, stock levers and the price constants, as plain values. Nothing
// here comes from sim/: the differential test translates a Case into the engine's inputs, and
// the reference reads only this (docs/engine.md is its specification).

#include <string>
#include <utility>
#include <vector>

namespace mineflow::reference {

enum class Flow { concentrate, refined };  // foreign mine -> smelter, foreign refinery -> demand

// One import stream of the focal economy (one per country and flow).
struct Supplier {
  std::string country;
  Flow flow = Flow::refined;
  double t_per_day = 0.0;        // baseline
  double spare_t_per_day = 0.0;  // extra it can ship to replace volume lost elsewhere
};

// The world tiers (docs/network.md "Propagation in the engine"), t/day. A mine's output goes to
// the focal economy's concentrate imports, to feed links of named refiners, and the rest is sold
// on the pooled concentrate market (`market_t_per_day`, stated here, derived by the engine).
struct WorldMine {
  std::string country;
  double output_t_per_day = 0.0;
  double market_t_per_day = 0.0;
  double spare_t_per_day = 0.0;  // capacity above output, sold on the market when feed is short
};

struct FeedLink {
  std::string mine_country;
  double share = 0.0;  // of the refiner's baseline feed (= its output: contained metal)
  // What the network file states, before links that would take more than the mine's uncommitted
  // output are scaled down to it (docs/network.md); 0: as `share`. The engine is given this.
  double stated_share = 0.0;
};

struct WorldRefiner {
  std::string country;
  double output_t_per_day = 0.0;
  double capacity_t_per_day = 0.0;  // >= output
  std::vector<FeedLink> links;
  double market_share = 0.0;  // 1 - sum of the link shares
};

// Present: the focal economy's concentrate suppliers are mines of `mines`, its refined suppliers
// are refiners of `refiners`, and world_mine_shares is unused (the mines are the world).
struct Tiers {
  bool present = false;
  std::vector<WorldMine> mines;
  std::vector<WorldRefiner> refiners;
  // The split market (docs/market.md, "Buyer groups and the split price"): the refining country
  // whose baseline exports the data give, as a share of its output; "" for none.
  std::string split_country;
  double split_export_share = 0.0;
};

struct Network {
  std::vector<Supplier> suppliers;
  Tiers tiers;
  // World mine production share by country (the scarcity factor's mine side).
  std::vector<std::pair<std::string, double>> world_mine_shares;
  double secondary_t_per_day = 0.0;  // recycling supply at baseline
  int concentrate_lead_days = 0;     // a cut at a foreign mine reaches the smelter this late
  int refined_lead_days = 0;
};

// How a hit's severity evolves from the event's onset (docs/engine.md "Event shapes"), on whole
// days so that every piece of it starts and ends on a day boundary:
//  step:    the severity for the event's duration, then 0;
//  linear:  the severity for the duration, then linearly down to 0 over `recovery_days`;
//  profile: (day from onset, severity) points, linear in between, 0 before the first and after
//           the last point (the profile replaces the duration and the severity).
struct Shape {
  enum class Kind { step, linear, profile };
  Kind kind = Kind::step;
  int recovery_days = 0;
  std::vector<std::pair<int, double>> profile;  // days strictly increasing
};

// What an event hits (docs/engine.md "Supply model").
struct Hit {
  enum class Kind {
    foreign_mine,     // node {country, mine}: its concentrate flow and world mine slot
    foreign_refiner,  // node {country, refine}: its refined flow and world refine slot
    focal_smelter,    // node {focal, refine}
    focal_recycling,  // node {focal, recycle}
    edge,             // edge {country, flow}: that import flow only
    exports_of,       // every flow from the country and its world slots
  };
  Kind kind = Kind::edge;
  std::string country;
  Flow flow = Flow::refined;  // edge hits
  double severity = 1.0;      // fraction lost
  enum class Stage { any, mine, refine };
  Stage export_stage = Stage::any;  // exports_of: only this stage's exports
  // exports_of to some destinations (docs/engine.md "Export restrictions"): whether the focal
  // economy's own streams are cut, and the share of the exporter's world sales that is.
  bool restricts_focal = true;
  double world_share = 1.0;
  Shape shape;
  // A cap instead of a cut (step and linear shapes): the target ships at most
  // cap_fraction x cap_utilisation of its baseline, so it loses 1 - min(1, that); < 0: no cap.
  double cap_fraction = -1.0;
  double cap_utilisation = 1.0;
  // The severity the hit cuts with during its full-loss phase.
  double effective_severity() const;
};

// A step cut (no shape, no cap): the by-hand cases' shorthand.
inline Hit cut(Hit::Kind kind, std::string country, Flow flow, double severity) {
  Hit hit;
  hit.kind = kind;
  hit.country = std::move(country);
  hit.flow = flow;
  hit.severity = severity;
  return hit;
}

struct Event {
  int start_day = 0;
  int duration_days = 0;
  std::vector<Hit> hits;  // one group: the same start and duration
  // A licence (docs/engine.md "Export restrictions"): every hit cuts `scale` for the delay,
  // then scale x (1 - approval) until the end of the duration; its shape recovers from there.
  // < 0: none. The scale is the share of the target the regime covers (a background policy
  // event on one piece of a node, docs/hazard.md); 1 in scenario files.
  int licence_delay_days = -1;
  double licence_approval_share = 0.0;
  double licence_scale = 1.0;
};

// What the stockpile's buyers pay (docs/market.md "Release price"): the market price, the
// pre-crisis price (multiple 1), or `release_discount` x the market price.
enum class ReleasePrice { market, pre_crisis, discount };

// Per unit of daily demand, as docs/engine.md "Stocks" states them.
struct Stocks {
  double substitution_cut = 0.0;
  double recycling_share = 0.0;
  double stockpile_days = 0.0;
  double release_rate_of_demand = 1.0;
  int decision_delay_days = 0;  // whole days, so the first release falls on a day boundary
  double refill_rate_of_demand = 0.1;
  double inventory_days = 0.0;
  double inventory_refill_rate_of_demand = 0.1;
  ReleasePrice release_price = ReleasePrice::market;
  double release_discount = 1.0;  // discount: the fraction F of the market price, [0, 1]
};

struct Price {
  double baseline = 1.0;
  double elasticity = 0.3;
  double cap_multiple = 5.0;
  // No stochastic factor: the reference checks the scarcity price only.
};

// How scarce supply is shared (docs/market.md). Rationing: a loss reaches every buyer of the
// nodes it cuts pro rata. Clearing (world tiers only): the world market runs in daily steps with
// world commercial stocks of `world_inventory_days` days of world use; the focal economy buys at
// the day's price, gives up what the price prices out, and is physically short only where the
// price cannot reach the material (reference_market.h).
struct Market {
  bool clearing = false;
  double world_inventory_days = 60.0;
  // The response (docs/market.md, "Supply and demand response"), shares of world use: idle
  // capacity `idle_share` brought back over `idle_days` days, and the scenario's demand_response
  // (per year), each built on every day that starts with the world's stocks drawn.
  double idle_share = 0.0;
  double idle_days = 1.0;
  double substitution_per_yr = 0.0;
  double substitution_cap = 0.0;
  double new_supply_per_yr = 0.0;
  double new_supply_cap = 0.0;
  // The restricting country's domestic price floor while the market splits.
  double domestic_price_floor = 0.85;
  // Days the focal economy needs to re-source a cut foreign supplier through the market
  // (docs/market.md, "Re-sourcing lead time"): over an event's first resourcing_days its cuts of
  // the focal streams' suppliers (mine and refiner outages, restrictions on every destination)
  // are physical; 0: none.
  int resourcing_days = 0;
};

struct Case {
  Network network;
  std::vector<Event> events;
  Stocks stocks;
  Price price;
  Market market;
  int horizon_days = 365;
};

// The per-trial metrics of docs/engine.md "Metrics" (the percentages of priced_out_t and
// not_served_t follow from them as unmet_pct_annual_demand does from unmet_t).
struct Metrics {
  double unmet_t = 0.0;
  double unmet_pct_annual_demand = 0.0;
  double days_short = 0.0;
  double longest_spell_days = 0.0;
  double lowest_stockpile_t = 0.0;
  double peak_price_multiple = 0.0;
  double procurement_cost = 0.0;
  double priced_out_t = 0.0;  // clearing only: demand the price takes away (docs/market.md)
  double not_served_t = 0.0;  // unmet_t + priced_out_t
  // The split market: the restricting country's price on the outside peak's day (the peak where
  // the market never splits); checked within [domestic_at_peak_low, domestic_at_peak_high].
  double domestic_price_at_peak = 0.0;
  double domestic_at_peak_low = 0.0;
  double domestic_at_peak_high = 0.0;
};

std::string describe(const Case& c);  // a reproducer a person can read and retype

}  // namespace mineflow::reference
