#include <algorithm>
#include <array>

#include "tests/reference/random_case.h"

namespace mineflow::reference {
namespace {

constexpr std::array<const char*, 8> kCountries{"AUS", "CHL", "CHN", "COD",
                                                "FIN", "IDN", "PHL", "ZAF"};
constexpr double kDaysPerYear = 365.0;

// Up to `count` distinct countries, in draw order.
std::vector<std::string> distinct_countries(CaseRandom& r, int count) {
  std::vector<std::string> out;
  for (int i = 0; i < count; ++i) {
    std::string name = kCountries[static_cast<std::size_t>(r.integer(0, kCountries.size() - 1))];
    if (std::find(out.begin(), out.end(), name) == out.end()) out.push_back(name);
  }
  return out;
}

// Mines: output in whole t/yr, sometimes spare capacity; some ship concentrate to the focal
// economy. `room` is what is left to commit to feed links (the rest goes to the market).
void add_mines(CaseRandom& r, Case& c, std::vector<double>& room) {
  Network& net = c.network;
  for (const std::string& name : distinct_countries(r, r.integer(1, 5))) {
    WorldMine mine;
    mine.country = name;
    mine.output_t_per_day = r.integer(1000, 100000) / kDaysPerYear;
    if (r.chance(0.4)) mine.spare_t_per_day = mine.output_t_per_day * r.uniform(0.0, 1.0);
    double focal = 0.0;
    if (r.chance(0.3)) {
      focal = mine.output_t_per_day * r.uniform(0.01, 0.3);
      Supplier s{name, Flow::concentrate, focal, 0.0};
      if (r.chance(0.4)) s.spare_t_per_day = focal * r.uniform(0.0, 1.0);
      net.suppliers.push_back(s);
    }
    room.push_back(mine.output_t_per_day - focal);
    net.tiers.mines.push_back(mine);
  }
}

// Refiners: shares of the world mine total (contained metal in = out), sometimes spare capacity,
// sometimes a feed mix of named mines with the rest from the market. A link mostly takes at most
// half of what its mine has left uncommitted; now and then (`over`, a stream of its own so the
// other draws stay as they were) more, so that the mine's links must be scaled down to its
// uncommitted output and the rest bought on the market (docs/network.md).
void add_refiners(CaseRandom& r, CaseRandom& over, Case& c, std::vector<double>& room) {
  Network& net = c.network;
  double world = 0.0;
  for (const WorldMine& m : net.tiers.mines) world += m.output_t_per_day;
  std::vector<std::string> names = distinct_countries(r, r.integer(1, 4));
  std::vector<double> weights;
  double total = 0.0;
  for (std::size_t i = 0; i < names.size(); ++i) {
    weights.push_back(r.uniform(0.05, 1.0));
    total += weights.back();
  }
  std::vector<double> committed(room.size(), 0.0);  // stated links, t/day
  for (std::size_t i = 0; i < names.size(); ++i) {
    WorldRefiner refiner;
    refiner.country = names[i];
    refiner.output_t_per_day = world * weights[i] / total;
    refiner.capacity_t_per_day =
        refiner.output_t_per_day * (r.chance(0.5) ? 1.0 : r.uniform(1.0, 1.5));
    double linked = 0.0;
    if (r.chance(0.7)) {
      for (int k = r.integer(1, 3); k > 0; --k) {
        auto m =
            static_cast<std::size_t>(r.integer(0, static_cast<int>(net.tiers.mines.size()) - 1));
        const std::string& mine = net.tiers.mines[m].country;
        bool seen = false;
        for (const FeedLink& l : refiner.links) seen = seen || l.mine_country == mine;
        if (seen) continue;
        double left = std::max(0.0, room[m] - committed[m]);
        double t = std::min(left * r.uniform(0.0, 0.5),
                            refiner.output_t_per_day * (1.0 - linked) * r.uniform(0.0, 0.9));
        if (over.chance(0.1)) {
          t = std::min(room[m] * over.uniform(0.5, 1.5), refiner.output_t_per_day * (1.0 - linked));
        }
        committed[m] += t;
        double share = t / refiner.output_t_per_day;
        refiner.links.push_back({mine, share, share});
        linked += share;
      }
    }
    net.tiers.refiners.push_back(refiner);
    if (r.chance(0.6)) {  // the focal economy buys a part of its output
      Supplier s{refiner.country, Flow::refined, refiner.output_t_per_day * r.uniform(0.05, 0.8),
                 0.0};
      if (r.chance(0.4)) s.spare_t_per_day = s.t_per_day * r.uniform(0.0, 1.0);
      net.suppliers.push_back(s);
    }
  }
  // Links beyond a mine's uncommitted output are scaled down to it (the file's own tolerance:
  // 1e-9); what the scaling takes off a link its refiner buys on the market.
  std::vector<double> scale(room.size(), 1.0);
  for (std::size_t m = 0; m < room.size(); ++m) {
    if (committed[m] > room[m] * (1.0 + 1e-9)) {
      scale[m] = room[m] / committed[m];
      room[m] = 0.0;
    } else {
      room[m] -= committed[m];
    }
  }
  for (WorldRefiner& refiner : net.tiers.refiners) {
    double linked = 0.0;
    for (FeedLink& link : refiner.links) {
      for (std::size_t m = 0; m < room.size(); ++m) {
        if (net.tiers.mines[m].country == link.mine_country) link.share *= scale[m];
      }
      linked += link.share;
    }
    refiner.market_share = 1.0 - linked;
  }
}

Hit random_tier_hit(CaseRandom& r, const Network& net) {
  Hit hit;
  hit.kind = static_cast<Hit::Kind>(r.integer(0, 5));
  if (r.chance(0.15)) {
    hit.country = kCountries[static_cast<std::size_t>(r.integer(0, kCountries.size() - 1))];
  } else if (r.chance(0.5)) {
    hit.country = net.tiers
                      .mines[static_cast<std::size_t>(
                          r.integer(0, static_cast<int>(net.tiers.mines.size()) - 1))]
                      .country;
  } else {
    hit.country = net.tiers
                      .refiners[static_cast<std::size_t>(
                          r.integer(0, static_cast<int>(net.tiers.refiners.size()) - 1))]
                      .country;
  }
  hit.flow = r.chance(0.5) ? Flow::concentrate : Flow::refined;
  hit.export_stage = static_cast<Hit::Stage>(r.integer(0, 2));
  hit.severity = r.chance(0.4) ? 1.0 : r.uniform(0.0, 1.0);
  return hit;
}

}  // namespace

Case random_tier_case(std::uint64_t seed) {
  CaseRandom r(seed ^ 0x7133D5EEDULL);  // a stream apart from random_case's
  CaseRandom over(seed * 0x9E3779B97F4A7C15ULL + 1);
  Case c;
  Network& net = c.network;
  net.tiers.present = true;
  std::vector<double> room;
  add_mines(r, c, room);
  add_refiners(r, over, c, room);
  // Market sales: what the mines have not committed to the focal economy or to named refiners.
  for (std::size_t m = 0; m < net.tiers.mines.size(); ++m) {
    net.tiers.mines[m].market_t_per_day = room[m];
  }
  if (std::none_of(net.suppliers.begin(), net.suppliers.end(),
                   [](const Supplier& s) { return s.flow == Flow::refined; })) {
    const WorldRefiner& first = net.tiers.refiners.front();
    net.suppliers.push_back({first.country, Flow::refined, first.output_t_per_day * 0.5, 0.0});
  }
  random_supply_events_and_stocks(r, c, 400, random_tier_hit);
  return c;
}

}  // namespace mineflow::reference
