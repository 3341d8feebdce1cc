#include <cmath>

#include "tests/reference/random_case.h"

namespace mineflow::reference {
namespace {

// 2-5 points on whole days from the onset, strictly increasing; severities in [0, 1], often
// starting or ending at 0 (a build-up, a recovery), sometimes at 1.
Shape random_profile(CaseRandom& r) {
  Shape shape;
  shape.kind = Shape::Kind::profile;
  int day = r.chance(0.5) ? 0 : r.integer(0, 15);
  int points = r.integer(2, 5);
  for (int i = 0; i < points; ++i) {
    double severity = r.chance(0.2) ? 1.0 : r.uniform(0.0, 1.0);
    if ((i == 0 || i + 1 == points) && r.chance(0.4)) severity = 0.0;
    shape.profile.push_back({day, severity});
    day += r.integer(1, 60);
  }
  return shape;
}

}  // namespace

void add_random_shapes(std::uint64_t seed, Case& c) {
  CaseRandom r(seed * 0xD1B54A32D192ED03ULL + 0x5EA9E5ULL);
  for (Event& event : c.events) {
    for (Hit& hit : event.hits) {
      double u = r.uniform(0.0, 1.0);
      if (u < 0.4) {
        hit.shape.kind = Shape::Kind::linear;
        hit.shape.recovery_days = r.integer(1, 150);
      } else if (u < 0.6) {
        hit.shape = random_profile(r);
      }
      if (hit.shape.kind != Shape::Kind::profile && r.chance(0.25)) {
        hit.cap_fraction = r.uniform(0.0, 1.2);  // above 1 / utilisation: the cap does not bite
        if (r.chance(0.5)) hit.cap_utilisation = r.uniform(0.5, 1.0);
      }
    }
  }
}

// Export restrictions scoped by destination, and licences, from a stream of their own (so the
// shapes and everything before stay as they were): a third of the export restrictions reach
// only some buyers (the focal economy alone, other buyers alone for a share of world imports,
// or both), and one event in eight with no cap or profile is licensed (half of them on a part
// of the target only, as a background policy event on one piece of a node).
void add_random_restrictions(std::uint64_t seed, Case& c) {
  CaseRandom r(seed * 0x2545F4914F6CDD1DULL + 0xDE57ULL);
  for (Event& event : c.events) {
    bool plain = true;
    for (Hit& hit : event.hits) {
      plain = plain && hit.cap_fraction < 0.0 && hit.shape.kind != Shape::Kind::profile;
      if (hit.kind != Hit::Kind::exports_of || !r.chance(1.0 / 3.0)) continue;
      int scope = r.integer(0, 2);
      hit.restricts_focal = scope != 1;
      hit.world_share = scope == 0 ? 0.0 : r.uniform(0.05, 1.0);
    }
    if (plain && r.chance(0.125)) {
      event.licence_delay_days = r.integer(0, 60);
      event.licence_approval_share = r.chance(0.2) ? 0.0 : r.uniform(0.0, 1.0);
      event.licence_scale = r.chance(0.5) ? 1.0 : r.uniform(0.05, 1.0);
    }
  }
}

Case random_shaped_case(std::uint64_t seed) {
  Case c = random_case(seed);
  add_random_shapes(seed, c);
  add_random_restrictions(seed, c);
  return c;
}

Case random_shaped_tier_case(std::uint64_t seed) {
  Case c = random_tier_case(seed);
  add_random_shapes(seed, c);
  add_random_restrictions(seed, c);
  return c;
}

// Clearing cases (docs/market.md): the shaped multi-tier cases under a clearing market with
// small world stocks (mostly 1-5 days of world use, so that losses above what the cap can price
// out exhaust them), plus, from a stream of their own, large node outages at the biggest mine or
// refiner (often total, often with a linear recovery: ramps of the world shortfall through the
// daily means) and export restrictions on every destination under a licence regime (the focal
// streams physical only during the delay), some aimed at the focal economy alone.
Case random_clearing_case(std::uint64_t seed) {
  Case c = random_shaped_tier_case(seed);
  CaseRandom r(seed * 0x94D049BB133111EBULL + 0xC1EAULL);
  c.market.clearing = true;
  c.market.world_inventory_days = r.chance(0.75) ? r.uniform(1.0, 5.0) : r.uniform(5.0, 60.0);
  if (r.chance(0.5)) c.market.world_inventory_days = std::round(c.market.world_inventory_days);
  const Tiers& tiers = c.network.tiers;
  auto biggest = [](const auto& nodes) {
    std::size_t best = 0;
    for (std::size_t i = 1; i < nodes.size(); ++i) {
      if (nodes[i].output_t_per_day > nodes[best].output_t_per_day) best = i;
    }
    return nodes[best].country;
  };
  auto start_in = [&](int from) { return r.integer(from, std::max(from, c.horizon_days * 2 / 3)); };
  if (r.chance(0.7)) {  // a large outage in the tiers
    Event event;
    event.start_day = start_in(0);
    event.duration_days = r.integer(1, 90);
    Hit hit;
    const bool mine = r.chance(0.5);
    hit.kind = mine ? Hit::Kind::foreign_mine : Hit::Kind::foreign_refiner;
    hit.country = mine ? biggest(tiers.mines) : biggest(tiers.refiners);
    hit.severity = r.chance(0.5) ? 1.0 : r.uniform(0.5, 1.0);
    if (r.chance(0.5)) {
      hit.shape.kind = Shape::Kind::linear;
      hit.shape.recovery_days = r.integer(1, 60);
    }
    event.hits.push_back(hit);
    c.events.push_back(event);
  }
  if (r.chance(0.5)) {  // an export restriction under a licence regime
    Event event;
    event.start_day = start_in(0);
    event.duration_days = r.integer(1, 150);
    Hit hit;
    hit.kind = Hit::Kind::exports_of;
    hit.country = r.chance(0.6) ? biggest(tiers.refiners) : biggest(tiers.mines);
    hit.export_stage = static_cast<Hit::Stage>(r.integer(0, 2));
    hit.severity = 1.0;
    if (r.chance(0.25)) {  // aimed at the focal economy and some other buyers only
      hit.world_share = r.chance(0.3) ? 0.0 : r.uniform(0.05, 0.95);
    }
    if (r.chance(0.8)) {
      event.licence_delay_days = r.integer(0, 45);
      event.licence_approval_share = r.chance(0.2) ? 0.0 : r.uniform(0.0, 1.0);
      event.licence_scale = r.chance(0.7) ? 1.0 : r.uniform(0.3, 1.0);
    }
    event.hits.push_back(hit);
    c.events.push_back(event);
  }
  // The market's response (docs/market.md, "Supply and demand response"), from a stream of its
  // own so the cases above stay as they were: idle capacity in half the cases, the longer-run
  // substitution and new supply in half, fast enough to matter within a few days' stocks.
  // The split market (docs/market.md, "Buyer groups and the split price"), from a stream of its
  // own: in half the cases the largest refiner's exports are in the data, and where no event
  // restricts them yet, a restriction on every destination (no licence) does.
  CaseRandom sp(seed * 0xD6E8FEB86659FD93ULL + 0x5B1EULL);
  if (sp.chance(0.5) && !c.network.tiers.refiners.empty()) {
    Tiers& t = c.network.tiers;
    t.split_country = biggest(t.refiners);
    t.split_export_share = sp.uniform(0.1, 0.9);
    c.market.domestic_price_floor = sp.chance(0.3) ? 1.0 : sp.uniform(0.3, 1.0);
    bool restricted = false;
    for (const Event& ev : c.events) {
      for (const Hit& hit : ev.hits) {
        restricted =
            restricted || (hit.kind == Hit::Kind::exports_of && hit.country == t.split_country &&
                           hit.export_stage != Hit::Stage::mine && hit.world_share > 0.0);
      }
    }
    if (!restricted || sp.chance(0.3)) {
      Event event;
      event.start_day = sp.integer(0, std::max(0, c.horizon_days * 2 / 3));
      event.duration_days = sp.integer(1, 150);
      Hit hit;
      hit.kind = Hit::Kind::exports_of;
      hit.country = t.split_country;
      hit.export_stage = sp.chance(0.5) ? Hit::Stage::refine : Hit::Stage::any;
      hit.severity = sp.chance(0.5) ? 1.0 : sp.uniform(0.2, 1.0);
      if (sp.chance(0.3)) {
        hit.shape.kind = Shape::Kind::linear;
        hit.shape.recovery_days = sp.integer(1, 60);
      }
      event.hits.push_back(hit);
      c.events.push_back(event);
    }
  }
  CaseRandom g(seed * 0xBF58476D1CE4E5B9ULL + 0x1D1EULL);
  if (g.chance(0.5)) {
    c.market.idle_share = g.uniform(0.02, 0.5);
    c.market.idle_days = g.chance(0.3) ? 1.0 : std::round(g.uniform(1.0, 120.0));
  }
  if (g.chance(0.5)) {
    c.market.substitution_per_yr = g.uniform(0.0, 5.0);
    c.market.substitution_cap = g.uniform(0.0, 0.3);
    c.market.new_supply_per_yr = g.uniform(0.0, 5.0);
    c.market.new_supply_cap = g.uniform(0.0, 0.3);
  }
  // The stockpile's release price (docs/market.md, "Release price"), from a stream of its own:
  // a third each of market, pre_crisis and a discount (sometimes its ends, 0 and 1).
  CaseRandom p(seed * 0x94D049BB133111EBULL + 0x2E1EA5EULL);
  const int setting = p.integer(0, 2);
  c.stocks.release_price = static_cast<ReleasePrice>(setting);
  if (c.stocks.release_price == ReleasePrice::discount) {
    const double end = p.chance(0.5) ? 0.0 : 1.0;
    c.stocks.release_discount = p.chance(0.1) ? end : p.uniform(0.0, 1.0);
  }
  // The re-sourcing lead time (docs/market.md, "Re-sourcing lead time"), from a stream of its
  // own: in half the cases, up to 90 days (longer than many events, shorter than others).
  CaseRandom lead(seed * 0xD1B54A32D192ED03ULL + 0x7E5011ULL);
  if (lead.chance(0.5)) c.market.resourcing_days = lead.integer(1, 90);
  return c;
}

}  // namespace mineflow::reference
