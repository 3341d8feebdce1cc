#include "tools/io/hazard_settings.h"

#include <cmath>
#include <sstream>

#include "graph/number_format.h"
#include "sim/distribution.h"
#include "tools/io/scenario_loader.h"
#include "tools/io/yaml_reader.h"

namespace mineflow::io {
namespace {

std::string number(double x) {
  std::ostringstream out;
  out.precision(6);
  out << x;
  return out.str();
}

std::string distribution_yaml(const Distribution& d) {
  switch (d.kind) {
    case Distribution::Kind::fixed:
      return "{dist: fixed, value: " + number(d.a) + "}";
    case Distribution::Kind::uniform:
      return "{dist: uniform, min: " + number(d.a) + ", max: " + number(d.b) + "}";
    case Distribution::Kind::triangular:
      return "{dist: triangular, min: " + number(d.a) + ", mode: " + number(d.b) +
             ", max: " + number(d.c) + "}";
    case Distribution::Kind::lognormal:
      return "{dist: lognormal, median: " + number(d.a) + ", sigma: " + number(d.b) + "}";
    case Distribution::Kind::exponential:
      return "{dist: exponential, mean: " + number(d.a) + "}";
  }
  return "";
}

std::string interval(const FitEstimate& e) {
  return number(e.value) + " (95 % interval " + number(e.low) + " - " + number(e.high) + ")";
}

}  // namespace

HazardModel load_hazard_model(const std::string& file) {
  YamlValue root = load_yaml_file(file);
  root.allow_only({"policy", "operational", "other_score", "policy_fit", "policy_duration_fit",
                   "operational_rate_range", "source"});
  HazardModel model;
  model.file = file;
  YamlValue policy = root.require("policy");
  policy.allow_only({"rate_at_5_per_year", "doubling_points", "share_exponent", "reference_share",
                     "duration_days", "severity", "acute_days"});
  model.policy.rate_at_5_per_year = policy.require("rate_at_5_per_year").as_non_negative();
  YamlValue k = policy.require("doubling_points");
  model.policy.doubling_points = k.as_double();
  if (model.policy.doubling_points == 0.0) k.fail("a non-zero number of points");
  model.policy.share_exponent = policy.require("share_exponent").as_double();
  model.policy.reference_share = policy.require("reference_share").as_positive();
  model.policy.duration_days = read_distribution(policy.require("duration_days"), false);
  YamlValue severity = policy.require("severity");
  model.policy.severity = read_distribution(severity, true);
  if (auto acute = policy.get("acute_days")) {
    model.policy.acute_days = read_distribution(*acute, false);
    // The structural phase lets 1 - severity through: a bounded severity is needed.
    if (model.policy.severity.kind == Distribution::Kind::lognormal ||
        model.policy.severity.kind == Distribution::Kind::exponential) {
      severity.fail(
          "a fixed, uniform or triangular severity (with acute_days, 1 - severity is "
          "the structural phase's approval share)");
    }
  }
  YamlValue op = root.require("operational");
  op.allow_only({"rate_per_node_per_year", "facility_share", "duration_days", "severity"});
  model.operational.rate_per_node_per_year = op.require("rate_per_node_per_year").as_non_negative();
  if (auto facility = op.get("facility_share")) {
    model.operational.facility_share = facility->as_non_negative();
    if (model.operational.facility_share > 1.0) facility->fail("a share of world output in [0, 1]");
  }
  model.operational.duration_days = read_distribution(op.require("duration_days"), false);
  model.operational.severity = read_distribution(op.require("severity"), true);
  model.other_score_0to10 = root.require("other_score").as_non_negative();
  auto read_numbers = [](const YamlValue& list, double* out, std::size_t n) {
    std::vector<YamlValue> items = list.items();
    if (items.size() != n) list.fail(std::to_string(n) + " numbers");
    for (std::size_t i = 0; i < n; ++i) out[i] = items[i].as_double();
  };
  if (auto fit = root.get("policy_fit")) {
    fit->allow_only({"estimate", "covariance"});
    read_numbers(fit->require("estimate"), model.policy_sampling.estimate, 3);
    read_numbers(fit->require("covariance"), model.policy_sampling.covariance, 9);
  }
  if (auto fit = root.get("policy_duration_fit")) {
    fit->allow_only({"estimate", "covariance"});
    read_numbers(fit->require("estimate"), model.policy_duration_sampling.estimate, 2);
    read_numbers(fit->require("covariance"), model.policy_duration_sampling.covariance, 4);
    model.policy_duration_sampling.present = true;
  }
  if (auto range = root.get("operational_rate_range")) {
    double bounds[2] = {0.0, 0.0};
    read_numbers(*range, bounds, 2);
    double rate = model.operational.rate_per_node_per_year;
    if (!(bounds[0] >= 0.0 && bounds[0] <= rate && rate <= bounds[1])) {
      range->fail("[low, high] with 0 <= low <= rate_per_node_per_year <= high");
    }
    model.operational_rate_range = {bounds[0], bounds[1], true};
  }
  return model;
}

std::string hazard_settings_yaml(const HazardFit& fit, const std::string& catalogue,
                                 const std::string& measure, int year) {
  const HazardModel& m = fit.model;
  const PolicyRateFit& p = fit.policy_rate;
  std::ostringstream out;
  out << "# Two-class background hazard, written by `mineflow calibrate` (docs/hazard.md).\n"
      << "# Fitted by maximum likelihood from " << catalogue << "\n"
      << "# (" << p.events << " policy events over " << number(p.exposure_years)
      << " country-mineral-years; stability " << measure << " " << year << ").\n"
      << "# 95 % intervals (Wald, observed information):\n"
      << "#   r0 (rate at w = 5, share = s_ref): " << interval(p.r0()) << " / yr\n"
      << "#   1 / k (doublings per point of w):  " << interval(p.doublings_per_point()) << "\n"
      << "#   b (share exponent):                " << interval(p.share_exponent()) << "\n"
      << "#   policy duration median, days:      " << interval(fit.policy_duration.median_days())
      << "\n"
      << (fit.acute_observations > 0 ? "#   policy acute phase median, days:   " +
                                           interval(fit.policy_acute.median_days()) + "\n"
                                     : std::string())
      << "#   operational duration median, days: "
      << interval(fit.operational_duration.median_days()) << "\n"
      << "#   operational rate per facility-year: " << number(fit.operational_rate.value)
      << " at the " << number(fit.allowance * 100) << " % copper allowance ("
      << number(fit.operational_rate.low) << " - " << number(fit.operational_rate.high)
      << " over the realised " << number(fit.allowance_low * 100) << " - "
      << number(fit.allowance_high * 100) << " %)\n"
      << "source: \"mineflow calibrate from " << catalogue << " and frequencies.yaml\"\n"
      << "policy:\n"
      << "  rate_at_5_per_year: " << number(m.policy.rate_at_5_per_year) << "\n"
      << "  doubling_points: " << number(m.policy.doubling_points) << "\n"
      << "  share_exponent: " << number(m.policy.share_exponent) << "\n"
      << "  reference_share: " << number(m.policy.reference_share) << "\n"
      << "  duration_days: " << distribution_yaml(m.policy.duration_days) << "\n"
      << "  severity: " << distribution_yaml(m.policy.severity) << "\n";
  if (m.policy.acute_days) {
    out << "  acute_days: " << distribution_yaml(*m.policy.acute_days) << "\n";
  }
  out << "operational:\n"
      << "  rate_per_node_per_year: " << number(m.operational.rate_per_node_per_year) << "\n"
      << "  facility_share: " << number(m.operational.facility_share) << "\n"
      << "  duration_days: " << distribution_yaml(m.operational.duration_days) << "\n"
      << "  severity: " << distribution_yaml(m.operational.severity) << "\n"
      << "other_score: " << number(m.other_score_0to10) << "\n"
      << "# (ln r0, ln 2 / k, b) and their covariance, for --parameter-uncertainty.\n"
      << "policy_fit:\n"
      << "  estimate: [";
  for (int i = 0; i < 3; ++i) out << (i ? ", " : "") << number(m.policy_sampling.estimate[i]);
  out << "]\n  covariance: [";
  for (int i = 0; i < 9; ++i) out << (i ? ", " : "") << number(m.policy_sampling.covariance[i]);
  out << "]\n";
  if (m.policy_duration_sampling.present) {
    const DurationSampling& d = m.policy_duration_sampling;
    out << "# (ln median days, ln sigma) of the policy durations and their covariance.\n"
        << "policy_duration_fit:\n  estimate: [" << number(d.estimate[0]) << ", "
        << number(d.estimate[1]) << "]\n  covariance: [";
    for (int i = 0; i < 4; ++i) out << (i ? ", " : "") << number(d.covariance[i]);
    out << "]\n";
  }
  if (m.operational_rate_range.present) {
    out << "# Operational rate per node-year at the realised low and high copper allowances.\n"
        << "operational_rate_range: [" << number(m.operational_rate_range.low) << ", "
        << number(m.operational_rate_range.high) << "]\n";
  }
  return out.str();
}

}  // namespace mineflow::io
