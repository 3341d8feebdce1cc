#include "sim/occurrences.h"

#include <algorithm>
#include <cmath>
#include <optional>

#include "sim/distribution.h"
#include "sim/hazard_draw.h"
#include "sim/units.h"

namespace mineflow {
namespace {

void add_occurrence(const EventSpec& spec, const Distribution& duration_days, std::uint32_t event,
                    double start_day, RandomStream& stream, std::vector<Occurrence>& out) {
  double duration = std::max(0.0, sample(duration_days, stream));
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

void draw_occurrences(const std::vector<EventSpec>& events, double horizon_days, std::uint64_t seed,
                      std::uint64_t trial, std::vector<Occurrence>& out) {
  out.clear();
  std::optional<HazardVariates> variates;  // --parameter-uncertainty: drawn on first use
  for (std::size_t e = 0; e < events.size(); ++e) {
    const EventSpec& spec = events[e];
    auto event = static_cast<std::uint32_t>(e);
    RandomStream stream(seed, trial, kEventStreamBase + event);
    if (spec.start_day) {
      if (*spec.start_day < horizon_days) {
        add_occurrence(spec, spec.duration_days, event, *spec.start_day, stream, out);
      }
      continue;
    }
    double rate = spec.hazard_per_year.value_or(0.0);
    Distribution duration_days = spec.duration_days;
    if (spec.rate_draw) {
      if (!variates) variates = draw_hazard_variates(seed, trial);
      rate = drawn_rate_per_year(*spec.rate_draw, *variates);
      duration_days = drawn_duration_days(*spec.rate_draw, *variates, spec.duration_days);
    }
    if (rate <= 0.0) continue;
    double mean_gap_days = kDaysPerYear / rate;
    for (double t = stream.exponential(mean_gap_days); t < horizon_days;
         t += stream.exponential(mean_gap_days)) {
      add_occurrence(spec, duration_days, event, t, stream, out);
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
