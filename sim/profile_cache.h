#pragma once
// The supply profiles of a range of trials, kept from one call of the trial loop to the next
// when the calls share the events, horizon, seed and one model: the stockpile sweep's passes,
// which differ only in stock levels. A later pass then re-runs only the stock pass of each cell
// instead of drawing the events and building the profile again (the dearer part of a trial).
// A profile is a pure function of (model, events, seed, trial), so a stored one gives the same
// bits as a rebuilt one: results do not depend on whether, or how much, was kept.
//
// Only what the stock pass (apply_stocks) reads is kept: the segments, the price it integrates
// (a clearing market's daily path and its prefix sums, else the price grid) and the market's
// priced-out totals; the per-day priced-out series only with `daily_priced_out` (a release below
// the market price reads them). Under clearing those two series were a quarter to a third of a
// profile, about 6 kB of a background trial's 15-20 kB.
//
// Memory: profiles are kept until `budget_bytes` is reached, the rest are rebuilt in every pass.

// Thread safety: store() and find() may run concurrently for distinct trials (each trial is run
// by one thread per call); a profile stored in one call is read in a later one.

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <vector>

#include <span>

#include "sim/stock_pass.h"
#include "sim/supply_profile.h"
#include "sim/trial_split.h"

namespace mineflow {

struct Variant;  // sim/trial.h

class ProfileCache {
 public:
  ProfileCache(const Model* model, TrialRange range, std::size_t budget_bytes,
               bool daily_priced_out = true);

  // The model every cached profile was built for.
  const Model* model() const { return model_; }
  // Whether a kept profile gives `variants` what a rebuilt one gives: every variant runs on the
  // cache's model, and releases at the market price unless the daily series are kept. The trial
  // loop uses the cache only then.
  bool serves(std::span<const Variant> variants) const;
  // The stored profile of `trial`, or null.
  const SupplyProfile* find(std::uint64_t trial) const;
  // Keeps a copy of `profile` for `trial` if the budget allows.
  void store(std::uint64_t trial, const SupplyProfile& profile);
  std::size_t bytes() const { return bytes_.load(std::memory_order_relaxed); }

 private:
  bool holds(std::uint64_t trial) const { return trial >= range_.begin && trial < range_.end; }

  const Model* model_;
  TrialRange range_;
  bool daily_priced_out_;
  std::size_t budget_bytes_;
  std::vector<SupplyProfile> profiles_;
  std::vector<std::uint8_t> stored_;  // 1 once profiles_[trial - begin] holds the trial
  std::atomic<std::size_t> bytes_{0};
};

}  // namespace mineflow
