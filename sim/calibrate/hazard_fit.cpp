#include "sim/calibrate/hazard_fit.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <functional>
#include <iomanip>
#include <limits>
#include <numbers>
#include <sstream>
#include <stdexcept>

#include "sim/distribution.h"

namespace mineflow {
namespace {

constexpr double kZ95 = 1.959963984540054;
constexpr double kDaysPerYear = 365.0;

using Matrix3 = std::array<double, 9>;

// Inverse of a symmetric 3 x 3 matrix by cofactors; false when (nearly) singular.
bool invert3(const Matrix3& m, Matrix3& out) {
  double c00 = m[4] * m[8] - m[5] * m[7];
  double c01 = m[5] * m[6] - m[3] * m[8];
  double c02 = m[3] * m[7] - m[4] * m[6];
  double det = m[0] * c00 + m[1] * c01 + m[2] * c02;
  double scale = std::abs(m[0]) + std::abs(m[4]) + std::abs(m[8]);
  if (!(std::abs(det) > 1e-14 * scale * scale * scale)) return false;
  out = {c00, m[2] * m[7] - m[1] * m[8], m[1] * m[5] - m[2] * m[4],
         c01, m[0] * m[8] - m[2] * m[6], m[2] * m[3] - m[0] * m[5],
         c02, m[1] * m[6] - m[0] * m[7], m[0] * m[4] - m[1] * m[3]};
  for (double& v : out) v /= det;
  return true;
}

FitEstimate wald(double value, double variance) {
  double se = std::sqrt(std::max(0.0, variance));
  return {value, se, value - kZ95 * se, value + kZ95 * se};
}

FitEstimate exp_of(const FitEstimate& log_scale) {
  return {std::exp(log_scale.value), std::exp(log_scale.value) * log_scale.se,
          std::exp(log_scale.low), std::exp(log_scale.high)};
}

struct Row {
  double x[3];
  double log_exposure;
  int count;
};

double poisson_log_likelihood(const std::vector<Row>& rows, const double coef[3]) {
  double sum = 0.0;
  for (const Row& r : rows) {
    double eta = r.log_exposure + coef[0] + coef[1] * r.x[1] + coef[2] * r.x[2];
    sum += r.count * eta - std::exp(eta) - std::lgamma(r.count + 1.0);
  }
  return sum;
}

// Log density (observed) or log survival (censored) of one duration.
double duration_log_term(DurationFamily family, const double theta[2],
                         const DurationObservation& obs) {
  double t = std::max(obs.days, 1e-9);
  if (family == DurationFamily::exponential) {
    double log_mean = theta[0];
    double rate_t = t * std::exp(-log_mean);
    return obs.censored ? -rate_t : -log_mean - rate_t;
  }
  double mu = theta[0];
  double sigma = std::exp(theta[1]);
  double z = (std::log(t) - mu) / sigma;
  if (obs.censored) return std::log(0.5 * std::erfc(z / std::numbers::sqrt2));
  return -0.5 * z * z - std::log(sigma * t) - 0.5 * std::log(2.0 * std::numbers::pi);
}

double duration_log_likelihood(DurationFamily family, const double theta[2],
                               const std::vector<DurationObservation>& data) {
  double sum = 0.0;
  for (const DurationObservation& obs : data) sum += duration_log_term(family, theta, obs);
  return sum;
}

// Nelder-Mead maximisation in 1 or 2 dimensions (enough for the duration families). Converged
// when the simplex's values agree to 1e-13 (relative) and its points to 1e-10.
constexpr int kMaxSimplexIterations = 2000;
FitConvergence nelder_mead_maximise(const std::function<double(const double*)>& f, std::size_t dims,
                                    double* start) {
  FitConvergence convergence;
  std::vector<std::array<double, 2>> simplex(dims + 1);
  std::vector<double> value(simplex.size());
  for (std::size_t i = 0; i < simplex.size(); ++i) {
    simplex[i] = {start[0], dims > 1 ? start[1] : 0.0};
    if (i > 0) simplex[i][i - 1] += 0.5;
    value[i] = f(simplex[i].data());
  }
  auto eval = [&](const std::array<double, 2>& p) { return f(p.data()); };
  for (int iter = 0; iter < kMaxSimplexIterations; ++iter) {
    std::vector<std::size_t> order(simplex.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::sort(order.begin(), order.end(), [&](auto a, auto b) { return value[a] > value[b]; });
    std::size_t best = order.front();
    std::size_t worst = order.back();
    double spread = 0.0;
    for (std::size_t d = 0; d < dims; ++d) spread += std::abs(simplex[best][d] - simplex[worst][d]);
    convergence.iterations = iter;
    convergence.final_size = spread;
    if (std::abs(value[best] - value[worst]) < 1e-13 * (1.0 + std::abs(value[best])) &&
        spread < 1e-10) {
      convergence.converged = true;
      break;
    }
    std::array<double, 2> centroid{0.0, 0.0};
    for (std::size_t i : order) {
      if (i == worst) continue;
      for (std::size_t d = 0; d < dims; ++d)
        centroid[d] += simplex[i][d] / static_cast<double>(dims);
    }
    auto along = [&](double t) {
      std::array<double, 2> p{0.0, 0.0};
      for (std::size_t d = 0; d < dims; ++d)
        p[d] = centroid[d] + t * (simplex[worst][d] - centroid[d]);
      return p;
    };
    std::array<double, 2> reflected = along(-1.0);
    double fr = eval(reflected);
    if (fr > value[best]) {
      std::array<double, 2> expanded = along(-2.0);
      double fe = eval(expanded);
      if (fe > fr) {
        simplex[worst] = expanded;
        value[worst] = fe;
      } else {
        simplex[worst] = reflected;
        value[worst] = fr;
      }
      continue;
    }
    std::size_t second_worst = order[order.size() - 2];
    if (fr > value[second_worst]) {
      simplex[worst] = reflected;
      value[worst] = fr;
      continue;
    }
    std::array<double, 2> contracted = along(0.5);
    double fc = eval(contracted);
    if (fc > value[worst]) {
      simplex[worst] = contracted;
      value[worst] = fc;
      continue;
    }
    for (std::size_t i : order) {  // shrink towards the best
      if (i == best) continue;
      for (std::size_t d = 0; d < dims; ++d) {
        simplex[i][d] = simplex[best][d] + 0.5 * (simplex[i][d] - simplex[best][d]);
      }
      value[i] = eval(simplex[i]);
    }
  }
  if (!convergence.converged) convergence.iterations = kMaxSimplexIterations;
  std::size_t best =
      static_cast<std::size_t>(std::max_element(value.begin(), value.end()) - value.begin());
  for (std::size_t d = 0; d < dims; ++d) start[d] = simplex[best][d];
  return convergence;
}

}  // namespace

FitEstimate PolicyRateFit::r0() const {
  return exp_of(wald(coef[0], covariance[0]));
}

FitEstimate PolicyRateFit::doublings_per_point() const {
  FitEstimate c1 = wald(coef[1], covariance[4]);
  return {c1.value / std::numbers::ln2, c1.se / std::numbers::ln2, c1.low / std::numbers::ln2,
          c1.high / std::numbers::ln2};
}

FitEstimate PolicyRateFit::share_exponent() const {
  return wald(coef[2], covariance[8]);
}

double PolicyRateFit::doubling_points() const {
  // A negative k (rate falling with w) is kept as fitted: 2^((w - 5) / k) still holds.
  return coef[1] != 0.0 ? std::numbers::ln2 / coef[1] : std::numeric_limits<double>::infinity();
}

PolicyRateFit fit_policy_rate(const std::vector<ExposureNode>& nodes,
                              const std::vector<int>& counts, double reference_share) {
  if (nodes.size() != counts.size()) throw std::invalid_argument("one count per exposure node");
  std::vector<Row> rows;
  PolicyRateFit fit;
  for (std::size_t i = 0; i < nodes.size(); ++i) {
    if (nodes[i].years <= 0.0 || nodes[i].world_share <= 0.0) continue;
    rows.push_back(
        {{1.0, nodes[i].stability_0to10 - 5.0, std::log(nodes[i].world_share / reference_share)},
         std::log(nodes[i].years),
         counts[i]});
    fit.events += counts[i];
    fit.exposure_years += nodes[i].years;
  }
  if (fit.events == 0 || rows.empty()) {
    throw std::invalid_argument("the policy-rate fit needs at least one event");
  }
  // Newton-Raphson on the concave Poisson log likelihood, with step halving.
  fit.coef[0] = std::log(fit.events / fit.exposure_years);
  double loglik = poisson_log_likelihood(rows, fit.coef);
  Matrix3 info{};
  for (int iter = 0; iter < 100; ++iter) {
    double score[3] = {0.0, 0.0, 0.0};
    info.fill(0.0);
    for (const Row& r : rows) {
      double mu =
          std::exp(r.log_exposure + fit.coef[0] + fit.coef[1] * r.x[1] + fit.coef[2] * r.x[2]);
      for (std::size_t a = 0; a < 3; ++a) {
        score[a] += (r.count - mu) * r.x[a];
        for (std::size_t b = 0; b < 3; ++b) info[3 * a + b] += mu * r.x[a] * r.x[b];
      }
    }
    Matrix3 inverse{};
    if (!invert3(info, inverse)) break;  // singular information: not converged
    double step[3] = {0.0, 0.0, 0.0};
    double full_step = 0.0;
    for (std::size_t a = 0; a < 3; ++a) {
      for (std::size_t b = 0; b < 3; ++b) step[a] += inverse[3 * a + b] * score[b];
      full_step = std::max(full_step, std::abs(step[a]));
    }
    fit.convergence.iterations = iter + 1;
    fit.convergence.final_size = full_step;
    double t = 1.0;
    double next[3];
    double next_loglik = loglik;
    bool improved = false;
    for (int halving = 0; halving < 40; ++halving, t *= 0.5) {
      for (std::size_t a = 0; a < 3; ++a) next[a] = fit.coef[a] + t * step[a];
      next_loglik = poisson_log_likelihood(rows, next);
      if (next_loglik >= loglik - 1e-12) {
        improved = true;
        break;
      }
    }
    // Converged when the full Newton step is tiny, not when halving has made the applied one
    // tiny (40 halvings shrink any step below 1e-10 without reaching the optimum).
    if (!improved) {
      fit.convergence.converged = full_step < 1e-10;
      break;
    }
    for (std::size_t a = 0; a < 3; ++a) fit.coef[a] = next[a];
    loglik = next_loglik;
    if (full_step < 1e-10) {
      fit.convergence.converged = true;
      break;
    }
  }
  // Covariance: the inverse observed (= expected, canonical link) information at the optimum.
  info.fill(0.0);
  for (const Row& r : rows) {
    double mu =
        std::exp(r.log_exposure + fit.coef[0] + fit.coef[1] * r.x[1] + fit.coef[2] * r.x[2]);
    for (std::size_t a = 0; a < 3; ++a) {
      for (std::size_t b = 0; b < 3; ++b) info[3 * a + b] += mu * r.x[a] * r.x[b];
    }
  }
  Matrix3 inverse{};
  if (invert3(info, inverse)) {
    std::copy(inverse.begin(), inverse.end(), fit.covariance);
  } else {
    fit.convergence.converged = false;
    std::fill(std::begin(fit.covariance), std::end(fit.covariance),
              std::numeric_limits<double>::infinity());
  }
  fit.log_likelihood = loglik;
  return fit;
}

FitEstimate DurationFit::median_days() const {
  if (family == DurationFamily::exponential) {
    FitEstimate mean = exp_of(wald(theta[0], covariance[0]));
    return {mean.value * std::numbers::ln2, mean.se * std::numbers::ln2,
            mean.low * std::numbers::ln2, mean.high * std::numbers::ln2};
  }
  return exp_of(wald(theta[0], covariance[0]));
}

FitEstimate DurationFit::sigma() const {
  if (family == DurationFamily::exponential) return {};
  return exp_of(wald(theta[1], covariance[3]));
}

FitEstimate DurationFit::mean_days() const {
  if (family == DurationFamily::exponential) return exp_of(wald(theta[0], covariance[0]));
  // ln mean = mu + exp(2 ls) / 2; gradient (1, exp(2 ls)).
  double s2 = std::exp(2.0 * theta[1]);
  double log_mean = theta[0] + 0.5 * s2;
  double var = covariance[0] + 2.0 * s2 * covariance[1] + s2 * s2 * covariance[3];
  return exp_of(wald(log_mean, var));
}

Distribution DurationFit::distribution() const {
  if (family == DurationFamily::exponential) {
    return {Distribution::Kind::exponential, std::exp(theta[0]), 0.0, 0.0};
  }
  return {Distribution::Kind::lognormal, std::exp(theta[0]), std::exp(theta[1]), 0.0};
}

DurationFit fit_censored_durations(const std::vector<DurationObservation>& data,
                                   DurationFamily family) {
  DurationFit fit;
  fit.family = family;
  double sum_log = 0.0;
  double sum_log2 = 0.0;
  for (const DurationObservation& obs : data) {
    if (obs.censored) {
      ++fit.censored;
      continue;
    }
    ++fit.observed;
    double l = std::log(std::max(obs.days, 1e-9));
    sum_log += l;
    sum_log2 += l * l;
  }
  if (fit.observed == 0) throw std::invalid_argument("a duration fit needs an ended event");
  int dims = family == DurationFamily::exponential ? 1 : 2;
  // Start from the uncensored moments.
  double mean_log = sum_log / fit.observed;
  double var_log = std::max(0.01, sum_log2 / fit.observed - mean_log * mean_log);
  double theta[2] = {mean_log, 0.5 * std::log(var_log)};
  if (family == DurationFamily::exponential) theta[0] = mean_log + 0.5;
  auto f = [&](const double* p) {
    double t[2] = {p[0], dims > 1 ? p[1] : 0.0};
    double v = duration_log_likelihood(family, t, data);
    return std::isfinite(v) ? v : -std::numeric_limits<double>::infinity();
  };
  fit.convergence = nelder_mead_maximise(f, static_cast<std::size_t>(dims), theta);
  fit.theta[0] = theta[0];
  fit.theta[1] = dims > 1 ? theta[1] : 0.0;
  fit.log_likelihood = f(fit.theta);
  // Observed information by central differences.
  const double h = 1e-4;
  double hess[4] = {0.0, 0.0, 0.0, 0.0};
  for (int a = 0; a < dims; ++a) {
    for (int b = 0; b < dims; ++b) {
      auto at = [&](double da, double db) {
        double p[2] = {fit.theta[0], fit.theta[1]};
        p[a] += da;
        p[b] += db;
        return f(p);
      };
      hess[2 * a + b] = (at(h, h) - at(h, -h) - at(-h, h) + at(-h, -h)) / (4.0 * h * h);
    }
  }
  if (dims == 1) {
    fit.covariance[0] = hess[0] < 0.0 ? -1.0 / hess[0] : std::numeric_limits<double>::infinity();
  } else {
    double det = hess[0] * hess[3] - hess[1] * hess[2];
    if (det > 0.0 && hess[0] < 0.0) {
      fit.covariance[0] = -hess[3] / det;
      fit.covariance[1] = hess[1] / det;
      fit.covariance[2] = hess[2] / det;
      fit.covariance[3] = -hess[0] / det;
    } else {
      std::fill(std::begin(fit.covariance), std::end(fit.covariance),
                std::numeric_limits<double>::infinity());
    }
  }
  return fit;
}

Distribution severity_from_drops(const std::vector<double>& drops) {
  if (drops.empty()) return {Distribution::Kind::uniform, 0.3, 1.0, 0.0};
  double mean = 0.0;
  for (double d : drops) mean += d;
  mean /= static_cast<double>(drops.size());
  if (drops.size() == 1) return {Distribution::Kind::fixed, mean, 0.0, 0.0};
  double ss = 0.0;
  for (double d : drops) ss += (d - mean) * (d - mean);
  double sd = std::sqrt(ss / static_cast<double>(drops.size() - 1));
  double half = std::sqrt(3.0) * sd;
  return {Distribution::Kind::uniform, std::clamp(mean - half, 0.0, 1.0),
          std::clamp(mean + half, 0.0, 1.0), 0.0};
}

double mean_capped_days(const Distribution& d, double cap_days) {
  switch (d.kind) {
    case Distribution::Kind::lognormal: {
      // E[D; D < c] + c P(D >= c), D = e^(mu + sigma Z).
      double mu = std::log(d.a);
      double sigma = d.b;
      if (sigma <= 0.0) return std::min(d.a, cap_days);
      auto cdf = [](double z) { return 0.5 * std::erfc(-z / std::numbers::sqrt2); };
      double lc = std::log(cap_days);
      return std::exp(mu + 0.5 * sigma * sigma) * cdf((lc - mu - sigma * sigma) / sigma) +
             cap_days * (1.0 - cdf((lc - mu) / sigma));
    }
    case Distribution::Kind::exponential:
      return d.a * (1.0 - std::exp(-cap_days / d.a));
    default:
      return std::min(mean_of(d), cap_days);  // exact for fixed; bounded kinds used here are short
  }
}

double operational_rate_for_allowance(double allowance, const Distribution& duration_days,
                                      const Distribution& severity) {
  double per_event =
      mean_capped_days(duration_days, kDaysPerYear) / kDaysPerYear * mean_of(severity);
  return per_event > 0.0 ? allowance / per_event : 0.0;
}

std::vector<DurationObservation> duration_observations(const EventCatalogue& catalogue,
                                                       HazardClass hazard_class) {
  std::vector<DurationObservation> out;
  for (const HistoricalEvent& e : catalogue.events) {
    if (!e.in_fit || e.hazard_class != hazard_class || !e.start_known) continue;
    if (e.start_day > catalogue.window_end_day) continue;
    if (e.end_day) {
      out.push_back({std::max(1.0, *e.end_day - e.start_day), false});
    } else {
      out.push_back({std::max(1.0, catalogue.window_end_day - e.start_day), true});
    }
  }
  return out;
}

std::vector<DurationObservation> acute_observations(const EventCatalogue& catalogue) {
  std::vector<DurationObservation> out;
  for (const HistoricalEvent& e : catalogue.events) {
    if (e.acute_days) out.push_back({*e.acute_days, e.acute_ongoing});
  }
  return out;
}

std::string HazardFit::convergence_failure() const {
  auto failed = [](const char* what, const char* method, const FitConvergence& c,
                   const char* size) {
    std::ostringstream out;
    out << what << " did not converge: " << method << " stopped after " << c.iterations
        << " iterations with " << size << " " << std::setprecision(3) << c.final_size;
    return out.str();
  };
  if (!policy_rate.convergence.converged) {
    return failed("the policy-rate fit", "Newton-Raphson", policy_rate.convergence,
                  "its last full step");
  }
  if (!policy_duration.convergence.converged) {
    return failed("the policy-duration fit", "Nelder-Mead", policy_duration.convergence,
                  "a simplex spread of");
  }
  if (acute_observations > 0 && !policy_acute.convergence.converged) {
    return failed("the acute-phase fit", "Nelder-Mead", policy_acute.convergence,
                  "a simplex spread of");
  }
  if (!operational_duration.convergence.converged) {
    return failed("the operational-duration fit", "Nelder-Mead", operational_duration.convergence,
                  "a simplex spread of");
  }
  return {};
}

HazardFit fit_hazard(const EventCatalogue& catalogue, const std::vector<ExposureNode>& exposure,
                     const FrequencyFigures& figures, double reference_share,
                     double other_score_0to10) {
  HazardFit fit;
  fit.exposure = exposure;
  fit.policy_counts.assign(exposure.size(), 0);
  for (const HistoricalEvent& e : catalogue.events) {
    if (!e.in_fit) {
      fit.notes.push_back(e.id + (e.acute_days ? ": not counted; its acute phase is used"
                                               : ": kept for the record, not used"));
      continue;
    }
    if (e.hazard_class == HazardClass::policy && e.realised_drop) {
      fit.policy_drops.push_back(*e.realised_drop);
    }
    if (e.hazard_class == HazardClass::operational && e.realised_drop) {
      fit.operational_drops.push_back(*e.realised_drop);
    }
    if (e.hazard_class != HazardClass::policy) continue;
    if (!e.start_known || e.start_day < catalogue.window_start_day ||
        e.start_day > catalogue.window_end_day) {
      fit.notes.push_back(e.id + ": not counted (starts outside the window)");
      continue;
    }
    bool counted = false;
    for (std::size_t i = 0; i < exposure.size(); ++i) {
      if (exposure[i].mineral == e.mineral && exposure[i].country == e.country) {
        ++fit.policy_counts[i];
        counted = true;
        break;
      }
    }
    if (!counted) {
      fit.notes.push_back(e.id + ": not counted (" + e.country + " " + e.mineral +
                          " is not in the exposure set)");
    }
  }
  fit.policy_rate = fit_policy_rate(exposure, fit.policy_counts, reference_share);
  fit.policy_duration = fit_censored_durations(
      duration_observations(catalogue, HazardClass::policy), DurationFamily::lognormal);
  fit.operational_duration = fit_censored_durations(
      duration_observations(catalogue, HazardClass::operational), DurationFamily::lognormal);
  std::vector<DurationObservation> acute = acute_observations(catalogue);
  fit.acute_observations = static_cast<int>(acute.size());
  if (!acute.empty()) fit.policy_acute = fit_censored_durations(acute, DurationFamily::lognormal);

  fit.allowance = figures.copper_allowance;
  fit.allowance_low = figures.copper_allowance;
  fit.allowance_high = figures.copper_allowance;
  for (const RealisedLoss& loss : figures.copper_losses) {
    fit.allowance_low = std::min(fit.allowance_low, loss.share);
    fit.allowance_high = std::max(fit.allowance_high, loss.share);
  }

  HazardModel& model = fit.model;
  model.other_score_0to10 = other_score_0to10;
  model.policy.rate_at_5_per_year = fit.policy_rate.r0().value;
  model.policy.doubling_points = fit.policy_rate.doubling_points();
  model.policy.share_exponent = fit.policy_rate.coef[2];
  model.policy.reference_share = reference_share;
  model.policy.duration_days = fit.policy_duration.distribution();
  model.policy.severity = severity_from_drops(fit.policy_drops);
  if (fit.acute_observations > 0) model.policy.acute_days = fit.policy_acute.distribution();
  model.operational.facility_share = figures.facility_share;
  std::copy(std::begin(fit.policy_rate.coef), std::end(fit.policy_rate.coef),
            model.policy_sampling.estimate);
  std::copy(std::begin(fit.policy_rate.covariance), std::end(fit.policy_rate.covariance),
            model.policy_sampling.covariance);
  if (fit.policy_duration.family == DurationFamily::lognormal) {
    std::copy(std::begin(fit.policy_duration.theta), std::end(fit.policy_duration.theta),
              model.policy_duration_sampling.estimate);
    std::copy(std::begin(fit.policy_duration.covariance), std::end(fit.policy_duration.covariance),
              model.policy_duration_sampling.covariance);
    model.policy_duration_sampling.present = true;
  }
  model.operational.duration_days = fit.operational_duration.distribution();
  model.operational.severity = severity_from_drops(fit.operational_drops);
  double rate = operational_rate_for_allowance(fit.allowance, model.operational.duration_days,
                                               model.operational.severity);
  model.operational.rate_per_node_per_year = rate;
  fit.operational_rate = {
      rate, 0.0,
      operational_rate_for_allowance(fit.allowance_low, model.operational.duration_days,
                                     model.operational.severity),
      operational_rate_for_allowance(fit.allowance_high, model.operational.duration_days,
                                     model.operational.severity)};
  model.operational_rate_range = {fit.operational_rate.low, fit.operational_rate.high, true};
  return fit;
}

}  // namespace mineflow
