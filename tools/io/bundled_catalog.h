#pragma once
// What a data folder bundles, for `mineflow list`: each mineral, disruption scenario and
// stock-flow model with a one-line description taken from the file's own fields.

#include <string>
#include <vector>

#include "graph/mineral_data.h"

namespace mineflow::io {

enum class CatalogKind { mineral, event_scenario, background_scenario, mfa_model };

struct CatalogEntry {
  CatalogKind kind = CatalogKind::mineral;
  std::string name;         // the file stem: what commands accept in place of the file
  std::string description;  // one line: the file's `name:` (plus the basis and vintage, minerals)
  std::string file;
};

// Reads DATA/minerals/, DATA/disruptions/ and DATA/mfa/ (a missing folder lists nothing), in that
// order, each sorted by name. A scenario with `events:` is a real event; one with only
// `background_risk:` is background risk. Unreadable files raise InputError as the loaders do.
// A mineral's basis is that of `vintage` (its `vintages.latest.quantity_basis` for latest, where
// the file has one) and its description ends with the vintage whose figures it would be read on.
std::vector<CatalogEntry> read_bundled_catalog(const std::string& data_dir,
                                               DataVintage vintage = DataVintage::latest);

}  // namespace mineflow::io
