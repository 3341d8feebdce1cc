#pragma once
// Reads a mineral's lever costs (scenarios/levers/<mineral>.yaml, docs/optimise.md "Levers and
// costs"). A cost per tonne is written as usd_per_t, or as of_base_price (a multiple of the
// mineral's base price, for assumptions that scale with it); resolve_lever_costs turns the
// latter into USD once the price is known. Bad input: one located line (InputError).

#include <optional>
#include <string>

#include "sim/optimise/policy_mix.h"

namespace mineflow::io {

struct PerTonneCost {
  std::optional<double> usd_per_t;
  std::optional<double> of_base_price;
  double usd(double price_usd_per_t) const {
    return usd_per_t ? *usd_per_t : of_base_price.value_or(0.0) * price_usd_per_t;
  }
};

struct LeverCostsFile {
  std::string mineral;
  std::string file;
  LeverCosts costs;  // the per-tonne costs unresolved (0) until resolve_lever_costs
  PerTonneCost recycling;
  PerTonneCost substitution;
  PerTonneCost diversification;  // premium per tonne moved a year
  // Smelter capacity: the capital cost per t/yr of capacity (capex_usd_per_t or
  // capex_of_base_price), annualised over life_years at the discount rate.
  PerTonneCost smelter_capex;
  double smelter_life_years = 20.0;
  // The smelter's maximum as a share of annual demand (max_of_demand) instead of max_t_per_yr.
  std::optional<double> smelter_max_of_demand;
};

// The annual payment that repays `capex` over `years` at `rate` (capital recovery factor);
// capex / years at rate 0.
double annualised(double capex, double rate, double years);

LeverCostsFile load_lever_costs(const std::string& file);
// Per-tonne costs at the base price; the smelter's max_of_demand at `demand_t_per_yr`.
LeverCosts resolve_lever_costs(const LeverCostsFile& file, double price_usd_per_t,
                               double demand_t_per_yr = 0.0);

}  // namespace mineflow::io
