#include "sim/sweep/sweep_target.h"

#include <charconv>
#include <cmath>

#include "graph/number_format.h"
#include "graph/source_ref.h"

namespace mineflow {
namespace {

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
    case SweepMetric::priced_out_t:
      return "priced_out_t";
    case SweepMetric::priced_out_pct_annual_demand:
      return "priced_out_pct_annual_demand";
    case SweepMetric::not_served_t:
      return "not_served_t";
    case SweepMetric::not_served_pct_annual_demand:
      return "not_served_pct_annual_demand";
  }
  return "";
}

std::string to_string(const SweepTarget& target) {
  return std::string(to_string(target.metric)) + "<=" + format_number(target.threshold);
}

SweepTarget parse_sweep_target(std::string_view text, const std::string& field) {
  std::string names;
  for (SweepMetric m : kSweepMetrics) {
    names += (names.empty() ? "" : ", ") + std::string(to_string(m));
  }
  const std::string expected = "METRIC<=VALUE with METRIC one of " + names + " and VALUE >= 0";
  auto fail = [&]() { return InputError(SourceRef{}, field, std::string(text), expected); };
  std::size_t op = text.find("<=");
  if (op == std::string_view::npos) throw fail();
  std::string_view name = trim(text.substr(0, op));
  std::string_view number = trim(text.substr(op + 2));
  SweepTarget target;
  bool known = false;
  for (SweepMetric m : kSweepMetrics) {
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
