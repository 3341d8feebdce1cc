#pragma once
// Indicator 6's input: the focal economy's secondary (recycled) share of demand, under two
// definitions, each figure with its quality flag. Pure values; docs/indicators.md explains both.

#include <optional>
#include <string>
#include <string_view>

#include "graph/source_ref.h"

namespace mineflow {

// What "secondary" counts. end_of_life: old scrap from end-of-life products recycled at home
// (METI/JOGMEC's "recycling self-sufficiency"); recycled_content: all scrap, old and new
// (process) scrap, in the metal the economy uses.
enum class SecondaryDefinition { end_of_life, recycled_content };

std::string_view to_string(SecondaryDefinition definition);
std::optional<SecondaryDefinition> parse_secondary_definition(std::string_view text);

// How close a figure is to the focal economy's own: published for it (national), computed from
// its published figures (national_derived), or a world or other-region figure (world_proxy).
enum class SecondaryQuality { national, national_derived, world_proxy };

// The flag as files and output write it: for focal economy JPN `japan` / `japan_derived`,
// otherwise `national` / `national_derived`; `world_proxy` for every economy.
std::string quality_token(SecondaryQuality quality, std::string_view focal_economy);
// Inverse of quality_token; nullopt for an unknown token or a `japan*` token with another economy.
std::optional<SecondaryQuality> parse_quality_token(std::string_view text,
                                                    std::string_view focal_economy);

struct SecondaryFigure {
  std::optional<double> value;  // nullopt: "unknown" (indicator 6 N/A, never 0)
  std::optional<SecondaryQuality> quality;
  std::string year;      // as the source gives it ("FY2019", "2010", "c.2000")
  std::string measures;  // what exactly the figure is a share of
  std::string source;    // publication, table, year
  SourceRef where;
};

// Secondary material procured by the focal economy over its demand, 0..1.
struct SecondaryShare {
  std::optional<SecondaryFigure> end_of_life;
  std::optional<SecondaryFigure> recycled_content;
  // A single figure with no definition (older files, test fixtures): used for both definitions
  // where the definition's own figure is absent.
  std::optional<double> value;
  std::optional<double> proxy;  // EU EOL-RIR, used only on request where the figure is unknown
  std::string proxy_source;
  std::string note;
  SourceRef where;
};

// The share one graph is built with.
struct ResolvedSecondary {
  std::optional<double> share;  // nullopt: unknown
  std::optional<SecondaryQuality> quality;
  bool is_proxy = false;  // the EU proxy stands in for an unknown figure
  std::string basis;      // definition, measure, year, source
};

ResolvedSecondary resolve_secondary(const SecondaryShare& secondary, SecondaryDefinition definition,
                                    bool use_proxy);

}  // namespace mineflow
