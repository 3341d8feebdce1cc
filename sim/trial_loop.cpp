// With sim/monte_carlo.cpp and sim/stock_flow/parallel_regions.cpp, the only sim/ files that
// use oneTBB (docs/limits.md, ThreadSanitizer scope).
#include "sim/trial_loop.h"

#include <algorithm>

#include <oneapi/tbb/blocked_range.h>
#include <oneapi/tbb/parallel_for.h>
#include <oneapi/tbb/task_arena.h>

namespace mineflow {

void run_trial_bodies(const MonteCarloOptions& options, TrialRange range, std::size_t outputs,
                      const TrialBody& body, const TrialSink& sink) {
  const std::uint64_t blocks = (range.size() + kTrialBlock - 1) / kTrialBlock;
  std::atomic<std::uint64_t> done{0};
  tbb::task_arena arena(options.threads > 0 ? options.threads : tbb::task_arena::automatic);
  arena.execute([&] {
    tbb::parallel_for(
        tbb::blocked_range<std::uint64_t>(0, blocks, 1),
        [&](const tbb::blocked_range<std::uint64_t>& blocks_here) {
          TrialScratch scratch;
          std::vector<TrialMetrics> metrics(outputs);
          for (std::uint64_t block = blocks_here.begin(); block != blocks_here.end(); ++block) {
            if (options.cancel != nullptr && options.cancel->load(std::memory_order_relaxed)) {
              return;
            }
            std::uint64_t first = range.begin + block * kTrialBlock;
            std::uint64_t last = std::min(range.end, first + kTrialBlock);
            for (std::uint64_t trial = first; trial < last; ++trial) {
              body(trial, scratch, metrics);
              sink(trial, metrics);
            }
            std::uint64_t finished = done.fetch_add(last - first) + (last - first);
            if (options.progress) options.progress(finished);
          }
        },
        tbb::simple_partitioner());
  });
}

TrialBody variants_body(const std::vector<EventSpec>& events, double horizon_days,
                        const std::vector<Variant>& variants, const MonteCarloOptions& options) {
  // Decided once per call, not per trial (sim/profile_cache.h: which variants a cache serves).
  ProfileCache* cache = options.profile_cache != nullptr && options.profile_cache->serves(variants)
                            ? options.profile_cache
                            : nullptr;
  return [&events, horizon_days, &variants, seed = options.seed, cache](
             std::uint64_t trial, TrialScratch& scratch, std::span<TrialMetrics> out) {
    run_trial(events, horizon_days, variants, seed, trial, scratch, out, cache);
  };
}

TrialLayout trial_layout(const MonteCarloOptions& options) {
  const TrialRange all{0, options.trials};
  if (options.split == nullptr) return {all, all, true};
  const TrialRange block = options.split->block(options.trials);
  const bool root = options.split->is_root();
  return {block, root ? all : block, root};
}

void complete_series(const MonteCarloOptions& options,
                     const std::vector<std::span<double>>& series) {
  if (options.cancel != nullptr && options.cancel->load()) {
    for (std::span<double> s : series) std::fill(s.begin(), s.end(), 0.0);
  }
  if (options.split == nullptr) return;
  for (std::span<double> s : series) options.split->gather_to_root(s, options.trials);
}

}  // namespace mineflow
