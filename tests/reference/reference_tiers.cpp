#include "tests/reference/reference_tiers.h"

#include <algorithm>

namespace mineflow::reference {
namespace {

// Product of (1 - share x severity) over the hits that `matches`, on the refined clock; the
// share is 1 except for an export restriction on some destinations (their share of the
// exporter's world sales).
template <typename Matches>
double availability(const Network& network, const std::vector<Event>& events, When when,
                    Matches matches) {
  double a = 1.0;
  for (const Event& event : events) {
    for (const Hit& hit : event.hits) {
      if (!matches(hit)) continue;
      double share = hit.kind == Hit::Kind::exports_of ? hit.world_share : 1.0;
      a *= 1.0 - share * severity(event, hit, network.refined_lead_days, when);
    }
  }
  return a;
}

}  // namespace

bool cuts_exports(const Hit& hit, const std::string& country, Hit::Stage stage) {
  return hit.kind == Hit::Kind::exports_of && hit.country == country &&
         (hit.export_stage == Hit::Stage::any || hit.export_stage == stage);
}

TierDay tier_day(const Network& network, const std::vector<Event>& events, int day) {
  return tier_day(network, events, When{When::Kind::mean, static_cast<double>(day), 1.0});
}

TierDay tier_day(const Network& network, const std::vector<Event>& events, When day) {
  const Tiers& tiers = network.tiers;
  // 1. Mines: own availability a_m (node events), export availability e_m.
  std::vector<double> a_mine, e_mine;
  for (const WorldMine& mine : tiers.mines) {
    a_mine.push_back(availability(network, events, day, [&](const Hit& hit) {
      return hit.kind == Hit::Kind::foreign_mine && hit.country == mine.country;
    }));
    e_mine.push_back(availability(network, events, day, [&](const Hit& hit) {
      return cuts_exports(hit, mine.country, Hit::Stage::mine);
    }));
  }
  auto mine_index = [&](const std::string& country) {
    for (std::size_t m = 0; m < tiers.mines.size(); ++m) {
      if (tiers.mines[m].country == country) return m;
    }
    return tiers.mines.size();  // never: the generator links only to mines
  };
  // 2. Market: the lost share of the mines' market sales (the market crosses every border).
  double sales = 0.0, sales_lost = 0.0;
  for (std::size_t m = 0; m < tiers.mines.size(); ++m) {
    sales += tiers.mines[m].market_t_per_day;
    sales_lost += tiers.mines[m].market_t_per_day * (1.0 - a_mine[m] * e_mine[m]);
  }
  double market_loss = sales > 0.0 ? sales_lost / sales : 0.0;
  // 3. Feed lost by each refiner, as a share of its baseline feed.
  std::vector<double> feed_loss;
  double lost_t = 0.0;
  for (const WorldRefiner& refiner : tiers.refiners) {
    double loss = refiner.market_share * market_loss;
    for (const FeedLink& link : refiner.links) {
      std::size_t m = mine_index(link.mine_country);
      double reach = a_mine[m] * (link.mine_country == refiner.country ? 1.0 : e_mine[m]);
      loss += link.share * (1.0 - reach);
    }
    feed_loss.push_back(loss);
    lost_t += refiner.output_t_per_day * loss;
  }
  // 4. Spare mine capacity replaces lost feed pro rata, up to the volume lost.
  double spare_t = 0.0;
  for (std::size_t m = 0; m < tiers.mines.size(); ++m) {
    spare_t += tiers.mines[m].spare_t_per_day * a_mine[m] * e_mine[m];
  }
  double replaced = lost_t > 0.0 ? std::min(1.0, spare_t / lost_t) : 0.0;
  // 5. Refiner output: capacity x own availability, or the feed it still receives.
  TierDay out;
  out.lost_feed_t_per_day = lost_t;
  out.replaced_fraction = replaced;
  double refined = 0.0, refined_lost = 0.0;
  double split_output = 0.0, split_available = 0.0, split_lost = 0.0, split_reach = 1.0;
  for (std::size_t r = 0; r < tiers.refiners.size(); ++r) {
    const WorldRefiner& refiner = tiers.refiners[r];
    double a = availability(network, events, day, [&](const Hit& hit) {
      return hit.kind == Hit::Kind::foreign_refiner && hit.country == refiner.country;
    });
    double e = availability(network, events, day, [&](const Hit& hit) {
      return cuts_exports(hit, refiner.country, Hit::Stage::refine);
    });
    double by_capacity = refiner.capacity_t_per_day / refiner.output_t_per_day * a;
    double by_feed = 1.0 - feed_loss[r] * (1.0 - replaced);
    double f = std::min(by_capacity, by_feed);
    out.capacity_binds = out.capacity_binds || by_capacity < std::min(1.0, by_feed);
    out.refiner_output_fraction.push_back(f);
    refined += refiner.output_t_per_day;
    refined_lost += refiner.output_t_per_day * (1.0 - f * e);
    if (refiner.country == tiers.split_country) {
      split_output += refiner.output_t_per_day;
      split_available += refiner.output_t_per_day * f;
      split_lost += refiner.output_t_per_day * (1.0 - f * e);
      split_reach = e;
    }
  }
  // 7. World shortfall: an ore export ban leaves world mine output as it is.
  double mined = 0.0, mined_lost = 0.0;
  for (std::size_t m = 0; m < tiers.mines.size(); ++m) {
    mined += tiers.mines[m].output_t_per_day;
    mined_lost += tiers.mines[m].output_t_per_day * (1.0 - a_mine[m]);
  }
  double mine_share_lost = mined > 0.0 ? mined_lost / mined : 0.0;
  double refined_share_lost = refined > 0.0 ? refined_lost / refined : 0.0;
  out.world_shortfall = std::clamp(std::max(mine_share_lost, refined_share_lost), 0.0, 1.0);
  // The split: the country ships s x reach of what it makes (A) abroad and keeps the rest for
  // its buyers (use H = (1 - s) O); the outside (use W - H) loses the world's loss less the
  // country's own, plus its withheld exports.
  if (!tiers.split_country.empty() && split_reach < 1.0 && split_output > 0.0) {
    const double s = tiers.split_export_share;
    const double home = (1.0 - s) * split_output;
    const double outside_lost =
        refined_lost - split_lost + s * split_output - split_reach * s * split_available;
    out.split = true;
    out.outside_shortfall =
        std::clamp(std::max(mine_share_lost, outside_lost / (refined - home)), 0.0, 1.0);
    out.domestic_shortfall = 1.0 - split_available * (1.0 - split_reach * s) / home;
  }
  return out;
}

}  // namespace mineflow::reference
