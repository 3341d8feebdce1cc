#include "sim/sweep/sweep_target.h"

#include <array>
#include <charconv>
#include <cmath>

#include "graph/number_format.h"
#include "graph/source_ref.h"

namespace mineflow {
namespace {

constexpr std::array<SweepMetric, 5> kMetrics = {
    SweepMetric::p_shortage, SweepMetric::unmet_t, SweepMetric::unmet_pct,
    SweepMetric::cvar95_unmet_t, SweepMetric::longest_spell_days};

std::string_view trim(std::string_view text) {
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  return text;
}

}  // namespace

std::string_view to_string(SweepMetric metric) {
  switch (metric) {
    case SweepMetric::p_shortage:
      return "p_shortage";
    case SweepMetric::unmet_t:
      return "unmet_t";
    case SweepMetric::unmet_pct:
      return "unmet_pct";
    case SweepMetric::cvar95_unmet_t:
      return "cvar95_unmet_t";
    case SweepMetric::longest_spell_days:
      return "longest_spell_days";
  }
  return "";
}

std::string to_string(const SweepTarget& target) {
  return std::string(to_string(target.metric)) + "<=" + format_number(target.threshold);
}

SweepTarget parse_sweep_target(std::string_view text, const std::string& field) {
  std::string names;
  for (SweepMetric m : kMetrics) names += (names.empty() ? "" : ", ") + std::string(to_string(m));
  const std::string expected = "METRIC<=VALUE with METRIC one of " + names + " and VALUE >= 0";
  auto fail = [&]() { return InputError(SourceRef{}, field, std::string(text), expected); };
  std::size_t op = text.find("<=");
  if (op == std::string_view::npos) throw fail();
  std::string_view name = trim(text.substr(0, op));
  std::string_view number = trim(text.substr(op + 2));
  SweepTarget target;
  bool known = false;
  for (SweepMetric m : kMetrics) {
    if (name == to_string(m)) {
      target.metric = m;
      known = true;
    }
  }
  if (!known || number.empty()) throw fail();
  const char* end = number.data() + number.size();
  auto [ptr, ec] = std::from_chars(number.data(), end, target.threshold);
  if (ec != std::errc() || ptr != end || !std::isfinite(target.threshold) ||
      target.threshold < 0.0) {
    throw fail();
  }
  if (target.metric == SweepMetric::p_shortage && target.threshold > 1.0) throw fail();
  return target;
}

}  // namespace mineflow
