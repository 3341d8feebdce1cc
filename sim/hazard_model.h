#pragma once
// The two-class background hazard (docs/hazard.md), as plain data: what `mineflow calibrate`
// fits from the event catalogue and writes to scenarios/hazard.yaml, and what
// sim/background_risk turns into one event per (mine or refine node, class).
//
//   policy:      rate = r0 x 2^((w - 5) / k) x (world share / s_ref)^b   per node-year; an
//                event restricts the node's exports (volume stays in the country), with an
//                acute phase (nothing licensed) and then a structural cap (1 - severity flows)
//   operational: rate = a constant per facility-year (strikes, accidents, blockades hit mines
//                in stable countries too), calibrated to the copper disruption allowance; a
//                node is split into facility-sized pieces and an event hits one piece.

#include <optional>

#include "sim/scenario.h"

namespace mineflow {

struct PolicyHazard {
  double rate_at_5_per_year = 0.0;  // r0: at w = 5 and world share = reference_share
  double doubling_points = 2.0;     // k: the rate doubles every k points of w
  double share_exponent = 0.0;      // b
  double reference_share = 0.1;     // s_ref
  Distribution duration_days{Distribution::Kind::lognormal, 180.0, 1.0, 0.0};
  Distribution severity{Distribution::Kind::uniform, 0.5, 1.0, 0.0};  // structural phase
  // Acute phase (a licence shock: nothing flows), days from the onset; absent: none, the
  // structural cap starts at once.
  std::optional<Distribution> acute_days;
};

struct OperationalHazard {
  // Per facility (a node of world share s holds ceil(s / facility_share) equal pieces); with
  // facility_share 0, per node (the node is one piece).
  double rate_per_node_per_year = 0.0;
  double facility_share = 0.0;  // of world output at the node's stage
  Distribution duration_days{Distribution::Kind::lognormal, 40.0, 0.6, 0.0};
  Distribution severity{Distribution::Kind::uniform, 0.05, 0.3, 0.0};
};

// Sampling distribution of the policy-rate fit, for --parameter-uncertainty: the estimates of
// (ln r0, ln 2 / k, b) and their covariance (row-major 3 x 3).
struct PolicyRateSampling {
  double estimate[3] = {0.0, 0.0, 0.0};
  double covariance[9] = {0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0};
};

// Sampling distribution of the policy-duration fit (lognormal with right-censoring): the
// estimates of (ln median, ln sigma) and their covariance (row-major 2 x 2). All zero: not
// drawn (a settings file without `policy_duration_fit`).
struct DurationSampling {
  double estimate[2] = {0.0, 0.0};
  double covariance[4] = {0.0, 0.0, 0.0, 0.0};
  bool present = false;
};

// The operational rate's calibrated range (the rates at the realised low and high copper
// allowances); drawn triangular(low, rate, high) per trial. Absent: not drawn.
struct OperationalRateRange {
  double low = 0.0;
  double high = 0.0;
  bool present = false;
};

struct HazardModel {
  PolicyHazard policy;
  OperationalHazard operational;
  PolicyRateSampling policy_sampling;
  DurationSampling policy_duration_sampling;
  OperationalRateRange operational_rate_range;
  double other_score_0to10 = 5.0;  // w for OTH, which is no single country
  // Draw per trial (--parameter-uncertainty): (ln r0, ln 2 / k, b) from policy_sampling, the
  // policy duration's (ln median, ln sigma) from policy_duration_sampling, the operational rate
  // from operational_rate_range (sim/hazard_draw.h).
  bool parameter_uncertainty = false;
  std::string file;  // where the parameters were read from
};

// Policy rate of one node (per year); share <= 0 gives 0.
double policy_rate_per_year(const PolicyHazard& hazard, double stability_0to10, double world_share);

// Facility-sized pieces of a node of `world_share` (at least 1; 1 when facility_share is 0).
double facility_pieces(double world_share, double facility_share);

}  // namespace mineflow
