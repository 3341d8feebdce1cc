// The sweep's only oneTBB file (the engine keeps its own in monte_carlo.cpp).
#include "sim/sweep_driver.h"

#include <algorithm>
#include <atomic>

#include <oneapi/tbb/blocked_range.h>
#include <oneapi/tbb/parallel_for.h>
#include <oneapi/tbb/task_arena.h>

namespace mineflow {

SweepValues run_sweep_trials(const std::vector<EventSpec>& events, double horizon_days,
                             const std::vector<Variant>& variants,
                             const MonteCarloOptions& options) {
  SweepValues values(variants.size(), options.trials);
  const std::uint64_t blocks = (options.trials + kTrialBlock - 1) / kTrialBlock;
  std::atomic<std::uint64_t> done{0};
  tbb::task_arena arena(options.threads > 0 ? options.threads : tbb::task_arena::automatic);
  arena.execute([&] {
    tbb::parallel_for(
        tbb::blocked_range<std::uint64_t>(0, blocks, 1),
        [&](const tbb::blocked_range<std::uint64_t>& range) {
          TrialScratch scratch;
          std::vector<TrialMetrics> metrics(variants.size());
          for (std::uint64_t block = range.begin(); block != range.end(); ++block) {
            std::uint64_t first = block * kTrialBlock;
            std::uint64_t last = std::min(options.trials, first + kTrialBlock);
            for (std::uint64_t trial = first; trial < last; ++trial) {
              run_trial(events, horizon_days, variants, options.seed, trial, scratch, metrics);
              for (std::size_t v = 0; v < variants.size(); ++v) values.store(v, trial, metrics[v]);
            }
            std::uint64_t finished = done.fetch_add(last - first) + (last - first);
            if (options.progress) options.progress(finished);
          }
        },
        tbb::simple_partitioner());
  });
  return values;
}

}  // namespace mineflow
