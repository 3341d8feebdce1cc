#pragma once
// A policy mix: the level of every lever the optimiser moves, and what it costs per year
// (docs/optimise.md "Levers and costs"). The three levers are the stock pass's (sim/stock_pass.h),
// so every mix of one scenario shares the trial's drawn events and supply profile: a mix costs
// one stock pass per trial, and all mixes run on common random numbers.

#include <array>
#include <string>
#include <string_view>

namespace mineflow {

enum class Lever { stockpile_days, recycling_share, substitution_cut };
inline constexpr std::array<Lever, 3> kLevers = {Lever::stockpile_days, Lever::recycling_share,
                                                 Lever::substitution_cut};
std::string_view to_string(Lever lever);

// Levels: days of (post-substitution) demand; recycling share of demand; fraction of demand
// removed by substitution.
struct PolicyMix {
  double stockpile_days = 0.0;
  double recycling_share = 0.0;
  double substitution_cut = 0.0;
  double level(Lever lever) const;
  void set(Lever lever, double value);
  auto operator<=>(const PolicyMix&) const = default;
};

// What each lever costs, in USD. Bundled defaults are assumptions (scenarios/levers/*.yaml).
struct LeverCosts {
  // Stockpile: the value held (days x demand x base price) carried at discount + storage per
  // year: the acquisition is recovered when the stock is sold, so its annual cost is the
  // capital's return forgone (the discount rate) plus storage, insurance and handling.
  double discount_rate_per_year = 0.05;
  double storage_rate_per_year = 0.05;
  double max_stockpile_days = 180.0;
  // Recycling: the premium of a tonne of secondary supply over primary, USD/t, for the share
  // above the base; at most max_recycling_share (what end-of-life flows allow).
  double recycling_usd_per_t = 0.0;
  double max_recycling_share = 0.0;
  // Substitution: USD per tonne of demand removed per year, up to max_substitution_cut.
  double substitution_usd_per_t = 0.0;
  double max_substitution_cut = 0.0;
  double carrying_rate_per_year() const { return discount_rate_per_year + storage_rate_per_year; }
};

// Where the levers start (free) and the demand and price the costs scale with.
struct MixBasis {
  PolicyMix base;                 // the policy's own levels: cost nothing
  double demand_t_per_day = 0.0;  // before substitution
  double price_usd_per_t = 0.0;   // base price
};

// Cost per year of each lever and their sum, USD/yr. Levels below the base cost nothing.
struct MixCost {
  double stockpile_usd_per_year = 0.0;
  double recycling_usd_per_year = 0.0;
  double substitution_usd_per_year = 0.0;
  double total() const {
    return stockpile_usd_per_year + recycling_usd_per_year + substitution_usd_per_year;
  }
};
MixCost mix_cost(const PolicyMix& mix, const MixBasis& basis, const LeverCosts& costs);

// The highest level of a lever (its base when the maximum is below it).
double lever_max(Lever lever, const MixBasis& basis, const LeverCosts& costs);

}  // namespace mineflow
