#pragma once
// One trial end to end: draw the events once, build each model's supply profile once, then
// apply each variant's stocks. Policy variants therefore see the same disruption draws (common
// random numbers), and a sweep over stockpile days or recycling shares pays only for the cheap
// stock pass per level. No threads here (the parallel driver is monte_carlo.cpp).

#include <cstdint>
#include <span>
#include <vector>

#include "sim/occurrences.h"
#include "sim/profile_cache.h"
#include "sim/stock_pass.h"
#include "sim/supply_profile.h"

namespace mineflow {

// A policy variant: the model compiled for its structural levers, and its stock levers.
// Variants sharing a model should be adjacent so its profile is built once per trial.
struct Variant {
  const Model* model = nullptr;
  StockPolicy stocks;
};

// Per-thread working memory.
struct TrialScratch {
  std::vector<Occurrence> occurrences;
  ProfileScratch profile_scratch;
  SupplyProfile profile;
};

// Asks the kernel to back [data, data + bytes) with transparent huge pages where it allows
// (Linux, THP in "madvise" or "always" mode; elsewhere nothing). For the per-run metric series
// (8 B x 13 metrics x variants x trials, 208 MB for two full variants at 10^6 trials), written
// first by the trial loop: 4 kB pages made that a storm of first-touch faults (about a fifth of a
// 10^6 trial run on the two-supplier case, bench/README.md); 2 MB pages take 512 times fewer.
void prefer_huge_pages(void* data, std::size_t bytes);

// Writes one TrialMetrics per variant into `out` (out.size() == variants.size()). With a
// `cache` (which must serve every variant: ProfileCache::serves), the trial's profile is taken from
// it when stored there, else built and offered to it (sim/profile_cache.h): the same bits either
// way.
void run_trial(const std::vector<EventSpec>& events, double horizon_days,
               std::span<const Variant> variants, std::uint64_t seed, std::uint64_t trial,
               TrialScratch& scratch, std::span<TrialMetrics> out, ProfileCache* cache = nullptr);

}  // namespace mineflow
