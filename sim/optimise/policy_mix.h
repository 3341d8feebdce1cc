#pragma once
// A policy mix: the level of every lever the optimiser moves, and what it costs per year
// (docs/optimise.md "Levers and costs"). The three levers are the stock pass's (sim/stock_pass.h),
// so every mix of one scenario shares the trial's drawn events and supply profile: a mix costs
// one stock pass per trial, and all mixes run on common random numbers.

#include <array>
#include <string>
#include <string_view>

namespace mineflow {

enum class Lever {
  stockpile_days,
  recycling_share,
  substitution_cut,
  diversified_t_per_yr,
  smelter_added_t_per_yr
};
inline constexpr std::array<Lever, 5> kLevers = {
    Lever::stockpile_days, Lever::recycling_share, Lever::substitution_cut,
    Lever::diversified_t_per_yr, Lever::smelter_added_t_per_yr};
// The levers that change the supply profile (sim/optimise/structural_levers.h): each of their
// levels runs on a model of its own; the others are the stock pass's.
inline constexpr bool is_structural(Lever lever) {
  return lever == Lever::diversified_t_per_yr || lever == Lever::smelter_added_t_per_yr;
}
std::string_view to_string(Lever lever);

// Levels: days of (post-substitution) demand; recycling share of demand; fraction of demand
// removed by substitution; tonnes a year of imports moved off the largest import source to the
// other sources of its class (diversification, sim/optimise/structural_levers.h); tonnes a year
// of focal smelting capacity added.
struct PolicyMix {
  double stockpile_days = 0.0;
  double recycling_share = 0.0;
  double substitution_cut = 0.0;
  double diversified_t_per_yr = 0.0;
  double smelter_added_t_per_yr = 0.0;
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
  // Diversification: the premium per tonne moved a year off the largest import source, USD/t,
  // up to max_diversified_t_per_yr (and the other sources' spare: MixBasis).
  double diversification_usd_per_t = 0.0;
  double max_diversified_t_per_yr = 0.0;
  // Focal smelter capacity: the annualised cost of a tonne a year of added domestic smelting and
  // refining capacity, USD per (t/yr) per year, up to max_smelter_added_t_per_yr.
  double smelter_usd_per_t_per_year = 0.0;
  double max_smelter_added_t_per_yr = 0.0;
  double carrying_rate_per_year() const { return discount_rate_per_year + storage_rate_per_year; }
};

// Where the levers start (free) and the demand and price the costs scale with.
struct MixBasis {
  PolicyMix base;                 // the policy's own levels: cost nothing
  double demand_t_per_day = 0.0;  // before substitution
  double price_usd_per_t = 0.0;   // base price
  // What the model allows the structural levers (sim/optimise/structural_levers.h): the tonnes
  // a year the other sources' spare can take off the largest source; infinity for smelter
  // capacity where the focal economy refines imported concentrate, else 0 (it would idle).
  double diversifiable_t_per_yr = 0.0;
  double smelter_addable_t_per_yr = 0.0;
};

// Cost per year of each lever and their sum, USD/yr. Levels below the base cost nothing.
struct MixCost {
  double stockpile_usd_per_year = 0.0;
  double recycling_usd_per_year = 0.0;
  double substitution_usd_per_year = 0.0;
  double diversification_usd_per_year = 0.0;
  double smelter_usd_per_year = 0.0;
  double total() const {
    return stockpile_usd_per_year + recycling_usd_per_year + substitution_usd_per_year +
           diversification_usd_per_year + smelter_usd_per_year;
  }
};
MixCost mix_cost(const PolicyMix& mix, const MixBasis& basis, const LeverCosts& costs);

// The highest level of a lever (its base when the maximum is below it).
double lever_max(Lever lever, const MixBasis& basis, const LeverCosts& costs);

}  // namespace mineflow
