#include "sim/stock_flow/lifetime.h"

#include <array>
#include <cassert>
#include <cmath>
#include <utility>

namespace mineflow::stock_flow {
namespace {

// Upper tail of the standard normal, accurate far into the tail (erfc, not 1 - erf).
double normal_upper_tail(double z) {
  return 0.5 * std::erfc(z / std::sqrt(2.0));
}

constexpr std::array<std::pair<LifetimeKind, std::string_view>, 7> kNames{{
    {LifetimeKind::fixed, "fixed"},
    {LifetimeKind::normal, "normal"},
    {LifetimeKind::truncated_normal, "truncated_normal"},
    {LifetimeKind::folded_normal, "folded_normal"},
    {LifetimeKind::lognormal, "lognormal"},
    {LifetimeKind::weibull, "weibull"},
    {LifetimeKind::exponential, "exponential"},
}};

}  // namespace

double survival(const Lifetime& lt, double age_yr) {
  assert(age_yr >= 0.0);
  switch (lt.kind) {
    case LifetimeKind::fixed:
      return age_yr < lt.mean_yr ? 1.0 : 0.0;
    case LifetimeKind::normal:
      if (lt.mean_yr == 0.0) return 0.0;
      return normal_upper_tail((age_yr - lt.mean_yr) / lt.sd_yr);
    case LifetimeKind::truncated_normal: {
      if (lt.mean_yr == 0.0) return 0.0;
      double kept = normal_upper_tail(-lt.mean_yr / lt.sd_yr);
      return normal_upper_tail((age_yr - lt.mean_yr) / lt.sd_yr) / kept;
    }
    case LifetimeKind::folded_normal:
      if (lt.mean_yr == 0.0) return 0.0;
      return normal_upper_tail((age_yr - lt.mean_yr) / lt.sd_yr) +
             normal_upper_tail((age_yr + lt.mean_yr) / lt.sd_yr);
    case LifetimeKind::lognormal: {
      if (lt.mean_yr == 0.0) return 0.0;
      if (age_yr <= 0.0) return 1.0;
      // Moments of the underlying normal from the lifetime's own mean m and sd s:
      // sigma^2 = ln(1 + s^2/m^2), mu = ln(m) - sigma^2/2.
      double cv = lt.sd_yr / lt.mean_yr;
      double sigma2 = std::log1p(cv * cv);
      double mu = std::log(lt.mean_yr) - 0.5 * sigma2;
      return normal_upper_tail((std::log(age_yr) - mu) / std::sqrt(sigma2));
    }
    case LifetimeKind::weibull:
      if (lt.shape == 0.0) return 0.0;
      return std::exp(-std::pow(age_yr / lt.scale_yr, lt.shape));
    case LifetimeKind::exponential:
      if (lt.mean_yr == 0.0) return 0.0;
      return std::exp(-age_yr / lt.mean_yr);
  }
  return 0.0;
}

std::string_view to_string(LifetimeKind kind) {
  for (const auto& [k, name] : kNames) {
    if (k == kind) return name;
  }
  return "?";
}

bool parse_lifetime_kind(std::string_view text, LifetimeKind* kind) {
  for (const auto& [k, name] : kNames) {
    if (name == text) {
      *kind = k;
      return true;
    }
  }
  return false;
}

}  // namespace mineflow::stock_flow
