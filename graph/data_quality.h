#pragma once
// How each figure of a mineral's data stands (docs/data-quality.md): read in its source
// (sourced), computed from sourced figures (derived), a judgement the file marks (judged), or a
// recollection not checked against its source (remembered), counted per file.

#include <array>
#include <cstddef>
#include <string>
#include <vector>

#include "graph/mineral_data.h"

namespace mineflow {

enum class FigureStanding { sourced, derived, judged, remembered };
inline constexpr std::size_t kFigureStandingCount = 4;

std::string_view to_string(FigureStanding standing);

// A share of the network file that carries an `assumption:` reason (the loader keeps the share,
// not the mark): `block` is "refining" or the refiner whose feed it is.
struct JudgedShare {
  std::string block;
  std::string country;
};

struct DataQualityCounts {
  std::array<int, kFigureStandingCount> by_standing{};  // indexed by FigureStanding
  int count(FigureStanding standing) const {
    return by_standing[static_cast<std::size_t>(standing)];
  }
  int total() const;
};

struct MineralDataQuality {
  std::string mineral;
  std::string vintage;  // of the mineral file's figures
  DataQualityCounts mineral_file;
  DataQualityCounts network_file;  // zero when the mineral has no network file
  DataQualityCounts all() const;
};

// Counts the figures of one loaded mineral (its vintage's blocks and its network file):
// - every country share of reserves, mine production, the imports and other flows: sourced, or
//   judged where the block is a `reading` of the seed's slide (the label-to-number pairing);
// - each recycling figure stated (end of life, recycled content, or the single value): sourced
//   for a national figure, derived for national_derived, judged for a world proxy or no flag;
// - every refining share: sourced (tonnage basis) or derived (value basis), judged where the
//   network file marks it with `assumption:`;
// - every feed share: remembered under `memory: true`, else judged under `basis: assumption` or
//   an `assumption:` mark, else derived (value or derived basis) or sourced (tonnage basis).
MineralDataQuality count_data_quality(const MineralData& data,
                                      const std::vector<JudgedShare>& judged_network_shares);

}  // namespace mineflow
