#pragma once
// The world market of a clearing trial (docs/market.md), in daily steps. Commercial stocks of
// `world_inventory_days` of world use stand between supply and demand; demand follows the price,
// D = P^-e, and the price follows the stocks (competitive storage, with the same elasticity),
// so the scarcity x = 1 - stocks / baseline stocks moves as
//   x[d+1] = clamp(x[d] + (w[d] - min(x[d], c)) / world_inventory_days, 0, 1),  x[0] = 0,
// w[d] the day's mean world shortfall (exact from the supply profile), c = 1 - cap^-e the share
// of demand the price cap can price out. On day d the price multiple is
// min(cap, factor x (1 - x[d])^(-1/e)) and min(x[d], c) of demand is priced out; when the stocks
// are gone (x[d] = 1) and w[d] > c, every buyer is physically short w[d] - c of its demand.
// The supply and demand response R[d] (idle capacity restarting, substitution, new supply:
// shares of world use, each built at its daily step on a day that starts with x[d] > 0, up to
// its cap, then kept) nets against the loss: w[d] becomes w[d] - R[d] in the recursion and the
// stockout (docs/market.md, "Supply and demand response").
// The market runs once per trial, after the supply profile and before any stock pass, so a
// sweep's levels share it. The same recursion, written from the docs, is in tests/reference/.

#include <vector>

#include "sim/supply_profile.h"

namespace mineflow {

// Runs the market over `profile` (its segments built for a clearing model, their prices not
// yet set): fills profile.market (the daily price path and what the price priced out), scales
// the focal economy's supply on stockout days (splitting segments at day boundaries there) and
// sets every segment's price fields from the daily path.
void run_world_market(const Model& model, SupplyProfile& profile, MarketScratch& scratch);

// Runs the market again for `model` on the segments kept by the last run_world_market with
// scratch.keep_input (a model that differs from that run's only in the market's response; the
// price factor of `profile` must be the same trial's).
void rerun_world_market(const Model& model, SupplyProfile& profile, MarketScratch& scratch);

// Integral of the daily price multiple over [from_day, to_day), days.
double market_price_integral(const MarketPath& market, double from_day, double to_day);

// The same for the restricting country's domestic price where the market split (market.split),
// else the world price's: constant over each day, as the outside price is.
double market_domestic_price_integral(const MarketPath& market, double from_day, double to_day);

// The share of demand the price cap can price out: 1 - cap^-e.
double clearable_share(const Model& model);

}  // namespace mineflow
