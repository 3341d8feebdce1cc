#pragma once
// Step 2 of a trial: the supply the focal economy receives before any stocks, as segments of
// constant supply between event boundaries (and the price grid). Independent of the stockpile,
// commercial inventory, recycling share and substitution: those are applied by apply_stocks,
// so one profile serves every level of a sweep.

#include <cstdint>
#include <vector>

#include "sim/day_order.h"
#include "sim/event_shapes.h"
#include "sim/model.h"
#include "sim/network_flow.h"
#include "sim/occurrences.h"
#include "sim/scarcity_power.h"

namespace mineflow {

// Supply fractions are of the model's baseline primary supply (domestic refining + refined
// imports); recycling_available multiplies the recycling supply. Values are at the segment's
// start; the `_end` values are at its end, and supply is linear in between (they differ only
// where a shaped event ramps: docs/engine.md "Event shapes").
struct ProfileSegment {
  double start_day = 0.0;
  double end_day = 0.0;
  double domestic_fraction = 1.0;  // domestic refining of imported concentrate
  double imports_fraction = 1.0;   // refined imports, rerouted volumes included
  double recycling_available = 1.0;
  double world_shortfall = 0.0;  // fraction of world supply lost (drives the scarcity factor)
  double scarcity = 1.0;         // (1 - world_shortfall)^(-1/e), capped
  bool ramped = false;           // whether the `_end` values differ from the start values
  double domestic_fraction_end = 1.0;
  double imports_fraction_end = 1.0;
  double recycling_available_end = 1.0;
  double world_shortfall_end = 0.0;
  // The split market (Model::split): whether the restricting country's refined exports are cut
  // here; then world_shortfall is the outside market's (of the use outside that country) and
  // domestic_shortfall its domestic buyers' (negative: a glut of withheld exports).
  bool split = false;
  double domestic_shortfall = 0.0;
  double domestic_shortfall_end = 0.0;
  double peak_price_multiple = 1.0;  // highest capped stochastic x scarcity in the segment
  double price_days = 0.0;           // integral of the capped price multiple over the segment, days
};

// Segments are cut only where supply changes (event boundaries), never by the price grid, so a
// trial's cost follows its events; the stochastic price factor lives on its own grid.
// A clearing trial's world market (sim/world_market.h), in daily steps; empty under rationing.
struct MarketPath {
  std::vector<double> price;         // price multiple of each day (factor and cap included)
  std::vector<double> price_prefix;  // price_prefix[d]: integral of the price over [0, d), days
  // Priced-out share of primary demand x days (each day's share of what physically reaches the
  // focal economy), and the same x the day's price multiple.
  double priced_out_days = 0.0;
  double priced_out_price_days = 0.0;
  // Per day, only where some day is priced out (else empty): the day's priced-out share of
  // primary demand x days (its term of priced_out_days) and the market's priced-out share
  // min(x, c) of what reaches the focal economy; a stockpile released below the market price
  // serves part of it (docs/market.md "Release price").
  std::vector<double> priced_out_by_day{};
  std::vector<double> priced_out_share{};
  // The split market (docs/market.md, "Buyer groups and the split price"): the restricting
  // country's domestic price multiple of each day (the world price on days the market is one),
  // filled only where some day splits (else empty), and its value on the first day of the
  // outside (focal) price's peak.
  std::vector<double> domestic_price{};
  double domestic_price_at_peak = 0.0;
  bool split = false;  // some day of the trial split
};

struct SupplyProfile {
  std::vector<ProfileSegment> segments;  // contiguous, covering [0, horizon)
  std::vector<double> price_factor;      // exp(log factor) per grid cell of model.price_step_days
  MarketPath market;
};

// Working memory of the world market for one thread.
struct MarketScratch {
  std::vector<double> shortfall;           // mean world shortfall of each day
  std::vector<double> stockout;            // share of demand physically missing each day
  std::vector<double> priced_out;          // share of demand priced out each day
  std::vector<double> domestic_shortfall;  // split market: the restricting country's, each day
  std::vector<double> split_day;           // split market: 1 where some of the day splits
  ScarcityPower power;                     // (1 - x)^-k for the last model's k
  std::vector<ProfileSegment> split;
  // When `keep_input`, run_world_market keeps the segments it was given (before any stockout),
  // so a model that differs only in the market's response (Model::market_twin) re-runs the
  // market on them instead of rebuilding the supply profile (sim/trial.cpp).
  bool keep_input = false;
  std::vector<ProfileSegment> input{};
};

// Integral over [from, to) of min(cap, factor(t) x scarcity(t)), days, within one segment
// (scarcity follows the segment's world shortfall, linear when it ramps).
double price_integral(const Model& model, const SupplyProfile& profile,
                      const ProfileSegment& segment, double from_day, double to_day);

// Reusable working memory for one thread (no allocation once warm).
struct ProfileScratch {
  std::vector<ChannelEffect> effects;
  std::vector<std::uint32_t> ramps;    // effects with factor_start != factor_end covering now
  std::vector<ProfileSegment> pieces;  // one segment between effect boundaries, split at kinks
  std::vector<double> boundaries;
  // A sweep over the boundaries: effects by start and by end day, and the effects on each
  // effect's channel (a chain in effect order), so a boundary touches only what starts or ends.
  static constexpr std::uint32_t kNoEffect = ~std::uint32_t{0};
  std::vector<std::uint32_t> by_start, by_end;
  std::vector<double> day_keys;
  DayOrderScratch day_order;
  std::vector<std::uint32_t> first_on_channel, next_on_channel;           // per effect
  std::vector<std::uint32_t> channel_stamp, channel_first, channel_last;  // per channel
  std::uint32_t stamp = 0;
  std::size_t next_start = 0;
  std::size_t next_end = 0;
  MarketScratch market;
  IncrementalPropagation propagation;
  // Under clearing the focal economy's own supply depends only on its own channels: kept while
  // propagation.focal_version() stays the same (plain segments; ramps recompute it).
  struct FocalSupply {
    std::uint64_t version = ~std::uint64_t{0};
    double domestic_t_per_day = 0.0;
    double refined_t_per_day = 0.0;
  } focal;
  NetworkOutcome network;
  SlopedNetworkOutcome sloped_network;
};

// The stochastic price factor is drawn from stream (seed, trial, kPriceStream), unless
// `reuse_price_factor`: then out.price_factor must already hold this trial's path, drawn for a
// model with the same price constants (see same_price_process).
void build_supply_profile(const Model& model, const std::vector<Occurrence>& occurrences,
                          std::uint64_t seed, std::uint64_t trial, ProfileScratch& scratch,
                          SupplyProfile& out, bool reuse_price_factor = false);

// The stochastic price factor of a trial on its grid (exp of the exact Ornstein-Uhlenbeck chain
// of the log, from 0; model.price_decay and price_noise_sd per cell of price_step_days), drawn
// from stream (seed, trial, kPriceStream): what build_supply_profile draws. Also the background
// price fit's own process (sim/calibrate/background_price_fit.h).
void draw_price_factor(const Model& model, std::uint64_t seed, std::uint64_t trial,
                       std::vector<double>& factor);

// Whether two models draw the same stochastic price path for a trial.
bool same_price_process(const Model& a, const Model& b);

}  // namespace mineflow
