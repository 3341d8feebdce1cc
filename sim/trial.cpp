#include "sim/trial.h"

#include <algorithm>
#include <cassert>
#include <cstdint>

#include "sim/world_market.h"

#if defined(__linux__)
#include <sys/mman.h>
#endif

namespace mineflow {

void prefer_huge_pages(void* data, std::size_t bytes) {
#if defined(__linux__) && defined(MADV_HUGEPAGE)
  // Whole 2 MB extents only: madvise needs a page-aligned start, and only aligned extents can
  // take a huge page. Advice only: a refusal changes nothing but speed.
  constexpr std::uintptr_t kHuge = std::uintptr_t{2} << 20;
  auto begin = reinterpret_cast<std::uintptr_t>(data);
  std::uintptr_t first = (begin + kHuge - 1) & ~(kHuge - 1);
  std::uintptr_t last = (begin + bytes) & ~(kHuge - 1);
  if (last > first) {
    (void)madvise(reinterpret_cast<void*>(first), last - first, MADV_HUGEPAGE);
  }
#else
  (void)data;
  (void)bytes;
#endif
}

void run_trial(const std::vector<EventSpec>& events, double horizon_days,
               std::span<const Variant> variants, std::uint64_t seed, std::uint64_t trial,
               TrialScratch& scratch, std::span<TrialMetrics> out, ProfileCache* cache) {
  assert(cache == nullptr || cache->serves(variants));
  if (cache != nullptr) {
    if (const SupplyProfile* kept = cache->find(trial)) {
      for (std::size_t v = 0; v < variants.size(); ++v) {
        out[v] = apply_stocks(*cache->model(), *kept, variants[v].stocks);
      }
      return;
    }
  }
  draw_occurrences(events, horizon_days, seed, trial, scratch.occurrences);
  const Model* built_for = nullptr;
  const Model* previous = nullptr;
  // Models that differ only in the market's response share one supply profile: keep the
  // market's input segments and re-run only the market for the others (docs/market.md).
  auto supply_of = [](const Model* m) { return m->market_twin ? m->market_twin.get() : m; };
  bool twins = false;
  for (const Variant& v : variants) twins = twins || v.model->market_twin != nullptr;
  scratch.profile_scratch.market.keep_input = twins;
  for (std::size_t v = 0; v < variants.size(); ++v) {
    if (variants[v].model != built_for) {
      if (twins && built_for != nullptr && built_for->clearing &&
          supply_of(variants[v].model) == supply_of(built_for)) {
        built_for = variants[v].model;
        rerun_world_market(*built_for, scratch.profile, scratch.profile_scratch.market);
        previous = built_for;
        out[v] = apply_stocks(*built_for, scratch.profile, variants[v].stocks);
        continue;
      }
      built_for = variants[v].model;
      // The price path depends only on the price constants: draw it once per trial.
      bool reuse = previous != nullptr && same_price_process(*previous, *built_for);
      build_supply_profile(*built_for, scratch.occurrences, seed, trial, scratch.profile_scratch,
                           scratch.profile, reuse);
      previous = built_for;
    }
    out[v] = apply_stocks(*built_for, scratch.profile, variants[v].stocks);
  }
  if (cache != nullptr) cache->store(trial, scratch.profile);
}

}  // namespace mineflow
