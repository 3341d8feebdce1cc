#pragma once
// Criticality's Monte Carlo runs on shared trials: the scenario alone and each node failing
// alone. A node's failure is an event with a fixed start, duration and severity appended after
// the scenario's events: it draws from its own stream, so every other event's draws are those of
// the scenario alone, and being fixed its occurrences are the same in every trial. So each trial
// draws the scenario's events and the price path once and builds every case's supply profile
// from them (plus the case's fixed occurrences), instead of drawing both afresh per case. The
// same bits as a separate run per case (tests/network_test.cpp, Criticality.SharedTrials*).

#include <cstddef>
#include <optional>
#include <vector>

#include "sim/occurrences.h"
#include "sim/trial_loop.h"

namespace mineflow {

// One run of criticality: a model (the scenario's, or a copy with the failure's event compiled
// last) and the occurrences its extra event adds to every trial (none for the scenario alone).
struct FailureCase {
  const Model* model = nullptr;
  std::vector<Occurrence> added;
};

// The occurrences of the last event of `events` in every trial, or nothing when that event is
// random (its draws would differ per trial: run such a case on its own).
std::optional<std::vector<Occurrence>> fixed_last_occurrences(const std::vector<EventSpec>& events,
                                                              double horizon_days);

// How many cases one call of not_served_of_cases should take at `trials` trials: at most 64,
// and values of at most 256 MiB (the same on every process of a split).
std::size_t cases_per_group(std::uint64_t trials);

// Demand not served (Metric::not_served_t) per trial, in trial order, of every case, all on the
// same trials (options.seed). Split across processes as collect_trials: the root returns every
// trial, another rank empty series. Cancelled (options.cancel): zeros, to be discarded.
std::vector<std::vector<double>> not_served_of_cases(const std::vector<EventSpec>& events,
                                                     double horizon_days, const StockPolicy& stocks,
                                                     const std::vector<FailureCase>& cases,
                                                     const MonteCarloOptions& options);

}  // namespace mineflow
