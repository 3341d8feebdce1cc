#include "graph/data_quality.h"

#include <algorithm>

namespace mineflow {
namespace {

void add(DataQualityCounts& counts, FigureStanding standing, int n = 1) {
  counts.by_standing[static_cast<std::size_t>(standing)] += n;
}

void add_breakdown(DataQualityCounts& counts, const Breakdown& block) {
  add(counts, block.reading ? FigureStanding::judged : FigureStanding::sourced,
      static_cast<int>(block.shares.size()));
}

FigureStanding secondary_standing(const std::optional<SecondaryQuality>& quality) {
  if (!quality) return FigureStanding::judged;
  switch (*quality) {
    case SecondaryQuality::national:
      return FigureStanding::sourced;
    case SecondaryQuality::national_derived:
      return FigureStanding::derived;
    case SecondaryQuality::world_proxy:
      return FigureStanding::judged;
  }
  return FigureStanding::judged;
}

bool is_judged(const std::vector<JudgedShare>& judged, const std::string& block,
               const std::string& country) {
  return std::any_of(judged.begin(), judged.end(), [&](const JudgedShare& j) {
    return j.block == block && j.country == country;
  });
}

// A feed or refining basis: `value` shares stand for tonnage, `derived` shares are computed from
// sourced tonnages by the rule the feed's note states (own ore first where the country's mine
// output covers its refinery output); both are derived, `tonnage` is sourced.
FigureStanding basis_standing(const std::string& basis) {
  return basis == "value" || basis == "derived" ? FigureStanding::derived : FigureStanding::sourced;
}

}  // namespace

std::string_view to_string(FigureStanding standing) {
  switch (standing) {
    case FigureStanding::sourced:
      return "sourced";
    case FigureStanding::derived:
      return "derived";
    case FigureStanding::judged:
      return "judged";
    case FigureStanding::remembered:
      return "remembered";
  }
  return "";
}

int DataQualityCounts::total() const {
  int sum = 0;
  for (int n : by_standing) sum += n;
  return sum;
}

DataQualityCounts MineralDataQuality::all() const {
  DataQualityCounts sum;
  for (std::size_t k = 0; k < kFigureStandingCount; ++k) {
    sum.by_standing[k] = mineral_file.by_standing[k] + network_file.by_standing[k];
  }
  return sum;
}

MineralDataQuality count_data_quality(const MineralData& data,
                                      const std::vector<JudgedShare>& judged_network_shares) {
  MineralDataQuality out;
  out.mineral = data.id;
  out.vintage = std::string(to_string(data.vintage));
  DataQualityCounts& own = out.mineral_file;
  add_breakdown(own, data.reserves);
  add_breakdown(own, data.mine_production);
  if (data.concentrate_imports) add_breakdown(own, *data.concentrate_imports);
  if (data.refined_imports) add_breakdown(own, *data.refined_imports);
  for (const Breakdown& flow : data.other_flows) add_breakdown(own, flow);
  const SecondaryShare& secondary = data.secondary;
  bool any_figure = false;
  for (const auto* figure : {&secondary.end_of_life, &secondary.recycled_content}) {
    if (*figure && (*figure)->value) {
      add(own, secondary_standing((*figure)->quality));
      any_figure = true;
    }
  }
  if (!any_figure && secondary.value) add(own, FigureStanding::judged);
  if (data.consumption) {
    // The demand every stockpile day is counted in (docs/data-sources.md, "Consumption").
    const Consumption& c = *data.consumption;
    add(own, c.memory               ? FigureStanding::remembered
             : c.basis == "judged"  ? FigureStanding::judged
             : c.basis == "average" ? FigureStanding::derived
                                    : FigureStanding::sourced);
  }
  if (!data.network) return out;
  const NetworkData& network = *data.network;
  DataQualityCounts& net = out.network_file;
  for (const CountryShare& share : network.refining.shares) {
    add(net, is_judged(judged_network_shares, "refining", share.country) ? FigureStanding::judged
             : network.refining_memory ? FigureStanding::remembered
                                       : basis_standing(network.refining_basis));
  }
  for (const RefinerFeed& feed : network.feeds) {
    for (const FeedShare& share : feed.shares) {
      if (feed.memory) {
        add(net, FigureStanding::remembered);
      } else if (feed.basis == "assumption" ||
                 is_judged(judged_network_shares, feed.refiner, share.country)) {
        add(net, FigureStanding::judged);
      } else {
        add(net, basis_standing(feed.basis));
      }
    }
  }
  return out;
}

}  // namespace mineflow
