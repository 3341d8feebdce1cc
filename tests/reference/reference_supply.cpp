#include "tests/reference/reference_supply.h"

#include <algorithm>

#include "tests/reference/reference_shapes.h"
#include "tests/reference/reference_tiers.h"

namespace mineflow::reference {
namespace {

int lead_of(const Network& network, Flow flow) {
  return flow == Flow::concentrate ? network.concentrate_lead_days : network.refined_lead_days;
}

// The fraction of a supplier's capacity available `when`: the product of (1 - severity) over
// every hit on it, each shifted by the shipping lead time. Under clearing only what the price
// cannot reach cuts the stream physically: an edge hit, or an export restriction that names the
// focal economy and leaves some other buyer free (`world_share` below 1), throughout; one on
// every destination only while nothing is licensed (none without a licence) or the focal
// economy has not yet re-sourced (its first `resourcing_days`); node outages at the supplier's
// foreign mines and refiners only until re-sourced (the world shortfall prices them), except a
// refined stream with no refiner behind it in the tiers, which is that refinery: throughout.
double supplier_availability(const Network& network, const Supplier& supplier,
                             const std::vector<Event>& events, When when, bool clearing,
                             int resourcing_days) {
  double available = 1.0;
  for (const Event& event : events) {
    for (const Hit& hit : event.hits) {
      if (hit.country != supplier.country) continue;
      Hit::Stage stage = supplier.flow == Flow::concentrate ? Hit::Stage::mine : Hit::Stage::refine;
      const int lead = lead_of(network, supplier.flow);
      const bool restriction = hit.restricts_focal && cuts_exports(hit, supplier.country, stage);
      if (clearing) {
        const bool edge = hit.kind == Hit::Kind::edge && hit.flow == supplier.flow;
        const bool every_destination = restriction && hit.world_share == 1.0;
        const bool refiner_outage =
            hit.kind == Hit::Kind::foreign_refiner && supplier.flow == Flow::refined;
        const bool has_refiner = refines_in(network, supplier.country);
        const bool supplier_outage =
            (hit.kind == Hit::Kind::foreign_mine && supplier.flow == Flow::concentrate) ||
            (refiner_outage && has_refiner);
        // A refined stream with no refiner behind it is the refinery itself: cut throughout.
        if (edge || (restriction && !every_destination) || (refiner_outage && !has_refiner)) {
          available *= 1.0 - severity(event, hit, lead, when);
        } else if (every_destination) {
          int physical = event.licence_delay_days >= 0
                             ? std::min(event.licence_delay_days, event.duration_days)
                             : 0;
          physical = std::max(physical, resourcing_days);
          if (physical > 0) available *= 1.0 - severity(event, hit, lead, when, physical);
        } else if (supplier_outage && resourcing_days > 0) {
          available *= 1.0 - severity(event, hit, lead, when, resourcing_days);
        }
        continue;
      }
      // With world tiers a refiner's own outage reaches the stream through its output
      // fraction (tier_day), not directly.
      bool refiner_direct = !network.tiers.present;
      bool hits = (hit.kind == Hit::Kind::foreign_mine && supplier.flow == Flow::concentrate) ||
                  (hit.kind == Hit::Kind::foreign_refiner && supplier.flow == Flow::refined &&
                   refiner_direct) ||
                  (hit.kind == Hit::Kind::edge && hit.flow == supplier.flow) || restriction;
      if (hits) available *= 1.0 - severity(event, hit, lead, when);
    }
  }
  return available;
}

// Availability of a focal node (no lead time) or of a country's world slot.
double focal_availability(const std::vector<Event>& events, Hit::Kind kind, When when) {
  double available = 1.0;
  for (const Event& event : events) {
    for (const Hit& hit : event.hits) {
      if (hit.kind == kind) available *= 1.0 - severity(event, hit, 0, when);
    }
  }
  return available;
}

// What a country's mines produce, or what its refiners ship abroad, as the world price sees it:
// on the refined clock (docs/network.md "Timing"). An export ban does not lower world mine
// output (the ore is still mined); it does lower the refined output reaching buyers.
double world_slot_availability(const Network& network, const std::vector<Event>& events,
                               const std::string& country, Hit::Kind stage_kind, When when) {
  double available = 1.0;
  for (const Event& event : events) {
    for (const Hit& hit : event.hits) {
      bool exports = hit.kind == Hit::Kind::exports_of && stage_kind == Hit::Kind::foreign_refiner;
      if (hit.country == country && (hit.kind == stage_kind || exports)) {
        // A restriction on some destinations cuts their share of the world sales.
        double share = exports ? hit.world_share : 1.0;
        available *= 1.0 - share * severity(event, hit, network.refined_lead_days, when);
      }
    }
  }
  return available;
}

// Each supplier delivers baseline x availability (rationing keeps every buyer's fraction); the
// volume lost in a flow goes to the others' available spare capacity, up to what was lost.
// With world tiers a refined supplier also delivers only its refiner's output fraction (every
// buyer of a refiner is rationed pro rata); not under clearing, where the focal economy buys
// what a refiner loses elsewhere at the price.
double flow_supply(const Network& network, const std::vector<Event>& events, Flow flow, When when,
                   const TierDay* tiers, bool clearing, int resourcing_days) {
  double delivered = 0.0;
  double lost = 0.0;
  double spare = 0.0;
  for (const Supplier& supplier : network.suppliers) {
    if (supplier.flow != flow) continue;
    double a = supplier_availability(network, supplier, events, when, clearing, resourcing_days);
    if (tiers != nullptr && flow == Flow::refined && !clearing) {
      for (std::size_t r = 0; r < network.tiers.refiners.size(); ++r) {
        if (network.tiers.refiners[r].country == supplier.country) {
          a *= tiers->refiner_output_fraction[r];
        }
      }
    }
    delivered += supplier.t_per_day * a;
    lost += supplier.t_per_day * (1.0 - a);
    spare += supplier.spare_t_per_day * a;
  }
  return delivered + std::min(lost, spare);
}

}  // namespace

DaySupply focal_supply(const Network& network, const std::vector<Event>& events, When when,
                       bool clearing, int resourcing_days) {
  double smelter_capacity = 0.0;  // the smelter refines what it imports at baseline
  double refined_total = 0.0;
  for (const Supplier& supplier : network.suppliers) {
    (supplier.flow == Flow::concentrate ? smelter_capacity : refined_total) += supplier.t_per_day;
  }
  DaySupply out;
  TierDay tiers;
  if (network.tiers.present) tiers = tier_day(network, events, when);
  const TierDay* tier_state = network.tiers.present ? &tiers : nullptr;
  double concentrate =
      flow_supply(network, events, Flow::concentrate, when, tier_state, clearing, resourcing_days);
  double smelter = smelter_capacity * focal_availability(events, Hit::Kind::focal_smelter, when);
  out.domestic_t_per_day = std::min(concentrate, smelter);
  out.refined_t_per_day =
      flow_supply(network, events, Flow::refined, when, tier_state, clearing, resourcing_days);
  out.recycling_available = focal_availability(events, Hit::Kind::focal_recycling, when);
  if (network.tiers.present) {
    out.partial_replacement = tiers.lost_feed_t_per_day > 0.0 && tiers.replaced_fraction > 0.0 &&
                              tiers.replaced_fraction < 1.0;
    out.world_shortfall = tiers.world_shortfall;
    if (clearing && tiers.split) {
      out.split = true;
      out.world_shortfall = tiers.outside_shortfall;
      out.domestic_shortfall = tiers.domestic_shortfall;
    }
    return out;
  }
  // World shortfall: the larger of the lost mine share and the lost refined share (the focal
  // economy's refined import shares stand in for world refining shares).
  double mine_lost = 0.0;
  for (const auto& [country, share] : network.world_mine_shares) {
    mine_lost += share * (1.0 - world_slot_availability(network, events, country,
                                                        Hit::Kind::foreign_mine, when));
  }
  double refine_lost = 0.0;
  for (const Supplier& supplier : network.suppliers) {
    if (supplier.flow != Flow::refined || refined_total <= 0.0) continue;
    refine_lost += supplier.t_per_day / refined_total *
                   (1.0 - world_slot_availability(network, events, supplier.country,
                                                  Hit::Kind::foreign_refiner, when));
  }
  out.world_shortfall = std::clamp(std::max(mine_lost, refine_lost), 0.0, 1.0);
  return out;
}

std::vector<DaySupply> focal_supply_by_day(const Network& network, const std::vector<Event>& events,
                                           int horizon_days) {
  std::vector<DaySupply> days(static_cast<std::size_t>(horizon_days));
  for (int day = 0; day < horizon_days; ++day) {
    days[static_cast<std::size_t>(day)] =
        focal_supply(network, events, {When::Kind::mean, static_cast<double>(day), 1.0});
  }
  return days;
}

std::vector<DayEnds> focal_supply_ends_by_day(const Network& network,
                                              const std::vector<Event>& events, int horizon_days) {
  std::vector<DayEnds> days(static_cast<std::size_t>(horizon_days));
  for (int day = 0; day < horizon_days; ++day) {
    days[static_cast<std::size_t>(day)] = {
        focal_supply(network, events, {When::Kind::after, static_cast<double>(day), 0.0}),
        focal_supply(network, events, {When::Kind::before, day + 1.0, 0.0})};
  }
  return days;
}

}  // namespace mineflow::reference

