#pragma once
// `mineflow criticality` results: nodes ranked by the focal economy's expected unmet demand
// when each fails alone, as a table for people, CSV or JSON for programs.

#include <string>

#include "sim/sweep/criticality.h"
#include "tools/io/run_report.h"

namespace mineflow::io {

struct CriticalityHeader {
  RunHeader run;
  CriticalityOptions failure;
  std::string network_basis;  // graph/network.h NetworkBasis::describe()
};

// The run's notes (header.run.notes, tools/io/limit_notes.h) as `run` says them: `note:` lines in
// the table, `notes` in the JSON; in the CSV, one row per node, a last column `notes` (notes_cell,
// the same on every row; empty without notes), as `stockpile --all`'s.
std::string criticality_table(const CriticalityHeader& header, const CriticalityResult& result);
std::string criticality_csv(const CriticalityHeader& header, const CriticalityResult& result);
std::string criticality_json(const CriticalityHeader& header, const CriticalityResult& result);

}  // namespace mineflow::io
