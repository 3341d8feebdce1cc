#include "tools/report/vintage_section.h"

#include <string>

namespace mineflow::report {
namespace {

std::string indicator_text(const io::VintageChange& change, Lang lang) {
  if (change.indicator == "look_through_refined_import_stability") {
    return phrase("look_through_row", lang);
  }
  return indicator_label(change.latest.id, lang);
}

std::string value_text(const IndicatorValue& value, Lang lang) {
  if (!value.value) return "N/A";
  return io::format_indicator_value(value) + " " + rating_label(value.rating, lang);
}

}  // namespace

HtmlSection vintage_section(const std::vector<io::VintageChange>& changes, Lang lang) {
  HtmlSection section;
  section.id = "vintages";
  section.heading = phrase("vintage_section", lang);
  section.paragraphs.push_back(phrase("vintage_intro", lang));
  if (changes.empty()) {
    section.paragraphs.push_back(phrase("vintage_none", lang));
    return section;
  }
  section.table.push_back({phrase("mineral", lang), phrase("heat_corner", lang),
                           phrase("vintage_seed", lang), phrase("vintage_latest", lang)});
  for (const io::VintageChange& change : changes) {
    const std::string mineral = mineral_label(change.mineral, change.name, lang);
    const std::string indicator = indicator_text(change, lang);
    section.table.push_back(
        {mineral, indicator, value_text(change.seed, lang), value_text(change.latest, lang)});
    section.facts.emplace_back(mineral + ", " + indicator,
                               phrase("vintage_seed", lang) + ": " + change.seed.basis + " / " +
                                   phrase("vintage_latest", lang) + ": " + change.latest.basis);
  }
  return section;
}

}  // namespace mineflow::report
