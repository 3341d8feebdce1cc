#include "sim/occurrences.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <optional>

#include "sim/distribution.h"
#include "sim/units.h"

namespace mineflow {
namespace {

void add_occurrence(const EventSpec& spec, std::uint32_t event, double start_day,
                    RandomStream& stream, std::vector<Occurrence>& out) {
  double duration = std::max(0.0, sample(spec.duration_days, stream));
  double shared_severity = std::clamp(sample(spec.severity, stream), 0.0, 1.0);
  for (std::size_t t = 0; t < spec.targets.size(); ++t) {
    const EventTarget& target = spec.targets[t];
    double severity =
        target.severity ? std::clamp(sample(*target.severity, stream), 0.0, 1.0) : shared_severity;
    out.push_back(
        {event, static_cast<std::uint32_t>(t), start_day, start_day + duration, severity});
  }
}

}  // namespace

// The trial's draw of the hazard coefficients (shared by every event with a RateDraw).
static std::array<double, 3> draw_coefficients(const RateDraw& draw, std::uint64_t seed,
                                               std::uint64_t trial) {
  RandomStream stream(seed, trial, kParameterStream);
  double z[3] = {stream.normal(), stream.normal(), stream.normal()};
  std::array<double, 3> c{};
  for (std::size_t i = 0; i < 3; ++i) {
    c[i] = draw.mean[i];
    for (std::size_t j = 0; j <= i; ++j) c[i] += draw.cholesky[3 * i + j] * z[j];
  }
  return c;
}

void draw_occurrences(const std::vector<EventSpec>& events, double horizon_days, std::uint64_t seed,
                      std::uint64_t trial, std::vector<Occurrence>& out) {
  out.clear();
  std::optional<std::array<double, 3>> coefficients;
  for (std::size_t e = 0; e < events.size(); ++e) {
    const EventSpec& spec = events[e];
    auto event = static_cast<std::uint32_t>(e);
    RandomStream stream(seed, trial, kEventStreamBase + event);
    if (spec.start_day) {
      if (*spec.start_day < horizon_days) add_occurrence(spec, event, *spec.start_day, stream, out);
      continue;
    }
    double rate = spec.hazard_per_year.value_or(0.0);
    if (spec.rate_draw) {
      const RateDraw& d = *spec.rate_draw;
      if (!coefficients) coefficients = draw_coefficients(d, seed, trial);
      const auto& c = *coefficients;
      rate = d.pieces * std::exp(c[0] + c[1] * d.x1 + c[2] * d.x2);
    }
    if (rate <= 0.0) continue;
    double mean_gap_days = kDaysPerYear / rate;
    for (double t = stream.exponential(mean_gap_days); t < horizon_days;
         t += stream.exponential(mean_gap_days)) {
      add_occurrence(spec, event, t, stream, out);
    }
  }
}

bool is_deterministic(const std::vector<EventSpec>& events) {
  for (const EventSpec& spec : events) {
    if (!spec.start_day || !spec.duration_days.is_fixed() || !spec.severity.is_fixed()) {
      return false;
    }
    for (const EventTarget& target : spec.targets) {
      if (target.severity && !target.severity->is_fixed()) return false;
    }
  }
  return true;
}

}  // namespace mineflow
