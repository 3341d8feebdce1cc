#include "sim/supply_profile.h"

#include <algorithm>
#include <cmath>

#include "sim/random_stream.h"

namespace mineflow {
namespace {

// The stochastic price factor on its grid: an exact Ornstein-Uhlenbeck chain of the log, from 0.
void draw_log_price(const Model& model, std::uint64_t seed, std::uint64_t trial,
                    std::vector<double>& log_price) {
  auto steps = static_cast<std::size_t>(std::ceil(model.horizon_days / model.price_step_days));
  log_price.assign(std::max<std::size_t>(steps, 1), 0.0);
  if (model.price_noise_sd > 0.0) {
    RandomStream stream(seed, trial, kPriceStream);
    for (std::size_t k = 1; k < log_price.size(); ++k) {
      log_price[k] = log_price[k - 1] * model.price_decay + model.price_noise_sd * stream.normal();
    }
  }
  for (double& x : log_price) x = std::exp(x);  // from here on, the factor itself
}

// Supply of one import class, rerouting lost volume to spare capacity. A refined stream
// follows its refiner's output fraction.
double class_supply(const Model& model, const IncrementalPropagation& availability,
                    const NetworkOutcome& network, ImportClass import_class) {
  double delivered = 0.0;
  double lost = 0.0;
  double spare = 0.0;
  for (std::size_t i = 0; i < model.sources.size(); ++i) {
    const SupplySource& source = model.sources[i];
    if (source.import_class != import_class) continue;
    double reach = availability.availability(static_cast<std::uint32_t>(i));
    if (source.refiner != SupplySource::kNone) reach *= network.output_fraction[source.refiner];
    delivered += source.baseline_t_per_day * reach;
    lost += source.baseline_t_per_day * (1.0 - reach);
    spare += source.spare_t_per_day * reach;
  }
  return delivered + std::min(lost, spare);
}

// Availabilities change only where an effect starts or ends; only those channels are
// recomputed (as the product of the effects covering the segment, in effect order), and the
// network propagation visits only what they reach.
void sort_effects(ProfileScratch& scratch) {
  const auto& effects = scratch.effects;
  const auto n = static_cast<std::uint32_t>(effects.size());
  auto fill = [n](std::vector<std::uint32_t>& order) {
    order.resize(n);
    for (std::uint32_t i = 0; i < n; ++i) order[i] = i;
  };
  fill(scratch.by_start);
  fill(scratch.by_end);
  fill(scratch.by_channel);
  std::stable_sort(scratch.by_start.begin(), scratch.by_start.end(),
                   [&](auto a, auto b) { return effects[a].start_day < effects[b].start_day; });
  std::stable_sort(scratch.by_end.begin(), scratch.by_end.end(),
                   [&](auto a, auto b) { return effects[a].end_day < effects[b].end_day; });
  std::stable_sort(scratch.by_channel.begin(), scratch.by_channel.end(),
                   [&](auto a, auto b) { return effects[a].channel < effects[b].channel; });
  scratch.channel_group.resize(n);
  for (std::uint32_t begin = 0; begin < n;) {
    std::uint32_t end = begin;
    while (end < n &&
           effects[scratch.by_channel[end]].channel == effects[scratch.by_channel[begin]].channel) {
      ++end;
    }
    for (std::uint32_t i = begin; i < end; ++i)
      scratch.channel_group[scratch.by_channel[i]] = {begin, end};
    begin = end;
  }
  scratch.next_start = 0;
  scratch.next_end = 0;
}

// The product of the effects on `effect`'s channel that cover the segment, in effect order.
double channel_product(const ProfileScratch& scratch, std::uint32_t effect,
                       const ProfileSegment& segment) {
  double product = 1.0;
  auto [begin, end] = scratch.channel_group[effect];
  for (std::uint32_t i = begin; i < end; ++i) {
    const auto& e = scratch.effects[scratch.by_channel[i]];
    if (e.start_day <= segment.start_day && e.end_day >= segment.end_day) product *= e.factor;
  }
  return product;
}

void fill_supply(const Model& model, ProfileScratch& scratch, ProfileSegment& segment) {
  IncrementalPropagation& availability = scratch.propagation;
  // Boundaries include every effect's ends, so an effect covers a segment or misses it; the
  // channels whose effects start or end here are the only ones that change.
  const auto& effects = scratch.effects;
  auto update = [&](std::uint32_t e) {
    availability.set(model, effects[e].channel, channel_product(scratch, e, segment));
  };
  while (scratch.next_start < effects.size() &&
         effects[scratch.by_start[scratch.next_start]].start_day <= segment.start_day) {
    update(scratch.by_start[scratch.next_start++]);
  }
  while (scratch.next_end < effects.size() &&
         effects[scratch.by_end[scratch.next_end]].end_day <= segment.start_day) {
    update(scratch.by_end[scratch.next_end++]);
  }
  availability.propagate(model, scratch.network);
  double concentrate = class_supply(model, availability, scratch.network, ImportClass::concentrate);
  double refined = class_supply(model, availability, scratch.network, ImportClass::refined);
  double domestic = std::min(concentrate, model.smelter_capacity_t_per_day *
                                              availability.availability(model.smelter_channel()));
  double primary = model.primary_t_per_day;
  segment.domestic_fraction = primary > 0.0 ? domestic / primary : 0.0;
  segment.imports_fraction = primary > 0.0 ? refined / primary : 0.0;
  segment.recycling_available = availability.availability(model.recycling_channel());
  segment.world_shortfall = std::clamp(
      std::max(scratch.network.world_mine_loss, scratch.network.world_refined_loss), 0.0, 1.0);
}

}  // namespace

void build_supply_profile(const Model& model, const std::vector<Occurrence>& occurrences,
                          std::uint64_t seed, std::uint64_t trial, ProfileScratch& scratch,
                          SupplyProfile& out, bool reuse_price_factor) {
  const double horizon = model.horizon_days;
  scratch.effects.clear();
  for (const Occurrence& occurrence : occurrences) {
    const CompiledTarget& target = model.events[occurrence.event].targets[occurrence.target];
    for (const ChannelHit& hit : target.hits) {
      double start = occurrence.start_day + hit.lead_time_days;
      double end = std::min(occurrence.end_day + hit.lead_time_days, horizon);
      if (start >= horizon || end <= start) continue;
      scratch.effects.push_back({hit.channel, start, end, 1.0 - occurrence.severity});
    }
  }
  if (!reuse_price_factor) draw_log_price(model, seed, trial, out.price_factor);

  std::vector<double>& cuts = scratch.boundaries;
  cuts.clear();
  cuts.push_back(0.0);
  for (const auto& effect : scratch.effects) {
    cuts.push_back(effect.start_day);
    cuts.push_back(effect.end_day);
  }
  cuts.push_back(horizon);
  std::sort(cuts.begin(), cuts.end());
  cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());
  while (!cuts.empty() && cuts.back() > horizon) cuts.pop_back();

