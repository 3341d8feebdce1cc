#pragma once
// The report's view of `mineflow optimise` (docs/optimise.md): per mineral, the cost-risk
// frontier (cost per year of the cheapest accepted mix against the target's threshold, beside
// the stockpile-only cost), and the section holding the frontiers and a budget's split.

#include <string>
#include <vector>

#include "tools/io/optimise_report.h"
#include "tools/report/html_page.h"
#include "tools/report/labels.h"
#include "tools/report/line_chart.h"

namespace mineflow::report {

// x: the threshold; y: million USD per year; a threshold nothing meets is a gap (NaN).
LineChart frontier_chart(const io::OptimiseReport& report, const std::string& mineral_label,
                         Lang lang);

// mineral,scenario,target,row,stockpile_days,recycling_share,substitution_cut,cost_per_year,
// metric_value,metric_se,meets_target for every frontier point.
std::string frontier_csv(const std::vector<const io::OptimiseReport*>& reports);

// The section: one frontier chart per mineral and, when given, the budget's split as a table.
HtmlSection optimise_section(const std::vector<const io::OptimiseReport*>& frontiers,
                             const std::vector<std::string>& labels, const io::BudgetReport* budget,
                             Lang lang);

}  // namespace mineflow::report
