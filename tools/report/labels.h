#pragma once
// Report wording in English (default) or Japanese. Japanese indicator and stage names are the
// ones the seed strategy deck uses (docs/indicators.md).

#include <optional>
#include <string>
#include <string_view>

#include "graph/indicators.h"
#include "graph/rating.h"

namespace mineflow::report {

enum class Lang { en, ja };

std::optional<Lang> parse_lang(std::string_view text);
std::string_view to_string(Lang lang);  // "en", "ja" (the HTML lang attribute)

std::string indicator_label(IndicatorId id, Lang lang);
// English: High / Mid / Low / N/A as the seed writes them; Japanese: 高 / 中 / 低 / N/A.
std::string rating_label(Rating rating, Lang lang = Lang::en);
// The seed's names for known mineral ids; `fallback` (the data file's name) otherwise.
std::string mineral_label(std::string_view id, std::string_view fallback, Lang lang);

// Columns of the material-flow Sankey, upstream to downstream.
enum class FlowStage { mine, refine, focal_imports, demand, in_use, end_of_life, recycling };
inline constexpr FlowStage kFlowStages[] = {
    FlowStage::mine,   FlowStage::refine,      FlowStage::focal_imports, FlowStage::demand,
    FlowStage::in_use, FlowStage::end_of_life, FlowStage::recycling};
std::string stage_label(FlowStage stage, Lang lang);

// Fixed phrases of the report (headings, legends, captions), looked up by key; an unknown key is
// returned as is so a missing translation shows up as English text, never as a blank.
// A policy id of a scenario file in words: "stockpile_60_recycling_mfa_2035" -> "60-day stockpile
// + recycling (stock-flow model, 2035)" / "備蓄 60 日＋リサイクル（ストック・フローモデル、2035
// 年）"; parts it does not know are kept with spaces for underscores.
std::string policy_label(std::string_view id, Lang lang);
std::string phrase(std::string_view key, Lang lang);

}  // namespace mineflow::report
