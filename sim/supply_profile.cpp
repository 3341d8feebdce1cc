#include "sim/supply_profile.h"

#include <algorithm>
#include <cmath>

#include "sim/random_stream.h"

namespace mineflow {
namespace {

void draw_log_price(const Model& model, std::uint64_t seed, std::uint64_t trial,
                    std::vector<double>& log_price) {
  auto steps = static_cast<std::size_t>(std::ceil(model.horizon_days / model.price_step_days));
  log_price.assign(std::max<std::size_t>(steps, 1), 0.0);
  if (model.price_noise_sd <= 0.0) return;
  RandomStream stream(seed, trial, kPriceStream);
  for (std::size_t k = 1; k < log_price.size(); ++k) {
    log_price[k] = log_price[k - 1] * model.price_decay + model.price_noise_sd * stream.normal();
  }
}

// Supply of one import class from availabilities, rerouting lost volume to spare capacity.
double class_supply(const Model& model, const std::vector<double>& availability,
                    ImportClass import_class) {
  double delivered = 0.0;
  double lost = 0.0;
  double spare = 0.0;
  for (std::size_t i = 0; i < model.sources.size(); ++i) {
    const SupplySource& source = model.sources[i];
    if (source.import_class != import_class) continue;
    delivered += source.baseline_t_per_day * availability[i];
    lost += source.baseline_t_per_day * (1.0 - availability[i]);
    spare += source.spare_t_per_day * availability[i];
  }
  return delivered + std::min(lost, spare);
}

}  // namespace

void build_supply_profile(const Model& model, const std::vector<Occurrence>& occurrences,
                          std::uint64_t seed, std::uint64_t trial, ProfileScratch& scratch,
                          SupplyProfile& out) {
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
  draw_log_price(model, seed, trial, scratch.log_price);

  std::vector<double>& cuts = scratch.boundaries;
  cuts.clear();
  for (std::size_t k = 0; k < scratch.log_price.size(); ++k) {
    cuts.push_back(static_cast<double>(k) * model.price_step_days);
  }
  for (const auto& effect : scratch.effects) {
    cuts.push_back(effect.start_day);
    cuts.push_back(effect.end_day);
  }
  cuts.push_back(horizon);
  std::sort(cuts.begin(), cuts.end());
  cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());
  while (!cuts.empty() && cuts.back() > horizon) cuts.pop_back();

  out.segments.clear();
  std::vector<double>& availability = scratch.availability;
  const std::size_t source_count = model.sources.size();
  for (std::size_t s = 0; s + 1 < cuts.size(); ++s) {
    ProfileSegment segment;
    segment.start_day = cuts[s];
    segment.end_day = cuts[s + 1];
    availability.assign(model.channel_count(), 1.0);
    // Boundaries include every effect's ends, so an effect covers a segment or misses it.
    for (const auto& effect : scratch.effects) {
      if (effect.start_day <= segment.start_day && effect.end_day >= segment.end_day) {
        availability[effect.channel] *= effect.factor;
      }
    }
    double concentrate = class_supply(model, availability, ImportClass::concentrate);
    double refined = class_supply(model, availability, ImportClass::refined);
    double domestic = std::min(
        concentrate, model.smelter_capacity_t_per_day * availability[model.smelter_channel()]);
    double primary = model.primary_t_per_day;
    segment.domestic_fraction = primary > 0.0 ? domestic / primary : 0.0;
    segment.imports_fraction = primary > 0.0 ? refined / primary : 0.0;
    segment.recycling_available = availability[model.recycling_channel()];
    double mine_loss = 0.0;
    double refine_loss = 0.0;
    for (std::size_t w = 0; w < model.world.size(); ++w) {
      double loss = model.world[w].share * (1.0 - availability[source_count + 2 + w]);
      (model.world[w].stage == Stage::mine ? mine_loss : refine_loss) += loss;
    }
    segment.world_shortfall = std::clamp(std::max(mine_loss, refine_loss), 0.0, 1.0);
    auto step = static_cast<std::size_t>(segment.start_day / model.price_step_days);
    double stochastic = std::exp(scratch.log_price[std::min(step, scratch.log_price.size() - 1)]);
    double scarcity = segment.world_shortfall >= 1.0
                          ? model.price_cap
                          : std::pow(1.0 - segment.world_shortfall, -model.inverse_elasticity);
    segment.price_multiple = std::min(model.price_cap, stochastic * scarcity);
    out.segments.push_back(segment);
  }
}

}  // namespace mineflow
