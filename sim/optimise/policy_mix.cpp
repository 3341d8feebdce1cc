#include "sim/optimise/policy_mix.h"

#include <algorithm>

#include "sim/units.h"

namespace mineflow {

std::string_view to_string(Lever lever) {
  switch (lever) {
    case Lever::stockpile_days:
      return "stockpile_days";
    case Lever::recycling_share:
      return "recycling_share";
    case Lever::substitution_cut:
      return "substitution_cut";
    case Lever::diversified_t_per_yr:
      return "diversified_t_per_yr";
    case Lever::smelter_added_t_per_yr:
      return "smelter_added_t_per_yr";
  }
  return "";
}

double PolicyMix::level(Lever lever) const {
  switch (lever) {
    case Lever::stockpile_days:
      return stockpile_days;
    case Lever::recycling_share:
      return recycling_share;
    case Lever::substitution_cut:
      return substitution_cut;
    case Lever::diversified_t_per_yr:
      return diversified_t_per_yr;
    case Lever::smelter_added_t_per_yr:
      return smelter_added_t_per_yr;
  }
  return 0.0;
}

void PolicyMix::set(Lever lever, double value) {
  switch (lever) {
    case Lever::stockpile_days:
      stockpile_days = value;
      return;
    case Lever::recycling_share:
      recycling_share = value;
      return;
    case Lever::substitution_cut:
      substitution_cut = value;
      return;
    case Lever::diversified_t_per_yr:
      diversified_t_per_yr = value;
      return;
    case Lever::smelter_added_t_per_yr:
      smelter_added_t_per_yr = value;
      return;
  }
}

MixCost mix_cost(const PolicyMix& mix, const MixBasis& basis, const LeverCosts& costs) {
  MixCost out;
  const double annual_t = basis.demand_t_per_day * kDaysPerYear;
  const double after_cut_t_per_day = basis.demand_t_per_day * (1.0 - mix.substitution_cut);
  // The stockpile is days of post-substitution demand (as the stock pass sizes it).
  const double extra_days = std::max(0.0, mix.stockpile_days - basis.base.stockpile_days);
  out.stockpile_usd_per_year =
      extra_days * after_cut_t_per_day * basis.price_usd_per_t * costs.carrying_rate_per_year();
  const double extra_share = std::max(0.0, mix.recycling_share - basis.base.recycling_share);
  out.recycling_usd_per_year =
      extra_share * annual_t * (1.0 - mix.substitution_cut) * costs.recycling_usd_per_t;
  const double extra_cut = std::max(0.0, mix.substitution_cut - basis.base.substitution_cut);
  out.substitution_usd_per_year = extra_cut * annual_t * costs.substitution_usd_per_t;
  out.diversification_usd_per_year =
      std::max(0.0, mix.diversified_t_per_yr - basis.base.diversified_t_per_yr) *
      costs.diversification_usd_per_t;
  out.smelter_usd_per_year =
      std::max(0.0, mix.smelter_added_t_per_yr - basis.base.smelter_added_t_per_yr) *
      costs.smelter_usd_per_t_per_year;
  return out;
}

double lever_max(Lever lever, const MixBasis& basis, const LeverCosts& costs) {
  switch (lever) {
    case Lever::stockpile_days:
      return std::max(basis.base.stockpile_days, costs.max_stockpile_days);
    case Lever::recycling_share:
      return std::max(basis.base.recycling_share, costs.max_recycling_share);
    case Lever::substitution_cut:
      return std::max(basis.base.substitution_cut, costs.max_substitution_cut);
    case Lever::diversified_t_per_yr:
      return std::max(basis.base.diversified_t_per_yr,
                      std::min(costs.max_diversified_t_per_yr, basis.diversifiable_t_per_yr));
    case Lever::smelter_added_t_per_yr:
      return std::max(basis.base.smelter_added_t_per_yr,
                      std::min(costs.max_smelter_added_t_per_yr, basis.smelter_addable_t_per_yr));
  }
  return 0.0;
}

}  // namespace mineflow
