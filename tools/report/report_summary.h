#pragma once
// The report's one-screen summary: per mineral, the headline risk (how many indicators rate
// High, and the one furthest into its risk band), the stockpile days its background-risk sweep
// needs, and the chance of a shortage in its real-event scenario without and with the policy.

#include <vector>

#include "graph/rating.h"
#include "tools/report/html_page.h"
#include "tools/report/labels.h"
#include "tools/report/mineral_report.h"

namespace mineflow::report {

// Section id "summary": a short paragraph and a table, one row per entry.
HtmlSection summary_section(const std::vector<MineralReportEntry>& entries,
                            const RatingThresholds& thresholds, Lang lang);

}  // namespace mineflow::report
