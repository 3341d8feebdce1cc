// Splitting trials across processes (sim/trial_split.h) without MPI: three "ranks" on threads,
// with in-memory collectives, give the root exactly the unsplit run's per-trial values and
// sweep results and node criticality (the MPI build's mpirun tests, tests/mpi/, cover the real
// thing), and the parallel summaries are the same bits at 1, 2, 3 and 8 threads.

#include <gtest/gtest.h>

#include <algorithm>
#include <barrier>
#include <cmath>
#include <cstring>
#include <thread>

#include <oneapi/tbb/global_control.h>

#include "sim/internal_error.h"
#include "sim/monte_carlo.h"
#include "sim/sweep/stockpile_sweep.h"
#include "sim_test_support.h"
#include "tools/cli/criticality_job.h"

namespace mineflow {
namespace {

// Three suppliers with random outages; a no-stock variant and a 30-day stockpile variant.
struct Toy {
  Toy() : model(testing::refined_model({4.0, 2.0, 1.0})) {
    model.price_noise_sd = 0.2;
    model.price_step_days = 30.0;
    for (int e = 0; e < 3; ++e) {
      EventSpec spec = testing::outage("S" + std::to_string(e), 0.0, 0.0);
      spec.start_day.reset();
      spec.hazard_per_year = 0.8 + e;
      spec.duration_days = {Distribution::Kind::exponential, 40.0, 0.0, 0.0};
      spec.severity = {Distribution::Kind::uniform, 0.2, 1.0, 0.0};
      events.push_back(spec);
    }
    testing::compile_events(model, events);
    variants = {{&model, StockPolicy{}}, {&model, StockPolicy{}}};
    variants[1].stocks.stockpile_days = 30.0;
  }
  Toy(const Toy&) = delete;
  Toy& operator=(const Toy&) = delete;
  Model model;
  std::vector<EventSpec> events;
  std::vector<Variant> variants;
};

// Ranks as threads: each collective meets at a barrier and copies through shared pointers.
struct Meeting {
  explicit Meeting(int ranks) : sync(ranks) {}
  std::barrier<> sync;
  std::span<double> root_series;
  std::span<std::byte> root_bytes;
};

class ThreadSplit final : public TrialSplit {
 public:
  ThreadSplit(int rank, int ranks, Meeting& meeting)
      : rank_(rank), ranks_(ranks), meeting_(meeting) {}
  int rank() const override { return rank_; }
  int ranks() const override { return ranks_; }
  void gather_to_root(std::span<double> series, std::uint64_t trials) const override {
    if (is_root()) meeting_.root_series = series;
    meeting_.sync.arrive_and_wait();
    if (!is_root()) {
      ASSERT_EQ(series.size(), block(trials).size());
      std::memcpy(meeting_.root_series.data() + block(trials).begin, series.data(),
                  series.size_bytes());
    }
    meeting_.sync.arrive_and_wait();
  }
  void broadcast(std::span<std::byte> bytes) const override {
    if (is_root()) meeting_.root_bytes = bytes;
    meeting_.sync.arrive_and_wait();
    if (!is_root()) std::memcpy(bytes.data(), meeting_.root_bytes.data(), bytes.size());
    meeting_.sync.arrive_and_wait();
  }

