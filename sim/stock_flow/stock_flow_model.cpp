#include "sim/stock_flow/stock_flow_model.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <utility>

namespace mineflow::stock_flow {
namespace {

void add_into(const RegionSeries& part, RegionSeries* total) {
  for (std::size_t i = 0; i < part.values.size(); ++i) total->values[i] += part.values[i];
}

double region_sum(const RegionSeries& series, int year) {
  double sum = 0.0;
  for (int r = 0; r < series.regions; ++r) sum += series.at(year, r);
  return sum;
}

int year_index(const StockFlowResult& result, int year) {
  int t = year - result.first_year;
  if (t < 0 || t >= result.years) {
    throw std::out_of_range("year " + std::to_string(year) + " is outside the model years " +
                            std::to_string(result.first_year) + ".." +
                            std::to_string(result.first_year + result.years - 1));
  }
  return t;
}

void note_residual(double residual, double* worst) {
  if (std::fabs(residual) > std::fabs(*worst)) *worst = residual;
}

// inputs - outputs - stock change of every process, per year; the worst over regions/categories.
void check_mass_balance(StockFlowResult* out) {
  out->residual.assign(kProcessCount, std::vector<double>(static_cast<std::size_t>(out->years)));
  for (int t = 0; t < out->years; ++t) {
    std::size_t y = static_cast<std::size_t>(t);
    for (int r = 0; r < static_cast<int>(out->regions.size()); ++r) {
      for (const CategoryResult& c : out->categories) {
        const DynamicStockResult& s = c.stock;
        const EndOfLifeFlows& e = c.end_of_life;
        double change = s.stock.at(t, r) - (t > 0 ? s.stock.at(t - 1, r) : 0.0);
        note_residual(s.inflow.at(t, r) - s.outflow.at(t, r) - change,
                      &out->residual[static_cast<int>(Process::use)][y]);
        note_residual(s.outflow.at(t, r) - e.collected.at(t, r) - e.uncollected_loss.at(t, r),
                      &out->residual[static_cast<int>(Process::collection)][y]);
        note_residual(e.collected.at(t, r) - e.scrap_exported.at(t, r) - e.scrap_treated.at(t, r),
                      &out->residual[static_cast<int>(Process::scrap_trade)][y]);
        note_residual(
            e.scrap_treated.at(t, r) - e.secondary_recovered.at(t, r) - e.recycling_loss.at(t, r),
            &out->residual[static_cast<int>(Process::recycling)][y]);
      }
      note_residual(out->primary_demand.at(t, r) + out->secondary_supply.at(t, r) -
                        out->demand.at(t, r) - out->secondary_surplus.at(t, r),
                    &out->residual[static_cast<int>(Process::market)][y]);
    }
  }
}

}  // namespace

const char* to_string(Process process) {
  switch (process) {
    case Process::use:
      return "use";
    case Process::collection:
      return "collection";
    case Process::scrap_trade:
      return "scrap_trade";
    case Process::recycling:
      return "recycling";
    case Process::market:
      return "market";
  }
  return "?";
}

StockFlowResult run_stock_flow_model(const StockFlowModel& model) {
  int years = model.years;
  int n = static_cast<int>(model.regions.size());
  StockFlowResult out;
  out.first_year = model.first_year;
  out.years = years;
  out.unit = model.unit;
  out.regions = model.regions;
  out.demand = RegionSeries(years, n);
  out.secondary_supply = RegionSeries(years, n);
  out.primary_demand = RegionSeries(years, n);
  out.secondary_surplus = RegionSeries(years, n);
  for (const CategoryModel& category : model.categories) {
    CategoryResult c;
    c.survival = SurvivalTable(category.lifetime_by_cohort, years, model.timing);
    c.stock = category.driver == Driver::inflow
                  ? run_inflow_driven(category.driver_series, c.survival)
                  : run_stock_driven(category.driver_series, c.survival,
                                     model.negative_inflow_correction);
    c.end_of_life = apply_end_of_life(c.stock.outflow, category.end_of_life);
    c.negative_inflow_cells =
        static_cast<int>(std::count_if(c.stock.inflow.values.begin(), c.stock.inflow.values.end(),
                                       [](double v) { return v < 0.0; }));
    add_into(c.stock.inflow, &out.demand);
    add_into(c.end_of_life.secondary_recovered, &out.secondary_supply);
    out.category_ids.push_back(category.id);
    out.categories.push_back(std::move(c));
  }
  // Secondary material enters the market in the year it is recovered; primary supply covers the
  // rest. Recovery beyond demand is kept as a surplus flow rather than a negative primary demand.
  for (std::size_t i = 0; i < out.demand.values.size(); ++i) {
    double gap = out.demand.values[i] - out.secondary_supply.values[i];
    out.primary_demand.values[i] = std::max(gap, 0.0);
    out.secondary_surplus.values[i] = std::max(-gap, 0.0);
  }
  check_mass_balance(&out);
  return out;
}

double secondary_share_in_year(const StockFlowResult& result, int year) {
  int t = year_index(result, year);
  double demand = region_sum(result.demand, t);
  return demand != 0.0 ? region_sum(result.secondary_supply, t) / demand : 0.0;
}

double secondary_share_in_year(const StockFlowResult& result, int year, int region) {
  int t = year_index(result, year);
  double demand = result.demand.at(t, region);
  return demand != 0.0 ? result.secondary_supply.at(t, region) / demand : 0.0;
}

std::vector<SankeyFlow> sankey_flows_in_year(const StockFlowResult& result, int year) {
  int t = year_index(result, year);
  std::vector<SankeyFlow> flows;
  // A Sankey arrow cannot be negative: a negative flow is drawn the other way (a shrinking stock
  // flows back into use; a negative stock-driven inflow flows back to the market).
  auto add = [&](std::string source, std::string target, double value) {
    if (value < 0.0) {
      std::swap(source, target);
      value = -value;
    }
    flows.push_back({std::move(source), std::move(target), value});
  };
  add("primary supply", "market", region_sum(result.primary_demand, t));
  add("recycling", "market", region_sum(result.secondary_supply, t));
  double surplus = region_sum(result.secondary_surplus, t);
  if (surplus > 0.0) add("market", "secondary surplus", surplus);
  double exported = 0.0;
  double treated = 0.0;
  double recycling_loss = 0.0;
  for (std::size_t i = 0; i < result.categories.size(); ++i) {
    const CategoryResult& c = result.categories[i];
    std::string use = "use: " + result.category_ids[i];
    std::string stock = "in-use stock: " + result.category_ids[i];
    add("market", use, region_sum(c.stock.inflow, t));
    double change = region_sum(c.stock.stock, t) - (t > 0 ? region_sum(c.stock.stock, t - 1) : 0.0);
    add(use, stock, change);
    add(use, "collection", region_sum(c.end_of_life.collected, t));
    add(use, "uncollected loss", region_sum(c.end_of_life.uncollected_loss, t));
    exported += region_sum(c.end_of_life.scrap_exported, t);
    treated += region_sum(c.end_of_life.scrap_treated, t);
    recycling_loss += region_sum(c.end_of_life.recycling_loss, t);
  }
  add("collection", "scrap export", exported);
  add("collection", "recycling", treated);
  add("recycling", "recycling loss", recycling_loss);
  return flows;
}

}  // namespace mineflow::stock_flow
