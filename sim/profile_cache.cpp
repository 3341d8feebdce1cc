#include "sim/profile_cache.h"

namespace mineflow {

ProfileCache::ProfileCache(const Model* model, TrialRange range, std::size_t budget_bytes)
    : model_(model),
      range_(range),
      budget_bytes_(budget_bytes),
      profiles_(range.size()),
      stored_(range.size(), 0) {}

const SupplyProfile* ProfileCache::find(std::uint64_t trial) const {
  if (!holds(trial) || stored_[trial - range_.begin] == 0) return nullptr;
  return &profiles_[trial - range_.begin];
}

void ProfileCache::store(std::uint64_t trial, const SupplyProfile& profile) {
  if (!holds(trial) || stored_[trial - range_.begin] != 0) return;
  const std::size_t size =
      profile.segments.size() * sizeof(ProfileSegment) +
      profile.price_factor.size() * sizeof(double) +
      (profile.market.price.size() + profile.market.price_prefix.size() +
       profile.market.priced_out_by_day.size() + profile.market.priced_out_share.size() +
       profile.market.domestic_price.size()) *
          sizeof(double) +
      sizeof(SupplyProfile);
  // Reserve first, so that concurrent stores never take the total past the budget.
  if (bytes_.fetch_add(size, std::memory_order_relaxed) + size > budget_bytes_) {
    bytes_.fetch_sub(size, std::memory_order_relaxed);
    return;
  }
  SupplyProfile& kept = profiles_[trial - range_.begin];
  kept.segments.assign(profile.segments.begin(), profile.segments.end());
  kept.price_factor.assign(profile.price_factor.begin(), profile.price_factor.end());
  kept.market = profile.market;
  stored_[trial - range_.begin] = 1;
}

}  // namespace mineflow
