#include "tools/report/stockpile_chart.h"

#include <algorithm>
#include <cmath>

#include "graph/number_format.h"
#include "tools/io/text_escape.h"

namespace mineflow::report {

SweepMetric drawn_metric(const SweepResult& result) {
  return result.target ? result.target->metric : SweepMetric::p_shortage;
}

namespace {

std::string metric_unit(SweepMetric metric) {
  switch (metric) {
    case SweepMetric::p_shortage:
      return "";
    case SweepMetric::unmet_t:
    case SweepMetric::cvar95_unmet_t:
    case SweepMetric::priced_out_t:
    case SweepMetric::not_served_t:
      return "t";
    case SweepMetric::unmet_pct:
    case SweepMetric::priced_out_pct_annual_demand:
    case SweepMetric::not_served_pct_annual_demand:
      return "%";
    case SweepMetric::longest_spell_days:
      return "days";
  }
  return "";
}

// Recycling shares in the order the sweep's cells list them (share major).
std::vector<double> shares_of(const SweepResult& result) {
  std::vector<double> shares;
  for (const SweepCell& cell : result.cells) {
    if (shares.empty() || shares.back() != cell.recycling_share) {
      shares.push_back(cell.recycling_share);
    }
  }
  return shares;
}

}  // namespace

LineChart stockpile_days_chart(const MineralSweep& sweep, Lang lang) {
  const SweepResult& result = sweep.result;
  SweepMetric metric = drawn_metric(result);
  LineChart chart;
  chart.title = sweep.mineral_name + ": " + phrase("stockpile_days_title", lang);
  chart.x_label = phrase("stockpile_days", lang);
  chart.x_unit = phrase("days_of_demand", lang);
  chart.x_integer = true;
  // The axis fits the curves and the target (background risks are small: a 0..1 axis would
  // flatten them onto the floor).
  chart.y_label = metric == SweepMetric::p_shortage ? phrase("p_shortage", lang)
                                                    : std::string(to_string(metric));
  chart.y_unit = metric_unit(metric);
  double max_days = 0.0;
  std::vector<double> shares = shares_of(result);
  for (std::size_t s = 0; s < shares.size(); ++s) {
    LineSeries series;
    series.name = phrase("recycling_share", lang) + " " + format_fixed(shares[s] * 100.0, 1) + "%";
    series.dashed = s % 2 == 1;
    for (const SweepCell& cell : result.cells) {
      if (cell.recycling_share != shares[s]) continue;
      series.x.push_back(cell.days);
      series.y.push_back(metric_of(cell, metric).value);
      max_days = std::max(max_days, cell.days);
    }
    chart.series.push_back(std::move(series));
  }
  chart.markers.push_back({result.base_days, phrase("base_days", lang)});
  if (result.target) {
    LineSeries line;
    line.name = phrase("target", lang) + ": " + to_string(*result.target);
    line.dashed = true;
    line.x = {0.0, max_days};
    line.y = {result.target->threshold, result.target->threshold};
    chart.series.push_back(std::move(line));
    chart.colour_of_series.resize(chart.series.size());
    for (std::size_t s = 0; s + 1 < chart.series.size(); ++s) chart.colour_of_series[s] = s;
    chart.colour_of_series.back() = 6;  // black: a reference line, not a result
    if (!result.days_needed.empty() && result.days_needed.front().days) {
      double days = *result.days_needed.front().days;
      if (std::fabs(days - result.base_days) > 0.5) {
        chart.markers.push_back(
            {days, phrase("target_met", lang) + " " + format_fixed(days, 0) + " d"});
      }
    }
  }
  return chart;
}

std::string stockpile_days_csv(const std::vector<const MineralSweep*>& sweeps) {
  std::string out =
      "mineral,scenario,policy,recycling_share,days,metric,value,se,stock_t,"
      "carrying_cost_per_year\n";
  for (const MineralSweep* sweep : sweeps) {
    SweepMetric metric = drawn_metric(sweep->result);
    for (const SweepCell& cell : sweep->result.cells) {
      Estimate e = metric_of(cell, metric);
      out += io::csv_field(sweep->mineral_id) + "," + io::csv_field(sweep->scenario_id) + "," +
             io::csv_field(sweep->policy) + "," + format_number(cell.recycling_share) + "," +
             format_number(cell.days) + "," + std::string(to_string(metric)) + "," +
             format_number(e.value) + "," + format_number(e.se) + "," +
             format_number(cell.stock_t) + "," + format_number(cell.carrying_cost_per_year) + "\n";
    }
  }
  return out;
}

}  // namespace mineflow::report
