#include "sim/optimise/structural_levers.h"

#include <algorithm>
#include <limits>
#include <vector>

#include "sim/units.h"

namespace mineflow {

std::optional<std::size_t> largest_source(const Model& model) {
  std::optional<std::size_t> out;
  for (std::size_t i = 0; i < model.sources.size(); ++i) {
    const double flow = model.sources[i].baseline_t_per_day;
    if (flow > 0.0 && (!out || flow > model.sources[*out].baseline_t_per_day)) out = i;
  }
  return out;
}

double source_headroom_t_per_day(const Model& model, std::size_t i) {
  const SupplySource& source = model.sources[i];
  if (source.import_class == ImportClass::refined) {
    if (source.refiner == SupplySource::kNone) return 0.0;
    const NetworkRefiner& r = model.refiners[source.refiner];
    return std::max(0.0, r.capacity_t_per_day - r.output_t_per_day);
  }
  double spare = 0.0;
  for (const NetworkMine& mine : model.mines) {
    if (mine.country == source.country) spare += mine.spare_t_per_day;
  }
  return spare;
}

namespace {

// The receiving sources of a move off `from` and their headroom.
std::vector<std::pair<std::size_t, double>> receivers(const Model& model, std::size_t from) {
  std::vector<std::pair<std::size_t, double>> out;
  const SupplySource& x = model.sources[from];
  for (std::size_t i = 0; i < model.sources.size(); ++i) {
    const SupplySource& s = model.sources[i];
    if (i == from || s.import_class != x.import_class || s.country == x.country) continue;
    const double headroom = source_headroom_t_per_day(model, i);
    if (headroom > 0.0) out.emplace_back(i, headroom);
  }
  return out;
}

double total_headroom(const std::vector<std::pair<std::size_t, double>>& to) {
  double sum = 0.0;
  for (const auto& [i, h] : to) sum += h;
  return sum;
}

}  // namespace

double diversifiable_t_per_yr(const Model& model) {
  std::optional<std::size_t> from = largest_source(model);
  if (!from) return 0.0;
  return std::min(model.sources[*from].baseline_t_per_day,
                  total_headroom(receivers(model, *from))) *
         kDaysPerYear;
}

double smelter_addable_t_per_yr(const Model& model) {
  for (const SupplySource& s : model.sources) {
    if (s.import_class == ImportClass::concentrate && s.baseline_t_per_day > 0.0) {
      return std::numeric_limits<double>::infinity();
    }
  }
  return 0.0;
}

Model structural_variant(const Model& base, double diversified_t_per_yr,
                         double smelter_added_t_per_yr) {
  Model out = base;
  out.market_twin = nullptr;  // its supply differs: never share the base's profile
  if (diversified_t_per_yr > 0.0) {
    if (std::optional<std::size_t> from = largest_source(base)) {
      const auto to = receivers(base, *from);
      const double headroom = total_headroom(to);
      const double moved = std::min(
          {diversified_t_per_yr / kDaysPerYear, headroom, base.sources[*from].baseline_t_per_day});
      if (moved > 0.0) {
        out.sources[*from].baseline_t_per_day -= moved;
        for (const auto& [i, h] : to) out.sources[i].baseline_t_per_day += moved * h / headroom;
      }
    }
  }
  if (smelter_added_t_per_yr > 0.0 && smelter_addable_t_per_yr(base) > 0.0) {
    out.smelter_capacity_t_per_day += smelter_added_t_per_yr / kDaysPerYear;
  }
  return out;
}

}  // namespace mineflow
