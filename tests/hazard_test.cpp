// The two-class hazard (issue 11): fit recovery from synthetic catalogues (interval coverage),
// censored durations against closed forms, backtest counts against hand counts, node events,
// and bad catalogue rows through the CLI (file:line:column, exit 2).

#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <numbers>
#include <set>
#include <sstream>
#include <tuple>

#include <unistd.h>

#include "graph/build_graph.h"
#include "sim/background_risk.h"
#include "sim/calibrate/hazard_backtest.h"
#include "sim/calibrate/hazard_fit.h"
#include "sim/calibrate/price_backtest.h"
#include "sim/civil_date.h"
#include "sim/distribution.h"
#include "sim/hazard_draw.h"
#include "sim/occurrences.h"
#include "sim/random_stream.h"
#include "tests/cli_runner.h"
#include "tests/hazard_closed_form.h"
#include "tools/io/hazard_settings.h"
#include "tools/io/price_events_loader.h"

namespace mineflow {
namespace {

constexpr int kReplications = 200;

// Truth of the synthetic catalogues.
constexpr double kTrueR0 = 0.02;
constexpr double kTrueK = 2.0;
constexpr double kTrueB = 0.8;
constexpr double kTrueMedianDays = 200.0;
constexpr double kTrueSigma = 1.2;

std::vector<ExposureNode> synthetic_nodes(RandomStream& stream) {
  std::vector<ExposureNode> nodes;
  for (int i = 0; i < 150; ++i) {
    ExposureNode n;
    n.mineral = "m" + std::to_string(i % 6);
    n.country = "C" + std::to_string(i);
    n.stability_0to10 = stream.uniform(1.0, 9.0);
    n.world_share = std::exp(stream.uniform(std::log(0.005), std::log(0.8)));
    n.years = 17.0;
    nodes.push_back(n);
  }
  return nodes;
}

int poisson_draw(RandomStream& stream, double mean) {
  int n = 0;
  for (double t = stream.exponential(1.0); t < mean; t += stream.exponential(1.0)) ++n;
  return n;
}

bool covers(const FitEstimate& e, double truth) {
  return e.low <= truth && truth <= e.high;
}

// Every fit says how it ended. Newton on a regression whose covariates are collinear (every node
// at the same stability and share) has a singular information matrix: not converged, and the
// calibration names it. Nelder-Mead on a lognormal with one ended event chases sigma -> 0 (the
// likelihood has no maximum): it stops at its limit, not converged. A well-posed duration fit
// converges with a spread below its tolerance.
TEST(HazardFit, EveryFitReportsWhetherItConverged) {
  std::vector<ExposureNode> same(4);
  for (ExposureNode& n : same) {
    n.stability_0to10 = 5.0;
    n.world_share = 0.1;
    n.years = 17.0;
  }
  PolicyRateFit singular = fit_policy_rate(same, {1, 0, 2, 1}, 0.1);
  EXPECT_FALSE(singular.convergence.converged);

  DurationFit one = fit_censored_durations({{30.0, false}}, DurationFamily::lognormal);
  EXPECT_FALSE(one.convergence.converged);
  EXPECT_EQ(one.convergence.iterations, 2000);

  DurationFit fine = fit_censored_durations(
      {{30.0, false}, {90.0, false}, {45.0, false}, {400.0, true}}, DurationFamily::lognormal);
  EXPECT_TRUE(fine.convergence.converged);
  EXPECT_LT(fine.convergence.final_size, 1e-10);
  EXPECT_GT(fine.convergence.iterations, 0);

  HazardFit fit;
  fit.policy_rate.convergence = {true, 6, 1e-14};
  fit.policy_duration = fine;
  fit.operational_duration = fine;
  EXPECT_EQ(fit.convergence_failure(), "");
  fit.operational_duration = one;
  EXPECT_EQ(fit.convergence_failure().rfind("the operational-duration fit did not converge: "
                                            "Nelder-Mead stopped after 2000 iterations",
                                            0),
            0u)
      << fit.convergence_failure();
  fit.policy_rate = singular;
  EXPECT_EQ(fit.convergence_failure().rfind("the policy-rate fit did not converge", 0), 0u);
}

TEST(HazardFit, IntervalsCoverTheTruthOfSyntheticCatalogues) {
  PolicyHazard truth;
  truth.rate_at_5_per_year = kTrueR0;
  truth.doubling_points = kTrueK;
  truth.share_exponent = kTrueB;
  truth.reference_share = 0.1;
  int r0_hits = 0, k_hits = 0, b_hits = 0, median_hits = 0, sigma_hits = 0;
  for (int rep = 0; rep < kReplications; ++rep) {
    RandomStream stream(20261129, static_cast<std::uint64_t>(rep), 1);
    std::vector<ExposureNode> nodes = synthetic_nodes(stream);
    std::vector<int> counts;
    for (const ExposureNode& n : nodes) {
      counts.push_back(poisson_draw(
          stream, policy_rate_per_year(truth, n.stability_0to10, n.world_share) * n.years));
    }
    PolicyRateFit fit = fit_policy_rate(nodes, counts, 0.1);
    ASSERT_TRUE(fit.convergence.converged) << rep;
    EXPECT_LT(fit.convergence.final_size, 1e-10);
    r0_hits += covers(fit.r0(), kTrueR0);
    k_hits += covers(fit.doublings_per_point(), 1.0 / kTrueK);
    b_hits += covers(fit.share_exponent(), kTrueB);
    // Durations: 60 lognormal events, each censored at an independent uniform follow-up time.
    std::vector<DurationObservation> durations;
    for (int e = 0; e < 60; ++e) {
      double days = stream.lognormal(kTrueMedianDays, kTrueSigma);
      double follow_up = stream.uniform(0.0, 2000.0);
      durations.push_back({std::min(days, follow_up), follow_up < days});
    }
    DurationFit d = fit_censored_durations(durations, DurationFamily::lognormal);
    median_hits += covers(d.median_days(), kTrueMedianDays);
    sigma_hits += covers(d.sigma(), kTrueSigma);
  }
  // 95 % intervals: coverage within 88-99 % of 200 (binomial sd 3.1 around 190).
  for (int hits : {r0_hits, k_hits, b_hits, median_hits, sigma_hits}) {
    EXPECT_GE(hits, 176);
    EXPECT_LE(hits, 198);
  }
}

TEST(HazardFit, CensoredExponentialMatchesTheClosedForm) {
  // Total time at risk over ended events: (10 + 20 + 30 + 40 + 100) / 3.
  std::vector<DurationObservation> data = {
      {10.0, false}, {20.0, true}, {30.0, false}, {40.0, true}, {100.0, false}};
  EXPECT_DOUBLE_EQ(exponential_mean_closed_form(data), 200.0 / 3.0);
  DurationFit fit = fit_censored_durations(data, DurationFamily::exponential);
  // A value-only optimiser resolves the optimum to ~sqrt(machine epsilon): relative 1e-6.
  EXPECT_NEAR(fit.mean_days().value, 200.0 / 3.0, 1e-6 * 200.0 / 3.0);
  // Observed information of ln mean is the number of ended events: se = 1 / sqrt(3).
  EXPECT_NEAR(fit.mean_days().se / fit.mean_days().value, 1.0 / std::sqrt(3.0), 1e-4);
}

TEST(HazardFit, UncensoredLognormalMatchesTheLogMoments) {
  std::vector<DurationObservation> data = {
      {20.0, false}, {60.0, false}, {200.0, false}, {35.0, false}};
  double mean = 0.0, ss = 0.0;
  for (const auto& d : data) mean += std::log(d.days) / 4.0;
  for (const auto& d : data) ss += (std::log(d.days) - mean) * (std::log(d.days) - mean);
  DurationFit fit = fit_censored_durations(data, DurationFamily::lognormal);
  EXPECT_NEAR(fit.median_days().value, std::exp(mean), 1e-6 * std::exp(mean));
  EXPECT_NEAR(fit.sigma().value, std::sqrt(ss / 4.0), 1e-6 * std::sqrt(ss / 4.0));  // MLE: / n
}

TEST(HazardFit, PolicyRateFormula) {
  PolicyHazard h;
  h.rate_at_5_per_year = 0.01;
  h.doubling_points = 2.0;
  h.share_exponent = 1.0;
  h.reference_share = 0.1;
  EXPECT_DOUBLE_EQ(policy_rate_per_year(h, 5.0, 0.1), 0.01);
  EXPECT_DOUBLE_EQ(policy_rate_per_year(h, 7.0, 0.1), 0.02);
  EXPECT_DOUBLE_EQ(policy_rate_per_year(h, 7.0, 0.4), 0.08);
  EXPECT_DOUBLE_EQ(policy_rate_per_year(h, 7.0, 0.0), 0.0);
}

TEST(HazardFit, SeverityByMomentsAndAllowanceRate) {
  Distribution s = severity_from_drops({0.4, 0.6});
  // mean 0.5, sd 0.1414: half-width sqrt(3) x sd = 0.2449.
  EXPECT_NEAR(s.a, 0.5 - std::sqrt(3.0) * std::sqrt(0.02), 1e-12);
  EXPECT_NEAR(s.b, 0.5 + std::sqrt(3.0) * std::sqrt(0.02), 1e-12);
  // Fixed 73 days, severity 0.5: a node loses rate x 0.2 x 0.5 a year; 5 % needs 0.5 / yr.
  Distribution days{Distribution::Kind::fixed, 73.0, 0.0, 0.0};
  Distribution half{Distribution::Kind::fixed, 0.5, 0.0, 0.0};
  EXPECT_NEAR(operational_rate_for_allowance(0.05, days, half), 0.5, 1e-12);
  // Exponential capped mean: m (1 - e^(-c/m)).
  Distribution expo{Distribution::Kind::exponential, 365.0, 0.0, 0.0};
  EXPECT_NEAR(mean_capped_days(expo, 365.0), 365.0 * (1.0 - std::exp(-1.0)), 1e-9);
}

TEST(HazardCalendar, DaysFromCivil) {
  EXPECT_EQ(days_from_civil(1970, 1, 1), 0);
  EXPECT_EQ(days_from_civil(2000, 3, 1), 11017);
  EXPECT_EQ(days_from_civil(2025, 10, 15) - days_from_civil(2025, 2, 22), 235);  // E11
}

HistoricalEvent event(const std::string& id, const std::string& mineral, const std::string& country,
                      HazardClass c, double start) {
  HistoricalEvent e;
  e.id = id;
  e.mineral = mineral;
  e.country = country;
  e.hazard_class = c;
  e.start_day = start;
  e.end_day = start + 100.0;
  return e;
}

TEST(HazardBacktest, CountsEqualHandCounts) {
  EventCatalogue catalogue;
  catalogue.window_start_day = 1000.0;
  catalogue.window_end_day = 5000.0;
  catalogue.events = {
      event("A", "cobalt", "COD", HazardClass::policy, 1500.0),
      event("B", "cobalt", "COD", HazardClass::policy, 3000.0),
      event("C", "nickel", "IDN", HazardClass::policy, 2000.0),
      event("D", "nickel", "IDN", HazardClass::policy, 500.0),        // before the window
      event("E", "nickel", "PHL", HazardClass::operational, 2500.0),  // not a policy event
      event("F", "copper", "PAN", HazardClass::policy, 2200.0),       // no exposure node
  };
  std::vector<ExposureNode> exposure = {
      {"cobalt", "COD", 8.0, 0.7, 11.0},
      {"nickel", "IDN", 5.0, 0.3, 11.0},
      {"nickel", "PHL", 3.0, 0.1, 11.0},
  };
  FrequencyFigures figures;
  HazardFit fit = fit_hazard(catalogue, exposure, figures, 0.1, 5.0);
  EXPECT_EQ(fit.policy_counts, (std::vector<int>{2, 1, 0}));
  HazardBacktest b = backtest_hazard(fit, figures, {1.0}, 1, 10);
  ASSERT_EQ(b.by_mineral.size(), 2u);
  EXPECT_EQ(b.by_mineral[0].group, "cobalt");
  EXPECT_EQ(b.by_mineral[0].observed, 2);
  EXPECT_EQ(b.by_mineral[1].group, "nickel");
  EXPECT_EQ(b.by_mineral[1].observed, 1);
  double nickel = 0.0;
  for (std::size_t i = 1; i < 3; ++i) {
    nickel += policy_rate_per_year(fit.model.policy, exposure[i].stability_0to10,
                                   exposure[i].world_share) *
              11.0;
  }
  EXPECT_NEAR(b.by_mineral[1].predicted, nickel, 1e-12);
  ASSERT_EQ(b.by_band.size(), 3u);
  EXPECT_EQ(b.by_band[0].group, "w < 4");  // PHL
  EXPECT_EQ(b.by_band[0].observed, 0);
  EXPECT_EQ(b.by_band[1].observed, 1);  // IDN
  EXPECT_EQ(b.by_band[2].observed, 2);  // COD
  // The Poisson MLE with a free intercept matches the total count.
  double total = 0.0;
  for (const auto& row : b.by_band) total += row.predicted;
  EXPECT_NEAR(total, 3.0, 1e-6);
}

// Mines CHL 0.5, PER 0.2, OTH 0.3; refined imports CHN 0.75, KOR 0.25 (the hazard-node tests).
MineralGraph three_mines_two_refiners() {
  MineralData data;
  data.id = "test";
  data.focal_economy = "JPN";
  data.mine_production.total_t = 100.0;
  data.mine_production.shares = {{"CHL", 0.5, {}}, {"PER", 0.2, {}}, {"OTH", 0.3, {}}};
  Breakdown refined;
  refined.total_t = 10.0;
  refined.shares = {{"CHN", 0.75, {}}, {"KOR", 0.25, {}}};
  data.refined_imports = refined;
  return build_mineral_graph(data, {});
}

TEST(HazardEvents, OneEventPerNodeAndClass) {
  MineralGraph graph = three_mines_two_refiners();
  CountryTable countries;
  HazardModel h;
  h.policy.rate_at_5_per_year = 0.01;
  h.policy.doubling_points = 2.0;
  h.policy.share_exponent = 1.0;
  h.policy.reference_share = 0.1;
  h.policy.severity = {Distribution::Kind::uniform, 0.6, 0.9, 0.0};
  h.operational.rate_per_node_per_year = 0.4;
  h.other_score_0to10 = 5.0;
  std::vector<EventSpec> events =
      hazard_events(graph, countries, StabilityMeasure::wgi_pv, 2022, h);
  std::vector<std::string> ids;
  for (const EventSpec& e : events) ids.push_back(e.id);
  std::vector<std::string> expected = {
      "policy_CHL_mine",   "operational_CHL_mine",  "policy_PER_mine",   "operational_PER_mine",
      "policy_OTH_mine",   "operational_OTH_mine",  "policy_CHN_refine", "operational_CHN_refine",
      "policy_KOR_refine", "operational_KOR_refine"};
  std::sort(ids.begin(), ids.end());
  std::sort(expected.begin(), expected.end());
  EXPECT_EQ(ids, expected);
  for (const EventSpec& e : events) {
    ASSERT_EQ(e.targets.size(), 1u);
    // No policy event is a production outage: it restricts the node's exports at its stage to
    // every destination (docs/hazard.md); operational events hit the node.
    if (e.id.rfind("policy", 0) == 0) {
      EXPECT_EQ(e.targets[0].kind, EventTarget::Kind::exports_of) << e.id;
      ASSERT_TRUE(e.targets[0].export_stage.has_value());
      EXPECT_EQ(*e.targets[0].export_stage,
                e.id.find("_mine") != std::string::npos ? Stage::mine : Stage::refine);
      EXPECT_TRUE(e.targets[0].to_destinations.empty());
      EXPECT_TRUE(e.targets[0].except_destinations.empty());
      EXPECT_FALSE(e.licence.has_value());  // no acute phase in this model
    } else {
      EXPECT_EQ(e.targets[0].kind, EventTarget::Kind::node) << e.id;
    }
    if (e.id == "policy_CHL_mine") {
      EXPECT_DOUBLE_EQ(*e.hazard_per_year, 0.05);  // share 0.5
    }
    if (e.id == "policy_CHN_refine") {
      EXPECT_DOUBLE_EQ(*e.hazard_per_year, 0.075);
    }
    if (e.id == "policy_OTH_mine") {
      // OTH 0.3 in two pieces of 0.15 (smallest named 0.2): 2 x 0.015, severity halved.
      EXPECT_DOUBLE_EQ(*e.hazard_per_year, 0.03);
      EXPECT_DOUBLE_EQ(e.severity.a, 0.3);
      EXPECT_DOUBLE_EQ(e.severity.b, 0.45);
    }
    if (e.id.rfind("operational", 0) == 0) {
      EXPECT_DOUBLE_EQ(*e.hazard_per_year, 0.4);
    }
  }
}

// Exact: with facilities of 10 % of world output, a node of share s holds ceil(s / 0.1) pieces;
// its operational rate is pieces x the per-facility rate and its severity one piece's, so the
// pieces' shares add up to the node's (mass kept) and the expected loss per node-year is the
// unsplit one. With an acute phase a policy event is a licence: the acute distribution as the
// delay, 1 - severity as the approval share, one piece (OTH: half) as the scale.
TEST(HazardEvents, FacilityPiecesAndAcutePhase) {
  MineralGraph graph = three_mines_two_refiners();
  CountryTable countries;
  HazardModel h;
  h.policy.rate_at_5_per_year = 0.01;
  h.policy.share_exponent = 1.0;
  h.policy.severity = {Distribution::Kind::uniform, 0.6, 0.9, 0.0};
  h.policy.acute_days = Distribution{Distribution::Kind::lognormal, 100.0, 0.5, 0.0};
  h.operational.rate_per_node_per_year = 0.4;
  h.operational.facility_share = 0.1;
  h.operational.severity = {Distribution::Kind::uniform, 0.1, 0.3, 0.0};
  const std::map<std::string, double> expected_pieces = {
      {"CHL_mine", 5}, {"PER_mine", 2}, {"OTH_mine", 3}, {"CHN_refine", 8}, {"KOR_refine", 3}};
  int operational = 0;
  for (const EventSpec& e : hazard_events(graph, countries, StabilityMeasure::wgi_pv, 2022, h)) {
    if (e.id.rfind("operational_", 0) == 0) {
      double pieces = expected_pieces.at(e.id.substr(12));
      EXPECT_DOUBLE_EQ(*e.hazard_per_year, 0.4 * pieces) << e.id;
      EXPECT_DOUBLE_EQ(e.severity.a * pieces, 0.1) << e.id;
      EXPECT_DOUBLE_EQ(e.severity.b * pieces, 0.3) << e.id;
      // Expected share of the node lost per year: rate x mean severity, as without the split.
      EXPECT_NEAR(*e.hazard_per_year * 0.5 * (e.severity.a + e.severity.b), 0.4 * 0.2, 1e-15);
      ++operational;
      continue;
    }
    ASSERT_TRUE(e.licence.has_value()) << e.id;
    EXPECT_EQ(e.licence->delay_days.kind, Distribution::Kind::lognormal);
    EXPECT_DOUBLE_EQ(e.licence->delay_days.a, 100.0);
    EXPECT_EQ(e.licence->approval_share.kind, Distribution::Kind::uniform);
    EXPECT_NEAR(e.licence->approval_share.a, 0.1, 1e-15);
    EXPECT_NEAR(e.licence->approval_share.b, 0.4, 1e-15);
    EXPECT_DOUBLE_EQ(e.licence->scale, e.id == "policy_OTH_mine" ? 0.5 : 1.0) << e.id;
  }
  EXPECT_EQ(operational, 5);
  EXPECT_DOUBLE_EQ(facility_pieces(0.3, 0.1), 3.0);  // an exact multiple does not round up
  EXPECT_DOUBLE_EQ(facility_pieces(0.05, 0.1), 1.0);
  EXPECT_DOUBLE_EQ(facility_pieces(0.5, 0.0), 1.0);
}

TEST(ParameterUncertainty, ZeroCovarianceReproducesThePointEstimate) {
  EventSpec fixed_rate;
  fixed_rate.hazard_per_year = 2.0 * std::exp(-3.0 + 0.3 * 1.5 + 0.9 * -0.4);
  fixed_rate.duration_days = {Distribution::Kind::fixed, 30.0, 0.0, 0.0};
  fixed_rate.severity = {Distribution::Kind::fixed, 0.5, 0.0, 0.0};
  fixed_rate.targets.push_back(EventTarget{});
  EventSpec drawn = fixed_rate;
  drawn.hazard_per_year.reset();
  RateDraw draw;
  draw.x1 = 1.5;
  draw.x2 = -0.4;
  draw.pieces = 2.0;
  draw.mean[0] = -3.0;
  draw.mean[1] = 0.3;
  draw.mean[2] = 0.9;
  drawn.rate_draw = draw;
  std::vector<Occurrence> a, b;
  for (std::uint64_t trial = 0; trial < 200; ++trial) {
    draw_occurrences({fixed_rate}, 3650.0, 5, trial, a);
    draw_occurrences({drawn}, 3650.0, 5, trial, b);
    ASSERT_EQ(a.size(), b.size()) << trial;
    for (std::size_t i = 0; i < a.size(); ++i) EXPECT_NEAR(a[i].start_day, b[i].start_day, 1e-9);
  }
}

TEST(ParameterUncertainty, SameBitsAtAnyThreadCountAndItChangesTheAnswer) {
  auto run = [](const std::vector<std::string>& extra) {
    std::vector<std::string> args = {"stockpile", "--all", "--trials", "400", "--format", "csv"};
    args.insert(args.end(), extra.begin(), extra.end());
    testing::CliResult r = testing::run_cli(args);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return r.out;
  };
  std::string one = run({"--parameter-uncertainty", "--threads", "1"});
  std::string three = run({"--parameter-uncertainty", "--threads", "3"});
  EXPECT_EQ(one, three);
  EXPECT_NE(one, run({"--threads", "1"}));
}

// The policy-duration and operational draws as hazard_events builds them from the bundled
// settings (scenarios/hazard.yaml) with --parameter-uncertainty.
struct BundledDraws {
  HazardModel model;
  RateDraw policy;
  RateDraw operational;
};
BundledDraws bundled_draws() {
  BundledDraws out;
  out.model = io::load_hazard_model(std::string(MINEFLOW_SCENARIOS_DIR) + "/hazard.yaml");
  EXPECT_TRUE(out.model.policy_duration_sampling.present);
  EXPECT_TRUE(out.model.operational_rate_range.present);
  HazardModel drawn = out.model;
  drawn.parameter_uncertainty = true;
  MineralData data;
  data.id = "test";
  data.focal_economy = "JPN";
  data.mine_production.total_t = 100.0;
  data.mine_production.shares = {{"CHN", 0.9, {}}, {"AUS", 0.1, {}}};
  MineralGraph graph = build_mineral_graph(data, {});
  CountryTable countries;
  for (const EventSpec& e :
       hazard_events(graph, countries, StabilityMeasure::wgi_pv, 2022, drawn)) {
    if (e.id == "policy_CHN_mine") out.policy = *e.rate_draw;
    if (e.id == "operational_CHN_mine") out.operational = *e.rate_draw;
  }
  return out;
}

// Statistical: over 20,000 trials the drawn (ln median, ln sigma) of the policy durations have
// the fit's mean and variance, the drawn medians the lognormal mean exp(mu + var / 2), and the
// operational rate the triangular mean (low + rate + high) / 3, each within 4 Monte Carlo
// standard errors; the same trial gives the same draw every time.
TEST(ParameterUncertainty, DrawnDurationsAndOperationalRateMatchTheFit) {
  BundledDraws b = bundled_draws();
  ASSERT_TRUE(b.policy.draw_duration);
  ASSERT_EQ(b.operational.kind, RateDraw::Kind::operational);
  // CHN's 90 % of world output in facilities of the bundled size.
  EXPECT_DOUBLE_EQ(b.operational.pieces, facility_pieces(0.9, b.model.operational.facility_share));
  EXPECT_GT(b.operational.pieces, 1.0);
  const DurationSampling& fit = b.model.policy_duration_sampling;
  constexpr int n = 20000;
  double sum_mu = 0, sum_mu2 = 0, sum_ls = 0, sum_median = 0, sum_median2 = 0, sum_rate = 0,
         sum_rate2 = 0;
  for (std::uint64_t trial = 0; trial < n; ++trial) {
    HazardVariates v = draw_hazard_variates(11, trial);
    Distribution d = drawn_duration_days(b.policy, v, b.model.policy.duration_days);
    ASSERT_EQ(d.kind, Distribution::Kind::lognormal);
    double mu = std::log(d.a);
    sum_mu += mu;
    sum_mu2 += mu * mu;
    sum_ls += std::log(d.b);
    sum_median += d.a;
    sum_median2 += d.a * d.a;
    double rate = drawn_rate_per_year(b.operational, v) / b.operational.pieces;  // per facility
    EXPECT_GE(rate, b.model.operational_rate_range.low);
    EXPECT_LE(rate, b.model.operational_rate_range.high);
    sum_rate += rate;
    sum_rate2 += rate * rate;
    HazardVariates again = draw_hazard_variates(11, trial);
    EXPECT_EQ(drawn_duration_days(b.policy, again, b.model.policy.duration_days).a, d.a);
  }
  double var_mu = fit.covariance[0];
  EXPECT_NEAR(sum_mu / n, fit.estimate[0], 4.0 * std::sqrt(var_mu / n));
  EXPECT_NEAR(sum_ls / n, fit.estimate[1], 4.0 * std::sqrt(fit.covariance[3] / n));
  double sample_var = (sum_mu2 - sum_mu * sum_mu / n) / (n - 1);
  EXPECT_NEAR(sample_var, var_mu, 4.0 * var_mu * std::sqrt(2.0 / (n - 1)));
  double median_sd = std::sqrt((sum_median2 - sum_median * sum_median / n) / (n - 1));
  EXPECT_NEAR(sum_median / n, std::exp(fit.estimate[0] + 0.5 * var_mu),
              4.0 * median_sd / std::sqrt(n));
  const OperationalRateRange& r = b.model.operational_rate_range;
  double mean = (r.low + b.model.operational.rate_per_node_per_year + r.high) / 3.0;
  double rate_sd = std::sqrt((sum_rate2 - sum_rate * sum_rate / n) / (n - 1));
  EXPECT_NEAR(sum_rate / n, mean, 4.0 * rate_sd / std::sqrt(n));
}

// Exact: with a zero covariance the drawn duration is the fitted lognormal, and a degenerate
// range gives the point rate; the policy-rate normals keep their bits (z[0..2] come first).
TEST(ParameterUncertainty, ZeroSpreadReproducesTheFittedDurationAndRate) {
  RateDraw draw;
  draw.draw_duration = true;
  draw.duration_mean[0] = std::log(954.0);
  draw.duration_mean[1] = std::log(1.47);
  HazardVariates v = draw_hazard_variates(3, 17);
  Distribution d = drawn_duration_days(draw, v, {});
  EXPECT_NEAR(d.a, 954.0, 1e-9);
  EXPECT_NEAR(d.b, 1.47, 1e-12);
  RateDraw operational;
  operational.kind = RateDraw::Kind::operational;
  operational.rate_low = operational.rate_mode = operational.rate_high = 0.44;
  EXPECT_EQ(drawn_rate_per_year(operational, v), 0.44);
  RandomStream stream(3, 17, kParameterStream);
  for (int i = 0; i < 3; ++i) EXPECT_EQ(v.z[i], stream.normal()) << i;
}

// Exact: draw_occurrences uses the trial's drawn duration distribution and rate (the first
// occurrence's start and duration rebuilt by hand from the two streams).
TEST(ParameterUncertainty, OccurrencesUseTheTrialsDrawnDuration) {
  EventSpec spec;
  RateDraw draw;
  draw.mean[0] = std::log(3.0);  // 3 events a year at x1 = x2 = 0
  draw.draw_duration = true;
  draw.duration_mean[0] = std::log(300.0);
  draw.duration_mean[1] = std::log(0.5);
  draw.duration_cholesky[0] = 0.5;
  draw.duration_cholesky[3] = 0.2;
  spec.rate_draw = draw;
  spec.duration_days = {Distribution::Kind::fixed, 1.0, 0.0, 0.0};  // replaced by the draw
  spec.severity = {Distribution::Kind::fixed, 0.5, 0.0, 0.0};
  spec.targets.push_back(EventTarget{});
  std::vector<Occurrence> out;
  std::set<double> medians;
  int checked = 0;
  for (std::uint64_t trial = 0; trial < 50; ++trial) {
    draw_occurrences({spec}, 3650.0, 9, trial, out);
    HazardVariates v = draw_hazard_variates(9, trial);
    Distribution d = drawn_duration_days(draw, v, spec.duration_days);
    medians.insert(d.a);
    RandomStream stream(9, trial, kEventStreamBase);
    double start = stream.exponential(365.0 / drawn_rate_per_year(draw, v));
    if (start >= 3650.0) continue;
    ASSERT_FALSE(out.empty());
    EXPECT_EQ(out[0].start_day, start);
    double duration = sample(d, stream);
    EXPECT_EQ(out[0].end_day, start + duration) << trial;
    ++checked;
  }
  EXPECT_GT(checked, 40);
  EXPECT_EQ(medians.size(), 50u);  // every trial its own median
}

// Exact: the observed peak of a hand-made monthly and annual series.
TEST(PriceBacktest, ObservedPeakByHand) {
  PriceSeries monthly;
  monthly.frequency = PriceFrequency::monthly;
  monthly.start_year = 2012;
  monthly.start_month = 7;
  for (int i = 0; i < 12; ++i) monthly.values.push_back(100.0);  // 2012-07 .. 2013-06
  monthly.values.insert(monthly.values.end(), {110.0, 150.0, 130.0, 200.0, 90.0});
  auto peak = observed_price_peak(monthly, 2013, 7, 4);  // 2013-07 .. 2013-10
  ASSERT_TRUE(peak);
  EXPECT_DOUBLE_EQ(peak->multiple, 2.0);
  EXPECT_EQ(peak->months_after, 3);
  EXPECT_EQ(peak->peak_year, 2013);
  EXPECT_EQ(peak->peak_month, 10);
  EXPECT_DOUBLE_EQ(observed_price_peak(monthly, 2013, 7, 2)->multiple, 1.5);
  EXPECT_FALSE(observed_price_peak(monthly, 2013, 6, 4));  // 11 months before only
  EXPECT_FALSE(observed_price_peak(monthly, 2014, 1, 4));  // after the series

  PriceSeries annual;
  annual.start_year = 2008;
  annual.values = {10300.0, 7100.0, 14500.0, 42100.0, 36300.0};
  peak = observed_price_peak(annual, 2010, 7, 12);  // window 2010-07 .. 2011-06
  ASSERT_TRUE(peak);
  EXPECT_DOUBLE_EQ(peak->multiple, 42100.0 / 7100.0);
  EXPECT_EQ(peak->months_after, 12);
  EXPECT_DOUBLE_EQ(observed_price_peak(annual, 2010, 1, 12)->multiple, 14500.0 / 7100.0);
}

// Closed form: (1 - w)^(-1/e) at the implied e gives back the observed multiple.
TEST(PriceBacktest, ImpliedElasticityInvertsTheScarcityMultiple) {
  for (double w : {0.05, 0.36, 0.8}) {
    for (double observed : {1.2, 5.93, 40.0}) {
      auto e = implied_elasticity(w, observed);
      ASSERT_TRUE(e);
      EXPECT_NEAR(std::pow(1.0 - w, -1.0 / *e), observed, 1e-9 * observed);
    }
  }
  EXPECT_FALSE(implied_elasticity(0.3, 1.0));
  EXPECT_FALSE(implied_elasticity(0.0, 2.0));
  EXPECT_FALSE(implied_elasticity(1.0, 2.0));
}

// The verdict of a replay (docs/market.md, "Calibration and backtest"): its peak within 1.5x of
// the observed either way, ends included; its day inside the window of months [9, 11], i.e.
// [9 x 30.4375, 12 x 30.4375) = [273.9375, 365.25) days; an episode without an observed peak
// passes neither test; each sample is tallied apart.
TEST(PriceBacktest, VerdictCountsPeaksWithinOneAndAHalfAndDaysInTheWindow) {
  auto episode = [](EpisodeSample sample, double modelled, double days, bool observed = true) {
    PriceComparison c;
    c.sample = sample;
    c.modelled.multiple = modelled;
    c.modelled.days_after = days;
    if (observed) {
      ObservedPeak o;
      o.multiple = 2.0;
      o.months_from = 9;
      o.months_to = 11;
      c.observed = o;
    }
    return c;
  };
  const auto out = EpisodeSample::out_of_sample;
  EXPECT_TRUE(peak_within(episode(out, 3.0, 0.0)));  // 1.5x above
  EXPECT_FALSE(peak_within(episode(out, 3.0001, 0.0)));
  EXPECT_TRUE(peak_within(episode(out, 4.0 / 3.0, 0.0)));  // 1.5x below
  EXPECT_FALSE(peak_within(episode(out, 1.3333, 0.0)));
  EXPECT_FALSE(peak_within(episode(out, 2.0, 300.0, false)));
  EXPECT_TRUE(timing_inside(episode(out, 2.0, 273.9375)));
  EXPECT_FALSE(timing_inside(episode(out, 2.0, 273.9)));
  EXPECT_TRUE(timing_inside(episode(out, 2.0, 365.2)));
  EXPECT_FALSE(timing_inside(episode(out, 2.0, 365.25)));
  EXPECT_FALSE(timing_inside(episode(out, 2.0, 300.0, false)));

  const std::vector<PriceComparison> episodes{
      episode(out, 2.5, 300.0),  // both
      episode(out, 4.0, 300.0),  // timing only
      episode(out, 2.5, 100.0),  // peak only
      episode(out, 2.0, 300.0, false),
      episode(EpisodeSample::fit, 2.0, 300.0),  // both, another sample
  };
  const BacktestTally t = tally_backtest(episodes, out);
  EXPECT_EQ(t.episodes, 4);
  EXPECT_EQ(t.observed, 3);
  EXPECT_EQ(t.peak_within, 2);
  EXPECT_EQ(t.timing_inside, 2);
  EXPECT_EQ(t.both, 1);
  const BacktestTally fit = tally_backtest(episodes, EpisodeSample::fit);
  EXPECT_EQ(fit.episodes, 1);
  EXPECT_EQ(fit.both, 1);
}

// The bundled price backtest: rare earths' observed multiple is the 2011 annual mean over 2009
// (scenarios/prices/rare_earths.yaml: 42,100 / 7,100), its replay deterministic, so the
// modelled multiple is (1 - w)^(-1/0.3) of its own shortfall; the 2025 events, after the
// series end, are compared with their transcribed figures; every price row carries its
// episode's mark, three of them out_of_sample (docs/market.md, "Calibration and backtest").
TEST(CalibrateCli, PriceBacktestTable) {
  testing::CliResult r = testing::run_cli(
      {"calibrate", "--no-write", "--backtest", "--format", "csv", "--price-trials", "200"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto value = [&](const std::string& name) {
    std::string key = "backtest_price," + name + ",";
    std::size_t at = r.out.find(key);
    EXPECT_NE(at, std::string::npos) << name;
    return at == std::string::npos ? std::nan("") : std::stod(r.out.substr(at + key.size()));
  };
  EXPECT_NEAR(value("rare_earths_china_2010.observed_multiple"), 42100.0 / 7100.0, 1e-5);
  // Under clearing (the scenario's) the market's scarcity never passes the loss less the
  // response built (docs/market.md), so the peak is at most the scarcity formula of the world
  // shortfall at that day; under rationing it is that formula.
  double w = value("rare_earths_china_2010.world_shortfall");
  EXPECT_LE(value("rare_earths_china_2010.modelled_multiple"),
            std::pow(1.0 - w, -1.0 / 0.3) * (1.0 + 1e-4));
  EXPECT_GT(value("rare_earths_china_2010.modelled_multiple"), 1.0);
  testing::CliResult rationed =
      testing::run_cli({"calibrate", "--no-write", "--backtest", "--format", "csv",
                        "--price-trials", "200", "--market", "rationing"});
  ASSERT_EQ(rationed.exit_code, 0) << rationed.err;
  auto rationed_value = [&](const std::string& name) {
    std::string key = "backtest_price," + name + ",";
    std::size_t at = rationed.out.find(key);
    EXPECT_NE(at, std::string::npos) << name;
    return at == std::string::npos ? std::nan("") : std::stod(rationed.out.substr(at + key.size()));
  };
  const double w_rationed = rationed_value("rare_earths_china_2010.world_shortfall");
  EXPECT_NEAR(rationed_value("rare_earths_china_2010.modelled_multiple"),
              std::pow(1.0 - w_rationed, -1.0 / 0.3), 1e-4);
  EXPECT_NEAR(value("cobalt_drc_supply_cut.observed_multiple"), 2.01, 1e-9);
  EXPECT_EQ(value("cobalt_drc_supply_cut.observed_months_from"), 9.0);
  EXPECT_NE(r.out.find("cobalt_drc_supply_cut.modelled_multiple"), std::string::npos);
  EXPECT_EQ(r.out.rfind("section,name,value,low,high,note,sample,vintage\n", 0), 0u);
  std::set<std::string> out_of_sample;
  std::istringstream lines(r.out);
  for (std::string line; std::getline(lines, line);) {
    if (line.rfind("backtest_price,", 0) != 0) continue;
    std::string rest = line.substr(0, line.rfind(','));  // less the vintage
    std::string mark = rest.substr(rest.rfind(',') + 1);
    EXPECT_TRUE(mark == "fit" || mark == "out_of_sample") << line;
    if (mark == "out_of_sample") out_of_sample.insert(line.substr(15, line.find('.') - 15));
  }
  EXPECT_EQ(out_of_sample, (std::set<std::string>{"cobalt_drc_supply_cut", "copper_andean_strikes",
                                                  "tungsten_china_quotas"}));
  // The verdict rows agree with the episodes' own peak_ratio and timing_inside rows.
  auto verdict = [&](const std::string& name) {
    std::string key = "backtest_verdict," + name + ",";
    std::size_t at = r.out.find(key);
    EXPECT_NE(at, std::string::npos) << name;
    return at == std::string::npos ? -1 : std::stoi(r.out.substr(at + key.size()));
  };
  int peak = 0, timing = 0, both = 0;
  for (const std::string& episode : out_of_sample) {
    const double ratio = value(episode + ".peak_ratio");
    const bool within = ratio <= 1.5 && ratio * 1.5 >= 1.0;
    const bool inside = value(episode + ".timing_inside") == 1.0;
    peak += within ? 1 : 0;
    timing += inside ? 1 : 0;
    both += within && inside ? 1 : 0;
  }
  EXPECT_EQ(verdict("out_of_sample.episodes"), 3);
  EXPECT_EQ(verdict("out_of_sample.peak_within"), peak);
  EXPECT_EQ(verdict("out_of_sample.timing_inside"), timing);
  EXPECT_EQ(verdict("out_of_sample.both"), both);
  EXPECT_EQ(verdict("fit.episodes"), 3);
}

// A bad onset month in the price events: one line file:line:column, exit code 2.
TEST(CalibrateCli, BadPriceEventIsOneLineAndExitTwo) {
  namespace fs = std::filesystem;
  fs::path file =
      fs::temp_directory_path() / ("bad_price_events_" + std::to_string(::getpid()) + ".yaml");
  std::ofstream(file) << "window_months: 12\nevents:\n"
                         "  - {scenario: nickel_indonesia_ore_ban, onset: 2014-13, source: x}\n";
  testing::CliResult r =
      testing::run_cli({"calibrate", "--no-write", "--backtest", "--price-events", file.string()});
  fs::remove(file);
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_NE(r.err.find(file.string() + ":3:"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("2014-13"), std::string::npos) << r.err;
  EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
}

// The episodes' marks and transcribed peaks (scenarios/history/price_events.yaml): read as
// written; a bad mark, a window outside the backtest's or a missing mark is one located error.
TEST(PriceBacktest, EpisodeMarksAndTranscribedPeaks) {
  namespace fs = std::filesystem;
  fs::path file =
      fs::temp_directory_path() / ("price_events_marks_" + std::to_string(::getpid()) + ".yaml");
  const std::string good =
      "window_months: 12\nevents:\n"
      "  - {scenario: a, onset: 2014-01, sample: fit, source: x}\n"
      "  - scenario: b\n    onset: 2025-02\n    sample: out_of_sample\n    source: y\n"
      "    observed: {multiple: 1.37, months: [1, 11], source: z}\n";
  std::ofstream(file) << good;
  io::PriceEvents events = io::load_price_events(file.string());
  ASSERT_EQ(events.events.size(), 2u);
  EXPECT_EQ(events.events[0].sample, EpisodeSample::fit);
  EXPECT_FALSE(events.events[0].observed);
  EXPECT_EQ(events.events[1].sample, EpisodeSample::out_of_sample);
  ASSERT_TRUE(events.events[1].observed);
  EXPECT_EQ(events.events[1].observed->multiple, 1.37);
  EXPECT_EQ(events.events[1].observed->months_from, 1);
  EXPECT_EQ(events.events[1].observed->months_to, 11);
  EXPECT_EQ(events.events[1].observed->source, "z");
  EXPECT_TRUE(inside_observed_window(*events.events[1].observed, 31.0));
  EXPECT_FALSE(inside_observed_window(*events.events[1].observed, 30.0));
  EXPECT_FALSE(inside_observed_window(*events.events[1].observed, 366.0));

  // (from, to, the line and column the error names)
  for (auto [from, to, at] : {std::tuple<std::string, std::string, std::string>{
                                  "sample: fit,", "sample: in_sample,", ":3:43"},
                              {"months: [1, 11]", "months: [1, 12]", ":8:44"},
                              {"sample: fit, ", "", ":3:5"}}) {
    std::string bad = good;
    bad.replace(bad.find(from), from.size(), to);
    std::ofstream(file) << bad;
    try {
      io::load_price_events(file.string());
      ADD_FAILURE() << to;
    } catch (const InputError& e) {
      EXPECT_NE(std::string(e.what()).find(file.string() + at), std::string::npos) << e.what();
    }
  }
  fs::remove(file);
}

// Bad catalogue rows through the CLI: one line file:line:column, exit code 2.
class BadCatalogue : public ::testing::TestWithParam<std::pair<std::string, std::string>> {};

TEST_P(BadCatalogue, FileLineColumnAndExit2) {
  namespace fs = std::filesystem;
  std::string source = testing::read_text(fs::path(MINEFLOW_SCENARIOS_DIR) / "history/events.yaml");
  auto [from, to] = GetParam();
  std::size_t at = source.find(from);
  ASSERT_NE(at, std::string::npos) << from;
  source.replace(at, from.size(), to);
  fs::path file =
      fs::temp_directory_path() / ("bad_catalogue_" + std::to_string(::getpid()) + ".yaml");
  std::ofstream(file) << source;
  testing::CliResult r =
      testing::run_cli({"calibrate", "--no-write", "--catalogue", file.string()});
  fs::remove(file);
  EXPECT_EQ(r.exit_code, 2) << r.err;
  std::size_t line = 1 + static_cast<std::size_t>(std::count(
                             source.begin(), source.begin() + static_cast<long>(at), '\n'));
  EXPECT_NE(r.err.find(file.string() + ":" + std::to_string(line) + ":"), std::string::npos)
      << r.err;
  EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
}

INSTANTIATE_TEST_SUITE_P(
    Rows, BadCatalogue,
    ::testing::Values(
        std::make_pair(std::string("end: 2025-10-15"), std::string("end: 2025-01-15")),
        std::make_pair(std::string("country: MMR"), std::string("country: XXX")),
        std::make_pair(std::string("realised_drop: {value: 0.89,"),
                       std::string("realised_drop: {value: 1.89,")),
        // an acute phase longer than the event (E02: 60 days, 21 Sep - 20 Nov)
        std::make_pair(std::string("acute: {days: 60,"), std::string("acute: {days: 90,")),
        std::make_pair(std::string("destinations: [JPN]"), std::string("destinations: [XXJ]")),
        std::make_pair(std::string("in_fit: false\n    why: \"a price shock"),
                       std::string("in_fit: true\n    why: \"a price shock"))));

TEST(CalibrateCli, WritesSettingsTheScenariosLoad) {
  namespace fs = std::filesystem;
  fs::path file = fs::temp_directory_path() / ("hazard_" + std::to_string(::getpid()) + ".yaml");
  testing::CliResult r = testing::run_cli({"calibrate", "--backtest", "--write", file.string()});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("Backtest: policy events"), std::string::npos);
  std::string written = testing::read_text(file);
  std::string bundled = testing::read_text(fs::path(MINEFLOW_SCENARIOS_DIR) / "hazard.yaml");
  fs::remove(file);
  EXPECT_EQ(written, bundled) << "scenarios/hazard.yaml is stale: run mineflow calibrate";
}

// calibrate changes files only when asked to: a backtest (a README example) leaves every file of
// the data folder as it was; --write alone rewrites the data folder's hazard.yaml.
TEST(CalibrateCli, WritesBundledFilesOnlyWithWrite) {
  namespace fs = std::filesystem;
  fs::path data = testing::fresh_temp_dir("mineflow_calibrate_data");
  fs::copy(MINEFLOW_SCENARIOS_DIR, data, fs::copy_options::recursive);
  auto snapshot = [&] {
    std::map<std::string, std::pair<std::string, fs::file_time_type>> files;
    for (const auto& entry : fs::recursive_directory_iterator(data)) {
      if (!entry.is_regular_file()) continue;
      files[entry.path().string()] = {testing::read_text(entry.path()),
                                      fs::last_write_time(entry.path())};
    }
    return files;
  };
  const auto before = snapshot();
  testing::CliResult backtest = testing::run_cli(
      {"calibrate", "--backtest", "--price-trials", "50", "--data-dir", data.string()});
  ASSERT_EQ(backtest.exit_code, 0) << backtest.err;
  EXPECT_TRUE(snapshot() == before) << "calibrate --backtest changed a file under " << data;
  EXPECT_EQ(testing::run_cli({"calibrate", "--no-write", "--data-dir", data.string()}).exit_code,
            0);  // the old spelling of the default still works
  EXPECT_TRUE(snapshot() == before);

  testing::CliResult write =
      testing::run_cli({"calibrate", "--write", "--data-dir", data.string()});
  ASSERT_EQ(write.exit_code, 0) << write.err;
  const std::string hazard = (data / "hazard.yaml").string();
  EXPECT_NE(fs::last_write_time(hazard), before.at(hazard).second) << "--write wrote nothing";
  EXPECT_EQ(testing::read_text(hazard), before.at(hazard).first);
  fs::remove_all(data);
}

}  // namespace
}  // namespace mineflow
