#include "tools/io/mfa_report.h"

#include <algorithm>
#include <cmath>
#include <functional>

#include "graph/number_format.h"
#include "tools/io/text_escape.h"
#include "tools/io/text_table.h"

namespace mineflow::io {
namespace {

using stock_flow::CategoryResult;
using stock_flow::RegionSeries;
using stock_flow::StockFlowResult;

struct Row {
  int year;
  std::string region;
  std::string category;
  std::string quantity;
  double value;
  std::string unit;
};

// The per-category quantities in the order they are written.
const MfaCategoryQuantity kCategoryQuantities[] = {
    {"inflow", [](const CategoryResult& c) -> const RegionSeries& { return c.stock.inflow; },
     false},
    {"in_use_stock", [](const CategoryResult& c) -> const RegionSeries& { return c.stock.stock; },
     true},
    {"eol_outflow", [](const CategoryResult& c) -> const RegionSeries& { return c.stock.outflow; },
     false},
    {"collected",
     [](const CategoryResult& c) -> const RegionSeries& { return c.end_of_life.collected; }, false},
    {"uncollected_loss",
     [](const CategoryResult& c) -> const RegionSeries& { return c.end_of_life.uncollected_loss; },
     false},
    {"scrap_exported",
     [](const CategoryResult& c) -> const RegionSeries& { return c.end_of_life.scrap_exported; },
     false},
    {"scrap_treated",
     [](const CategoryResult& c) -> const RegionSeries& { return c.end_of_life.scrap_treated; },
     false},
    {"secondary_recovered",
     [](const CategoryResult& c) -> const RegionSeries& {
       return c.end_of_life.secondary_recovered;
     },
     false},
    {"recycling_loss",
     [](const CategoryResult& c) -> const RegionSeries& { return c.end_of_life.recycling_loss; },
     false},
};

double sum_regions(const RegionSeries& s, int t) {
  double sum = 0.0;
  for (int r = 0; r < s.regions; ++r) sum += s.at(t, r);
  return sum;
}

std::vector<Row> tidy_rows(const StockFlowResult& res) {
  std::string stock_unit = res.unit;
  std::string flow_unit = res.unit + "/yr";
  std::vector<Row> rows;
  int n = static_cast<int>(res.regions.size());
  for (int t = 0; t < res.years; ++t) {
    int year = res.first_year + t;
    for (int r = 0; r < n; ++r) {
      const std::string& region = res.regions[static_cast<std::size_t>(r)];
      for (std::size_t k = 0; k < res.categories.size(); ++k) {
        for (const MfaCategoryQuantity& q : kCategoryQuantities) {
          rows.push_back({year, region, res.category_ids[k], q.name,
                          q.series(res.categories[k]).at(t, r),
                          q.is_stock ? stock_unit : flow_unit});
        }
      }
      rows.push_back({year, region, "all", "demand", res.demand.at(t, r), flow_unit});
      rows.push_back(
          {year, region, "all", "secondary_supply", res.secondary_supply.at(t, r), flow_unit});
      rows.push_back(
          {year, region, "all", "primary_demand", res.primary_demand.at(t, r), flow_unit});
      rows.push_back(
          {year, region, "all", "secondary_surplus", res.secondary_surplus.at(t, r), flow_unit});
      rows.push_back({year, region, "all", "secondary_share",
                      stock_flow::secondary_share_in_year(res, year, r), "1"});
    }
    if (n > 1) {
      rows.push_back({year, "all", "all", "demand", sum_regions(res.demand, t), flow_unit});
      rows.push_back({year, "all", "all", "secondary_supply", sum_regions(res.secondary_supply, t),
                      flow_unit});
      rows.push_back({year, "all", "all", "secondary_share",
                      stock_flow::secondary_share_in_year(res, year), "1"});
    }
    for (int p = 0; p < stock_flow::kProcessCount; ++p) {
      rows.push_back(
          {year, "all",
           std::string("process:") + stock_flow::to_string(static_cast<stock_flow::Process>(p)),
           "mass_balance_residual",
           res.residual[static_cast<std::size_t>(p)][static_cast<std::size_t>(t)], flow_unit});
    }
  }
  return rows;
}

double worst_residual(const StockFlowResult& res) {
  double worst = 0.0;
  for (const auto& process : res.residual) {
    for (double v : process) worst = std::max(worst, std::fabs(v));
  }
  return worst;
}

double category_total(const StockFlowResult& res, int t,
                      const RegionSeries& (*series)(const CategoryResult&)) {
  double sum = 0.0;
  for (const CategoryResult& c : res.categories) sum += sum_regions(series(c), t);
  return sum;
}

}  // namespace

std::span<const MfaCategoryQuantity> mfa_category_quantities() {
  return kCategoryQuantities;
}

std::string mfa_csv(const StockFlowResult& result) {
  std::string out = "year,region,category,quantity,value,unit\n";
  for (const Row& row : tidy_rows(result)) {
    out += std::to_string(row.year) + "," + csv_field(row.region) + "," + csv_field(row.category) +
           "," + row.quantity + "," + format_number(row.value) + "," + csv_field(row.unit) + "\n";
  }
  return out;
}

std::string mfa_sankey_csv(const StockFlowResult& result, int year) {
  std::string out = "source,target,value,unit\n";
  for (const auto& flow : stock_flow::sankey_flows_in_year(result, year)) {
    out += csv_field(flow.source) + "," + csv_field(flow.target) + "," + format_number(flow.value) +
           "," + csv_field(result.unit + "/yr") + "\n";
  }
  return out;
}

std::string mfa_cohort_csv(const StockFlowResult& result, int year) {
  std::string out = "year,region,category,cohort,quantity,value,unit\n";
  int t = year - result.first_year;
  for (std::size_t r = 0; r < result.regions.size(); ++r) {
    for (std::size_t k = 0; k < result.categories.size(); ++k) {
      const CategoryResult& c = result.categories[k];
      std::string prefix = std::to_string(year) + "," + csv_field(result.regions[r]) + "," +
                           csv_field(result.category_ids[k]) + ",";
      int region = static_cast<int>(r);
      for (int cohort = 0; cohort <= t; ++cohort) {
        std::string cohort_year = std::to_string(result.first_year + cohort);
        double stock = stock_flow::cohort_stock(c.stock, c.survival, t, cohort, region);
        double outflow = stock_flow::cohort_outflow(c.stock, c.survival, t, cohort, region);
        out += prefix + cohort_year + ",in_use_stock," + format_number(stock) + "," +
               csv_field(result.unit) + "\n";
        out += prefix + cohort_year + ",eol_outflow," + format_number(outflow) + "," +
               csv_field(result.unit + "/yr") + "\n";
      }
    }
  }
  return out;
}

std::string mfa_json(const StockFlowResult& result, const MfaReportInfo& info) {
  std::string out = "{\n  \"model\": " + json_string(info.model_id) +
                    ",\n  \"name\": " + json_string(info.name) +
                    ",\n  \"unit\": " + json_string(result.unit) +
                    ",\n  \"first_year\": " + std::to_string(result.first_year) +
                    ",\n  \"last_year\": " + std::to_string(result.first_year + result.years - 1) +
                    ",\n  \"max_mass_balance_residual\": " + format_number(worst_residual(result)) +
                    ",\n  \"secondary_share\": [";
  for (int t = 0; t < result.years; ++t) {
    int year = result.first_year + t;
    out += std::string(t ? ", " : "") + "{\"year\": " + std::to_string(year) +
           ", \"value\": " + format_number(stock_flow::secondary_share_in_year(result, year)) + "}";
  }
  out += "],\n  \"sankey\": {\"year\": " + std::to_string(info.sankey_year) + ", \"flows\": [";
  bool first = true;
  for (const auto& flow : stock_flow::sankey_flows_in_year(result, info.sankey_year)) {
    out += std::string(first ? "\n" : ",\n") + "    {\"source\": " + json_string(flow.source) +
           ", \"target\": " + json_string(flow.target) +
           ", \"value\": " + format_number(flow.value) + "}";
    first = false;
  }
  out += "]},\n  \"series\": [";
  first = true;
  for (const Row& row : tidy_rows(result)) {
    out += std::string(first ? "\n" : ",\n") + "    {\"year\": " + std::to_string(row.year) +
           ", \"region\": " + json_string(row.region) +
           ", \"category\": " + json_string(row.category) +
           ", \"quantity\": " + json_string(row.quantity) +
           ", \"value\": " + format_number(row.value) + ", \"unit\": " + json_string(row.unit) +
           "}";
    first = false;
  }
  out += "\n  ]\n}\n";
  return out;
}

std::string mfa_table(const StockFlowResult& result, const MfaReportInfo& info) {
  std::string out = info.name.empty() ? info.model_id : info.name;
  out += " (" + info.model_id + "), " + result.unit + ", all regions\n\n";
  TextTable table({"year", "demand", "in-use stock", "EoL outflow", "collected", "scrap export",
                   "secondary", "losses", "sec. share"});
  int last = result.first_year + result.years - 1;
  for (int t = 0; t < result.years; ++t) {
    int year = result.first_year + t;
    // Every fifth year, and the first and last, keep the table readable.
    if (year % 5 != 0 && t != 0 && year != last) continue;
    auto total = [&](const RegionSeries& (*series)(const CategoryResult&)) {
      return category_total(result, t, series);
    };
    double losses = total(kCategoryQuantities[4].series) + total(kCategoryQuantities[8].series);
    table.add_row(
        {std::to_string(year), format_fixed(sum_regions(result.demand, t), 1),
         format_fixed(total(kCategoryQuantities[1].series), 1),
         format_fixed(total(kCategoryQuantities[2].series), 1),
         format_fixed(total(kCategoryQuantities[3].series), 1),
         format_fixed(total(kCategoryQuantities[5].series), 1),
         format_fixed(sum_regions(result.secondary_supply, t), 1), format_fixed(losses, 1),
         format_fixed(100.0 * stock_flow::secondary_share_in_year(result, year), 1) + "%"});
  }
  out += table.render();
  out += "\nlosses = uncollected + recycling losses; exported scrap is counted separately.\n";
  out += "largest mass-balance residual, any process and year: " +
         format_number(worst_residual(result)) + " " + result.unit + "/yr\n";
  for (std::size_t k = 0; k < result.categories.size(); ++k) {
    if (result.categories[k].negative_inflow_cells > 0) {
      out += "note: " + result.category_ids[k] + " needs negative inflow in " +
             std::to_string(result.categories[k].negative_inflow_cells) +
             " year-region cells (its stock falls faster than products retire; see "
             "negative_inflow_correction)\n";
    }
  }
  out += "\nflows in " + std::to_string(info.sankey_year) + " (for a Sankey diagram):\n";
  TextTable flows({"source", "target", result.unit + "/yr"});
  for (const auto& flow : stock_flow::sankey_flows_in_year(result, info.sankey_year)) {
    flows.add_row({flow.source, flow.target, format_fixed(flow.value, 1)});
  }
  out += flows.render();
  return out;
}

}  // namespace mineflow::io
