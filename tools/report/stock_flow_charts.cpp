#include "tools/report/stock_flow_charts.h"

#include <algorithm>

#include "graph/number_format.h"
#include "tools/io/text_escape.h"

namespace mineflow::report {

namespace {

using stock_flow::RegionSeries;
using stock_flow::StockFlowResult;

std::vector<double> region_totals(const RegionSeries& series) {
  std::vector<double> totals(static_cast<std::size_t>(series.years), 0.0);
  for (int year = 0; year < series.years; ++year) {
    // Regions in index order: a fixed-order sum, the same bits every run.
    for (int region = 0; region < series.regions; ++region) {
      totals[static_cast<std::size_t>(year)] += series.at(year, region);
    }
  }
  return totals;
}

int first_shown_index(const StockFlowResult& result) {
  return std::clamp(kStockFlowFirstShownYear - result.first_year, 0, result.years);
}

// The shown years of one quantity as a chart series.
LineSeries shown_series(const StockFlowResult& result, std::string name,
                        const std::vector<double>& values, bool dashed = false,
                        double factor = 1.0) {
  LineSeries series;
  series.name = std::move(name);
  series.dashed = dashed;
  for (int i = first_shown_index(result); i < result.years; ++i) {
    series.x.push_back(result.first_year + i);
    series.y.push_back(values[static_cast<std::size_t>(i)] * factor);
  }
  return series;
}

std::vector<double> shares(const StockFlowResult& result) {
  std::vector<double> values;
  for (int i = 0; i < result.years; ++i) {
    values.push_back(stock_flow::secondary_share_in_year(result, result.first_year + i));
  }
  return values;
}

std::string category_name(const MineralStockFlow& mineral, std::size_t c) {
  return c < mineral.category_names.size() && !mineral.category_names[c].empty()
             ? mineral.category_names[c]
             : mineral.base.category_ids[c];
}

// "t Cu" -> "t/yr Cu", "t (as imported)" -> "t/yr (as imported)"; other units get "/yr".
std::string per_year(const std::string& unit, Lang lang) {
  std::string suffix = phrase("flow_unit", lang);  // t/yr
  if (unit == "t") return suffix;
  if (unit.rfind("t ", 0) == 0) return suffix + unit.substr(1);
  return unit + suffix.substr(1);
}

void set_year_axis(LineChart& chart, const StockFlowResult& result, Lang lang) {
  chart.x_label = phrase("year", lang);
  chart.x_integer = true;
  chart.y_unit = result.unit;
}

}  // namespace

std::vector<double> in_use_stock_t(const StockFlowResult& result, std::size_t category) {
  return region_totals(result.categories[category].stock.stock);
}

std::vector<double> end_of_life_outflow_t_per_yr(const StockFlowResult& result) {
  std::vector<double> totals(static_cast<std::size_t>(result.years), 0.0);
  for (const stock_flow::CategoryResult& category : result.categories) {
    std::vector<double> outflow = region_totals(category.stock.outflow);
    for (std::size_t i = 0; i < totals.size(); ++i) totals[i] += outflow[i];
  }
  return totals;
}

std::vector<double> demand_t_per_yr(const StockFlowResult& result) {
  return region_totals(result.demand);
}

std::vector<double> secondary_supply_t_per_yr(const StockFlowResult& result) {
  return region_totals(result.secondary_supply);
}

LineChart in_use_stock_chart(const MineralStockFlow& mineral, Lang lang) {
  LineChart chart;
  chart.title = mineral.mineral_name + ": " + phrase("in_use_stock_title", lang);
  set_year_axis(chart, mineral.base, lang);
  chart.y_label = phrase("in_use_stock", lang);
  chart.stacked = true;
  for (std::size_t c = 0; c < mineral.base.categories.size(); ++c) {
    chart.series.push_back(
        shown_series(mineral.base, category_name(mineral, c), in_use_stock_t(mineral.base, c)));
  }
  return chart;
}

LineChart stock_flow_flows_chart(const MineralStockFlow& mineral, Lang lang) {
  LineChart chart;
  chart.title = mineral.mineral_name + ": " + phrase("stock_flows_title", lang);
  set_year_axis(chart, mineral.base, lang);
  chart.y_unit = per_year(mineral.base.unit, lang);
  chart.y_label = phrase("flow", lang);
  const StockFlowResult& base = mineral.base;
  chart.series.push_back(shown_series(base, phrase("demand_node", lang), demand_t_per_yr(base)));
  chart.series.push_back(
      shown_series(base, phrase("end_of_life_flow", lang), end_of_life_outflow_t_per_yr(base)));
  chart.series.push_back(
      shown_series(base, phrase("secondary_supply_base", lang), secondary_supply_t_per_yr(base)));
  if (mineral.policy) {
    chart.series.push_back(shown_series(*mineral.policy, phrase("secondary_supply_policy", lang),
                                        secondary_supply_t_per_yr(*mineral.policy), true));
  }
  return chart;
}

LineChart secondary_share_chart(const std::vector<const MineralStockFlow*>& minerals, Lang lang) {
  LineChart chart;
  chart.title = phrase("secondary_share_title", lang);
  chart.x_label = phrase("year", lang);
  chart.x_integer = true;
  chart.y_label = phrase("secondary_share", lang);
  chart.y_unit = "%";
  for (std::size_t m = 0; m < minerals.size(); ++m) {
    const MineralStockFlow& mineral = *minerals[m];
    chart.series.push_back(
        shown_series(mineral.base, mineral.mineral_name, shares(mineral.base), false, 100.0));
    chart.colour_of_series.push_back(m);
    if (mineral.policy) {
      chart.series.push_back(
          shown_series(*mineral.policy, mineral.mineral_name + " " + phrase("policy_suffix", lang),
                       shares(*mineral.policy), true, 100.0));
      chart.colour_of_series.push_back(m);
    }
  }
  return chart;
}

std::string stock_flow_csv(const std::vector<const MineralStockFlow*>& minerals) {
  std::string out = "mineral,variant,year,quantity,category,value,unit\n";
  auto rows = [&out](const std::string& mineral, const char* variant, const StockFlowResult& result,
                     const std::string& quantity, const std::string& category,
                     const std::vector<double>& values, const std::string& unit) {
    for (int i = first_shown_index(result); i < result.years; ++i) {
      out += io::csv_field(mineral) + "," + variant + "," + std::to_string(result.first_year + i) +
             "," + quantity + "," + io::csv_field(category) + "," +
             format_number(values[static_cast<std::size_t>(i)]) + "," + io::csv_field(unit) + "\n";
    }
  };
  for (const MineralStockFlow* mineral : minerals) {
    for (int v = 0; v < 2; ++v) {
      const StockFlowResult* result = v == 0 ? &mineral->base : nullptr;
      if (v == 1 && mineral->policy) result = &*mineral->policy;
      if (result == nullptr) continue;
      const char* variant = v == 0 ? "base" : "policy";
      const std::string& id = mineral->mineral_id;
      for (std::size_t c = 0; c < result->categories.size(); ++c) {
        rows(id, variant, *result, "in_use_stock", result->category_ids[c],
             in_use_stock_t(*result, c), result->unit);
      }
      std::string flow_unit = per_year(result->unit, Lang::en);
      rows(id, variant, *result, "demand", "", demand_t_per_yr(*result), flow_unit);
      rows(id, variant, *result, "end_of_life_outflow", "", end_of_life_outflow_t_per_yr(*result),
           flow_unit);
      rows(id, variant, *result, "secondary_supply", "", secondary_supply_t_per_yr(*result),
           flow_unit);
      rows(id, variant, *result, "secondary_share", "", shares(*result), "1");
    }
  }
  return out;
}

}  // namespace mineflow::report
