#include "tests/reference/reference_case.h"

#include <sstream>

namespace mineflow::reference {
namespace {

const char* name(Flow flow) {
  return flow == Flow::concentrate ? "concentrate" : "refined";
}

const char* name(Hit::Kind kind) {
  switch (kind) {
    case Hit::Kind::foreign_mine:
      return "foreign_mine";
    case Hit::Kind::foreign_refiner:
      return "foreign_refiner";
    case Hit::Kind::focal_smelter:
      return "focal_smelter";
    case Hit::Kind::focal_recycling:
      return "focal_recycling";
    case Hit::Kind::edge:
      return "edge";
    case Hit::Kind::exports_of:
      return "exports_of";
  }
  return "?";
}

}  // namespace

std::string describe(const Case& c) {
  std::ostringstream out;
  out.precision(17);
  const Network& n = c.network;
  if (c.market.clearing) {
    out << "market clearing, world_inventory_days " << c.market.world_inventory_days << "; ";
    if (c.market.resourcing_days > 0) {
      out << "re-sourcing lead time " << c.market.resourcing_days << " days; ";
    }
    if (!c.network.tiers.split_country.empty()) {
      out << "split market: " << c.network.tiers.split_country << " exports "
          << c.network.tiers.split_export_share << " of its refined output, domestic floor "
          << c.market.domestic_price_floor << "; ";
    }
    if (c.market.idle_share > 0.0 || c.market.substitution_cap > 0.0 ||
        c.market.new_supply_cap > 0.0) {
      out << "response: idle " << c.market.idle_share << " over " << c.market.idle_days
          << " d, substitution " << c.market.substitution_per_yr << "/yr to "
          << c.market.substitution_cap << ", new supply " << c.market.new_supply_per_yr << "/yr to "
          << c.market.new_supply_cap << "; ";
    }
  }
  out << "horizon_days " << c.horizon_days << "; lead days concentrate " << n.concentrate_lead_days
      << ", refined " << n.refined_lead_days << "; secondary t/day " << n.secondary_t_per_day
      << "\n";
  for (const Supplier& s : n.suppliers) {
    out << "  supplier " << s.country << " " << name(s.flow) << " t/day " << s.t_per_day
        << " spare t/day " << s.spare_t_per_day << "\n";
  }
  out << "  world mine shares:";
  for (const auto& [country, share] : n.world_mine_shares) out << " " << country << "=" << share;
  out << "\n";
  for (const WorldMine& m : n.tiers.mines) {
    out << "  mine " << m.country << " output " << m.output_t_per_day << " market "
        << m.market_t_per_day << " spare " << m.spare_t_per_day << "\n";
  }
  for (const WorldRefiner& r : n.tiers.refiners) {
    out << "  refiner " << r.country << " output " << r.output_t_per_day << " capacity "
        << r.capacity_t_per_day << " market share " << r.market_share << " links:";
    for (const FeedLink& l : r.links) out << " " << l.mine_country << "=" << l.share;
    out << "\n";
  }
  for (const Event& e : c.events) {
    out << "  event start " << e.start_day << " duration " << e.duration_days;
    if (e.licence_delay_days >= 0) {
      out << " licence delay " << e.licence_delay_days << " approval " << e.licence_approval_share
          << " scale " << e.licence_scale;
    }
    out << ":";
    for (const Hit& h : e.hits) {
      out << " {" << name(h.kind) << " " << h.country << (h.kind == Hit::Kind::edge ? " " : "")
          << (h.kind == Hit::Kind::edge ? name(h.flow) : "")
          << (h.export_stage == Hit::Stage::mine     ? " stage mine"
              : h.export_stage == Hit::Stage::refine ? " stage refine"
                                                     : "")
          << " severity " << h.severity;
      if (h.kind == Hit::Kind::exports_of && (!h.restricts_focal || h.world_share != 1.0)) {
        out << " to" << (h.restricts_focal ? " focal and" : "") << " world share " << h.world_share;
      }
      if (h.cap_fraction >= 0.0) {
        out << " cap " << h.cap_fraction << " x utilisation " << h.cap_utilisation;
      }
      if (h.shape.kind == Shape::Kind::linear) {
        out << " linear recovery " << h.shape.recovery_days << " days";
      }
      if (h.shape.kind == Shape::Kind::profile) {
        out << " profile";
        for (const auto& [day, severity] : h.shape.profile)
          out << " (" << day << ", " << severity << ")";
      }
      out << "}";
    }
    out << "\n";
  }
  const Stocks& s = c.stocks;
  out << "  stocks: cut " << s.substitution_cut << " recycling " << s.recycling_share
      << " stockpile_days " << s.stockpile_days << " release " << s.release_rate_of_demand
      << " delay " << s.decision_delay_days << " refill " << s.refill_rate_of_demand
      << " inventory_days " << s.inventory_days << " inventory_refill "
      << s.inventory_refill_rate_of_demand;
  if (s.release_price == ReleasePrice::pre_crisis) out << " release_price pre_crisis";
  if (s.release_price == ReleasePrice::discount)
    out << " release_price discount " << s.release_discount;
  out << "\n";
  out << "  price: baseline " << c.price.baseline << " elasticity " << c.price.elasticity << " cap "
      << c.price.cap_multiple << "\n";
  return out.str();
}

}  // namespace mineflow::reference
