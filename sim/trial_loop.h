#pragma once
// The one parallel trial loop every Monte Carlo run shares (run, the stockpile sweep,
// criticality): fixed blocks of kTrialBlock trials on oneTBB in a scoped arena of `threads`,
// per-thread scratch, each trial's draws from (seed, trial) and its results stored by trial
// index, so any thread count gives the same bits. Callers differ in what a trial computes
// (run_trial on variants, or their own TrialBody: criticality's shared failure runs) and what they
// keep per trial (a TrialStore); collect_trials does the rest: which trials this process runs, the
// cancellation fill and, across processes (options.split), the gather to the root.

#include <atomic>
#include <concepts>
#include <cstdint>
#include <functional>
#include <span>
#include <vector>

#include "sim/trial.h"
#include "sim/trial_split.h"

namespace mineflow {

struct MonteCarloOptions {
  std::uint64_t trials = 10000;
  std::uint64_t seed = 1;
  int threads = 0;  // 0: all the cores TBB may use
  // Called with the number of trials finished so far, from worker threads, at most once per
  // block; must be thread-safe. Empty: no reports.
  std::function<void(std::uint64_t)> progress;
  // Polled before each block of trials; once it reads true the remaining blocks are skipped and
  // the result is incomplete (the caller must discard it). Null: never cancelled.
  const std::atomic<bool>* cancel = nullptr;
  // Null: this process runs every trial. Else it runs its block and the root gathers them.
  const TrialSplit* split = nullptr;
  // Null: every trial builds its supply profile. Else profiles are reused from and offered to
  // it (sim/profile_cache.h; for calls that share events, seed and one model).
  ProfileCache* profile_cache = nullptr;
};

inline constexpr std::uint64_t kTrialBlock = 256;  // trials per task

// Receives each trial's metrics (one per variant); called from worker threads, each trial
// exactly once, so it must only write to storage owned by that trial index.
using TrialSink = std::function<void(std::uint64_t trial, const std::vector<TrialMetrics>&)>;

// What one trial computes: a TrialMetrics per output into `out`, from (seed, trial) alone.
using TrialBody =
    std::function<void(std::uint64_t trial, TrialScratch& scratch, std::span<TrialMetrics> out)>;

// The loop itself: `body` on trials [range.begin, range.end) of options.trials, `outputs`
// metrics each, cancellation and progress between blocks (options.split is not read here).
void run_trial_bodies(const MonteCarloOptions& options, TrialRange range, std::size_t outputs,
                      const TrialBody& body, const TrialSink& sink);

// run_trial on every variant (the profile cache used where every variant runs on its model).
TrialBody variants_body(const std::vector<EventSpec>& events, double horizon_days,
                        const std::vector<Variant>& variants, const MonteCarloOptions& options);

// Which trials this process runs and which it holds: all of them without a split; with one,
// the root holds every trial (its block starts at 0, so it runs straight into place), another
// rank only its block.
struct TrialLayout {
  TrialRange run;
  TrialRange held;
  bool holds_all = true;
};
TrialLayout trial_layout(const MonteCarloOptions& options);

// After run_trials into `series` (each one per-trial series this process holds): zero-fills
// them if the run was cancelled (skipped trials were never written; the result is discarded),
// then, with a split, gathers each one to the root.
void complete_series(const MonteCarloOptions& options,
                     const std::vector<std::span<double>>& series);

// What a caller keeps per trial: built for a range of held trials, written per trial from
// worker threads (only that trial's slots), and its per-trial series for the gather.
template <class Store>
concept TrialStore = requires(Store store, std::uint64_t trial,
                              const std::vector<TrialMetrics>& metrics) {
  store.store_trial(trial, metrics);
  { store.trial_series() } -> std::same_as<std::vector<std::span<double>>>;
};

// Runs `body` (`outputs` metrics per trial) on this process's trials into make(held range).
// Without a split: every trial. With one: the root returns every trial (gathered), another rank
// make(empty range). An interrupted run's values are zero-filled (to be discarded).
template <TrialStore Store, class Make>
Store collect_trial_bodies(const MonteCarloOptions& options, std::size_t outputs,
                           const TrialBody& body, Make make) {
  const TrialLayout layout = trial_layout(options);
  Store store = make(layout.held);
  run_trial_bodies(options, layout.run, outputs, body,
                   [&store](std::uint64_t trial, const std::vector<TrialMetrics>& metrics) {
                     store.store_trial(trial, metrics);
                   });
  complete_series(options, store.trial_series());
  if (!layout.holds_all) return make(TrialRange{});
  return store;
}

// collect_trial_bodies with variants_body: one TrialMetrics per variant.
template <TrialStore Store, class Make>
Store collect_trials(const std::vector<EventSpec>& events, double horizon_days,
                     const std::vector<Variant>& variants, const MonteCarloOptions& options,
                     Make make) {
  return collect_trial_bodies<Store>(options, variants.size(),
                                     variants_body(events, horizon_days, variants, options), make);
}

}  // namespace mineflow
