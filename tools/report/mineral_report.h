#pragma once
// `mineflow report`'s content: from loaded minerals, their graphs and indicators to the HTML
// document and the CSV/JSON files its charts were drawn from. No file access here; the command
// writes what this returns.

#include <string>
#include <utility>
#include <vector>

#include "graph/build_graph.h"
#include "graph/rating.h"
#include "tools/io/indicator_report.h"
#include "tools/io/optimise_report.h"
#include "tools/report/html_page.h"
#include "tools/report/labels.h"
#include "tools/report/scenario_charts.h"
#include "tools/report/stock_flow_charts.h"
#include "tools/report/stockpile_chart.h"

namespace mineflow::report {

struct MineralReportEntry {
  const MineralData* data = nullptr;
  const MineralGraph* graph = nullptr;
  io::MineralIndicators indicators;
  const MineralStockFlow* stock_flow = nullptr;  // the bundled stock-flow model's run, if any
  const MineralScenario* scenario = nullptr;     // its bundled disruption scenario's run, if any
  const MineralSweep* sweep = nullptr;           // its stockpile-days sweep, if any
  const io::OptimiseReport* frontier = nullptr;  // its least-cost frontier (report --optimise)
  // The ratings that differ between the seed and the latest vintage (io::vintage_changes);
  // compared false where the file has no latest figures to compare.
  bool vintages_compared = false;
  std::vector<io::VintageChange> vintage_changes{};
  std::vector<io::LimitNote> notes{};  // limits of its data (the figures' standing)
};

// What made the report, printed in its last section.
struct ReportProvenance {
  std::string version;
  std::string data_dir;
  std::vector<std::string> files;  // every data file read, with a fingerprint of its bytes
  std::vector<std::pair<std::string, std::string>> settings;
  std::string seed_trials;  // empty: no Monte Carlo behind this report
};

struct OutputFile {
  std::string name;  // file name inside the output folder
  std::string content;
};

// `budget`: the budget's split over the minerals (report --optimise), or null.
HtmlDocument mineral_report_document(const std::vector<MineralReportEntry>& entries,
                                     const RatingThresholds& thresholds,
                                     const ReportProvenance& provenance, Lang lang,
                                     const io::BudgetReport* budget = nullptr);

// Only the indicator charts (heat table and radars): what `mineflow indicators --html` writes.
HtmlDocument indicators_document(const std::vector<io::MineralIndicators>& results,
                                 const RatingThresholds& thresholds, const std::string& version,
                                 Lang lang);

// report.html first, then indicators.csv, indicators.json, radar.csv, flows.csv, prices.csv,
// vintage_changes.csv when any mineral's vintages were compared, stock_flow.csv when any mineral
// has a stock-flow model, and scenario_series.csv,
// exceedance.csv and policy_radar.csv when any has a scenario run, stockpile_days.csv when any
// has a sweep, optimise_frontier.csv (and optimise_budget.csv) with report --optimise.
std::vector<OutputFile> mineral_report_files(const std::vector<MineralReportEntry>& entries,
                                             const RatingThresholds& thresholds,
                                             const ReportProvenance& provenance, Lang lang,
                                             const io::BudgetReport* budget = nullptr);

}  // namespace mineflow::report