 private:
  int rank_;
  int ranks_;
  Meeting& meeting_;
};

// Runs work(split) on `ranks` threads; returns rank 0's result.
template <typename Work>
auto on_ranks(int ranks, Work work) {
  Meeting meeting(ranks);
  std::vector<std::optional<decltype(work(std::declval<const TrialSplit*>()))>> results(
      static_cast<std::size_t>(ranks));
  std::vector<std::thread> threads;
  for (int r = 0; r < ranks; ++r) {
    threads.emplace_back([&, r] {
      ThreadSplit split(r, ranks, meeting);
      results[static_cast<std::size_t>(r)].emplace(work(&split));
    });
  }
  for (std::thread& t : threads) t.join();
  return std::move(*results[0]);
}

TEST(TrialSplit, BlocksAreContiguousAndCoverEveryTrial) {
  Meeting meeting(1);
  for (int ranks : {1, 2, 3, 7}) {
    std::uint64_t next = 0;
    for (int r = 0; r < ranks; ++r) {
      ThreadSplit split(r, ranks, meeting);
      TrialRange b = split.block(1001);
      EXPECT_EQ(b.begin, next);
      EXPECT_LE(b.size(), 1001 / static_cast<std::uint64_t>(ranks) + 1);
      next = b.end;
    }
    EXPECT_EQ(next, 1001u);
  }
}

TEST(TrialSplit, RootGathersTheUnsplitRunsValues) {
  const Toy toy;
  MonteCarloOptions options;
  options.trials = 2003;
  options.seed = 11;
  options.threads = 2;
  MonteCarloResult alone = run_monte_carlo(toy.events, 365.0, toy.variants, options);
  for (int ranks : {2, 3}) {
    MonteCarloResult root = on_ranks(ranks, [&](const TrialSplit* split) {
      MonteCarloOptions mine = options;
      mine.split = split;
      return run_monte_carlo(toy.events, 365.0, toy.variants, mine);
    });
    ASSERT_EQ(root.trials(), alone.trials());
    for (std::size_t v = 0; v < toy.variants.size(); ++v) {
      for (std::size_t m = 0; m < kMetricCount; ++m) {
        auto a = alone.values(v, static_cast<Metric>(m));
        auto b = root.values(v, static_cast<Metric>(m));
        ASSERT_EQ(0, std::memcmp(a.data(), b.data(), a.size_bytes())) << ranks << " ranks";
      }
    }
  }
}

TEST(TrialSplit, SweepSearchIsIdenticalAcrossRanks) {
  const Toy toy;
  SweepSetup setup;
  setup.events = &toy.events;
  setup.model = toy.variants.front().model;
  setup.stocks = toy.variants.front().stocks;
  SweepGrid grid;
  grid.recycling_shares = {0.0, 0.2};
  SweepOptions options;
  options.trials = 1501;
  options.seed = 5;
  options.threads = 2;
  SweepTarget target{SweepMetric::p_shortage, 0.02};
  SweepResult alone = run_stockpile_sweep(setup, grid, target, options);
  SweepResult root = on_ranks(3, [&](const TrialSplit* split) {
    SweepOptions mine = options;
    mine.split = split;
    return run_stockpile_sweep(setup, grid, target, mine);
  });
  EXPECT_GT(alone.passes, 1);  // search passes chosen from broadcast statistics
  EXPECT_EQ(root.passes, alone.passes);
  ASSERT_EQ(root.cells.size(), alone.cells.size());
  for (std::size_t c = 0; c < alone.cells.size(); ++c) {
    EXPECT_EQ(0, std::memcmp(&root.cells[c], &alone.cells[c], sizeof(SweepCell))) << c;
  }
  ASSERT_EQ(root.days_needed.size(), alone.days_needed.size());
  for (std::size_t s = 0; s < alone.days_needed.size(); ++s) {
    EXPECT_EQ(root.days_needed[s].days, alone.days_needed[s].days);
    EXPECT_EQ(root.days_needed[s].days_high, alone.days_needed[s].days_high);
  }
  EXPECT_EQ(root.recycling->share, alone.recycling->share);
}

TEST(TrialSplit, CriticalityIsIdenticalAcrossRanks) {
  cli::DataPaths paths{MINEFLOW_SCENARIOS_DIR};
  cli::CriticalityRequest request;
  request.trials = 1001;
  request.threads = 2;
  auto rank = [&](const TrialSplit* split) {
    CriticalityResult result =
        cli::criticality_of_scenario(paths, "cobalt_drc_supply_cut", request, {}, nullptr, split)
            .result;
    // Another rank ran only its block and holds no statistics.
    if (split != nullptr && !split->is_root()) {
      EXPECT_EQ(result.baseline_unmet_t, 0.0);
    }
    return result;
  };
  const CriticalityResult alone = rank(nullptr);
  ASSERT_GT(alone.nodes.size(), 5u);
  EXPECT_GT(alone.baseline_unmet_t, 0.0);
  EXPECT_GT(alone.nodes.front().added_unmet_t, 0.0);  // a statistic the root must compute
  for (int ranks : {2, 3}) {
    CriticalityResult root = on_ranks(ranks, rank);
    EXPECT_EQ(root.baseline_unmet_t, alone.baseline_unmet_t);
    EXPECT_EQ(root.baseline_se_t, alone.baseline_se_t);
    ASSERT_EQ(root.nodes.size(), alone.nodes.size());
    for (std::size_t i = 0; i < alone.nodes.size(); ++i) {
      const NodeCriticality& a = alone.nodes[i];
      const NodeCriticality& b = root.nodes[i];
      EXPECT_EQ(b.country, a.country) << ranks << " ranks, node " << i;
      EXPECT_EQ(b.stage, a.stage);
      for (auto field : {&NodeCriticality::expected_unmet_t, &NodeCriticality::se_t,
                         &NodeCriticality::added_unmet_t, &NodeCriticality::added_se_t,
                         &NodeCriticality::p_shortage}) {
        EXPECT_EQ(b.*field, a.*field) << ranks << " ranks, " << a.country;
      }
    }
  }
}

MonteCarloOptions trials_and_seed(std::uint64_t trials, std::uint64_t seed) {
  MonteCarloOptions options;
  options.trials = trials;
  options.seed = seed;
  return options;
}

TEST(ParallelSummaries, SameBitsAtAnyThreadCountAndAsSerial) {
  tbb::global_control allow(tbb::global_control::max_allowed_parallelism, 8);
  const Toy toy;
  MonteCarloOptions options = trials_and_seed(20011, 3);
  MonteCarloResult result = run_monte_carlo(toy.events, 365.0, toy.variants, options);
  std::vector<VariantSummary> one = summarize_variants(result, 1);
  for (std::size_t v = 0; v < one.size(); ++v) {
    for (std::size_t m = 0; m < kMetricCount; ++m) {
      auto metric = static_cast<Metric>(m);
      MetricSummary serial = summarize(result.values(v, metric), higher_is_worse(metric));
      EXPECT_EQ(0, std::memcmp(&serial, &one[v].metrics[m], sizeof(MetricSummary)));
    }
  }
  for (int threads : {2, 3, 8}) {
    std::vector<VariantSummary> other = summarize_variants(result, threads);
    ASSERT_EQ(0, std::memcmp(one.data(), other.data(), one.size() * sizeof(VariantSummary)))
        << threads << " threads";
  }
  // One variant: 7 series, so at 16 threads each statistic is a job of its own.
  tbb::global_control wider(tbb::global_control::max_allowed_parallelism, 16);
  std::vector<Variant> single{toy.variants[1]};
  MonteCarloResult narrow = run_monte_carlo(toy.events, 365.0, single, options);
  std::vector<VariantSummary> whole = summarize_variants(narrow, 1);
  std::vector<VariantSummary> split = summarize_variants(narrow, 16);
  ASSERT_EQ(0, std::memcmp(whole.data(), split.data(), sizeof(VariantSummary)));
  EXPECT_GT(whole[0].metrics[index(Metric::unmet_t)].q99, 0.0);  // a real tail, not all zeros
}

// A policy's no-stockpile reference keeps and is summarised by its unmet demand alone
// (sim/variant_scope.h): the moments of unmet_t and P(any shortage) bit for bit as in a full
// run, at one thread or sixteen (where each statistic is a job); its per-trial unmet_t the
// same; every other statistic NaN and every other series refused; the full variants untouched.
TEST(ParallelSummaries, AnUnmetOnlyVariantKeepsItsUnmetDemandAndNothingElse) {
  tbb::global_control allow(tbb::global_control::max_allowed_parallelism, 16);
  const Toy toy;
  MonteCarloOptions options = trials_and_seed(5003, 11);
  MonteCarloResult result = run_monte_carlo(toy.events, 365.0, toy.variants, options);
  ASSERT_GE(result.variants(), 2u);
  const std::vector<VariantSummary> full = summarize_variants(result, 1);
  std::vector<VariantScope> scope(result.variants(), VariantScope::full);
  scope[0] = VariantScope::unmet_only;
  for (int threads : {1, 16}) {
    options.threads = threads;
    MonteCarloResult kept = run_monte_carlo(toy.events, 365.0, toy.variants, options, scope);
    ASSERT_TRUE(kept.holds(0, Metric::unmet_t));
    EXPECT_FALSE(kept.holds(0, Metric::peak_price_multiple));
    EXPECT_THROW(kept.values(0, Metric::days_short), InternalError);
    std::span<const double> unmet = kept.values(0, Metric::unmet_t);
    std::span<const double> unmet_all = result.values(0, Metric::unmet_t);
    EXPECT_TRUE(std::equal(unmet.begin(), unmet.end(), unmet_all.begin(), unmet_all.end()));
    const std::vector<VariantSummary> trimmed = summarize_variants(kept, threads);
    const MetricSummary& moments = trimmed[0].metrics[index(Metric::unmet_t)];
    const MetricSummary& moments_full = full[0].metrics[index(Metric::unmet_t)];
    EXPECT_EQ(moments.mean, moments_full.mean) << threads;
    EXPECT_EQ(moments.sd, moments_full.sd) << threads;
    EXPECT_EQ(moments.se, moments_full.se) << threads;
    EXPECT_GT(moments_full.mean, 0.0);  // a reference that is short sometimes
    EXPECT_EQ(trimmed[0].any_shortage.p, full[0].any_shortage.p) << threads;
    EXPECT_EQ(trimmed[0].any_shortage.se, full[0].any_shortage.se) << threads;
    for (double q : {moments.q50, moments.q90, moments.q95, moments.q99, moments.cvar95}) {
      EXPECT_TRUE(std::isnan(q)) << threads;
    }
    for (std::size_t m = 0; m < kMetricCount; ++m) {
      if (static_cast<Metric>(m) == Metric::unmet_t) continue;
      EXPECT_TRUE(std::isnan(trimmed[0].metrics[m].mean)) << m;
      EXPECT_TRUE(std::isnan(trimmed[0].metrics[m].q99)) << m;
    }
    for (std::size_t v = 1; v < full.size(); ++v) {
      EXPECT_EQ(0, std::memcmp(&full[v], &trimmed[v], sizeof(VariantSummary))) << v;
    }
  }
  // One double per kept series per trial, and a working copy per summarising thread.
  EXPECT_EQ(kept_series(scope, scope.size()), 1 + (scope.size() - 1) * kMetricCount);
  EXPECT_EQ(monte_carlo_memory_bytes(1000, 14, 2), 1000u * 8u * 16u);
}

}  // namespace
}  // namespace mineflow
