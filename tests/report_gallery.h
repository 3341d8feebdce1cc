#pragma once
// A page with every chart kind of tools/report/ on synthetic data, including the ones whose real
// data other parts of the project will supply (daily series, exceedance curves, stockpile-days
// curves, stacked stock-flow series, radar before/after with residual markers), so the browser
// test covers every renderer, not only those the report uses today.

#include <cmath>

#include "tools/report/heat_table.h"
#include "tools/report/html_page.h"
#include "tools/report/line_chart.h"
#include "tools/report/radar_chart.h"
#include "tools/report/sankey.h"

namespace mineflow::testing {

inline report::HtmlDocument chart_gallery() {
  using namespace mineflow::report;
  HtmlDocument document;
  document.title = "mineflow chart gallery <synthetic data & escaping>";
  HtmlSection section;
  section.id = "gallery";
  section.heading = "Every chart kind";

  LineChart daily;
  daily.title = "Daily supply, demand and stockpile";
  daily.x_label = "Day";
  daily.x_unit = "day";
  daily.y_label = "Flow";
  daily.y_unit = "t/day";
  daily.x_integer = true;
  LineSeries supply{"Supply", {}, {}, false};
  LineSeries demand{"Demand", {}, {}, true};
  LineSeries unmet{"Unmet demand", {}, {}, false};
  for (int day = 0; day <= 365; ++day) {
    double d = day;
    double s = 100.0 - (day > 100 && day < 160 ? 40.0 : 0.0) + 5.0 * std::sin(d / 20.0);
    supply.x.push_back(d);
    supply.y.push_back(s);
    demand.x.push_back(d);
    demand.y.push_back(95.0);
    unmet.x.push_back(d);
    unmet.y.push_back(std::max(0.0, 95.0 - s));
  }
  daily.series = {supply, demand, unmet};
  section.figures.push_back({render_line_chart(daily), "daily series"});

  LineChart exceedance;
  exceedance.title = "Exceedance: P(unmet demand > x)";
  exceedance.x_label = "Unmet demand x";
  exceedance.x_unit = "t";
  exceedance.y_label = "P(unmet > x)";
  exceedance.y_max = 1.0;
  for (int policy = 0; policy < 3; ++policy) {
    LineSeries curve{"Policy " + std::to_string(policy), {}, {}, policy == 1};
    for (int x = 0; x <= 50; ++x) {
      curve.x.push_back(x * 100.0);
      curve.y.push_back(std::exp(-x / (5.0 + 5.0 * policy)));
    }
    exceedance.series.push_back(curve);
  }
  section.figures.push_back({render_line_chart(exceedance), "exceedance curves"});

  LineChart days;
  days.title = "Stockpile days vs shortfall probability";
  days.x_label = "Stockpile";
  days.x_unit = "days of standard consumption";
  days.y_label = "P(shortfall)";
  days.y_max = 1.0;
  days.markers = {{60.0, "60-day base"}, {90.0, "target"}};
  LineSeries p{"Rare earths", {}, {}, false};
  for (int d = 0; d <= 180; d += 10) {
    p.x.push_back(d);
    p.y.push_back(1.0 / (1.0 + std::exp((d - 50.0) / 12.0)));
  }
  days.series = {p};
  section.figures.push_back({render_line_chart(days), "stockpile days"});

  LineChart stock;
  stock.title = "In-use stock by category";
  stock.x_label = "Year";
  stock.y_label = "Stock";
  stock.y_unit = "kt";
  stock.stacked = true;
  stock.x_integer = true;
  for (const char* category : {"Vehicles", "Electronics", "Buildings"}) {
    LineSeries band{category, {}, {}, false};
    for (int year = 2020; year <= 2050; ++year) {
      band.x.push_back(year);
      band.y.push_back(10.0 + (year - 2020) * (1.0 + static_cast<double>(band.name.size()) / 10));
    }
    stock.series.push_back(band);
  }
  section.figures.push_back({render_line_chart(stock), "stacked areas"});

  RadarChart radar;
  radar.title = "Before / after <policy>";
  radar.axis_labels = {
      "Reserve concentration",      "Production concentration", "Import stability (concentrate)",
      "Import stability (refined)", "Price volatility",         "Scrap recycling"};
  radar.before = {"Before", {0.5, 0.9, std::nullopt, 0.8, 1.0, 0.7}};
  radar.after = RadarSeries{"After", {0.4, 0.6, std::nullopt, 0.5, 0.8, 0.4}};
  radar.markers = RadarSeries{"Residual", {0.3, 0.5, std::nullopt, 0.45, 0.7, 0.35}};
  radar.ring_labels = {"Low|Mid", "Mid|High", ""};
  section.figures.push_back({render_radar_chart(radar), "", true});

  SankeyChart sankey;
  sankey.title = "Loop";
  sankey.unit = "t/yr";
  sankey.column_labels = {"Mine", "Refine", "Demand", "In use", "End of life", "Recycling"};
  sankey.nodes = {{"A", 0, "#E69F00"},        {"B", 0, "#E69F00"},
                  {"Refinery", 1, "#0072B2"}, {"Demand", 2, "#000000"},
                  {"In use", 3, "#CC79A7"},   {"End of life", 4, "#D55E00"},
                  {"Lost", 5, "#999999"},     {"Recycled", 5, "#009E73"}};
  sankey.links = {{0, 2, 60, ""},  {1, 2, 40, ""}, {2, 3, 100, ""}, {3, 4, 130, ""},
                  {4, 5, 130, ""}, {5, 7, 30, ""}, {5, 6, 100, ""}, {7, 3, 30, ""}};
  section.figures.push_back({render_sankey(sankey), "Sankey with a recycling loop"});

  HeatTable table;
  table.title = "Heat table";
  table.column_labels = {"A", "B"};
  table.row_labels = {"first", "second"};
  table.cells = {{{"1", "High", "#F3B27F"}, {"2", "Low", "#A6D5F2"}},
                 {{"", "N/A", "#E6E6E6"}, {"3", "Mid", "#F7EE8A"}}};
  section.figures.push_back({render_heat_table(table), "heat table"});
  document.sections.push_back(section);
  return document;
}

}  // namespace mineflow::testing
