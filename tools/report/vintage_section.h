#pragma once
// The report's comparison of the two data vintages: every rating that differs between the
// strategy's figures (`seed`) and the newest public ones (`latest`), with the figures and bases
// behind both (what `mineflow indicators --compare-vintages` prints).

#include <vector>

#include "tools/io/indicator_report.h"
#include "tools/report/html_page.h"
#include "tools/report/labels.h"

namespace mineflow::report {

// One table row per change (mineral, indicator, seed value and rating, latest value and rating)
// and the bases of both as facts; a sentence when no rating changes.
HtmlSection vintage_section(const std::vector<io::VintageChange>& changes, Lang lang);

}  // namespace mineflow::report
