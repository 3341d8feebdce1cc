#include "sim/calibrate/hazard_backtest.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "sim/distribution.h"
#include "sim/random_stream.h"

namespace mineflow {

std::string stability_band(double stability_0to10) {
  if (stability_0to10 < 4.0) return "w < 4";
  if (stability_0to10 < 6.0) return "4 <= w < 6";
  return "w >= 6";
}

int poisson_quantile(double mean, double p) {
  if (mean <= 0.0) return 0;
  double term = std::exp(-mean);
  double cdf = term;
  int n = 0;
  while (cdf < p && n < 100000) {
    ++n;
    term *= mean / n;
    cdf += term;
  }
  return n;
}

HazardBacktest backtest_hazard(const HazardFit& fit, const FrequencyFigures& figures,
                               const std::vector<double>& copper_shares, std::uint64_t seed,
                               int years) {
  HazardBacktest out;
  std::map<std::string, CountComparison> minerals;
  std::map<std::string, CountComparison> bands;
  for (std::size_t i = 0; i < fit.exposure.size(); ++i) {
    const ExposureNode& node = fit.exposure[i];
    double expected =
        policy_rate_per_year(fit.model.policy, node.stability_0to10, node.world_share) * node.years;
    for (auto* group : {&minerals[node.mineral], &bands[stability_band(node.stability_0to10)]}) {
      group->observed += fit.policy_counts[i];
      group->predicted += expected;
    }
  }
  auto finish = [](std::map<std::string, CountComparison>& groups,
                   std::vector<CountComparison>& rows) {
    for (auto& [name, row] : groups) {
      row.group = name;
      row.low90 = poisson_quantile(row.predicted, 0.05);
      row.high90 = poisson_quantile(row.predicted, 0.95);
      rows.push_back(row);
    }
  };
  finish(minerals, out.by_mineral);
  finish(bands, out.by_band);
  std::stable_sort(out.by_band.begin(), out.by_band.end(), [](const auto& a, const auto& b) {
    auto rank = [](const std::string& g) { return g == "w < 4" ? 0 : g == "w >= 6" ? 2 : 1; };
    return rank(a.group) < rank(b.group);
  });

  // Annual copper loss from the operational class: Poisson events per facility-sized piece of
  // each node (the node's pieces at the per-facility rate, as hazard_events draws them), each
  // removing the piece's share x severity x min(duration, 1 year) of world supply (spill-over
  // into the next year is counted in the year the event starts: the annual figures do the same).
  const OperationalHazard& op = fit.model.operational;
  std::vector<double> losses(static_cast<std::size_t>(std::max(1, years)), 0.0);
  for (std::size_t y = 0; y < losses.size(); ++y) {
    for (std::size_t n = 0; n < copper_shares.size(); ++n) {
      RandomStream stream(seed, y, static_cast<std::uint32_t>(kEventStreamBase + n));
      if (op.rate_per_node_per_year <= 0.0) break;
      double pieces = facility_pieces(copper_shares[n], op.facility_share);
      double mean_gap = 1.0 / (pieces * op.rate_per_node_per_year);
      for (double t = stream.exponential(mean_gap); t < 1.0; t += stream.exponential(mean_gap)) {
        double days = std::min(365.0, std::max(0.0, sample(op.duration_days, stream)));
        double severity = std::clamp(sample(op.severity, stream), 0.0, 1.0);
        losses[y] += copper_shares[n] / pieces * severity * days / 365.0;
      }
    }
  }
  double sum = 0.0;
  for (double v : losses) sum += v;
  out.copper_loss_mean = sum / static_cast<double>(losses.size());
  std::vector<double> sorted = losses;
  std::sort(sorted.begin(), sorted.end());
  auto quantile = [&](double p) {
    double h = (static_cast<double>(sorted.size()) - 1.0) * p;
    auto lo = static_cast<std::size_t>(std::floor(h));
    std::size_t hi = std::min(sorted.size() - 1, lo + 1);
    return sorted[lo] + (h - static_cast<double>(lo)) * (sorted[hi] - sorted[lo]);
  };
  out.copper_loss_p05 = quantile(0.05);
  out.copper_loss_p95 = quantile(0.95);
  out.copper_years = figures.copper_losses;
  return out;
}

}  // namespace mineflow
