#pragma once
// Everything the data files say about one mineral, as plain values (no YAML here).

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "graph/breakdown.h"
#include "graph/price_series.h"
#include "graph/secondary_share.h"
#include "graph/stage.h"

namespace mineflow {

// Which figures of a mineral file to read (docs/data-sources.md, "Vintages"): `seed`, the
// strategy deck's figures (the file's top-level blocks, which reproduce the strategy's ratings),
// or `latest`, the newest public figures (the file's `vintages.latest` block, replacing the
// top-level blocks it names; the others are the seed's).
enum class DataVintage { seed, latest };

inline std::string_view to_string(DataVintage vintage) {
  return vintage == DataVintage::seed ? "seed" : "latest";
}

inline std::optional<DataVintage> parse_vintage(std::string_view text) {
  if (text == "seed") return DataVintage::seed;
  if (text == "latest") return DataVintage::latest;
  return std::nullopt;
}

// Known output capacity of one (country, stage); capacity above the baseline flow is spare
// capacity that buyers can reroute to in a disruption.
struct StageCapacity {
  std::string country;
  Stage stage = Stage::refine;
  double t_per_yr = 0.0;
  SourceRef where;
};

// One refiner's feed: shares of its baseline feed by mine country; `kMarketFeed` is the pooled
// world concentrate market (mine output not committed to a named buyer, pro rata).
inline constexpr std::string_view kMarketFeed = "market";

struct FeedShare {
  std::string country;  // a mine-node country, or kMarketFeed
  double share = 0.0;   // fraction of the refiner's feed, 0..1
  SourceRef where;
};

struct RefinerFeed {
  std::string refiner;
  int year = 0;
  std::string basis;  // tonnage | value | assumption
  std::string source;
  bool memory = false;  // a recollection, not checked against its source
  std::string note;
  std::vector<FeedShare> shares;
  SourceRef where;
};

// The world tiers behind the focal economy's imports (docs/network.md): refining output by
// country (shares of world refined output, applied to the world mine total: contained metal in
// = out) and each refiner's feed mix. Refiners without a feed mix buy from the market.
struct NetworkData {
  Breakdown refining;            // shares only; total_t is set to the world mine total when built
  std::string refining_basis;    // tonnage | value
  bool refining_memory = false;  // the refining shares are recollections (`memory: true`)
  std::string stage_note;        // what "refining" means for this mineral
  std::vector<RefinerFeed> feeds;
  std::vector<StageCapacity> capacities;  // total output capacity of mine / refine nodes
  // A refining country's baseline exports, a share of its refined output (`exports_pct` on its
  // refining row): what an export restriction withholds; the rest is its domestic buyers' use
  // (docs/market.md, "Split price under an export restriction").
  std::vector<CountryShare> refined_exports;
  std::string file;
};

// The focal economy's own output of a traded stage (t/year), the GeoPolRisk denominator's
// second term; nullopt t: unknown.
struct DomesticProduction {
  std::optional<double> t;
  std::string year;
  std::string source;
  SourceRef where;
};

// The focal economy's domestic consumption (t/year, the mineral's quantity basis), the demand the
// simulations cover and the base of every stockpile day: the strategy's standard consumption (the
// average of recent years where a series exists, else the latest year).
struct Consumption {
  double t = 0.0;
  std::string year;          // "FY2019", "2018, 2020, 2022, 2024 (average)"
  std::string basis;         // reported | average | judged
  std::string source;        // full citation
  std::string source_short;  // for printed bases ("JMIA")
  bool memory = false;       // a recollection, not re-read in its source
  SourceRef where;
};

// "domestic consumption, <year(s)>, <source short>": the basis printed with demand and days.
inline std::string consumption_basis(const Consumption& c) {
  std::string out = "domestic consumption, " + c.year + ", " + c.source_short;
  if (c.basis == "judged") out += " (judged)";
  return out;
}

struct MineralData {
  std::string id;    // rare_earths, lithium, ...
  std::string name;  // for people
  std::string focal_economy = "JPN";
  std::string quantity_basis;  // what one tonne counts ("t Co contained", "t REO")
  Breakdown reserves;
  Breakdown mine_production;                     // the seed's figures
  std::vector<Breakdown> mine_production_wmd;    // World Mining Data, one per year
  std::optional<Breakdown> concentrate_imports;  // nullopt: the focal economy imports none
  std::optional<Breakdown> refined_imports;
  std::optional<DomesticProduction> domestic_concentrate;  // absent: unknown
  std::optional<DomesticProduction> domestic_refined;
  std::optional<Consumption> consumption;  // nullopt: demand is the graph's receipts
  std::vector<Breakdown> other_flows;
  std::vector<StageCapacity> capacities;
  SecondaryShare secondary;
  std::optional<NetworkData> network;  // nullopt: one tier (foreign refiners have no inputs)
  std::vector<PriceSeries> prices;
  std::map<std::string, std::string>
      seed_ratings;  // indicator id -> High/Mid/Low, as the seed states
  std::string file;  // where it was read from
  // The vintage whose figures these are: `latest` only when latest was asked for and the file has
  // a `vintages.latest` block; `latest_blocks` names the blocks that block replaced (the rest are
  // the seed's).
  DataVintage vintage = DataVintage::seed;
  std::vector<std::string> latest_blocks;
  // Latest blocks a simulation does not read, so the seed's stand (io::load_mineral_for_simulation:
  // import blocks of partial scope), e.g. "imports.refined".
  std::vector<std::string> seed_blocks_kept{};
};

// The blocks a simulation kept from the seed, as outputs name them: "imports.refined", "" for none.
inline std::string seed_blocks_text(const MineralData& data) {
  std::string out;
  for (const std::string& block : data.seed_blocks_kept) out += (out.empty() ? "" : ", ") + block;
  return out;
}

// The basis of the focal economy's demand: its consumption's, or, without a consumption figure,
// what the graph delivers to it.
inline std::string demand_basis(const MineralData& data) {
  return data.consumption ? consumption_basis(*data.consumption)
                          : "receipts: domestic refining, refined imports and secondary supply "
                            "(no consumption figure)";
}

}  // namespace mineflow
