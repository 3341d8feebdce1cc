#pragma once
// Product lifetime distributions and their survival function, in the conventions of ODYM's
// dynamic stock model (docs/stock-flow.md): survival S(age) is the share of a cohort still in use
// at `age` years after it entered; S is evaluated at integer ages (or ages + 0.5 for mid-year
// inflow), so 1 - S(0) leaves in the inflow year itself.

#include <string_view>

namespace mineflow::stock_flow {

enum class LifetimeKind {
  fixed,             // every item leaves once age reaches mean_yr (S(a) = a < mean)
  normal,            // not truncated: the mass below age 0 leaves in the inflow year (ODYM)
  truncated_normal,  // normal(mean, sd) conditioned on age >= 0 (S(0) = 1)
  folded_normal,     // |X| with X ~ normal(mean, sd) before folding (ODYM's parameters)
  lognormal,         // mean_yr and sd_yr of the lifetime itself, not of its logarithm
  weibull,           // S(a) = exp(-(a / scale_yr)^shape)
  exponential,       // S(a) = exp(-a / mean_yr)
};

// Parameters of one cohort's lifetime. Unused fields are ignored (fixed and exponential read
// mean_yr; weibull reads shape and scale_yr; the others read mean_yr and sd_yr).
struct Lifetime {
  LifetimeKind kind = LifetimeKind::fixed;
  double mean_yr = 0.0;
  double sd_yr = 0.0;
  double shape = 0.0;
  double scale_yr = 0.0;
};

// Share of a cohort still in use at `age_yr` (>= 0). A zero lifetime (mean_yr == 0, or a Weibull
// shape of 0) gives 0 at every age, as in ODYM: the whole cohort leaves in its inflow year.
double survival(const Lifetime& lifetime, double age_yr);

std::string_view to_string(LifetimeKind kind);
// Parses the names used in model files ("fixed", "normal", ...); false when unknown.
bool parse_lifetime_kind(std::string_view text, LifetimeKind* kind);

}  // namespace mineflow::stock_flow
