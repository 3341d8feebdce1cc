#include "sim/optimise/mix_evaluator.h"

#include "sim/optimise/mix_values.h"
#include "sim/optimise/structural_levers.h"
#include "sim/summary.h"
#include "sim/trial_loop.h"

namespace mineflow {
namespace {

// As the stockpile sweep: profiles of the first pass kept for the later ones, up to 2 GiB.
constexpr std::size_t kProfileCacheBytes = std::size_t{2} << 30;
// A structural level's model (diversification, smelter capacity) keeps less: there may be dozens.
constexpr std::size_t kVariantProfileCacheBytes = std::size_t{256} << 20;

}  // namespace

MixEvaluator::MixEvaluator(const SweepSetup& setup, MixBasis basis, LeverCosts costs,
                           EvaluatorOptions options)
    : setup_(setup), basis_(basis), costs_(costs), options_(std::move(options)) {}

std::vector<MixCell> MixEvaluator::evaluate(const std::vector<PolicyMix>& mixes) {
  std::vector<PolicyMix> fresh;
  for (const PolicyMix& mix : mixes) {
    if (!cache_.count(mix) && std::find(fresh.begin(), fresh.end(), mix) == fresh.end()) {
      fresh.push_back(mix);
    }
  }
  if (!fresh.empty()) {
    ++passes_;
    // One trial loop per structural level (its own model and profiles), in level order.
    std::map<std::pair<double, double>, std::vector<PolicyMix>> groups;
    for (const PolicyMix& mix : fresh) {
      groups[{mix.diversified_t_per_yr, mix.smelter_added_t_per_yr}].push_back(mix);
    }
    for (const auto& entry : groups) {
      // Named, not a structured binding: the parallel loop's lambda below captures `group`
      // (clang, which builds the fuzz stage, refuses to capture a binding before C++20).
      const std::pair<double, double>& key = entry.first;
      const std::vector<PolicyMix>& group = entry.second;
      Structure& structure = structures_[key];
      const bool base = key.first == 0.0 && key.second == 0.0;
      if (!base && !structure.model) {
        structure.model =
            std::make_unique<Model>(structural_variant(*setup_.model, key.first, key.second));
      }
      const Model* model = base ? setup_.model : structure.model.get();
      MonteCarloOptions mc;
      mc.trials = options_.trials;
      mc.seed = options_.seed;
      mc.threads = options_.threads;
      mc.cancel = options_.cancel;
      if (!structure.profiles) {
        structure.profiles.emplace(model, trial_layout(mc).run,
                                   base ? kProfileCacheBytes : kVariantProfileCacheBytes);
      }
      mc.profile_cache = &*structure.profiles;
      if (options_.progress) {
        mc.progress = [this, pass = passes_](std::uint64_t done) {
          options_.progress(pass, done, options_.trials);
        };
      }
      std::vector<Variant> variants;
      std::vector<SweepSetup> setups(group.size(), setup_);
      for (std::size_t i = 0; i < group.size(); ++i) {
        setups[i].model = model;
        setups[i].stocks.stockpile_days = group[i].stockpile_days;
        setups[i].stocks.recycling_share = group[i].recycling_share;
        setups[i].stocks.substitution_cut = group[i].substitution_cut;
        setups[i].carrying_rate_per_year = costs_.carrying_rate_per_year();
        variants.push_back(Variant{model, setups[i].stocks});
      }
      MixValues values = collect_trials<MixValues>(
          *setup_.events, setup_.horizon_days, variants, mc,
          [&variants](TrialRange held) { return MixValues(variants.size(), held); });
      std::vector<MixCell> cells(group.size());
      for_each_parallel(group.size(), options_.threads, [&](std::size_t v) {
        cells[v].mix = group[v];
        cells[v].cost = mix_cost(group[v], basis_, costs_);
        cells[v].stats =
            sweep_cell(setups[v], values.unmet_t(v), values.longest_spell_days(v),
                       values.priced_out_t(v), group[v].stockpile_days, group[v].recycling_share);
        cells[v].not_served_t = cells[v].stats.not_served_t;
      });
      for (const MixCell& cell : cells) cache_[cell.mix] = cell;
    }
  }
  std::vector<MixCell> out;
  out.reserve(mixes.size());
  for (const PolicyMix& mix : mixes) out.push_back(cache_.at(mix));
  return out;
}

}  // namespace mineflow
