#pragma once
// A total split by country, as the data sources give it ("Japan refined imports 22.1 kt: CHN 62%,
// VNM 16%, ..."). Shares are fractions; the OTH entry is the sources' "other" bucket.

#include <string>
#include <string_view>
#include <vector>

#include "graph/source_ref.h"

namespace mineflow {

inline constexpr std::string_view kOtherCountry = "OTH";

struct CountryShare {
  std::string country;  // ISO 3166-1 alpha-3, or OTH
  double share = 0.0;   // fraction of the total, 0..1
  SourceRef where;
};

struct Breakdown {
  std::string id;        // what this block is ("reserves", "imports.refined", ...)
  double total_t = 0.0;  // tonnes of the file's quantity basis (a stock, or t/year for flows)
  std::string unit;      // the unit the file printed the total in
  int year = 0;
  std::string source;
  bool reading = false;  // the seed's label-to-number pairing is a reading of a scrambled slide
  std::string note;
  bool normalise_shares = false;  // the file opts into scaling shares to sum to 1
  // `scope: partial`: the block covers one product of its stage (one HS code of several), so its
  // partner mix stands for the stage's only as an assumption (docs/data-sources.md, Vintages).
  bool partial_scope = false;
  std::vector<CountryShare> shares;
  SourceRef where;

  // "2018, seed" style tag used in indicator bases.
  std::string describe() const;
};

}  // namespace mineflow
