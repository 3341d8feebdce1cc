#include "sim/network_flow.h"

#include <algorithm>
#include <type_traits>

#include "sim/linear_value.h"

namespace mineflow {
namespace {

template <typename T>
struct MarketState {
  T loss_fraction = 0.0;      // of the market's baseline supply
  T replacement_ratio = 0.0;  // share of lost feed that spare mine capacity replaces
};

// `a(channel)` gives a channel's availability as a T: a double, or a LinearValue in a ramp.
template <typename T, typename Availability>
T mine_reach(const Model& model, const Availability& a, std::uint32_t m, bool crosses_border) {
  const NetworkMine& mine = model.mines[m];
  T reach = a(model.mine_channel(m));
  if (crosses_border) reach = reach * a(model.exporter_channel(mine.exporter));
  return reach;
}

// Lost share of a refiner's baseline feed before replacement, link by link.
template <typename T, typename Availability>
T feed_loss(const Model& model, const Availability& a, const NetworkRefiner& refiner,
            T market_loss) {
  T loss = refiner.market_share * market_loss;
  for (std::uint32_t l = refiner.first_link; l < refiner.end_link; ++l) {
    const FeedLink& link = model.links[l];
    loss += link.share * (1.0 - mine_reach<T>(model, a, link.mine, link.crosses_border));
  }
  return loss;
}

// min(1, spare / lost feed), 0 without a loss. In a ramp the switch is where spare and lost
// feed cross (a root of a linear equation), and a loss that starts now from zero is replaced
// in full while spare lasts (the right derivative).
double replacement_ratio(double spare, double lost_feed, KinkClock*) {
  return lost_feed > 0.0 ? std::clamp(spare / lost_feed, 0.0, 1.0) : 0.0;
}

LinearValue replacement_ratio(LinearValue spare, LinearValue lost_feed, KinkClock* clock) {
  if (lost_feed.value > 0.0) {
    lower_of(spare, lost_feed, clock);  // the switch between partial and full replacement
    double ratio = std::clamp(spare.value / lost_feed.value, 0.0, 1.0);
    if (!first_stays_lower(spare, lost_feed)) return {ratio, 0.0};  // full
    return {ratio, (spare / lost_feed).slope};                      // partial
  }
  if (lost_feed.slope > 0.0 && spare.value > 0.0) {
    lower_of(spare, lost_feed, clock);  // full replacement until the loss outgrows the spare
    return {1.0, 0.0};  // the value multiplies a zero loss: the plain code's 0 gives the same
  }
  return {0.0, 0.0};
}

// Output over baseline output of refiner `r` with availability `own` whose feed lost `lost` (a
// share of its baseline feed, before replacement): min(capacity x own, feed).
template <typename T>
T output_fraction_from_loss(const Model& model, std::size_t r, T own, T lost,
                            const MarketState<T>& market, KinkClock* clock) {
  const NetworkRefiner& refiner = model.refiners[r];
  T feed = 1.0 - lost * (1.0 - market.replacement_ratio);
  if (refiner.output_t_per_day <= 0.0) return lower_of(own, feed, clock);
  return lower_of(refiner.capacity_t_per_day / refiner.output_t_per_day * own, feed, clock);
}

template <typename T, typename Availability>
T output_fraction(const Model& model, const Availability& a, std::size_t r,
                  const MarketState<T>& market, KinkClock* clock) {
  T lost = feed_loss(model, a, model.refiners[r], market.loss_fraction);
  return output_fraction_from_loss(model, r, a(model.refiner_channel(r)), lost, market, clock);
}

// The plain statement over every node (tests, criticality).
MarketState<double> market_state(const Model& model, const std::vector<double>& availability) {
  auto a = [&](std::uint32_t c) { return availability[c]; };
  MarketState<double> state;
  double lost = 0.0;
  double spare = 0.0;
  for (std::uint32_t m = 0; m < model.mines.size(); ++m) {
    double reach = mine_reach<double>(model, a, m, true);  // the market is international trade
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

}  // namespace

void propagate(const Model& model, const std::vector<double>& a, NetworkOutcome& out) {
  MarketState<double> market = market_state(model, a);
  auto at = [&](std::uint32_t c) { return a[c]; };
  out.output_fraction.resize(model.refiners.size());
  double refined_lost = 0.0;
  out.split_bound = model.split.active() && a[model.exporter_channel(model.split.exporter)] != 1.0;
  out.split_output = out.split_lost = 0.0;
  out.split_reach = 1.0;
  for (std::size_t r = 0; r < model.refiners.size(); ++r) {
    double fraction = output_fraction<double>(model, at, r, market, nullptr);
    out.output_fraction[r] = fraction;
    const NetworkRefiner& refiner = model.refiners[r];
    double reach = a[model.exporter_channel(refiner.exporter)];
    double lost = refiner.output_t_per_day * (1.0 - fraction * reach);
    refined_lost += lost;
    if (out.split_bound && refiner.split) {
      out.split_output += refiner.output_t_per_day * fraction;
      out.split_lost += lost;
      out.split_reach = reach;
    }
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

void IncrementalPropagation::reset(const Model& model) {
  ++focal_version_;
  if (a_.size() != model.channel_count()) {
    a_.assign(model.channel_count(), 1.0);
    slope_.assign(model.channel_count(), 0.0);
    channel_touched_.assign(model.channel_count(), 0);
    touched_.clear();
  }
  for (std::uint32_t c : touched_) {
    a_[c] = 1.0;
    slope_[c] = 0.0;
    channel_touched_[c] = 0;
  }
  touched_.clear();
  // Clear only what the last trial moved (the arrays are as large as the network).
  if (mine_loss_.size() != model.mines.size() || link_loss_.size() != model.links.size() ||
      refiner_loss_.size() != model.refiners.size()) {
    mine_loss_.assign(model.mines.size(), MineLoss{});
    mine_moved_.assign(model.mines.size(), 0);
    link_loss_.assign(model.links.size(), LinearValue{});
    refiner_loss_.assign(model.refiners.size(), LinearValue{});
    cut_links_.assign(model.refiners.size(), 0);
    mines_moved_.clear();
  }
  for (std::uint32_t m : mines_moved_) {
    mine_loss_[m] = MineLoss{};
    mine_moved_[m] = 0;
    for (std::uint32_t i = model.mine_link_start[m]; i < model.mine_link_start[m + 1]; ++i) {
      const std::uint32_t l = model.mine_links[i];
      link_loss_[l] = LinearValue{};
      refiner_loss_[model.link_refiner[l]] = LinearValue{};
      cut_links_[model.link_refiner[l]] = 0;
    }
  }
  mines_moved_.clear();
  cut_mine_count_ = 0;
  market_lost_ = spare_lost_ = mine_lost_ = feed_lost_ = LinearValue{};
  if (refiner_listed_.size() != model.refiners.size()) {
    refiner_listed_.assign(model.refiners.size(), 0);
  } else {
    for (std::uint32_t r : cut_refiners_) refiner_listed_[r] = 0;
  }
  cut_refiners_.clear();
  if (special_stamp_.size() != model.refiners.size()) {
    special_stamp_.assign(model.refiners.size(), 0);
    stamp_ = 0;
  }
}

void IncrementalPropagation::touch_refiner(std::uint32_t refiner) {
  if (refiner_listed_[refiner] == 0) {
    refiner_listed_[refiner] = 1;
    cut_refiners_.push_back(refiner);
  }
}

void IncrementalPropagation::update_mine(const Model& model, std::uint32_t m) {
  const NetworkMine& mine = model.mines[m];
  const std::uint32_t own_channel = model.mine_channel(m);
  const std::uint32_t exporter_channel = model.exporter_channel(mine.exporter);
  const LinearValue own{a_[own_channel], slope_[own_channel]};
  const LinearValue exporter{a_[exporter_channel], slope_[exporter_channel]};
  // A channel is cut while it is below 1 or moving (a ramp that is at 1 now still cuts later).
  auto cut = [](LinearValue v) { return v.value != 1.0 || v.slope != 0.0; };
  const bool now_cut = cut(own) || cut(exporter);
  MineLoss& loss = mine_loss_[m];
  if (!now_cut && !loss.cut) return;
  if (mine_moved_[m] == 0) {
    mine_moved_[m] = 1;
    mines_moved_.push_back(m);
  }
  const LinearValue lost_reach = 1.0 - own * exporter;  // the market is international trade
  const LinearValue lost_own = 1.0 - own;
  const MineLoss next{mine.to_market_t_per_day * lost_reach, mine.spare_t_per_day * lost_reach,
                      mine.output_t_per_day * lost_own, now_cut};
  market_lost_ += next.to_market - loss.to_market;
  spare_lost_ += next.spare - loss.spare;
  mine_lost_ += next.output - loss.output;
  for (std::uint32_t i = model.mine_link_start[m]; i < model.mine_link_start[m + 1]; ++i) {
    const std::uint32_t l = model.mine_links[i];
    const FeedLink& link = model.links[l];
    const std::uint32_t r = model.link_refiner[l];
    const LinearValue next_link = link.share * (link.crosses_border ? lost_reach : lost_own);
    const LinearValue change = next_link - link_loss_[l];
    link_loss_[l] = next_link;
    feed_lost_ += model.refiners[r].output_t_per_day * change;
    if (now_cut != loss.cut) cut_links_[r] = now_cut ? cut_links_[r] + 1 : cut_links_[r] - 1;
    // Exactly 0 once no link of the refiner is cut (the differences may leave rounding).
    refiner_loss_[r] = cut_links_[r] == 0 ? LinearValue{} : refiner_loss_[r] + change;
  }
  if (now_cut != loss.cut) cut_mine_count_ = now_cut ? cut_mine_count_ + 1 : cut_mine_count_ - 1;
  loss = next;
  if (cut_mine_count_ == 0) market_lost_ = spare_lost_ = mine_lost_ = feed_lost_ = LinearValue{};
}

void IncrementalPropagation::set(const Model& model, std::uint32_t channel, double availability,
                                 double slope_per_day) {
  if (a_[channel] == availability && slope_[channel] == slope_per_day) return;
  a_[channel] = availability;
  slope_[channel] = slope_per_day;
  if (channel_touched_[channel] == 0) {
    channel_touched_[channel] = 1;
    touched_.push_back(channel);
  }
  const std::uint32_t first_mine = model.mine_channel(0);
  const std::uint32_t first_refiner = model.refiner_channel(0);
  const std::uint32_t first_exporter = model.exporter_channel(0);
  if (channel < first_mine) {
    ++focal_version_;
  } else if (channel < first_refiner) {
    update_mine(model, channel - first_mine);
  } else if (channel < first_exporter) {
    touch_refiner(channel - first_refiner);
  } else {
    std::uint32_t x = channel - first_exporter;
    for (std::uint32_t i = model.exporter_mine_start[x]; i < model.exporter_mine_start[x + 1];
         ++i) {
      update_mine(model, model.exporter_mines[i]);
    }
    for (std::uint32_t i = model.exporter_refiner_start[x]; i < model.exporter_refiner_start[x + 1];
         ++i) {
      touch_refiner(model.exporter_refiners[i]);
    }
  }
}

template <typename T>
void IncrementalPropagation::propagate_impl(const Model& model, BasicNetworkOutcome<T>& out,
                                            KinkClock* clock) {
  auto as_t = [](LinearValue v) -> T {
    if constexpr (std::is_same_v<T, double>) {
      return v.value;
    } else {
      return v;
    }
  };
  auto a = [&](std::uint32_t c) -> T { return as_t({a_[c], slope_[c]}); };
  // Drop refiners that are whole again; what remains is every refiner with a cut.
  auto cut = [&](std::uint32_t c) { return a_[c] != 1.0 || slope_[c] != 0.0; };
  std::erase_if(cut_refiners_, [&](std::uint32_t r) {
    if (cut(model.refiner_channel(r)) || cut(model.exporter_channel(model.refiners[r].exporter))) {
      return false;
    }
    refiner_listed_[r] = 0;
    return true;
  });
  MarketState<T> market;
  if (model.market_supply_t_per_day > 0.0) {
    market.loss_fraction =
        clamp_to(as_t(market_lost_) / model.market_supply_t_per_day, 0.0, 1.0, clock);
  }
  T lost_feed = market.loss_fraction * model.market_purchases_t_per_day + as_t(feed_lost_);
  T spare = model.spare_mine_t_per_day - as_t(spare_lost_);
  market.replacement_ratio = replacement_ratio(spare, lost_feed, clock);

  // Refiners computed one by one: cut ones and, where the focal economy's supply follows its
  // refiners (rationing), the focal economy's. Every other refiner takes min(capacity, feed) =
  // feed (capacity >= baseline output, sim/model.cpp) and ships all of it, so it loses exactly
  // its lost feed x (1 - replacement): those are counted together, as the world's lost feed less
  // that of the refiners computed one by one.
  if (++stamp_ == 0) {  // wrapped: clear the stamps so no stale one matches
    std::fill(special_stamp_.begin(), special_stamp_.end(), 0u);
    stamp_ = 1;
  }
  special_.clear();
  auto add_special = [&](std::uint32_t r) {
    if (special_stamp_[r] != stamp_) {
      special_stamp_[r] = stamp_;
      special_.push_back(r);
    }
  };
  for (std::uint32_t r : cut_refiners_) add_special(r);
  if (!model.clearing) {
    for (const SupplySource& source : model.sources) {
      if (source.refiner != SupplySource::kNone) add_special(source.refiner);
    }
    out.output_fraction.resize(model.refiners.size());
  }
  T refined_lost = 0.0;
  T special_lost_feed = 0.0;
  // Where the restricting country's exports are cut, its refiners are all cut (special) here.
  out.split_bound = model.split.active() && cut(model.exporter_channel(model.split.exporter));
  out.split_output = out.split_lost = T(0.0);
  out.split_reach = T(1.0);
  for (std::uint32_t r : special_) {
    const NetworkRefiner& refiner = model.refiners[r];
    T lost = refiner.market_share * market.loss_fraction + as_t(refiner_loss_[r]);
    T fraction =
        output_fraction_from_loss(model, r, a(model.refiner_channel(r)), lost, market, clock);
    if (!model.clearing) out.output_fraction[r] = fraction;
    const T reach = a(model.exporter_channel(refiner.exporter));
    const T refiner_lost = refiner.output_t_per_day * (1.0 - fraction * reach);
    refined_lost += refiner_lost;
    special_lost_feed += refiner.output_t_per_day * lost;
    if (out.split_bound && refiner.split) {
      out.split_output += refiner.output_t_per_day * fraction;
      out.split_lost += refiner_lost;
      out.split_reach = reach;
    }
  }
  refined_lost += (lost_feed - special_lost_feed) * (1.0 - market.replacement_ratio);
  out.world_mine_loss =
      model.world_mine_t_per_day > 0.0 ? as_t(mine_lost_) / model.world_mine_t_per_day : T(0.0);
  out.world_refined_loss =
      model.world_refined_t_per_day > 0.0 ? refined_lost / model.world_refined_t_per_day : T(0.0);
}

void IncrementalPropagation::propagate(const Model& model, NetworkOutcome& out) {
  propagate_impl<double>(model, out, nullptr);
}

void IncrementalPropagation::propagate(const Model& model, SlopedNetworkOutcome& out,
                                       KinkClock& clock) {
  propagate_impl<LinearValue>(model, out, &clock);
}

NetworkFlows network_flows(const Model& model, const std::vector<double>& a) {
  NetworkFlows flows;
  MarketState<double> market = market_state(model, a);
  auto at = [&](std::uint32_t c) { return a[c]; };
  const std::size_t mine_count = model.mines.size();
  flows.mine_available.resize(mine_count);
  flows.market_in.resize(mine_count);
  flows.spare_used.assign(mine_count, 0.0);
  double spare_total = 0.0;
  for (std::uint32_t m = 0; m < mine_count; ++m) {
    const NetworkMine& mine = model.mines[m];
    flows.mine_available[m] = mine.output_t_per_day * a[model.mine_channel(m)];
    flows.market_in[m] = mine.to_market_t_per_day * mine_reach<double>(model, at, m, true);
    spare_total += mine.spare_t_per_day * mine_reach<double>(model, at, m, true);
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
          base * link.share * mine_reach<double>(model, at, link.mine, link.crosses_border);
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
                            mine_reach<double>(model, at, m, true) / spare_total;
    }
  }
  return flows;
}

}  // namespace mineflow
