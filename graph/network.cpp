#include "graph/network.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "graph/number_format.h"
#include "graph/validate.h"

namespace mineflow {
namespace {

// Feed shares may miss 100 % by as much as printed shares do.
bool sums_to_one(double sum) {
  return std::abs(sum * 100.0 - 100.0) <= kShareSumTolerancePct + 1e-9;
}

std::string join(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& item : items) out += (out.empty() ? "" : " ") + item;
  return out;
}

}  // namespace

std::string NetworkBasis::describe() const {
  if (!present) return "one tier: foreign refiners have no modelled inputs";
  std::string out = "network: " + refining;
  if (!market_feed.empty()) {
    out += "; pooled world concentrate market (default, feed mix unknown): " + join(market_feed);
  }
  if (!value_based.empty()) out += "; feed mix from trade value shares: " + join(value_based);
  if (!memory_based.empty()) out += "; feed mix from memory, unchecked: " + join(memory_based);
  if (!other_to_market.empty()) {
    out += "; OTH feed bought on the market (the production dataset names every producer): " +
           join(other_to_market);
  }
  if (!scaled_links.empty()) {
    out += "; feed links scaled to mine output (rest from the market): " + join(scaled_links);
  }
  return out;
}

NetworkBasis add_network(const NetworkData& network, const MineralData& data,
                         const Breakdown& production, SupplyGraph& graph) {
  NetworkBasis basis;
  basis.present = true;
  basis.refined_exports = network.refined_exports;
  basis.refining = network.refining.source + " " + std::to_string(network.refining.year) + " (" +
                   network.refining_basis + ")";
  const std::string& focal = data.focal_economy;
  // Refiner tonnes rest on the mineral file's own mine total (`mine_production`), whichever
  // production dataset feeds the mine nodes, so that switching datasets moves the mines, not
  // the refiners (the focal imports were checked against these tonnes).
  const double world_t = data.mine_production.total_t;

  // Refiners: every country of the refining shares but the focal economy (its smelter is the
  // seed's domestic refining of imported concentrate).
  std::map<std::string, double> output_t;
  std::map<std::string, SourceRef> refiner_where;
  for (const CountryShare& entry : network.refining.shares) {
    if (entry.country == focal) continue;
    output_t[entry.country] = entry.share * world_t;
    refiner_where[entry.country] = entry.where;
  }

  // The focal economy's refined imports must come from refiners, within their output.
  std::map<std::string, double> to_focal_t;
  if (data.refined_imports) {
    for (std::size_t i = 0; i < data.refined_imports->shares.size(); ++i) {
      const CountryShare& entry = data.refined_imports->shares[i];
      double t = entry.share * data.refined_imports->total_t;
      const std::string field = "imports.refined.shares_pct[" + std::to_string(i) + "].country";
      auto found = output_t.find(entry.country);
      if (found == output_t.end()) {
        throw InputError(entry.where, field, entry.country,
                         "a refining country of the network file " + network.file +
                             " (add it to refining.shares_pct)");
      }
      if (t > found->second * (1.0 + 1e-9)) {
        throw InputError(entry.where, field, entry.country,
                         "imports of at most the refiner's output (" +
                             format_number(found->second) + " t/yr in " + network.file +
                             "); found " + format_number(t) + " t/yr");
      }
      to_focal_t[entry.country] += t;
    }
  }

  // Stated capacities: total output capacity, never below today's output.
  for (std::size_t i = 0; i < network.capacities.size(); ++i) {
    const StageCapacity& capacity = network.capacities[i];
    const std::string field = "capacities[" + std::to_string(i) + "]";
    std::optional<NodeId> node = graph.find(capacity.country, capacity.stage);
    double baseline = 0.0;
    if (capacity.stage == Stage::refine) {
      auto found = output_t.find(capacity.country);
      if (found == output_t.end()) {
        throw InputError(capacity.where, field + ".country", capacity.country,
                         "a refining country of this file");
      }
      baseline = found->second;
    } else {
      if (!node) {
        throw InputError(capacity.where, field + ".country", capacity.country,
                         "a mine country of the mineral's production shares");
      }
      baseline = graph.node_at(*node).output_t_per_yr;
    }
    if (capacity.t_per_yr < baseline * (1.0 - 1e-9)) {
      throw InputError(capacity.where, field + ".t_per_yr", format_number(capacity.t_per_yr),
                       "a total output capacity of at least today's output (" +
                           format_number(baseline) + " t/yr)");
    }
  }

  // Feed mixes: refiner known, shares from mine nodes or the market, summing to 100 %.
  std::map<std::string, const RefinerFeed*> feed_of;
  for (std::size_t i = 0; i < network.feeds.size(); ++i) {
    const RefinerFeed& feed = network.feeds[i];
    const std::string field = "feeds[" + std::to_string(i) + "]";
    if (output_t.find(feed.refiner) == output_t.end()) {
      throw InputError(feed.where, field + ".refiner", feed.refiner,
                       "a refining country of this file other than the focal economy");
    }
    if (!feed_of.emplace(feed.refiner, &feed).second) {
      throw InputError(feed.where, field + ".refiner", feed.refiner,
                       "one feed mix per refiner (duplicate entry)");
    }
    double sum = 0.0;
    std::set<std::string> seen;
    for (std::size_t j = 0; j < feed.shares.size(); ++j) {
      const FeedShare& share = feed.shares[j];
      const std::string share_field = field + ".shares_pct[" + std::to_string(j) + "].country";
      // OTH is the rest of world of the seed's shares; a dataset that names every producer
      // (World Mining Data) has no OTH, and that part of the feed is bought on the market.
      if (share.country != kMarketFeed && share.country != kOtherCountry &&
          !graph.find(share.country, Stage::mine)) {
        throw InputError(share.where, share_field, share.country,
                         "a mine country of the mineral's production shares (" +
                             production.describe() + ") or `market`");
      }
      if (!seen.insert(share.country).second) {
        throw InputError(share.where, share_field, share.country,
                         "each country once per feed mix (duplicate entry)");
      }
      sum += share.share;
    }
    if (!sums_to_one(sum)) {
      throw InputError(feed.where, field + ".shares_pct",
                       "shares summing to " + format_fixed(sum * 100.0, 2) + "%",
                       "100% within " + format_number(kShareSumTolerancePct) + " percentage point");
    }
    if (feed.basis == "value") basis.value_based.push_back(feed.refiner);
    if (feed.memory) basis.memory_based.push_back(feed.refiner);
  }

  // Committed feed per mine country: the focal economy's concentrate imports first, then the
  // named links; links that would take more than the mine's output are scaled down, the rest
  // bought on the market (flagged in the basis).
  std::map<std::string, double> focal_concentrate_t;
  for (EdgeId id : graph.edges_of_kind(FlowKind::concentrate_import)) {
    focal_concentrate_t[graph.node_at(graph.edge_at(id).from).country] +=
        graph.edge_at(id).flow_t_per_yr;
  }
  auto is_mine_link = [&graph](const FeedShare& share) {
    return share.country != kMarketFeed && graph.find(share.country, Stage::mine).has_value();
  };
  std::map<std::string, double> linked_t;
  for (const auto& [refiner, feed] : feed_of) {
    for (const FeedShare& share : feed->shares) {
      if (is_mine_link(share)) linked_t[share.country] += share.share * output_t[refiner];
    }
  }
  std::map<std::string, double> link_scale;
  for (const auto& [country, t] : linked_t) {
    double mine_t = graph.node_at(*graph.find(country, Stage::mine)).output_t_per_yr;
    double room_t = std::max(0.0, mine_t - focal_concentrate_t[country]);
    link_scale[country] = 1.0;
    if (t > room_t * (1.0 + 1e-9)) {
      link_scale[country] = t > 0.0 ? room_t / t : 0.0;
      basis.scaled_links.push_back(country);
    }
  }

  NodeId market = graph.node("", Stage::concentrate_market);
  NodeId rest_of_world = graph.node("", Stage::refined_market);
  std::map<std::string, double> production_cut_t;
  for (const auto& [refiner, t] : output_t) {
    NodeId node = graph.node(refiner, Stage::refine, refiner_where[refiner]);
    graph.set_output(node, t);
    graph.set_capacity(node, t);
    double from_market_t = t;
    auto feed = feed_of.find(refiner);
    if (feed == feed_of.end()) {
      basis.market_feed.push_back(refiner);
    } else {
      from_market_t = 0.0;
      for (const FeedShare& share : feed->second->shares) {
        double share_t = share.share * t;
        if (!is_mine_link(share)) {
          from_market_t += share_t;
          if (share.country != kMarketFeed) basis.other_to_market.push_back(refiner);
          continue;
        }
        double linked = share_t * link_scale[share.country];
        from_market_t += share_t - linked;
        graph.add_edge(*graph.find(share.country, Stage::mine), node, FlowKind::feed, linked,
                       share.where);
        production_cut_t[share.country] += linked;
      }
    }
    if (from_market_t > 0.0) graph.add_edge(market, node, FlowKind::market_feed, from_market_t);
    double rest_t = std::max(0.0, t - to_focal_t[refiner]);
    graph.add_edge(node, rest_of_world, FlowKind::rest_of_world, rest_t, refiner_where[refiner]);
  }
  for (const StageCapacity& capacity : network.capacities) {
    graph.set_capacity(*graph.find(capacity.country, capacity.stage), capacity.t_per_yr);
  }
  double sales_t = 0.0;
  for (EdgeId id : graph.edges_of_kind(FlowKind::production)) {
    Edge& edge = graph.edge_at(id);
    const std::string& country = graph.node_at(edge.from).country;
    edge.flow_t_per_yr = std::max(0.0, edge.flow_t_per_yr - production_cut_t[country]);
    sales_t += edge.flow_t_per_yr;
  }
  // The market's sales and purchases differ where data years differ; the difference goes to
  // (or comes from) a balance hub, so every node balances: ore the data do not place.
  double purchases_t = 0.0;
  for (EdgeId id : graph.edges_of_kind(FlowKind::market_feed)) {
    purchases_t += graph.edge_at(id).flow_t_per_yr;
  }
  if (sales_t != purchases_t) {
    NodeId balance = graph.node("balance", Stage::concentrate_market);
    if (sales_t > purchases_t) {
      graph.add_edge(market, balance, FlowKind::market_balance, sales_t - purchases_t);
    } else {
      graph.add_edge(balance, market, FlowKind::market_balance, purchases_t - sales_t);
    }
  }
  return basis;
}

}  // namespace mineflow
