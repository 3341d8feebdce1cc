#include "sim/profile_cache.h"

#include <algorithm>

#include "sim/trial.h"

namespace mineflow {

ProfileCache::ProfileCache(const Model* model, TrialRange range, std::size_t budget_bytes,
                           bool daily_priced_out)
    : model_(model),
      range_(range),
      daily_priced_out_(daily_priced_out),
      budget_bytes_(budget_bytes),
      profiles_(range.size()),
      stored_(range.size(), 0) {}

bool ProfileCache::serves(std::span<const Variant> variants) const {
  return std::all_of(variants.begin(), variants.end(), [this](const Variant& v) {
    return v.model == model_ &&
           (daily_priced_out_ || v.stocks.release_price == ReleasePrice::market);
  });
}

const SupplyProfile* ProfileCache::find(std::uint64_t trial) const {
  if (!holds(trial) || stored_[trial - range_.begin] == 0) return nullptr;
  return &profiles_[trial - range_.begin];
}

void ProfileCache::store(std::uint64_t trial, const SupplyProfile& profile) {
  if (!holds(trial) || stored_[trial - range_.begin] != 0) return;
  const MarketPath& market = profile.market;
  // The price a stock pass integrates: the clearing market's daily path, else the price grid.
  const bool grid = !model_->clearing;
  const bool daily = daily_priced_out_ && !market.priced_out_by_day.empty();
  const std::size_t size =
      profile.segments.size() * sizeof(ProfileSegment) +
      (grid ? profile.price_factor.size() : market.price.size() + market.price_prefix.size()) *
          sizeof(double) +
      (daily ? (market.priced_out_by_day.size() + market.priced_out_share.size()) * sizeof(double)
             : 0) +
      sizeof(SupplyProfile);
  // Reserve first, so that concurrent stores never take the total past the budget.
  if (bytes_.fetch_add(size, std::memory_order_relaxed) + size > budget_bytes_) {
    bytes_.fetch_sub(size, std::memory_order_relaxed);
    return;
  }
  SupplyProfile& kept = profiles_[trial - range_.begin];
  kept.segments.assign(profile.segments.begin(), profile.segments.end());
  if (grid) {
    kept.price_factor.assign(profile.price_factor.begin(), profile.price_factor.end());
  } else {
    kept.market.price = market.price;
    kept.market.price_prefix = market.price_prefix;
  }
  kept.market.priced_out_days = market.priced_out_days;
  kept.market.priced_out_price_days = market.priced_out_price_days;
  // The split market's figures the stock pass reports (its daily domestic path is not read).
  kept.market.split = market.split;
  kept.market.domestic_price_at_peak = market.domestic_price_at_peak;
  if (daily) {
    kept.market.priced_out_by_day = market.priced_out_by_day;
    kept.market.priced_out_share = market.priced_out_share;
  }
  stored_[trial - range_.begin] = 1;
}

}  // namespace mineflow
