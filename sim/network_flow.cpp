#include "sim/network_flow.h"

#include <algorithm>

namespace mineflow {
namespace {

struct MarketState {
  double loss_fraction = 0.0;      // of the market's baseline supply
  double replacement_ratio = 0.0;  // share of lost feed that spare mine capacity replaces
};

double mine_reach(const Model& model, const std::vector<double>& a, std::uint32_t m,
                  bool crosses_border) {
  const NetworkMine& mine = model.mines[m];
  double reach = a[model.mine_channel(m)];
  if (crosses_border) reach *= a[model.exporter_channel(mine.exporter)];
  return reach;
}

// Lost share of a refiner's baseline feed before replacement.
double feed_loss(const Model& model, const std::vector<double>& a, const NetworkRefiner& refiner,
                 double market_loss) {
  double loss = refiner.market_share * market_loss;
  for (std::uint32_t l = refiner.first_link; l < refiner.end_link; ++l) {
    const FeedLink& link = model.links[l];
    loss += link.share * (1.0 - mine_reach(model, a, link.mine, link.crosses_border));
  }
  return loss;
}

MarketState market_state(const Model& model, const std::vector<double>& a) {
  MarketState state;
  double lost = 0.0;
  double spare = 0.0;
  for (std::uint32_t m = 0; m < model.mines.size(); ++m) {
    double reach = mine_reach(model, a, m, true);  // the market is international trade
    lost += model.mines[m].to_market_t_per_day * (1.0 - reach);
    spare += model.mines[m].spare_t_per_day * reach;
  }
  if (model.market_supply_t_per_day > 0.0) {
    state.loss_fraction = std::clamp(lost / model.market_supply_t_per_day, 0.0, 1.0);
  }
  double lost_feed = 0.0;
  for (const NetworkRefiner& refiner : model.refiners) {
    lost_feed += refiner.output_t_per_day * feed_loss(model, a, refiner, state.loss_fraction);
  }
  if (lost_feed > 0.0) state.replacement_ratio = std::min(1.0, spare / lost_feed);
  return state;
}

double output_fraction(const Model& model, const std::vector<double>& a, std::size_t r,
                       const MarketState& market) {
  const NetworkRefiner& refiner = model.refiners[r];
  double own = a[model.refiner_channel(r)];
  double lost = feed_loss(model, a, refiner, market.loss_fraction);
  double feed = 1.0 - lost * (1.0 - market.replacement_ratio);
  if (refiner.output_t_per_day <= 0.0) return std::min(own, feed);
  return std::min(refiner.capacity_t_per_day / refiner.output_t_per_day * own, feed);
}

}  // namespace

void propagate(const Model& model, const std::vector<double>& a, NetworkOutcome& out) {
  MarketState market = market_state(model, a);
  out.output_fraction.resize(model.refiners.size());
  double refined_lost = 0.0;
  for (std::size_t r = 0; r < model.refiners.size(); ++r) {
    double fraction = output_fraction(model, a, r, market);
    out.output_fraction[r] = fraction;
    const NetworkRefiner& refiner = model.refiners[r];
    double reach = a[model.exporter_channel(refiner.exporter)];
    refined_lost += refiner.output_t_per_day * (1.0 - fraction * reach);
  }
  double mine_lost = 0.0;
  for (std::size_t m = 0; m < model.mines.size(); ++m) {
    mine_lost += model.mines[m].output_t_per_day * (1.0 - a[model.mine_channel(m)]);
  }
  out.world_mine_loss =
      model.world_mine_t_per_day > 0.0 ? mine_lost / model.world_mine_t_per_day : 0.0;
  out.world_refined_loss =
      model.world_refined_t_per_day > 0.0 ? refined_lost / model.world_refined_t_per_day : 0.0;
}

NetworkFlows network_flows(const Model& model, const std::vector<double>& a) {
  NetworkFlows flows;
  MarketState market = market_state(model, a);
  const std::size_t mine_count = model.mines.size();
  flows.mine_available.resize(mine_count);
  flows.market_in.resize(mine_count);
  flows.spare_used.assign(mine_count, 0.0);
  double spare_total = 0.0;
  for (std::uint32_t m = 0; m < mine_count; ++m) {
    const NetworkMine& mine = model.mines[m];
    flows.mine_available[m] = mine.output_t_per_day * a[model.mine_channel(m)];
    flows.market_in[m] = mine.to_market_t_per_day * mine_reach(model, a, m, true);
    spare_total += mine.spare_t_per_day * mine_reach(model, a, m, true);
  }
  flows.link_delivered.assign(model.links.size(), 0.0);
  flows.refiner_feed.resize(model.refiners.size());
  flows.refiner_output.resize(model.refiners.size());
  flows.refiner_shipped.resize(model.refiners.size());
  double replacement_total = 0.0;
  for (std::size_t r = 0; r < model.refiners.size(); ++r) {
    const NetworkRefiner& refiner = model.refiners[r];
    double base = refiner.output_t_per_day;
    double feed = 0.0;
    for (std::uint32_t l = refiner.first_link; l < refiner.end_link; ++l) {
      const FeedLink& link = model.links[l];
      flows.link_delivered[l] =
          base * link.share * mine_reach(model, a, link.mine, link.crosses_border);
      feed += flows.link_delivered[l];
    }
    double from_market = base * refiner.market_share * (1.0 - market.loss_fraction);
    flows.market_out += from_market;
    feed += from_market;
    double replacement = (base - feed) * market.replacement_ratio;
    replacement_total += replacement;
    flows.refiner_feed[r] = feed + replacement;
    double own = a[model.refiner_channel(r)];
    flows.refiner_output[r] = std::min(refiner.capacity_t_per_day * own, flows.refiner_feed[r]);
    flows.refiner_shipped[r] =
        flows.refiner_output[r] * a[model.exporter_channel(refiner.exporter)];
  }
  // Spare capacity sold pro rata to what each mine has available.
  for (std::uint32_t m = 0; m < mine_count; ++m) {
    if (spare_total > 0.0) {
      flows.spare_used[m] = replacement_total * model.mines[m].spare_t_per_day *
                            mine_reach(model, a, m, true) / spare_total;
    }
  }
  return flows;
}

}  // namespace mineflow
