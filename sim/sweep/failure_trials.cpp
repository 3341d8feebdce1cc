#include "sim/sweep/failure_trials.h"

#include <algorithm>

namespace mineflow {
namespace {

// A group's values: 8 B per case and trial (the root holds every trial). 64 cases share most of
// what sharing saves, and keep the models copied for a group few on a large graph.
constexpr std::size_t kGroupBytes = std::size_t{256} << 20;
constexpr std::size_t kMaxGroupCases = 64;

// As a TrialStore (sim/trial_loop.h): one not-served series per case.
struct CaseSeries {
  CaseSeries(std::size_t cases, TrialRange range)
      : first(range.begin), values(cases, std::vector<double>(range.size())) {}
  void store_trial(std::uint64_t trial, const std::vector<TrialMetrics>& metrics) {
    for (std::size_t c = 0; c < values.size(); ++c) {
      values[c][trial - first] = metrics[c][index(Metric::not_served_t)];
    }
  }
  std::vector<std::span<double>> trial_series() {
    std::vector<std::span<double>> out;
    for (std::vector<double>& v : values) out.emplace_back(v);
    return out;
  }

  std::uint64_t first;
  std::vector<std::vector<double>> values;
};

}  // namespace

std::optional<std::vector<Occurrence>> fixed_last_occurrences(const std::vector<EventSpec>& events,
                                                              double horizon_days) {
  if (events.empty() || !is_deterministic({events.back()})) return std::nullopt;
  // Any seed and trial: a fixed event draws nothing that changes what it yields.
  std::vector<Occurrence> all;
  draw_occurrences(events, horizon_days, 0, 0, all);
  const auto last = static_cast<std::uint32_t>(events.size() - 1);
  std::vector<Occurrence> out;
  for (const Occurrence& o : all) {
    if (o.event == last) out.push_back(o);
  }
  return out;
}

std::size_t cases_per_group(std::uint64_t trials) {
  const std::uint64_t fit = kGroupBytes / (sizeof(double) * std::max<std::uint64_t>(trials, 1));
  return static_cast<std::size_t>(std::clamp<std::uint64_t>(fit, 1, kMaxGroupCases));
}

std::vector<std::vector<double>> not_served_of_cases(const std::vector<EventSpec>& events,
                                                     double horizon_days, const StockPolicy& stocks,
                                                     const std::vector<FailureCase>& cases,
                                                     const MonteCarloOptions& options) {
  const std::uint64_t seed = options.seed;
  auto body = [&](std::uint64_t trial, TrialScratch& scratch, std::span<TrialMetrics> out) {
    draw_occurrences(events, horizon_days, seed, trial, scratch.occurrences);
    const std::size_t drawn = scratch.occurrences.size();
    const Model* previous = nullptr;
    for (std::size_t c = 0; c < cases.size(); ++c) {
      const FailureCase& run = cases[c];
      // The failure's event is the last: its occurrences follow every drawn one, as
      // draw_occurrences would have written them.
      scratch.occurrences.insert(scratch.occurrences.end(), run.added.begin(), run.added.end());
      scratch.profile_scratch.market.keep_input = run.model->market_twin != nullptr;
      // The price path depends only on the price constants: drawn once per trial.
      const bool reuse = previous != nullptr && same_price_process(*previous, *run.model);
      build_supply_profile(*run.model, scratch.occurrences, seed, trial, scratch.profile_scratch,
                           scratch.profile, reuse);
      previous = run.model;
      scratch.occurrences.resize(drawn);
      out[c] = apply_stocks(*run.model, scratch.profile, stocks);
    }
  };
  return collect_trial_bodies<CaseSeries>(
             options, cases.size(), body,
             [&cases](TrialRange held) { return CaseSeries(cases.size(), held); })
      .values;
}

}  // namespace mineflow