  out.segments.clear();
  scratch.propagation.reset(model);
  sort_effects(scratch);
  for (std::size_t s = 0; s + 1 < cuts.size(); ++s) {
    ProfileSegment segment;
    segment.start_day = cuts[s];
    segment.end_day = cuts[s + 1];
    fill_supply(model, scratch, segment);
    segment.scarcity = segment.world_shortfall >= 1.0
                           ? model.price_cap
                           : std::min(model.price_cap, std::pow(1.0 - segment.world_shortfall,
                                                                -model.inverse_elasticity));
    // Peak and integral over the price grid cells the segment spans.
    const std::vector<double>& factor = out.price_factor;
    auto first = static_cast<std::size_t>(segment.start_day / model.price_step_days);
    double peak = 0.0;
    double integral = 0.0;
    for (std::size_t k = std::min(first, factor.size() - 1); k < factor.size(); ++k) {
      double cell_start = static_cast<double>(k) * model.price_step_days;
      double cell_end =
          k + 1 == factor.size() ? segment.end_day : cell_start + model.price_step_days;
      double lo = std::max(cell_start, segment.start_day);
      double hi = std::min(cell_end, segment.end_day);
      if (hi <= lo && k > first) break;
      double multiple = std::min(model.price_cap, factor[k] * segment.scarcity);
      if (hi > lo) {
        peak = std::max(peak, multiple);
        integral += multiple * (hi - lo);
      }
      if (cell_end >= segment.end_day) break;
    }
    segment.peak_price_multiple = peak;
    segment.price_days = integral;
    out.segments.push_back(segment);
  }
}

bool same_price_process(const Model& a, const Model& b) {
  return a.horizon_days == b.horizon_days && a.price_step_days == b.price_step_days &&
         a.price_decay == b.price_decay && a.price_noise_sd == b.price_noise_sd;
}

double price_integral(const Model& model, const SupplyProfile& profile, double scarcity,
                      double from_day, double to_day) {
  const std::vector<double>& factor = profile.price_factor;
  auto k = std::min(static_cast<std::size_t>(from_day / model.price_step_days), factor.size() - 1);
  double integral = 0.0;
  double t = from_day;
  while (t < to_day) {
    double cell_end =
        k + 1 >= factor.size() ? to_day : static_cast<double>(k + 1) * model.price_step_days;
    double hi = std::min(cell_end, to_day);
    if (hi > t) integral += std::min(model.price_cap, factor[k] * scarcity) * (hi - t);
    t = std::max(t, hi);
    if (k + 1 >= factor.size()) break;
    ++k;
  }
  return integral;
}

}  // namespace mineflow
