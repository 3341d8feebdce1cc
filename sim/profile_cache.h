#pragma once
// The supply profiles of a range of trials, kept from one call of the trial loop to the next
// when the calls share the events, horizon, seed and one model: the stockpile sweep's passes,
// which differ only in stock levels. A later pass then re-runs only the stock pass of each cell
// instead of drawing the events and building the profile again (the dearer part of a trial).
// A profile is a pure function of (model, events, seed, trial), so a stored one is the same
// bits as a rebuilt one: results do not depend on whether, or how much, was kept.
//
// Memory: each profile costs its segments (120 B each) and price grid; profiles are kept until
// `budget_bytes` is reached, the rest are rebuilt in every pass.
//
// Thread safety: store() and find() may run concurrently for distinct trials (each trial is run
// by one thread per call); a profile stored in one call is read in a later one.

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "sim/supply_profile.h"
#include "sim/trial_split.h"

namespace mineflow {

class ProfileCache {
 public:
  ProfileCache(const Model* model, TrialRange range, std::size_t budget_bytes);

  // The model every cached profile was built for; the trial loop uses the cache only when every
  // variant runs on it.
  const Model* model() const { return model_; }
  // The stored profile of `trial`, or null.
  const SupplyProfile* find(std::uint64_t trial) const;
  // Keeps a copy of `profile` for `trial` if the budget allows.
  void store(std::uint64_t trial, const SupplyProfile& profile);
  std::size_t bytes() const { return bytes_.load(std::memory_order_relaxed); }

 private:
  bool holds(std::uint64_t trial) const { return trial >= range_.begin && trial < range_.end; }

  const Model* model_;
  TrialRange range_;
  std::size_t budget_bytes_;
  std::vector<SupplyProfile> profiles_;
  std::vector<std::uint8_t> stored_;  // 1 once profiles_[trial - begin] holds the trial
  std::atomic<std::size_t> bytes_{0};
};

}  // namespace mineflow