namespace mineflow::reference {
namespace {

// The hits whose severity changes within `day` at any lead time it is seen with (a piece's
// ends are whole days, so a severity ramps over a whole day or not at all).
int ramping_hits(const Network& network, const std::vector<Event>& events, int day) {
  int count = 0;
  for (const Event& event : events) {
    for (const Hit& hit : event.hits) {
      bool ramps = false;
      for (int lead : {0, network.concentrate_lead_days, network.refined_lead_days}) {
        double a = severity(event, hit, lead, {When::Kind::after, static_cast<double>(day), 0.0});
        double b = severity(event, hit, lead, {When::Kind::before, day + 1.0, 0.0});
        ramps = ramps || a != b;
      }
      count += ramps ? 1 : 0;
    }
  }
  return count;
}

}  // namespace

std::vector<StepSupply> focal_supply_by_step(const Network& network,
                                             const std::vector<Event>& events, int horizon_days,
                                             int steps_per_day, bool clearing,
                                             int resourcing_days) {
  const double h = 1.0 / steps_per_day;
  std::vector<StepSupply> steps(static_cast<std::size_t>(horizon_days) *
                                static_cast<std::size_t>(steps_per_day));
  for (int day = 0; day < horizon_days; ++day) {
    const int ramping = ramping_hits(network, events, day);
    StepSupply* first =
        &steps[static_cast<std::size_t>(day) * static_cast<std::size_t>(steps_per_day)];
    if (ramping == 0) {
      // Every severity is constant over the day: so is the supply, in every step of it.
      DaySupply s = focal_supply(network, events, {When::Kind::mean, static_cast<double>(day), 1.0},
                                 clearing, resourcing_days);
      for (int j = 0; j < steps_per_day; ++j) first[j] = {s, s, s, false, false};
      continue;
    }
    DaySupply start =
        focal_supply(network, events, {When::Kind::after, static_cast<double>(day), 0.0}, clearing,
                     resourcing_days);
    for (int j = 0; j < steps_per_day; ++j) {
      const double t = day + j * h;
      StepSupply& step = first[j];
      step.start = start;
      step.mean =
          focal_supply(network, events, {When::Kind::mean, t, h}, clearing, resourcing_days);
      step.end = j + 1 < steps_per_day
                     ? focal_supply(network, events, {When::Kind::after, t + h, 0.0}, clearing,
                                    resourcing_days)
                     : focal_supply(network, events, {When::Kind::before, day + 1.0, 0.0}, clearing,
                                    resourcing_days);
      step.ramps = true;
      step.curve = ramping >= 2 || step.start.partial_replacement ||
                   step.mean.partial_replacement || step.end.partial_replacement;
      start = step.end;
    }
  }
  return steps;
}

}  // namespace mineflow::reference
