#pragma once
// A disruption scenario as plain data (no YAML): events, policy sets, the price model and the
// run settings. tools/io/scenario_loader reads it from a file; sim/model compiles it for the
// hot loop. Times are days from the start of the horizon; flows t/year in the graph, t/day here.

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "graph/source_ref.h"
#include "graph/stage.h"

namespace mineflow {

struct HazardModel;  // sim/hazard_model.h

// A fixed value or a draw. Parameters by kind: fixed {a}; uniform {a=min, b=max};
// triangular {a=min, b=mode, c=max}; lognormal {a=median, b=sigma of ln}; exponential {a=mean}.
struct Distribution {
  enum class Kind { fixed, uniform, triangular, lognormal, exponential };
  Kind kind = Kind::fixed;
  double a = 0.0;
  double b = 0.0;
  double c = 0.0;
  bool is_fixed() const { return kind == Kind::fixed; }
};

// How an event's severity evolves (docs/engine.md "Event shapes"). Every shape starts with a
// full-loss phase of `duration_days` at the drawn severity; then
//  step:        the severity ends at once;
//  linear:      it falls linearly to 0 over `recovery_days`;
//  exponential: it halves every `half_life_days` until the horizon;
//  profile:     (day from onset, severity) points, linear in between, 0 after the last point
//               (the profile replaces duration and severity).
struct ProfilePoint {
  double day = 0.0;
  double severity = 0.0;
};

struct RecoveryShape {
  enum class Kind { step, linear, exponential, profile };
  Kind kind = Kind::step;
  Distribution recovery_days;   // linear
  Distribution half_life_days;  // exponential
  std::vector<ProfilePoint> profile;
};

// A cap instead of a cut: the target ships at most `t_per_yr` x utilisation, or
// `fraction_of_baseline` x utilisation of its baseline flow; the cut is what lies above
// (severity = 1 - min(1, allowed / baseline)), so a cap above the flow does not bite.
struct ExportCap {
  std::optional<Distribution> t_per_yr;
  std::optional<Distribution> fraction_of_baseline;
  Distribution utilisation{Distribution::Kind::fixed, 1.0, 0.0, 0.0};
};

// Which import class an edge target or a policy means.
enum class ImportClass { concentrate, refined };

// What an event hits. node: (country, stage); edge: country -> focal economy for an import
// class; exports_of: every export of the country (mine and refine, to the focal economy and,
// for the price, to the world), or only those to some destinations (docs/engine.md
// "Export restrictions").
struct EventTarget {
  enum class Kind { node, edge, exports_of };
  Kind kind = Kind::node;
  std::string country;
  Stage stage = Stage::mine;                        // node targets
  ImportClass import_class = ImportClass::refined;  // edge targets
  std::optional<Stage> export_stage;                // exports_of: only this stage's exports
  // exports_of: the destinations restricted (`to`), or those spared (`except`); both empty:
  // every destination. The focal economy is one buyer; the others are the rest of the world,
  // whose restricted part is `share_of_world_imports` of the product (the restricted
  // destinations other than the focal economy).
  std::vector<std::string> to_destinations;
  std::vector<std::string> except_destinations;
  std::optional<double> share_of_world_imports;
  std::optional<Distribution> severity;   // overrides the event's severity
  std::optional<RecoveryShape> recovery;  // overrides the event's shape
  std::optional<ExportCap> cap;           // overrides the event's cap
  // The flow a cap is measured against, t/yr (e.g. the country's recorded exports); when
  // absent, the model's baseline flow through the target.
  std::optional<double> cap_basis_t_per_yr;
  SourceRef where;
};

// Hazard parameters drawn once per trial from a fit's sampling distribution (docs/hazard.md,
// --parameter-uncertainty; sim/hazard_draw.h maps the trial's variates to values). Every trial
// draws the same variates from stream (seed, trial, kParameterStream), shared by every event of
// the trial. Policy class: rate = pieces x exp(c0 + c1 x1 + c2 x2), c = mean + L z (L:
// lower-triangular Cholesky factor of the fit's covariance, row-major). Operational class: rate
// triangular(low, mode, high). Policy class with a duration fit: the lognormal's (ln median,
// ln sigma) = duration_mean + duration_cholesky z' (2 x 2, row-major).
struct RateDraw {
  enum class Kind { policy, operational };
  Kind kind = Kind::policy;
  double x1 = 0.0;
  double x2 = 0.0;
  double pieces = 1.0;
  double mean[3] = {0.0, 0.0, 0.0};
  double cholesky[9] = {0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0};
  double rate_low = 0.0;  // operational
  double rate_mode = 0.0;
  double rate_high = 0.0;
  bool draw_duration = false;
  double duration_mean[2] = {0.0, 0.0};
  double duration_cholesky[4] = {0.0, 0.0, 0.0, 0.0};
};

// One event definition. Its targets form a group: one draw (start, duration) hits all of them.
// Export licensing: nothing is licensed for `delay_days` after the onset, then
// `approval_share` of the pre-restriction exports flows (docs/engine.md "Export restrictions").
struct Licence {
  Distribution approval_share;
  Distribution delay_days;
  // Share of the target the regime covers: the cut is `scale` during the delay, then
  // scale x (1 - approval). 1 in scenario files; a background piece of a node has less.
  double scale = 1.0;
};

struct EventSpec {
  std::string id;
  std::optional<double> start_day;        // fixed start, or
  std::optional<double> hazard_per_year;  // Poisson arrivals over the horizon
  std::optional<RateDraw> rate_draw;      // replaces hazard_per_year, drawn per trial
  Distribution duration_days;
  Distribution severity;  // fraction of capacity or flow lost, clamped to [0, 1]
  RecoveryShape recovery;
  std::optional<ExportCap> cap;    // replaces severity
  std::optional<Licence> licence;  // replaces severity: 1 during the delay, then 1 - approval
  std::vector<EventTarget> targets;
  SourceRef where;
};

// Every supplier country gets a hazard from its stability score w (0..10):
// rate = rate_at_5 * 2^((w - 5) / doubling_points) per year (docs/engine.md).
struct BackgroundRisk {
  double rate_at_5_per_year = 0.1;
  double doubling_points = 2.0;
  double other_score_0to10 = 5.09;  // w for OTH, which is no single country
  Distribution duration_days{Distribution::Kind::lognormal, 45.0, 0.8, 0.0};
  Distribution severity{Distribution::Kind::uniform, 0.3, 1.0, 0.0};
};

// Extra supply a country can ship to the focal economy when others fail (rerouting).
struct SpareCapacity {
  std::string country;
  ImportClass import_class = ImportClass::refined;
  double extra_pct_of_flow = 0.0;  // of its baseline flow to the focal economy
  double extra_t_per_yr = 0.0;     // absolute, e.g. new capacity
};

struct Diversification {
  std::string country;
  ImportClass import_class = ImportClass::refined;
  double share = 0.0;  // fraction of the class's imports moved to `country`, pro rata from others
};

struct CapacityAdded {
  std::string country;  // the focal economy: smelter capacity; else spare for rerouting
  ImportClass import_class = ImportClass::refined;
  double t_per_yr = 0.0;
};

// A named set of levers (docs/domain.md "Policies").
// Buyers adapt while a shortage lasts (docs/engine.md "Demand response"): substitution lowers
// demand and new unaffected supply comes in, each building up at its rate (fraction of
// baseline demand per year) while supply after the response is still short, up to its cap;
// what is built stays, and only what the gap needs is used.
struct DemandResponse {
  double substitution_per_yr = 0.0;
  double substitution_cap = 0.0;  // fraction of demand
  double new_supply_per_yr = 0.0;
  double new_supply_cap = 0.0;  // fraction of demand
  bool operator==(const DemandResponse&) const = default;
};

struct PolicySet {
  std::string name;
  double stockpile_days = 0.0;          // of standard (post-substitution) daily demand
  double release_rate_of_demand = 1.0;  // max release, fraction of daily demand per day
  double decision_delay_days = 0.0;     // from the onset of a shortfall to the first release
  double refill_rate_of_demand = 0.1;   // fraction of daily demand bought per day to refill
  // What the stockpile's buyers pay (docs/market.md "Release price"): 0 market, 1 pre_crisis,
  // 2 discount (at release_discount x the market price).
  int release_price = 0;
  double release_discount = 1.0;
  std::optional<double> recycling_share;  // of demand; nullopt: the mineral file's figure or 0
  std::optional<double> commercial_inventory_days;  // nullopt: the scenario's default
  double substitution_cut = 0.0;                    // fraction of demand removed
  std::vector<Diversification> diversification;
  std::vector<CapacityAdded> capacity_added;
  std::optional<DemandResponse> demand_response;  // nullopt: the scenario's
  SourceRef where;
};

struct PriceModel {
  std::optional<double> volatility_per_sqrt_year;  // nullopt: from the mineral's price series
  double reversion_per_year = 1.0;                 // mean reversion of the log factor
  double elasticity = 0.3;                         // |price elasticity of demand|
  double cap_multiple = 5.0;                       // price multiple never exceeds this
  // Grid of the stochastic factor. Annual by default: the volatility is estimated from annual
  // means, and a finer grid would make a trial's cost grow with the horizon.
  double sample_every_days = 365.0;
  std::optional<double> baseline_price;  // nullopt: last annual mean of the series
};

// How scarce supply is shared (docs/market.md). rationing: a loss anywhere reaches every buyer
// of the nodes it cuts pro rata, as physical shortage. clearing: the world price allocates it;
// the focal economy, a price-taker, buys its demand at the price (giving up what the price
// prices out) and goes physically short only where the price cannot reach the material: a
// restriction aimed at it, or a world market that cannot clear at the price cap.
enum class MarketModel { rationing, clearing };
inline std::string_view to_string(MarketModel model) {
  return model == MarketModel::clearing ? "clearing" : "rationing";
}
// Idle capacity elsewhere in the world that restarts while the clearing market is tight
// (docs/market.md, "Supply and demand response"): `share` of world use, brought back linearly
// over `days` of tightness; what restarts keeps running to the horizon.
struct IdleCapacity {
  double share = 0.0;  // of world use at baseline
  double days = 1.0;   // days of tightness to bring all of it back
  bool operator==(const IdleCapacity&) const = default;
};

// The clearing market's buyer groups (docs/market.md, "Buyer groups and the split price"): each
// group's short-run |price elasticity of demand|; nullopt: the scenario's price.elasticity, so a
// scenario that names none clears exactly as with one demand curve.
struct BuyerGroups {
  std::optional<double> focal_economy;
  std::optional<double> rest_of_world;
  std::optional<double> restricting_country;  // its domestic buyers, while its exports are cut
  // The restricting country's domestic price does not fall below this multiple of baseline: its
  // refiners cut runs (or its state buys) rather than sell below it. A judgement (docs/market.md).
  double domestic_price_floor = 0.85;
  bool operator==(const BuyerGroups&) const = default;
};

inline std::optional<MarketModel> parse_market_model(std::string_view text) {
  if (text == "clearing") return MarketModel::clearing;
  if (text == "rationing") return MarketModel::rationing;
  return std::nullopt;
}

struct Scenario {
  std::string id;
  std::string name;
  std::string name_ja;       // the name in Japanese (the report's --lang ja); empty: `name`
  std::string mineral_file;  // resolved path
  std::vector<EventSpec> events;
  std::optional<BackgroundRisk> background_risk;
  // The calibrated two-class model (`background_hazard: FILE`, docs/hazard.md); may be used
  // with or instead of background_risk.
  std::shared_ptr<const HazardModel> hazard;
  std::vector<SpareCapacity> spare_capacity;
  double concentrate_lead_time_days = 0.0;  // a cut at the mine reaches the smelter later
  double refined_lead_time_days = 0.0;
  double commercial_inventory_days = 0.0;  // industry stocks, days of demand
  double commercial_refill_rate_of_demand = 0.1;
  std::vector<PolicySet> policies;
  DemandResponse demand_response;
  PriceModel price;
  MarketModel market = MarketModel::rationing;
  // World commercial stocks in days of world use: the clearing market's buffer and lag
  // (sim/world_market.h).
  double world_inventory_days = 60.0;
  // Under clearing, the market's supply response besides `demand_response` (which then acts on
  // the world balance, not in the focal economy's stock pass: one mechanism).
  IdleCapacity idle_capacity{};
  BuyerGroups buyers{};
  // Under clearing, the days the focal economy's buyers need to replace a cut foreign supplier
  // through the market (contracting and qualifying another supplier, beyond the shipping lead
  // time the material in transit bridges): meanwhile the supplier's cut is physical, then priced
  // (docs/market.md, "Re-sourcing lead time"). 0: re-sourced at once.
  double resourcing_days = 0.0;
  SourceRef market_where;  // where the scenario sets it (or the option that overrode it)
  // The option that set world_inventory_days (SourceRef::file "--world-inventory-days"), so
  // outputs can say so; empty: the scenario's own figure (or the default).
  SourceRef world_inventory_where;
  double horizon_days = 365.0;
  long long trials = 10000;
  unsigned long long seed = 1;
  std::string file;
};

}  // namespace mineflow
