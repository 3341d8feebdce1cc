// The only file that uses oneTBB, so ThreadSanitizer can check everything else.
#include "sim/monte_carlo.h"

#include <algorithm>
#include <atomic>

#include <oneapi/tbb/blocked_range.h>
#include <oneapi/tbb/parallel_for.h>
#include <oneapi/tbb/task_arena.h>

namespace mineflow {

void run_trials(const std::vector<EventSpec>& events, double horizon_days,
                const std::vector<Variant>& variants, const MonteCarloOptions& options,
                const TrialSink& sink) {
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
            if (options.cancel != nullptr && options.cancel->load(std::memory_order_relaxed)) {
              return;
            }
            std::uint64_t first = block * kTrialBlock;
            std::uint64_t last = std::min(options.trials, first + kTrialBlock);
            for (std::uint64_t trial = first; trial < last; ++trial) {
              run_trial(events, horizon_days, variants, options.seed, trial, scratch, metrics);
              sink(trial, metrics);
            }
            std::uint64_t finished = done.fetch_add(last - first) + (last - first);
            if (options.progress) options.progress(finished);
          }
        },
        tbb::simple_partitioner());
  });
}

MonteCarloResult run_monte_carlo(const std::vector<EventSpec>& events, double horizon_days,
                                 const std::vector<Variant>& variants,
                                 const MonteCarloOptions& options) {
  MonteCarloResult result(variants.size(), options.trials);
  run_trials(events, horizon_days, variants, options,
             [&result](std::uint64_t trial, const std::vector<TrialMetrics>& metrics) {
               for (std::size_t v = 0; v < metrics.size(); ++v) result.store(v, trial, metrics[v]);
             });
  return result;
}

std::uint64_t monte_carlo_memory_bytes(std::uint64_t trials, std::size_t variants) {
  return trials * sizeof(double) * (static_cast<std::uint64_t>(variants) * kMetricCount + 1);
}

}  // namespace mineflow
