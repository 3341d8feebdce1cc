#pragma once
// A quantity that moves linearly in time: its value now and its slope (per day, the derivative
// from the right). The supply profile propagates these through the network so that every
// min(), max() or clamp() it passes reports when its inputs will cross: the next kink is then
// the root of a linear equation, not something a midpoint test has to search for
// (docs/engine.md "Event shapes").
//
// The value of every operation is computed exactly as the plain double code computes it (same
// operations, same order), so a segment without a ramp gives the same bits either way.

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>

namespace mineflow {

struct LinearValue {
  double value = 0.0;
  double slope = 0.0;  // per day

  LinearValue() = default;
  LinearValue(double v) : value(v) {}  // NOLINT: a constant converts implicitly, as a double would
  LinearValue(double v, double s) : value(v), slope(s) {}
};

inline LinearValue operator+(LinearValue a, LinearValue b) {
  return {a.value + b.value, a.slope + b.slope};
}
inline LinearValue operator-(LinearValue a, LinearValue b) {
  return {a.value - b.value, a.slope - b.slope};
}
inline LinearValue operator*(LinearValue a, LinearValue b) {
  return {a.value * b.value, a.slope * b.value + a.value * b.slope};
}
inline LinearValue operator/(LinearValue a, LinearValue b) {
  return {a.value / b.value, (a.slope * b.value - a.value * b.slope) / (b.value * b.value)};
}
inline LinearValue& operator+=(LinearValue& a, LinearValue b) {
  return a = a + b;
}
inline LinearValue& operator-=(LinearValue& a, LinearValue b) {
  return a = a - b;
}

// The earliest time ahead (days from now) at which some min/max/clamp switches its branch,
// assuming every input keeps its slope. Exact where the inputs are linear; the supply profile
// checks that they were (docs/engine.md).
struct KinkClock {
  double next_days = std::numeric_limits<double>::infinity();
  // Which branch every min/max took, in order: two points of a curve with the same fingerprint
  // lie on the same smooth piece (no switch between them, if none switches twice).
  std::uint64_t branches = 0;

  void note(bool first) { branches = branches * 3u + (first ? 1u : 2u); }

  // `active` is the branch taken now; it stops being taken when `other` overtakes it, which
  // for a minimum happens when active rises faster (sign = +1), for a maximum when it falls
  // faster (sign = -1).
  void watch(LinearValue active, LinearValue other, double sign) {
    double closing = sign * (active.slope - other.slope);
    if (closing <= 0.0) return;
    double days = sign * (other.value - active.value) / closing;
    if (days > 0.0 && days < next_days) next_days = days;
  }
};

// Plain doubles take the same calls, so one templated propagation serves both; the clock is
// then unused.
inline double lower_of(double a, double b, KinkClock*) {
  return std::min(a, b);
}
inline double upper_of(double a, double b, KinkClock*) {
  return std::max(a, b);
}

// Two values that meet within this many days, or that differ by no more than the rounding of
// the sums behind them (kTieRelative of their size), count as meeting now: a kink found by its
// root (and so landed on up to rounding) is not found again a rounding error later.
inline constexpr double kKinkTieDays = 1e-9;
inline constexpr double kTieRelative = 1e-12;

// Whether `a` is the smaller of two linear values from now on: the smaller one, or at a tie
// the one that stays smaller, or between lines equal up to rounding always `a` (so that the
// branch taken never depends on the last bits of two sums of the same terms).
inline bool first_stays_lower(LinearValue a, LinearValue b) {
  double apart = a.value - b.value;
  double closing = a.slope - b.slope;
  double size = std::max({1.0, std::abs(a.value), std::abs(b.value)});
  if (std::abs(apart) <= kKinkTieDays * std::abs(closing) + kTieRelative * size) {
    double steepness = std::max(std::abs(a.slope), std::abs(b.slope));
    if (std::abs(closing) <= kTieRelative * steepness) return true;
    return a.slope < b.slope;
  }
  return apart < 0.0;
}

// The branch taken from now on (`a` when a_active), noted and watched by the clock with the
// sign of the comparison (+1 for a minimum, -1 for a maximum); `value` is std::min's or
// std::max's, bit for bit.
inline LinearValue take_branch(LinearValue a, LinearValue b, bool a_active, double sign,
                               double value, KinkClock* clock) {
  const LinearValue& active = a_active ? a : b;
  if (clock != nullptr) {
    clock->note(a_active);
    clock->watch(active, a_active ? b : a, sign);
  }
  return {value, active.slope};
}

// The smaller of two linear values, with the slope of the branch that stays smaller.
inline LinearValue lower_of(LinearValue a, LinearValue b, KinkClock* clock) {
  return take_branch(a, b, first_stays_lower(a, b), 1.0, std::min(a.value, b.value), clock);
}

// The larger: `a` when `b` stays lower (at a tie the one rising faster, and between equal lines
// always `a`, whatever rounding did to their last bits).
inline LinearValue upper_of(LinearValue a, LinearValue b, KinkClock* clock) {
  return take_branch(a, b, first_stays_lower(b, a), -1.0, std::max(a.value, b.value), clock);
}

// std::clamp(x, lo, hi) for constant bounds lo <= hi, bit for bit in its value.
template <typename T>
T clamp_to(T x, double lo, double hi, KinkClock* clock) {
  return lower_of(upper_of(x, T(lo), clock), T(hi), clock);
}

inline double value_of(double x) {
  return x;
}
inline double value_of(LinearValue x) {
  return x.value;
}

}  // namespace mineflow
