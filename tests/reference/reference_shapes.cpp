#include "tests/reference/reference_shapes.h"

#include <algorithm>

namespace mineflow::reference {
namespace {

// One linear piece of a severity path: s_from at `from` to s_to at `to`, days from the onset.
struct Piece {
  int from = 0;
  int to = 0;
  double s_from = 0.0;
  double s_to = 0.0;
  double at(double t) const {  // t in [from, to]
    return s_from == s_to ? s_from : s_from + (s_to - s_from) * (t - from) / (to - from);
  }
};

std::vector<Piece> pieces(const Event& event, const Hit& hit) {
  std::vector<Piece> out;
  double s = hit.effective_severity();
  int full_from = 0;
  if (event.licence_delay_days >= 0) {  // nothing licensed, then the approved share flows
    full_from = std::min(event.licence_delay_days, event.duration_days);
    out.push_back({0, full_from, event.licence_scale, event.licence_scale});
    s = event.licence_scale * (1.0 - event.licence_approval_share);
  }
  switch (hit.shape.kind) {
    case Shape::Kind::step:
      out.push_back({full_from, event.duration_days, s, s});
      break;
    case Shape::Kind::linear:
      out.push_back({full_from, event.duration_days, s, s});
      out.push_back({event.duration_days, event.duration_days + hit.shape.recovery_days, s, 0.0});
      break;
    case Shape::Kind::profile:
      for (std::size_t i = 0; i + 1 < hit.shape.profile.size(); ++i) {
        const auto& [day_a, s_a] = hit.shape.profile[i];
        const auto& [day_b, s_b] = hit.shape.profile[i + 1];
        out.push_back({day_a, day_b, s_a, s_b});
      }
      break;
  }
  std::erase_if(out, [](const Piece& p) { return p.to <= p.from; });
  return out;
}

bool supplies(const Network& network, const std::string& country, Flow flow) {
  for (const Supplier& s : network.suppliers) {
    if (s.country == country && s.flow == flow) return true;
  }
  return false;
}

bool mines_in(const Network& network, const std::string& country) {
  for (const auto& [name, share] : network.world_mine_shares) {
    if (name == country) return true;
  }
  for (const WorldMine& m : network.tiers.mines) {
    if (m.country == country) return true;
  }
  return false;
}

// The lead times a hit is seen with, only where it reaches something the engine certainly
// cuts its segments for (a knot the engine lacks would hide its chord across it): the focal
// economy's own nodes at once, a concentrate stream on the concentrate clock, the world tiers
// and refined streams on the refined clock.
std::vector<int> leads_of(const Network& network, const Hit& hit) {
  const int concentrate = network.concentrate_lead_days;
  const int refined = network.refined_lead_days;
  const std::string& x = hit.country;
  std::vector<int> leads;
  switch (hit.kind) {
    case Hit::Kind::focal_smelter:
    case Hit::Kind::focal_recycling:
      leads.push_back(0);
      break;
    case Hit::Kind::edge:
      if (supplies(network, x, hit.flow)) {
        leads.push_back(hit.flow == Flow::concentrate ? concentrate : refined);
      }
      break;
    case Hit::Kind::foreign_refiner:
      if (supplies(network, x, Flow::refined) || refines_in(network, x)) leads.push_back(refined);
      break;
    case Hit::Kind::foreign_mine:
      if (supplies(network, x, Flow::concentrate)) leads.push_back(concentrate);
      if (mines_in(network, x)) leads.push_back(refined);
      break;
    case Hit::Kind::exports_of: {
      bool mine_stage = hit.export_stage != Hit::Stage::refine;
      bool refine_stage = hit.export_stage != Hit::Stage::mine;
      bool focal = hit.restricts_focal;
      bool world = hit.world_share > 0.0;
      if (focal && mine_stage && supplies(network, x, Flow::concentrate)) {
        leads.push_back(concentrate);
      }
      if ((refine_stage &&
           ((focal && supplies(network, x, Flow::refined)) || (world && refines_in(network, x)))) ||
          (world && mine_stage && network.tiers.present && mines_in(network, x))) {
        leads.push_back(refined);
      }
      break;
    }
  }
  return leads;
}

}  // namespace

bool refines_in(const Network& network, const std::string& country) {
  for (const WorldRefiner& r : network.tiers.refiners) {
    if (r.country == country) return true;
  }
  return false;
}

double Hit::effective_severity() const {
  if (cap_fraction < 0.0) return severity;
  return 1.0 - std::min(1.0, cap_fraction * cap_utilisation);
}

double severity(const Event& event, const Hit& hit, int lead_days, When when, int physical_days) {
  const int onset = event.start_day + lead_days;
  double total = 0.0;
  for (Piece p : pieces(event, hit)) {
    if (physical_days >= 0) {  // the piece's part inside the first physical_days
      if (p.from >= physical_days) continue;
      if (p.to > physical_days) p = {p.from, physical_days, p.s_from, p.at(physical_days)};
    }
    const double a = onset + p.from;
    const double b = onset + p.to;
    switch (when.kind) {
      case When::Kind::mean: {
        // Exact area of the piece's part inside [t, t + width): a linear piece's mean over an
        // interval is its value at the interval's middle.
        const double lo = std::max(a, when.t);
        const double hi = std::min(b, when.t + when.width);
        if (hi > lo) total += p.at(0.5 * (lo + hi) - onset) * (hi - lo) / when.width;
        break;
      }
      case When::Kind::after:
        if (a <= when.t && when.t < b) total += p.at(when.t - onset);
        break;
      case When::Kind::before:
        if (a < when.t && when.t <= b) total += p.at(when.t - onset);
        break;
    }
  }
  return total;  // pieces do not overlap: at most one term for an instant
}

std::vector<int> shape_knots(const Network& network, const std::vector<Event>& events) {
  std::vector<int> knots;
  for (const Event& event : events) {
    for (const Hit& hit : event.hits) {
      for (const Piece& p : pieces(event, hit)) {
        for (int lead : leads_of(network, hit)) {
          knots.push_back(event.start_day + lead + p.from);
          knots.push_back(event.start_day + lead + p.to);
        }
      }
    }
  }
  std::sort(knots.begin(), knots.end());
  knots.erase(std::unique(knots.begin(), knots.end()), knots.end());
  return knots;
}

}  // namespace mineflow::reference
