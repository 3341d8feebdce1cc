#pragma once
// The sweep's Monte Carlo driver: the engine's trial loop (sim/trial_loop.h: fixed blocks of
// kTrialBlock trials, results stored by trial index, so any thread count gives the same bits)
// keeping only what a sweep reads: unmet demand, the longest spell and the priced-out demand per
// cell and trial. 24 B per cell per trial instead of run_monte_carlo's 88: a search pass of 84
// cells over 1e6 trials holds 2.0 GB, not 7.4 GB. The arrays are first touched by the threads
// that run the trials. With options.split a rank holds only its block; the root gathers all.

#include <memory>
#include <span>
#include <vector>

#include "sim/monte_carlo.h"
#include "sim/trial_loop.h"

namespace mineflow {

class SweepValues {
 public:
  SweepValues(std::size_t cells, TrialRange range)
      : cells_(cells),
        range_(range),
        unmet_t_(std::make_unique_for_overwrite<double[]>(cells * range.size())),
        spell_days_(std::make_unique_for_overwrite<double[]>(cells * range.size())),
        priced_out_t_(std::make_unique_for_overwrite<double[]>(cells * range.size())) {}
  std::uint64_t trials() const { return range_.size(); }
  std::span<const double> unmet_t(std::size_t cell) const {
    return {unmet_t_.get() + cell * range_.size(), range_.size()};
  }
  std::span<const double> longest_spell_days(std::size_t cell) const {
    return {spell_days_.get() + cell * range_.size(), range_.size()};
  }
  std::span<const double> priced_out_t(std::size_t cell) const {
    return {priced_out_t_.get() + cell * range_.size(), range_.size()};
  }
  std::span<double> priced_out_series(std::size_t cell) {
    return {priced_out_t_.get() + cell * range_.size(), range_.size()};
  }
  std::span<double> unmet_t_series(std::size_t cell) {
    return {unmet_t_.get() + cell * range_.size(), range_.size()};
  }
  std::span<double> spell_series(std::size_t cell) {
    return {spell_days_.get() + cell * range_.size(), range_.size()};
  }
  void store(std::size_t cell, std::uint64_t trial, const TrialMetrics& metrics) {
    const std::size_t at = cell * range_.size() + (trial - range_.begin);
    unmet_t_[at] = metrics[index(Metric::unmet_t)];
    spell_days_[at] = metrics[index(Metric::longest_spell_days)];
    priced_out_t_[at] = metrics[index(Metric::priced_out_t)];
  }
  // As a TrialStore (sim/trial_loop.h): one cell per variant; both series of every cell.
  void store_trial(std::uint64_t trial, const std::vector<TrialMetrics>& metrics) {
    for (std::size_t cell = 0; cell < metrics.size(); ++cell) store(cell, trial, metrics[cell]);
  }
  std::vector<std::span<double>> trial_series() {
    std::vector<std::span<double>> out;
    for (std::size_t cell = 0; cell < cells_; ++cell) {
      out.push_back(unmet_t_series(cell));
      out.push_back(spell_series(cell));
      out.push_back(priced_out_series(cell));
    }
    return out;
  }

 private:
  std::size_t cells_;
  TrialRange range_;
  std::unique_ptr<double[]> unmet_t_;
  std::unique_ptr<double[]> spell_days_;
  std::unique_ptr<double[]> priced_out_t_;
};

// One cell per variant; variants sharing a model should be adjacent (profile built once).
// Without a split: every trial. With one: the root returns every trial (gathered), another
// rank an empty result. An interrupted run's values are zero-filled (to be discarded).
SweepValues run_sweep_trials(const std::vector<EventSpec>& events, double horizon_days,
                             const std::vector<Variant>& variants,
                             const MonteCarloOptions& options);

}  // namespace mineflow
