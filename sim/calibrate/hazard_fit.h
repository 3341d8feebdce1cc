#pragma once
// Maximum-likelihood fit of the two-class hazard model (docs/hazard.md). Pure functions over
// plain data: the catalogue, the exposure set and the frequency figures in, estimates with
// 95 % Wald intervals (from the observed information) out.

#include <string>
#include <vector>

#include "sim/calibrate/hazard_catalogue.h"
#include "sim/hazard_model.h"

namespace mineflow {

// A point estimate with its standard error and 95 % interval (on the scale the interval was
// built on, then transformed: r0, k and medians are positive). Not sim/summary.h's Estimate,
// a Monte Carlo mean with its standard error.
struct FitEstimate {
  double value = 0.0;
  double se = 0.0;
  double low = 0.0;
  double high = 0.0;
};

// How an iterative fit ended: converged, or stopped at its iteration limit or with no improving
// step left. `final_size`: the last full Newton step (largest coefficient change) or the
// simplex's spread (sum over coordinates of |best - worst|).
struct FitConvergence {
  bool converged = false;
  int iterations = 0;
  double final_size = 0.0;
};

// Poisson regression with exposure: counts[i] ~ Poisson(years_i x rate_i),
// ln rate_i = c0 + c1 (w_i - 5) + c2 ln(share_i / reference_share).
// c0 = ln r0, c1 = ln 2 / k, c2 = b.
struct PolicyRateFit {
  double coef[3] = {0.0, 0.0, 0.0};
  double covariance[9] = {0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0};
  double log_likelihood = 0.0;
  int events = 0;
  double exposure_years = 0.0;
  FitConvergence convergence;  // Newton-Raphson with step halving (at most 100 iterations)

  FitEstimate r0() const;                   // exp(c0)
  FitEstimate doublings_per_point() const;  // 1 / k = c1 / ln 2 (may include 0)
  FitEstimate share_exponent() const;       // b
  double doubling_points() const;           // k = ln 2 / c1 (negative: falls with w; c1 = 0: inf)
};

PolicyRateFit fit_policy_rate(const std::vector<ExposureNode>& nodes,
                              const std::vector<int>& counts, double reference_share);

// Durations with right-censoring (`censored`: the event was still going on after `days`).
struct DurationObservation {
  double days = 0.0;
  bool censored = false;
};

enum class DurationFamily { exponential, lognormal };

// exponential: theta = {ln mean}; lognormal: theta = {ln median (mu), ln sigma}.
struct DurationFit {
  DurationFamily family = DurationFamily::lognormal;
  double theta[2] = {0.0, 0.0};
  double covariance[4] = {0.0, 0.0, 0.0, 0.0};
  double log_likelihood = 0.0;
  int observed = 0;
  int censored = 0;
  FitConvergence convergence;  // Nelder-Mead (at most 2,000 iterations)

  FitEstimate median_days() const;  // lognormal: e^mu; exponential: mean ln 2
  FitEstimate mean_days() const;    // lognormal: e^(mu + sigma^2 / 2) (delta-method se)
  FitEstimate sigma() const;        // lognormal only
  Distribution distribution() const;
};

// Needs at least one uncensored observation (throws std::invalid_argument otherwise).
DurationFit fit_censored_durations(const std::vector<DurationObservation>& data,
                                   DurationFamily family);

// Uniform on mean +- sqrt(3) sd of the realised drops (method of moments), clipped to [0, 1];
// one drop gives a fixed severity.
Distribution severity_from_drops(const std::vector<double>& drops);

// E[min(D, cap)]: exact for lognormal, exponential and fixed; min(mean, cap) otherwise.
double mean_capped_days(const Distribution& duration_days, double cap_days);

// The per-node rate whose expected annual loss (rate x E[min(duration, 1 yr)] / 365 x
// E[severity]) is `allowance` of a node's output: summed over nodes weighted by world share,
// `allowance` of world supply. The allowance is a share of one year's output, so an event
// counts at most one year (the rest of a long event is the next year's loss).
double operational_rate_for_allowance(double allowance, const Distribution& duration_days,
                                      const Distribution& severity);

struct HazardFit {
  std::vector<ExposureNode> exposure;
  std::vector<int> policy_counts;  // per exposure node, events starting inside the window
  PolicyRateFit policy_rate;
  DurationFit policy_duration;
  DurationFit policy_acute;  // the acute phase (licence shock); no observations: not fitted
  int acute_observations = 0;
  std::vector<double> policy_drops;
  DurationFit operational_duration;
  std::vector<double> operational_drops;
  FitEstimate operational_rate;  // value at the allowance; low/high at the realised range
  double allowance = 0.05;
  double allowance_low = 0.05;
  double allowance_high = 0.05;
  std::vector<std::string> notes;  // "E03: not counted: ..." per event left out of a part
  HazardModel model;

  // Empty when every fit converged; else one sentence naming the first that did not, how it
  // stopped and where it was (the calibration must not write a hazard from it).
  std::string convergence_failure() const;
};

// Counts in-fit policy events starting inside the window on their (mineral, country) exposure
// node (an event on no node is noted, not counted); durations and severities use every in-fit
// event of the class with a known start. The operational allowance comes from `figures`, its
// range from the realised years.
HazardFit fit_hazard(const EventCatalogue& catalogue, const std::vector<ExposureNode>& exposure,
                     const FrequencyFigures& figures, double reference_share,
                     double other_score_0to10);

// Acute-phase observations: every event with an `acute` block (censored when ongoing).
std::vector<DurationObservation> acute_observations(const EventCatalogue& catalogue);

// Observations of one class from the catalogue (censored at the window end when ongoing).
std::vector<DurationObservation> duration_observations(const EventCatalogue& catalogue,
                                                       HazardClass hazard_class);

}  // namespace mineflow
