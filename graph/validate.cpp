#include "graph/validate.h"

#include <cmath>
#include <set>

#include "graph/number_format.h"

namespace mineflow {

void validate_breakdown(Breakdown& breakdown, const CountryTable& countries) {
  const std::string field = breakdown.id;
  if (!std::isfinite(breakdown.total_t) || breakdown.total_t <= 0.0) {
    throw InputError(breakdown.where, field + ".total", format_number(breakdown.total_t),
                     "a positive finite number of tonnes");
  }
  if (breakdown.shares.empty()) {
    throw InputError(breakdown.where, field + ".shares_pct", "an empty list",
                     "at least one country share");
  }
  std::set<std::string> seen;
  double sum = 0.0;
  for (std::size_t i = 0; i < breakdown.shares.size(); ++i) {
    const CountryShare& entry = breakdown.shares[i];
    const std::string entry_field = field + ".shares_pct[" + std::to_string(i) + "]";
    if (entry.country != kOtherCountry && !countries.contains(entry.country)) {
      throw InputError(entry.where, entry_field + ".country", entry.country,
                       "an ISO 3166-1 alpha-3 code listed in countries.yaml, or OTH");
    }
    if (!seen.insert(entry.country).second) {
      throw InputError(entry.where, entry_field + ".country", entry.country,
                       "each country once per list (duplicate entry)");
    }
    if (!std::isfinite(entry.share) || entry.share < 0.0 || entry.share > 1.0) {
      throw InputError(entry.where, entry_field + ".pct", format_number(entry.share * 100.0),
                       "a percentage in [0, 100]");
    }
    sum += entry.share;
  }
  if (breakdown.normalise_shares) {
    if (sum <= 0.0) {
      throw InputError(breakdown.where, field + ".shares_pct", "shares summing to 0",
                       "a positive sum to normalise");
    }
    for (CountryShare& entry : breakdown.shares) entry.share /= sum;
  } else if (std::abs(sum * 100.0 - 100.0) > kShareSumTolerancePct + 1e-9) {
    throw InputError(breakdown.where, field + ".shares_pct",
                     "shares summing to " + format_fixed(sum * 100.0, 2) + "%",
                     "100% within " + format_number(kShareSumTolerancePct) +
                         " percentage point (or `normalise: true`)");
  }
}

void validate_mineral(MineralData& data, const CountryTable& countries) {
  if (!countries.contains(data.focal_economy)) {
    throw InputError(SourceRef{data.file, 0, 0}, "focal_economy", data.focal_economy,
                     "an ISO 3166-1 alpha-3 code listed in countries.yaml");
  }
  validate_breakdown(data.reserves, countries);
  validate_breakdown(data.mine_production, countries);
  for (Breakdown& block : data.mine_production_wmd) validate_breakdown(block, countries);
  if (data.concentrate_imports) validate_breakdown(*data.concentrate_imports, countries);
  if (data.refined_imports) validate_breakdown(*data.refined_imports, countries);
  for (Breakdown& block : data.other_flows) validate_breakdown(block, countries);
  if (data.network) {
    data.network->refining.where.file = data.network->file;
    validate_breakdown(data.network->refining, countries);
  }
  std::set<std::pair<std::string, Stage>> capacity_seen;
  for (std::size_t i = 0; i < data.capacities.size(); ++i) {
    const StageCapacity& capacity = data.capacities[i];
    const std::string field = "capacities[" + std::to_string(i) + "]";
    if (!countries.contains(capacity.country)) {
      throw InputError(capacity.where, field + ".country", capacity.country,
                       "an ISO 3166-1 alpha-3 code listed in countries.yaml");
    }
    if (!capacity_seen.insert({capacity.country, capacity.stage}).second) {
      throw InputError(capacity.where, field + ".country", capacity.country,
                       "one capacity per country and stage (duplicate entry)");
    }
  }
  auto figure_value = [](const std::optional<SecondaryFigure>& figure) {
    return figure ? figure->value : std::nullopt;
  };
  for (const std::optional<double>& share :
       {data.secondary.value, data.secondary.proxy, figure_value(data.secondary.end_of_life),
        figure_value(data.secondary.recycled_content)}) {
    if (share && (!std::isfinite(*share) || *share < 0.0 || *share >= 1.0)) {
      throw InputError(data.secondary.where, "secondary_share.value", format_number(*share),
                       "a fraction in [0, 1) or `unknown`");
    }
  }
}

void validate_graph(const SupplyGraph& graph, const std::string& file) {
  if (auto cycle = graph.find_cycle_outside_recycling()) {
    std::string path;
    for (NodeId node : *cycle) path += (path.empty() ? "" : " -> ") + graph.label(node);
    throw InputError(SourceRef{file, 0, 0}, "flows", path,
                     "no cycle outside the recycling loop (demand -> in_use -> end_of_life -> "
                     "recycle)");
  }
}

}  // namespace mineflow
