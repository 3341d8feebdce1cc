#pragma once
// What the optimiser keeps per mix and trial: the sweep's three series (unmet demand, longest
// spell, demand priced out by the clearing market: sim/sweep/sweep_driver.h), from which
// sweep_cell gives every target metric, demand not served (unmet + priced out, docs/market.md)
// among them, whose value at the base price the budget split minimises. 24 B per mix and trial. A
// TrialStore for the engine's trial loop (sim/trial_loop.h).

#include <memory>
#include <span>
#include <vector>

#include "sim/trial_loop.h"

namespace mineflow {

class MixValues {
 public:
  static constexpr std::size_t kSeries = 3;  // unmet_t, longest spell, priced_out_t
  MixValues(std::size_t mixes, TrialRange range)
      : mixes_(mixes),
        range_(range),
        values_(std::make_unique_for_overwrite<double[]>(kSeries * mixes * range.size())) {}
  std::span<const double> unmet_t(std::size_t mix) const { return series(mix, 0); }
  std::span<const double> longest_spell_days(std::size_t mix) const { return series(mix, 1); }
  std::span<const double> priced_out_t(std::size_t mix) const { return series(mix, 2); }
  void store_trial(std::uint64_t trial, const std::vector<TrialMetrics>& metrics) {
    for (std::size_t mix = 0; mix < metrics.size(); ++mix) {
      const std::size_t at = trial - range_.begin;
      values_[slot(mix, 0) + at] = metrics[mix][index(Metric::unmet_t)];
      values_[slot(mix, 1) + at] = metrics[mix][index(Metric::longest_spell_days)];
      values_[slot(mix, 2) + at] = metrics[mix][index(Metric::priced_out_t)];
    }
  }
  std::vector<std::span<double>> trial_series() {
    std::vector<std::span<double>> out;
    for (std::size_t s = 0; s < kSeries * mixes_; ++s) {
      out.emplace_back(values_.get() + s * range_.size(), range_.size());
    }
    return out;
  }

 private:
  std::size_t slot(std::size_t mix, std::size_t series) const {
    return (mix * kSeries + series) * range_.size();
  }
  std::span<const double> series(std::size_t mix, std::size_t s) const {
    return {values_.get() + slot(mix, s), range_.size()};
  }
  std::size_t mixes_;
  TrialRange range_;
  std::unique_ptr<double[]> values_;
};

}  // namespace mineflow
