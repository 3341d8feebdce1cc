// The world tiers (docs/network.md): exact propagation on a hand-computed three-tier network,
// mass balance at every node of random networks, the bundled cobalt network against a hand
// calculation from its data files, node criticality, and bad network data.

#include <cctype>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <random>
#include <string>

#include <gtest/gtest.h>

#include "cli_runner.h"
#include "graph/build_graph.h"
#include "graph/look_through.h"
#include "sim/monte_carlo.h"
#include "sim/network_flow.h"
#include "sim/run_plan.h"
#include "sim/summary.h"
#include "sim/sweep/criticality.h"
#include "sim/sweep/failure_trials.h"
#include "tools/io/data_loaders.h"
#include "tools/io/network_loader.h"
#include "tools/io/yaml_reader.h"

namespace mineflow {
namespace {

namespace fs = std::filesystem;
constexpr double kDays = 365.0;

CountryTable countries() {
  return io::load_countries(testing::scenarios_dir() + "/countries.yaml");
}

// The toy network of tests/data/network_*.yaml, compiled with no events.
struct Toy {
  MineralData data;
  MineralGraph graph;
  Model model;
};

Toy toy() {
  Toy t;
  t.data = io::load_mineral(testing::test_data_dir() + "/network_mineral.yaml", countries());
  t.graph = build_mineral_graph(t.data, GraphOptions{});
  Scenario scenario;
  t.model = compile_model(t.graph, scenario, {}, PriceBasis{});
  return t;
}

EventTarget node(const std::string& country, Stage stage) {
  EventTarget target;
  target.kind = EventTarget::Kind::node;
  target.country = country;
  target.stage = stage;
  return target;
}

EventTarget exports(const std::string& country, std::optional<Stage> stage) {
  EventTarget target;
  target.kind = EventTarget::Kind::exports_of;
  target.country = country;
  target.export_stage = stage;
  return target;
}

// Channel availabilities with one target cut at `severity` (what one event does in a segment).
std::vector<double> cut(const Model& model, const EventTarget& target, double severity) {
  std::vector<double> a(model.channel_count(), 1.0);
  for (const ChannelHit& hit : compile_target(model, target).hits) a[hit.channel] *= 1.0 - severity;
  return a;
}

std::size_t refiner(const Model& model, const std::string& country) {
  for (std::size_t r = 0; r < model.refiners.size(); ++r) {
    if (model.refiners[r].country == country) return r;
  }
  ADD_FAILURE() << "no refiner " << country;
  return 0;
}

// The focal economy's refined supply, t/yr, from the refiners' output fractions.
double focal_refined_t(const Model& model, const std::vector<double>& a) {
  NetworkOutcome out;
  propagate(model, a, out);
  double t = 0.0;
  for (std::size_t s = 0; s < model.sources.size(); ++s) {
    const SupplySource& source = model.sources[s];
    t += source.baseline_t_per_day * a[s] * out.output_fraction[source.refiner] * kDays;
  }
  return t;
}

TEST(NetworkGraph, ToyNetworkHasTheHandComputedFlows) {
  Toy t = toy();
  const SupplyGraph& g = t.graph.graph;
  auto flow = [&](const std::string& from, Stage from_stage, const std::string& to,
                  Stage to_stage) {
    double sum = 0.0;
    for (const Edge& e : g.edges()) {
      const Node& a = g.node_at(e.from);
      const Node& b = g.node_at(e.to);
      if (a.country == from && a.stage == from_stage && b.country == to && b.stage == to_stage) {
        sum += e.flow_t_per_yr;
      }
    }
    return sum;
  };
  EXPECT_NEAR(flow("AUS", Stage::mine, "CHN", Stage::refine), 35.0, 1e-12);
  EXPECT_NEAR(flow("CHL", Stage::mine, "CHN", Stage::refine), 14.0, 1e-12);
  EXPECT_NEAR(flow("CHL", Stage::mine, "FIN", Stage::refine), 15.0, 1e-12);
  EXPECT_NEAR(flow("AUS", Stage::mine, "", Stage::concentrate_market), 25.0, 1e-12);
  EXPECT_NEAR(flow("CHL", Stage::mine, "", Stage::concentrate_market), 11.0, 1e-12);
  EXPECT_NEAR(flow("", Stage::concentrate_market, "CHN", Stage::refine), 21.0, 1e-12);
  EXPECT_NEAR(flow("", Stage::concentrate_market, "FIN", Stage::refine), 15.0, 1e-12);
  EXPECT_NEAR(flow("CHN", Stage::refine, "", Stage::refined_market), 60.0, 1e-12);
  EXPECT_NEAR(flow("FIN", Stage::refine, "", Stage::refined_market), 20.0, 1e-12);
  EXPECT_NEAR(flow("CHN", Stage::refine, "JPN", Stage::demand), 10.0, 1e-12);
  EXPECT_TRUE(t.graph.network.present);
  EXPECT_TRUE(t.graph.network.market_feed.empty());
}

TEST(NetworkExact, NoCutGivesExactlyTheBaseline) {
  Toy t = toy();
  std::vector<double> a(t.model.channel_count(), 1.0);
  NetworkOutcome out;
  propagate(t.model, a, out);
  for (double f : out.output_fraction) EXPECT_EQ(f, 1.0);
  EXPECT_EQ(out.world_mine_loss, 0.0);
  EXPECT_EQ(out.world_refined_loss, 0.0);
}

TEST(NetworkExact, HalfOfOneMineReachesTheFocalEconomyThroughBothRefiners) {
  Toy t = toy();
  // AUS at 50 %: the market loses 12.5 of 36; CHN loses 0.5 x 0.5 + 0.3 x 12.5/36 of its feed,
  // FIN 0.5 x 12.5/36.
  std::vector<double> a = cut(t.model, node("AUS", Stage::mine), 0.5);
  double market_loss = 12.5 / 36.0;
  double chn = 1.0 - (0.25 + 0.3 * market_loss);
  double fin = 1.0 - 0.5 * market_loss;
  EXPECT_NEAR(focal_refined_t(t.model, a), 10.0 * chn + 10.0 * fin, 1e-12);
  NetworkOutcome out;
  propagate(t.model, a, out);
  EXPECT_NEAR(out.world_mine_loss, 0.3, 1e-15);  // 30 of 100
  EXPECT_NEAR(out.world_refined_loss, (70.0 * (1 - chn) + 30.0 * (1 - fin)) / 100.0, 1e-15);
}

TEST(NetworkExact, RefinerOutageCutsOnlyItsBuyers) {
  Toy t = toy();
  std::vector<double> a = cut(t.model, node("CHN", Stage::refine), 0.4);
  EXPECT_NEAR(focal_refined_t(t.model, a), 10.0 * 0.6 + 10.0, 1e-12);
  NetworkOutcome out;
  propagate(t.model, a, out);
  EXPECT_NEAR(out.world_refined_loss, 0.28, 1e-15);
  EXPECT_EQ(out.world_mine_loss, 0.0);
}

TEST(NetworkExact, OreExportBanCutsCrossBorderFeedAndMarketSalesOnly) {
  Toy t = toy();
  std::vector<double> a = cut(t.model, exports("CHL", Stage::mine), 1.0);
  double market_loss = 11.0 / 36.0;
  double chn = 1.0 - (0.2 + 0.3 * market_loss);
  double fin = 1.0 - (0.5 + 0.5 * market_loss);
  EXPECT_NEAR(focal_refined_t(t.model, a), 10.0 * chn + 10.0 * fin, 1e-12);
  NetworkOutcome out;
  propagate(t.model, a, out);
  EXPECT_EQ(out.world_mine_loss, 0.0);  // the ore is still mined
  // A refined-stage export restriction on a country that refines nothing cuts nothing.
  std::vector<double> none = cut(t.model, exports("CHL", Stage::refine), 1.0);
  EXPECT_NEAR(focal_refined_t(t.model, none), 20.0, 1e-12);
}

TEST(NetworkExact, SpareMineCapacityReplacesLostFeedUpToTheVolumeLost) {
  Toy t = toy();
  const double spare_t = 12.0;
  for (NetworkMine& mine : t.model.mines) {
    if (mine.country == "AUS") mine.spare_t_per_day = spare_t / kDays;
  }
  std::vector<double> a = cut(t.model, node("CHL", Stage::mine), 1.0);
  double market_loss = 11.0 / 36.0;
  double chn_lost = 0.2 + 0.3 * market_loss;
  double fin_lost = 0.5 + 0.5 * market_loss;
  double lost_t = 70.0 * chn_lost + 30.0 * fin_lost;  // 30.3 t/yr > 12: all spare is used
  double ratio = spare_t / lost_t;
  double expected = 10.0 * (1 - chn_lost * (1 - ratio)) + 10.0 * (1 - fin_lost * (1 - ratio));
  EXPECT_NEAR(focal_refined_t(t.model, a), expected, 1e-12);
  // More spare than lost: everything is replaced.
  for (NetworkMine& mine : t.model.mines) {
    if (mine.country == "AUS") mine.spare_t_per_day = 100.0 / kDays;
  }
  EXPECT_NEAR(focal_refined_t(t.model, a), 20.0, 1e-12);
}

TEST(NetworkExact, NodeWithoutPathToTheFocalEconomyMovesOnlyThePrice) {
  Toy t = toy();
  NetworkRefiner korea = t.model.refiners[refiner(t.model, "FIN")];
  korea.country = "KOR";
  korea.exporter = exporter_of(t.model, "KOR", Stage::refine);
  korea.output_t_per_day = 25.0 / kDays;
  korea.capacity_t_per_day = korea.output_t_per_day;
  t.model.refiners.push_back(korea);
  finish_network(t.model);
  std::vector<double> a = cut(t.model, node("KOR", Stage::refine), 1.0);
  EXPECT_NEAR(focal_refined_t(t.model, a), 20.0, 1e-12);
  NetworkOutcome out;
  propagate(t.model, a, out);
  EXPECT_NEAR(out.world_refined_loss, 25.0 / 125.0, 1e-15);
}

// A random network: mines, refiners with random feed mixes, spare capacity and exporters.
Model random_network(std::mt19937_64& rng) {
  std::uniform_real_distribution<double> u(0.0, 1.0);
  Model model;
  model.focal_economy = "JPN";
  const int mines = 2 + static_cast<int>(u(rng) * 8);
  const int refiners = 1 + static_cast<int>(u(rng) * 6);
  // Mines start with their market sales; their output grows by what refiners' links take.
  for (int m = 0; m < mines; ++m) {
    std::string country = "M" + std::to_string(m % 4);
    double sales = 10.0 + 90.0 * u(rng);
    model.mines.push_back({country, exporter_of(model, country, Stage::mine), sales, sales,
                           u(rng) < 0.5 ? 20.0 * u(rng) : 0.0});
  }
  for (int r = 0; r < refiners; ++r) {
    std::string country = "M" + std::to_string(r % 5);
    NetworkRefiner refiner;
    refiner.country = country;
    refiner.exporter = exporter_of(model, country, Stage::refine);
    refiner.output_t_per_day = 5.0 + 50.0 * u(rng);
    refiner.capacity_t_per_day = refiner.output_t_per_day * (1.0 + 0.5 * u(rng));
    refiner.first_link = static_cast<std::uint32_t>(model.links.size());
    double left = 1.0;
    for (int l = 0; l < 3 && left > 0.0; ++l) {
      auto m = static_cast<std::uint32_t>(u(rng) * mines);
      double share = left * u(rng);
      model.links.push_back({m, share, model.mines[m].country != country});
      model.mines[m].output_t_per_day += share * refiner.output_t_per_day;
      left -= share;
    }
    refiner.market_share = left;
    refiner.end_link = static_cast<std::uint32_t>(model.links.size());
    model.refiners.push_back(refiner);
  }
  finish_network(model);
  return model;
}

TEST(NetworkBalance, EveryNodeBalancesInEverySegmentOfRandomNetworks) {
  std::mt19937_64 rng(20261129);
  std::uniform_real_distribution<double> u(0.0, 1.0);
  for (int net = 0; net < 200; ++net) {
    Model model = random_network(rng);
    for (int segment = 0; segment < 10; ++segment) {
      std::vector<double> a(model.channel_count(), 1.0);
      for (double& x : a) x = u(rng) < 0.3 ? u(rng) : 1.0;
      NetworkFlows f = network_flows(model, a);
      const double tol = 1e-9;
      // Mines: what leaves (links, market, spare) never exceeds what is mined plus spare.
      std::vector<double> shipped(model.mines.size(), 0.0);
      for (std::size_t l = 0; l < model.links.size(); ++l) {
        shipped[model.links[l].mine] += f.link_delivered[l];
      }
      double market_in = 0.0;
      double spare_used = 0.0;
      for (std::size_t m = 0; m < model.mines.size(); ++m) {
        const NetworkMine& mine = model.mines[m];
        EXPECT_LE(shipped[m] + f.market_in[m], f.mine_available[m] + tol) << "mine " << m;
        EXPECT_LE(f.spare_used[m], mine.spare_t_per_day * a[model.mine_channel(m)] + tol);
        EXPECT_GE(f.spare_used[m], 0.0);
        market_in += f.market_in[m];
        spare_used += f.spare_used[m];
      }
      // Market: purchases are the same fraction of baseline purchases as sales of baseline sales.
      double purchases_t = 0.0;
      for (const NetworkRefiner& r : model.refiners)
        purchases_t += r.output_t_per_day * r.market_share;
      EXPECT_NEAR(f.market_out * model.market_supply_t_per_day, market_in * purchases_t,
                  tol * model.market_supply_t_per_day * purchases_t + tol);
      // Refiners: feed in = links + market + replacement; output <= feed and <= capacity.
      double replacement = 0.0;
      NetworkOutcome out;
      propagate(model, a, out);
      for (std::size_t r = 0; r < model.refiners.size(); ++r) {
        const NetworkRefiner& refiner = model.refiners[r];
        double links = 0.0;
        for (std::uint32_t l = refiner.first_link; l < refiner.end_link; ++l) {
          links += f.link_delivered[l];
        }
        double from_market = purchases_t > 0.0 ? f.market_out * refiner.output_t_per_day *
                                                     refiner.market_share / purchases_t
                                               : 0.0;
        double extra = f.refiner_feed[r] - links - from_market;
        EXPECT_GE(extra, -tol);
        EXPECT_LE(f.refiner_feed[r], refiner.output_t_per_day + tol);  // replacement <= lost
        replacement += extra;
        EXPECT_LE(f.refiner_output[r], f.refiner_feed[r] + tol);
        EXPECT_LE(f.refiner_output[r],
                  refiner.capacity_t_per_day * a[model.refiner_channel(r)] + tol);
        EXPECT_LE(f.refiner_shipped[r], f.refiner_output[r] + tol);
        EXPECT_NEAR(out.output_fraction[r] * refiner.output_t_per_day, f.refiner_output[r], tol);
      }
      // What spare capacity sold is what refiners received on top of their feed.
      EXPECT_NEAR(replacement, spare_used, tol);
    }
  }
}

TEST(NetworkIncremental, SegmentBySegmentEqualsTheFullPropagation) {
  std::mt19937_64 rng(11);
  std::uniform_real_distribution<double> u(0.0, 1.0);
  IncrementalPropagation incremental;
  for (int net = 0; net < 200; ++net) {
    Model model = random_network(rng);
    // The focal economy buys from a random subset of refiners.
    for (std::uint32_t r = 0; r < model.refiners.size(); ++r) {
      if (u(rng) < 0.5) continue;
      SupplySource source;
      source.country = model.refiners[r].country;
      source.baseline_t_per_day = 1.0;
      source.refiner = r;
      model.sources.push_back(source);
    }
    incremental.reset(model);
    std::vector<double> a(model.channel_count(), 1.0);
    for (int segment = 0; segment < 12; ++segment) {
      // A few channels change at each boundary; some go back to exactly 1.
      for (int k = 0; k < 3; ++k) {
        auto c = static_cast<std::uint32_t>(u(rng) * static_cast<double>(a.size()));
        a[c] = u(rng) < 0.4 ? 1.0 : u(rng);
        incremental.set(model, c, a[c]);
      }
      NetworkOutcome full;
      propagate(model, a, full);
      NetworkOutcome fast;
      incremental.propagate(model, fast);
      EXPECT_NEAR(fast.world_mine_loss, full.world_mine_loss, 1e-12);
      EXPECT_NEAR(fast.world_refined_loss, full.world_refined_loss, 1e-12);
      for (const SupplySource& source : model.sources) {
        EXPECT_NEAR(fast.output_fraction[source.refiner], full.output_fraction[source.refiner],
                    1e-12);
      }
    }
    // Back to the baseline: exactly no loss.
    for (std::uint32_t c = 0; c < a.size(); ++c) incremental.set(model, c, 1.0);
    NetworkOutcome whole;
    incremental.propagate(model, whole);
    EXPECT_EQ(whole.world_mine_loss, 0.0);
    EXPECT_EQ(whole.world_refined_loss, 0.0);
    for (const SupplySource& source : model.sources) {
      EXPECT_EQ(whole.output_fraction[source.refiner], 1.0);
    }
  }
}

TEST(NetworkData, DrCongoMineCutMatchesHandCalculationFromTheDataFiles) {
  // scenarios/minerals/cobalt.yaml: world mine 136,000 t (COD 66 %, RUS 4, CUB 4, AUS 3,
  // PHL 3, OTH 20); Japan's refined imports 9,740 t: FIN 52, NOR 14, ZMB 7, CAN 6, CHN 4,
  // OTH 17 %. scenarios/network/cobalt.yaml: refiners CHN 78.4, FIN 8.0, IDN 1.1, CAN 0.7,
  // AUS 2.0, NOR 2.0, RUS 1, MDG 1, MAR 1, ZMB 0.6, OTH 1.8 % of 136,000 t.
  // Committed mine output: COD 0.76 x 106,624 (CHN) + 0.70 x 10,880 (FIN) = 88,650.24, so COD
  // sells 89,760 - 88,650.24 = 1,109.76 t on the market. Market sales of the others: RUS
  // 5,440 - 1,360 = 4,080; CUB 5,440 - 0.6 x 952 = 4,868.8; AUS 4,080 - 2,720 = 1,360;
  // PHL 4,080; OTH 27,200 - (0.115 x 106,624 (CHN) + 1,496 (IDN) + 0.4 x 952 (CAN) +
  // 0.7 x 2,720 (NOR) + 1,360 (MDG)) = 9,797.44. Market total 25,296 t; it loses COD's share.
  CountryTable table = countries();
  MineralData data = io::load_mineral(testing::scenarios_dir() + "/minerals/cobalt.yaml", table);
  MineralGraph graph = build_mineral_graph(data, GraphOptions{});
  Model model = compile_model(graph, Scenario{}, {}, PriceBasis{});
  const double market_t = 1109.76 + 4080.0 + 4868.8 + 1360.0 + 4080.0 + 9797.44;
  EXPECT_NEAR(model.market_supply_t_per_day * kDays, market_t, 1e-6);
  double market_loss = (89760.0 - 88650.24) / market_t;
  // Feed lost: FIN 0.70 (COD) + 0.30 x market; CHN 0.76 + 0.125 x market; NOR 0.30 x market;
  // ZMB and OTH buy all their feed on the market; CAN (CUB 60, OTH 40) loses nothing.
  double fin = 1.0 - (0.70 + 0.30 * market_loss);
  double chn = 1.0 - (0.76 + 0.125 * market_loss);
  double nor = 1.0 - 0.30 * market_loss;
  double market_only = 1.0 - market_loss;
  double expected_t = 9740.0 * (0.52 * fin + 0.14 * nor + 0.07 * market_only + 0.06 * 1.0 +
                                0.04 * chn + 0.17 * market_only);
  std::vector<double> a = cut(model, node("COD", Stage::mine), 1.0);
  EXPECT_NEAR(focal_refined_t(model, a), expected_t, 1e-6);
  // Japan keeps about 59 % of its cobalt (loses 41 %), although it buys none from DR Congo.
  EXPECT_NEAR(expected_t / 9740.0, 0.5862, 0.001);
}

TEST(LookThrough, ToyImportsAttributedToTheMinesBehindTheRefiners) {
  Toy t = toy();
  CountryTable table = countries();
  IndicatorSettings settings;
  RatingThresholds thresholds;
  LookThrough look = look_through_import_stability(t.graph, table, thresholds, settings);
  // From CHN (10 t): AUS 35/70 + 21/70 x 25/36, CHL 14/70 + 21/70 x 11/36; from FIN (10 t):
  // CHL 15/30 + 15/30 x 11/36, AUS 15/30 x 25/36.
  double aus = 10.0 * (0.5 + 0.3 * 25.0 / 36.0) + 10.0 * (0.5 * 25.0 / 36.0);
  double chl = 10.0 * (0.2 + 0.3 * 11.0 / 36.0) + 10.0 * (0.5 + 0.5 * 11.0 / 36.0);
  ASSERT_EQ(look.shares.size(), 2u);
  EXPECT_NEAR(aus + chl, 20.0, 1e-12);
  EXPECT_EQ(look.shares[0].country, "AUS");
  EXPECT_NEAR(look.shares[0].fraction, aus / 20.0, 1e-12);
  EXPECT_NEAR(look.shares[1].fraction, chl / 20.0, 1e-12);
  double w_aus = *table.score("AUS", settings.stability_measure, settings.stability_year);
  double w_chl = *table.score("CHL", settings.stability_measure, settings.stability_year);
  double expected = std::pow(aus / 20.0, 2) * w_aus + std::pow(chl / 20.0, 2) * w_chl;
  ASSERT_TRUE(look.value.value.has_value());
  EXPECT_NEAR(*look.value.value, expected, 1e-12);
  EXPECT_NE(look.value.basis.find("beyond the strategy's six"), std::string::npos);
}

// Capacity is total output capacity everywhere, and a policy's capacity_added counts once:
// tests/data/minimal_mineral.yaml has Japan refining 20 t/yr of imported concentrate (no stated
// smelter capacity) and KOR refining with a stated capacity of 30 t/yr.
TEST(CapacityAdded, FocalSmelterAndForeignRefinerCountOnce) {
  MineralData data =
      io::load_mineral(testing::test_data_dir() + "/minimal_mineral.yaml", countries());
  MineralGraph base = build_mineral_graph(data, GraphOptions{});
  Scenario scenario;
  scenario.horizon_days = kDays;
  PolicySet policy;
  policy.name = "capacity";
  policy.capacity_added = {{"JPN", ImportClass::concentrate, 10.0},
                           {"KOR", ImportClass::refined, 5.0}};
  scenario.policies = {policy};
  RunPlan plan = make_run_plan(scenario, base, {}, CountryTable{}, IndicatorSettings{}, {});
  const PolicyRun& run = plan.policies.front();
  const Model& model = *run.model;
  // The smelter: today's 20 t/yr (unknown capacity = today's refining) + 10, once (was 20 + 20
  // + 10 + 10 before the fix: node capacity added to the flow, and the lever added twice).
  EXPECT_NEAR(model.smelter_capacity_t_per_day * kDays, 30.0, 1e-9);
  EXPECT_NEAR(
      run.after.graph.node_at(*run.after.graph.find("JPN", Stage::refine)).capacity_t_per_yr, 30.0,
      1e-12);
  // KOR: stated total capacity 30 + 5 = 35 t/yr; the focal economy may reroute 5 t/yr to it.
  const NetworkRefiner& korea = model.refiners[refiner(model, "KOR")];
  EXPECT_NEAR(korea.capacity_t_per_day * kDays, 35.0, 1e-9);
  EXPECT_NEAR(korea.output_t_per_day * kDays, 15.0, 1e-9);  // 25 % of 60 t/yr
  double spare_t = 0.0;
  for (const SupplySource& source : model.sources) {
    if (source.country == "KOR" && source.import_class == ImportClass::refined) {
      spare_t += source.spare_t_per_day * kDays;
    }
  }
  EXPECT_NEAR(spare_t, 5.0, 1e-9);
  // Without the lever the smelter is exactly today's refining.
  Scenario plain;
  plain.horizon_days = kDays;
  RunPlan none = make_run_plan(plain, base, {}, CountryTable{}, IndicatorSettings{}, {});
  EXPECT_NEAR(none.policies.front().model->smelter_capacity_t_per_day * kDays, 20.0, 1e-9);
}

// Demand is consumption when the file states it (docs/engine.md, "Demand"). The fixture's
// receipts: 20 t/yr refined at home from imported concentrate, 60 t/yr of refined imports and
// secondary at 0.2 of 100 t/yr. Consumption 50 t/yr needs 50 x 0.8 = 40 t/yr of primary metal, less
// than the 80 received: the surplus is exported. At 120 t/yr the receipts are scaled up.
TEST(Consumption, IsTheDemandAndASurplusIsExported) {
  std::string text = testing::read_text(testing::test_data_dir() + "/minimal_mineral.yaml");
  auto model_at = [&](const std::string& t) {
    std::string file_text = text;
    std::string block = "consumption:\n  t: " + t +
                        "\n  year: \"2020\"\n  basis: reported\n  source: \"test fixture\"\n"
                        "  source_short: \"fixture\"\nsecondary_share:";
    file_text.replace(file_text.find("secondary_share:"), 16, block);
    std::filesystem::path file =
        std::filesystem::temp_directory_path() / ("mineflow_consumption_" + t + ".yaml");
    std::ofstream(file) << file_text;
    MineralData data = io::load_mineral(file.string(), countries());
    std::filesystem::remove(file);
    EXPECT_EQ(demand_basis(data), "domestic consumption, 2020, fixture");
    Scenario scenario;
    scenario.horizon_days = kDays;
    RunPlan plan = make_run_plan(scenario, build_mineral_graph(data, GraphOptions{}), {},
                                 CountryTable{}, IndicatorSettings{}, {});
    return *plan.policies.front().model;
  };
  Model exporter = model_at("50");
  EXPECT_NEAR(exporter.demand_t_per_day * kDays, 50.0, 1e-9);
  EXPECT_NEAR(exporter.graph_recycling_share, 0.2, 1e-12);
  EXPECT_TRUE(exporter.exports_surplus);
  EXPECT_NEAR(exporter.primary_need_t_per_day * kDays, 40.0, 1e-9);
  EXPECT_NEAR(exporter.primary_t_per_day * kDays, 80.0, 1e-9);
  Model importer = model_at("120");
  EXPECT_NEAR(importer.demand_t_per_day * kDays, 120.0, 1e-9);
  EXPECT_FALSE(importer.exports_surplus);
}

Scenario toy_scenario() {
  Scenario scenario;
  scenario.id = "toy";
  scenario.horizon_days = 365.0;
  scenario.trials = 1;
  return scenario;
}

TEST(Criticality, ToyNetworkEqualsHandValues) {
  Toy t = toy();
  Scenario scenario = toy_scenario();
  RunPlan plan = make_run_plan(scenario, t.graph, {}, CountryTable{}, IndicatorSettings{}, {});
  MonteCarloOptions mc;
  mc.trials = 1;
  CriticalityResult result = rank_nodes(plan, mc, CriticalityOptions{});
  ASSERT_EQ(result.nodes.size(), 4u);  // AUS, CHL mines; CHN, FIN refiners
  auto unmet_of = [&](const std::string& country, Stage stage) {
    for (const NodeCriticality& n : result.nodes) {
      if (n.country == country && n.stage == stage) return n.expected_unmet_t;
    }
    ADD_FAILURE() << country;
    return -1.0;
  };
  // 90 days at severity 1, no stocks: unmet = 90 / 365 x Japan's lost supply (t/yr).
  double aus_lost = 10.0 * (0.5 + 0.3 * 25.0 / 36.0) + 10.0 * (0.5 * 25.0 / 36.0);
  double chl_lost = 10.0 * (0.2 + 0.3 * 11.0 / 36.0) + 10.0 * (0.5 + 0.5 * 11.0 / 36.0);
  EXPECT_NEAR(unmet_of("AUS", Stage::mine), 90.0 / kDays * aus_lost, 1e-9);
  EXPECT_NEAR(unmet_of("CHL", Stage::mine), 90.0 / kDays * chl_lost, 1e-9);
  EXPECT_NEAR(unmet_of("CHN", Stage::refine), 90.0 / kDays * 10.0, 1e-9);
  EXPECT_NEAR(unmet_of("FIN", Stage::refine), 90.0 / kDays * 10.0, 1e-9);
  EXPECT_EQ(result.nodes.front().country, "AUS");  // 10.56 t/yr lost, the worst
  EXPECT_EQ(result.baseline_unmet_t, 0.0);
}

// Random strikes at CHL's mine, three a year: background draws for the criticality tests.
EventSpec chl_strikes() {
  EventSpec strikes;
  strikes.id = "strikes";
  strikes.hazard_per_year = 3.0;
  strikes.duration_days = {Distribution::Kind::lognormal, 30.0, 0.8, 0.0};
  strikes.severity = {Distribution::Kind::uniform, 0.2, 1.0, 0.0};
  strikes.targets.push_back(node("CHL", Stage::mine));
  return strikes;
}

TEST(Criticality, SameBitsAtAnyThreadCount) {
  Toy t = toy();
  Scenario scenario = toy_scenario();
  EventSpec strikes = chl_strikes();
  scenario.events.push_back(strikes);
  RunPlan plan = make_run_plan(scenario, t.graph, {}, CountryTable{}, IndicatorSettings{}, {});
  MonteCarloOptions mc;
  mc.trials = 3000;
  mc.seed = 7;
  mc.threads = 1;
  CriticalityResult one = rank_nodes(plan, mc, CriticalityOptions{});
  mc.threads = 3;
  CriticalityResult three = rank_nodes(plan, mc, CriticalityOptions{});
  ASSERT_EQ(one.nodes.size(), three.nodes.size());
  for (std::size_t i = 0; i < one.nodes.size(); ++i) {
    EXPECT_EQ(one.nodes[i].country, three.nodes[i].country);
    EXPECT_EQ(one.nodes[i].expected_unmet_t, three.nodes[i].expected_unmet_t);
    EXPECT_EQ(one.nodes[i].added_se_t, three.nodes[i].added_se_t);
  }
  // Common random numbers: a node's added unmet demand is never negative trial by trial, so
  // its mean is not either; and the strikes alone give some unmet demand.
  EXPECT_GT(one.baseline_unmet_t, 0.0);
  for (const NodeCriticality& n : one.nodes) EXPECT_GE(n.added_unmet_t, 0.0);
}

// The toy with random strikes at CHL's mine and random outages at CHN's refinery: background
// draws that every node's run shares.
RunPlan strikes_plan() {
  static const Toy t = toy();
  Scenario scenario = toy_scenario();
  EventSpec strikes = chl_strikes();
  scenario.events.push_back(strikes);
  EventSpec outages = strikes;
  outages.id = "outages";
  outages.hazard_per_year = 1.5;
  outages.targets = {node("CHN", Stage::refine)};
  scenario.events.push_back(outages);
  return make_run_plan(scenario, t.graph, {}, CountryTable{}, IndicatorSettings{}, {});
}

TEST(Criticality, SharedTrialsMatchSeparateRuns) {
  // rank_nodes draws each trial's background events once for all its node runs; the reference
  // here is the unshared way: each node's failure appended to the events and run on its own
  // through run_monte_carlo. Every figure must be the same bits.
  RunPlan plan = strikes_plan();
  MonteCarloOptions mc;
  mc.trials = 2000;
  mc.seed = 11;
  mc.threads = 2;
  const CriticalityOptions failure{10.0, 45.0, 0.8};
  CriticalityResult shared = rank_nodes(plan, mc, failure);
  const Model& base = *plan.policies.front().model;
  const StockPolicy stocks = plan.variants[plan.policies.front().variant].stocks;
  auto not_served = [&](const std::vector<EventSpec>& events, const Model& model) {
    MonteCarloResult run =
        run_monte_carlo(events, plan.scenario.horizon_days, {Variant{&model, stocks}}, mc);
    std::span<const double> v = run.values(0, Metric::not_served_t);
    return std::vector<double>(v.begin(), v.end());
  };
  const std::vector<double> base_unmet = not_served(plan.scenario.events, base);
  EXPECT_EQ(shared.baseline_unmet_t, moments(base_unmet).mean);
  EXPECT_EQ(shared.baseline_se_t, moments(base_unmet).se);
  ASSERT_EQ(shared.nodes.size(), 4u);
  for (const NodeCriticality& n : shared.nodes) {
    SCOPED_TRACE(n.country);
    const EventSpec spec = node_failure_event(n.country, n.stage, failure);
    const EventTarget& target = spec.targets.front();
    std::vector<EventSpec> events = plan.scenario.events;
    events.push_back(spec);
    Model model = base;
    model.events.push_back(CompiledEvent{{compile_target(model, target)}});
    const std::vector<double> unmet = not_served(events, model);
    std::vector<double> diff(unmet.size());
    for (std::size_t i = 0; i < unmet.size(); ++i) diff[i] = unmet[i] - base_unmet[i];
    EXPECT_EQ(n.expected_unmet_t, moments(unmet).mean);
    EXPECT_EQ(n.se_t, moments(unmet).se);
    EXPECT_EQ(n.added_unmet_t, moments(diff).mean);
    EXPECT_EQ(n.added_se_t, moments(diff).se);
    EXPECT_EQ(n.p_shortage, share_positive(unmet).p);
  }
  EXPECT_GT(shared.baseline_unmet_t, 0.0);
}

TEST(Criticality, SharedTrialsDoNotDependOnTheGrouping) {
  // Cases run together give each case the values it has run alone (and the failure's fixed
  // occurrences are those draw_occurrences writes in any trial).
  RunPlan plan = strikes_plan();
  const Model& base = *plan.policies.front().model;
  const StockPolicy stocks = plan.variants[plan.policies.front().variant].stocks;
  EventTarget target = node("AUS", Stage::mine);
  EventSpec spec;
  spec.id = "fail";
  spec.start_day = 0.0;
  spec.duration_days = {Distribution::Kind::fixed, 90.0, 0.0, 0.0};
  spec.severity = {Distribution::Kind::fixed, 1.0, 0.0, 0.0};
  spec.targets.push_back(target);
  std::vector<EventSpec> events = plan.scenario.events;
  events.push_back(spec);
  std::optional<std::vector<Occurrence>> added = fixed_last_occurrences(events, 365.0);
  ASSERT_TRUE(added.has_value());
  ASSERT_EQ(added->size(), 1u);
  for (std::uint64_t trial : {0u, 5u, 999u}) {
    std::vector<Occurrence> drawn;
    draw_occurrences(events, 365.0, 3, trial, drawn);
    EXPECT_EQ(drawn.back().event, added->front().event);
    EXPECT_EQ(drawn.back().end_day, added->front().end_day);
    EXPECT_EQ(drawn.back().severity, added->front().severity);
  }
  Model model = base;
  model.events.push_back(CompiledEvent{{compile_target(model, target)}});
  const std::vector<FailureCase> both{{&base, {}}, {&model, *added}};
  MonteCarloOptions mc;
  mc.trials = 700;
  mc.seed = 3;
  mc.threads = 3;
  auto together = not_served_of_cases(plan.scenario.events, 365.0, stocks, both, mc);
  auto base_alone = not_served_of_cases(plan.scenario.events, 365.0, stocks, {both[0]}, mc);
  auto node_alone = not_served_of_cases(plan.scenario.events, 365.0, stocks, {both[1]}, mc);
  EXPECT_EQ(together[0], base_alone[0]);
  EXPECT_EQ(together[1], node_alone[0]);
  EXPECT_NE(together[0], together[1]);
  // A random event is not fixed: it would be drawn afresh per trial.
  events.back().severity = {Distribution::Kind::uniform, 0.2, 1.0, 0.0};
  EXPECT_FALSE(fixed_last_occurrences(events, 365.0).has_value());
  EXPECT_EQ(cases_per_group(2000), 64u);
  EXPECT_EQ(cases_per_group(10'000'000), 3u);
  EXPECT_EQ(cases_per_group(100'000'000), 1u);
}

struct BadNetworkCase {
  const char* name;
  const char* file;  // network_toy.yaml or network_mineral.yaml
  const char* find;
  const char* replace;
  const char* location;
  const char* field;
};

void PrintTo(const BadNetworkCase& c, std::ostream* os) {
  *os << c.name;
}

class BadNetworkFile : public ::testing::TestWithParam<BadNetworkCase> {};

TEST_P(BadNetworkFile, OneLineWithFileLineColumnAndExitCode2) {
  const BadNetworkCase& c = GetParam();
  fs::path dir = fs::temp_directory_path() / ("mineflow_badnet_" + std::string(c.name));
  fs::create_directories(dir);
  for (const char* name : {"network_mineral.yaml", "network_toy.yaml"}) {
    std::string text = testing::read_text(testing::test_data_dir() + "/" + name);
    if (std::string(name) == c.file) {
      auto at = text.find(c.find);
      ASSERT_NE(at, std::string::npos) << c.find;
      text.replace(at, std::string(c.find).size(), c.replace);
    }
    std::ofstream(dir / name) << text;
  }
  auto result = testing::run_cli({"indicators", (dir / "network_mineral.yaml").string()});
  EXPECT_EQ(result.exit_code, 2) << result.err;
  ASSERT_FALSE(result.err.empty());
  EXPECT_EQ(result.err.find('\n'), result.err.size() - 1) << result.err;
  EXPECT_NE(result.err.find((dir / c.file).string() + c.location), std::string::npos) << result.err;
  EXPECT_NE(result.err.find(c.field), std::string::npos) << result.err;
  fs::remove_all(dir);
}

INSTANTIATE_TEST_SUITE_P(
    Cases, BadNetworkFile,
    ::testing::Values(
        BadNetworkCase{"feed_off_100", "network_toy.yaml", "{country: market, pct: 30}",
                       "{country: market, pct: 20}", ":12:", "feeds[0].shares_pct"},
        BadNetworkCase{"feed_from_non_mine", "network_toy.yaml", "{country: CHL, pct: 20}",
                       "{country: PER, pct: 20}", ":17:", "feeds[0].shares_pct[1].country"},
        BadNetworkCase{"unknown_refiner_country", "network_toy.yaml", "{country: FIN, pct: 30}",
                       "{country: XXX, pct: 30}", ":10:", "refining.shares_pct[1].country"},
        BadNetworkCase{"focal_source_not_refiner", "network_mineral.yaml",
                       "{country: FIN, pct: 50}", "{country: KOR, pct: 50}",
                       ":33:", "imports.refined.shares_pct[1].country"},
        BadNetworkCase{"imports_above_output", "network_mineral.yaml", "total: 20\n", "total: 80\n",
                       ":33:", "imports.refined.shares_pct[1].country"},
        BadNetworkCase{"feed_for_unknown_refiner", "network_toy.yaml", "refiner: FIN",
                       "refiner: USA", ":19:", "feeds[1].refiner"},
        // A refining row's export share needs its source and lies in [0, 100] (docs/network.md).
        BadNetworkCase{"exports_pct_without_source", "network_toy.yaml", "{country: CHN, pct: 70}",
                       "{country: CHN, pct: 70, exports_pct: 20}", ":9:", "exports_source"},
        BadNetworkCase{"exports_pct_above_100", "network_toy.yaml", "{country: CHN, pct: 70}",
                       "{country: CHN, pct: 70, exports_pct: 120, exports_source: \"x\"}",
                       ":9:", "refining.shares_pct[0].exports_pct"},
        BadNetworkCase{"exports_pct_negative", "network_toy.yaml", "{country: CHN, pct: 70}",
                       "{country: CHN, pct: 70, exports_pct: -5, exports_source: \"x\"}",
                       ":9:", "refining.shares_pct[0].exports_pct"}));

// Every bundled network's export shares (`exports_pct` on a refining row, the baseline the split
// market needs: docs/market.md, "Buyer groups and the split price") are in [0, 100] and say where
// they come from: a publisher and a year in the file itself, never a path to the project's
// reference folder (the repository stands on its own). The bundled set is pinned: China's rows
// of cobalt, tungsten, gallium, germanium and antimony; graphite has none (docs/market.md says
// why), so a share added or dropped without its documentation fails here.
TEST(NetworkData, BundledExportSharesAreSourcedAndInRange) {
  const std::map<std::string, double> expected = {
      {"cobalt", 16}, {"tungsten", 30}, {"gallium", 16}, {"germanium", 29}, {"antimony", 63}};
  std::map<std::string, double> found;
  int files = 0;
  for (const auto& entry : fs::directory_iterator(testing::scenarios_dir() + "/network")) {
    if (entry.path().extension() != ".yaml") continue;
    ++files;
    const std::string file = entry.path().string();
    const std::string mineral = entry.path().stem().string();
    SCOPED_TRACE(file);
    io::YamlValue root = io::load_yaml_file(file);
    for (const io::YamlValue& row : root.require("refining").require("shares_pct").items()) {
      std::optional<io::YamlValue> pct = row.get("exports_pct");
      std::optional<io::YamlValue> source = row.get("exports_source");
      EXPECT_EQ(pct.has_value(), source.has_value()) << row.where().line;
      if (!pct || !source) continue;
      const double value = pct->as_double();
      EXPECT_GE(value, 0.0);
      EXPECT_LE(value, 100.0);
      const std::string text = source->as_string();
      EXPECT_GE(text.size(), 80u) << "a source names its publisher, title, date and arithmetic";
      bool has_year = false;
      for (std::size_t k = 0; k + 4 <= text.size() && !has_year; ++k) {
        has_year = (text.compare(k, 2, "19") == 0 || text.compare(k, 2, "20") == 0) &&
                   std::isdigit(static_cast<unsigned char>(text[k + 2])) &&
                   std::isdigit(static_cast<unsigned char>(text[k + 3]));
      }
      EXPECT_TRUE(has_year) << text;
      for (const char* local : {"shared/", "/work/", "../"}) {
        EXPECT_EQ(text.find(local), std::string::npos) << local << " in: " << text;
      }
      EXPECT_EQ(row.require("country").as_string(), "CHN");
      found[mineral] = value;
    }
    // The loader reads the same shares, as fractions of the country's refined output.
    NetworkData data = io::load_network(file);
    if (found.count(mineral)) {
      ASSERT_EQ(data.refined_exports.size(), 1u);
      EXPECT_EQ(data.refined_exports[0].country, "CHN");
      EXPECT_DOUBLE_EQ(data.refined_exports[0].share, found[mineral] / 100.0);
    } else {
      EXPECT_TRUE(data.refined_exports.empty());
    }
  }
  EXPECT_EQ(files, 10);
  EXPECT_EQ(found, expected);
}

TEST(BadNetworkFile, CapacityBelowOutput) {
  fs::path dir = fs::temp_directory_path() / "mineflow_badnet_capacity";
  fs::create_directories(dir);
  std::ofstream(dir / "network_mineral.yaml")
      << testing::read_text(testing::test_data_dir() + "/network_mineral.yaml");
  std::ofstream(dir / "network_toy.yaml")
      << testing::read_text(testing::test_data_dir() + "/network_toy.yaml")
      << "capacities:\n  - {country: CHN, stage: refine, t_per_yr: 50}\n";
  auto result = testing::run_cli({"indicators", (dir / "network_mineral.yaml").string()});
  EXPECT_EQ(result.exit_code, 2) << result.err;
  EXPECT_NE(result.err.find("capacities[0].t_per_yr"), std::string::npos) << result.err;
  EXPECT_NE(result.err.find("at least today's output (70 t/yr)"), std::string::npos) << result.err;
  fs::remove_all(dir);
}

}  // namespace
}  // namespace mineflow
