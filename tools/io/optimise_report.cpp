#include "tools/io/optimise_report.h"

#include <cmath>
#include <sstream>

#include "graph/number_format.h"
#include "tools/io/terminal_number.h"
#include "tools/io/text_escape.h"
#include "tools/io/text_table.h"

namespace mineflow::io {
namespace {

std::string num(double value) {
  return format_number(value);
}

std::string fixed(double value) {
  if (value == 0.0) return "0";
  double magnitude = std::abs(value);
  return format_grouped(value, magnitude >= 1e4   ? 0
                               : magnitude >= 100 ? 1
                               : magnitude >= 1   ? 2
                                                  : 4);
}

Estimate loss(const MixCell& cell, const MixBasis& basis) {
  return {cell.not_served_t.value * basis.price_usd_per_t,
          cell.not_served_t.se * basis.price_usd_per_t};
}

struct Row {
  std::string name;
  const MixCell* cell = nullptr;
};

std::vector<Row> rows_of(const OptimiseFinding& f) {
  std::vector<Row> rows;
  if (f.best) rows.push_back({"cheapest", &*f.best});
  if (f.stockpile_only) rows.push_back({"stockpile_only", &*f.stockpile_only});
  if (!f.best) rows.push_back({"best_reachable", &f.best_reachable});
  return rows;
}

std::string header_text(const OptimiseReport& r) {
  const SweepHeader& h = r.header;
  std::ostringstream out;
  out << h.name << " (" << h.scenario << "), mineral " << h.mineral << "; stock levers of policy "
      << h.policy << "; " << r.trials << " trials, seed " << r.seed << ", horizon "
      << num(h.horizon_days) << " days, " << r.passes << " passes over the same trials\n";
  out << "demand " << fixed(r.basis.demand_t_per_day) << " t/day, base price "
      << fixed(r.basis.price_usd_per_t) << " USD/t; market " << h.market << "; vintage "
      << h.vintage << "\n";
  out << "levers (" << r.levers_file << "): stockpile up to " << num(r.costs.max_stockpile_days)
      << " days at " << num(100.0 * r.costs.carrying_rate_per_year())
      << "%/yr of its value (discount " << num(100.0 * r.costs.discount_rate_per_year)
      << "% + storage " << num(100.0 * r.costs.storage_rate_per_year) << "%); recycling from "
      << format_fixed(r.basis.base.recycling_share, 3) << " up to "
      << format_fixed(std::max(r.basis.base.recycling_share, r.costs.max_recycling_share), 3)
      << " of demand at " << fixed(r.costs.recycling_usd_per_t) << " USD/t; substitution up to "
      << format_fixed(r.costs.max_substitution_cut, 3) << " of demand at "
      << fixed(r.costs.substitution_usd_per_t) << " USD/t\n";
  out << "  diversification off the largest import source";
  if (auto from = r.largest_source) out << " (" << *from << ")";
  out << " up to " << fixed(lever_max(Lever::diversified_t_per_yr, r.basis, r.costs))
      << " t/yr (the others' headroom) at " << fixed(r.costs.diversification_usd_per_t)
      << " USD/t; focal smelter capacity up to "
      << fixed(lever_max(Lever::smelter_added_t_per_yr, r.basis, r.costs)) << " t/yr at "
      << fixed(r.costs.smelter_usd_per_t_per_year) << " USD per t/yr a year\n";
  return out.str();
}

std::string metric_text(const Estimate& e) {
  return fixed(e.value) + " ± " + fixed(e.se);
}

}  // namespace

std::string optimise_table(const OptimiseReport& r) {
  std::ostringstream out;
  out << header_text(r);
  out << "A mix meets the target when its value + " << num(r.z)
      << " SE is at most the threshold (docs/optimise.md).\n";
  for (const OptimiseFinding& f : r.findings) {
    const std::string metric(to_string(f.target.metric));
    out << "\ntarget " << to_string(f.target) << ": "
        << (f.best ? "met" : "NOT REACHABLE with these levers (best reachable shown)") << "\n";
    TextTable table({"mix", "stockpile d", "recycling", "substitution", "diversified t/yr",
                     "smelter +t/yr", "stockpile USD/yr", "recycling USD/yr", "substitution USD/yr",
                     "diversification USD/yr", "smelter USD/yr", "cost USD/yr", metric, "meets"});
    for (const Row& row : rows_of(f)) {
      const MixCell& c = *row.cell;
      table.add_row({row.name, format_fixed(c.mix.stockpile_days, 2),
                     format_fixed(c.mix.recycling_share, 4),
                     format_fixed(c.mix.substitution_cut, 4), fixed(c.mix.diversified_t_per_yr),
                     fixed(c.mix.smelter_added_t_per_yr), fixed(c.cost.stockpile_usd_per_year),
                     fixed(c.cost.recycling_usd_per_year), fixed(c.cost.substitution_usd_per_year),
                     fixed(c.cost.diversification_usd_per_year), fixed(c.cost.smelter_usd_per_year),
                     fixed(c.cost.total()), metric_text(metric_of(c.stats, f.target.metric)),
                     meets(c, f.target, r.z) ? "yes" : "no"});
    }
    out << table.render();
  }
  return out.str();
}

std::string optimise_csv(const OptimiseReport& r) {
  std::ostringstream out;
  out << "scenario,mineral,target,row,stockpile_days,recycling_share,substitution_cut,"
         "diversified_t_per_yr,smelter_added_t_per_yr,stockpile_usd_per_year,"
         "recycling_usd_per_year,substitution_usd_per_year,diversification_usd_per_year,"
         "smelter_usd_per_year,cost_per_year,"
         "metric,metric_value,metric_se,meets_target,not_served_t,not_served_t_se\n";
  for (const OptimiseFinding& f : r.findings) {
    for (const Row& row : rows_of(f)) {
      const MixCell& c = *row.cell;
      Estimate e = metric_of(c.stats, f.target.metric);
      out << csv_field(r.header.scenario) << "," << csv_field(r.header.mineral) << ","
          << csv_field(to_string(f.target)) << "," << row.name << "," << num(c.mix.stockpile_days)
          << "," << num(c.mix.recycling_share) << "," << num(c.mix.substitution_cut) << ","
          << num(c.mix.diversified_t_per_yr) << "," << num(c.mix.smelter_added_t_per_yr) << ","
          << num(c.cost.stockpile_usd_per_year) << "," << num(c.cost.recycling_usd_per_year) << ","
          << num(c.cost.substitution_usd_per_year) << ","
          << num(c.cost.diversification_usd_per_year) << "," << num(c.cost.smelter_usd_per_year)
          << "," << num(c.cost.total()) << "," << to_string(f.target.metric) << "," << num(e.value)
          << "," << num(e.se) << "," << (meets(c, f.target, r.z) ? "true" : "false") << ","
          << num(c.not_served_t.value) << "," << num(c.not_served_t.se) << "\n";
    }
  }
  return out.str();
}

namespace {

std::string cell_json(const MixCell& c, const SweepTarget& target, double z,
                      const std::string& indent) {
  Estimate e = metric_of(c.stats, target.metric);
  std::ostringstream out;
  out << "{\n"
      << indent << "  \"stockpile_days\": " << num(c.mix.stockpile_days) << ",\n"
      << indent << "  \"recycling_share\": " << num(c.mix.recycling_share) << ",\n"
      << indent << "  \"substitution_cut\": " << num(c.mix.substitution_cut) << ",\n"
      << indent << "  \"diversified_t_per_yr\": " << num(c.mix.diversified_t_per_yr) << ",\n"
      << indent << "  \"smelter_added_t_per_yr\": " << num(c.mix.smelter_added_t_per_yr) << ",\n"
      << indent << "  \"stockpile_usd_per_year\": " << num(c.cost.stockpile_usd_per_year) << ",\n"
      << indent << "  \"recycling_usd_per_year\": " << num(c.cost.recycling_usd_per_year) << ",\n"
      << indent << "  \"substitution_usd_per_year\": " << num(c.cost.substitution_usd_per_year)
      << ",\n"
      << indent
      << "  \"diversification_usd_per_year\": " << num(c.cost.diversification_usd_per_year) << ",\n"
      << indent << "  \"smelter_usd_per_year\": " << num(c.cost.smelter_usd_per_year) << ",\n"
      << indent << "  \"cost_per_year\": " << num(c.cost.total()) << ",\n"
      << indent << "  \"metric\": " << json_string(to_string(target.metric)) << ",\n"
      << indent << "  \"metric_value\": " << num(e.value) << ",\n"
      << indent << "  \"metric_se\": " << num(e.se) << ",\n"
      << indent << "  \"meets_target\": " << (meets(c, target, z) ? "true" : "false") << ",\n"
      << indent << "  \"not_served_t\": " << num(c.not_served_t.value) << ",\n"
      << indent << "  \"not_served_t_se\": " << num(c.not_served_t.se) << "\n"
      << indent << "}";
  return out.str();
}

}  // namespace

std::string optimise_json(const OptimiseReport& r) {
  const SweepHeader& h = r.header;
  std::ostringstream out;
  out << "{\n  \"scenario\": " << json_string(h.scenario)
      << ",\n  \"mineral\": " << json_string(h.mineral)
      << ",\n  \"policy\": " << json_string(h.policy)
      << ",\n  \"vintage\": " << json_string(h.vintage)
      << ",\n  \"market\": " << json_string(h.market) << ",\n  \"trials\": " << r.trials
      << ",\n  \"seed\": " << r.seed << ",\n  \"passes\": " << r.passes
      << ",\n  \"z\": " << num(r.z)
      << ",\n  \"demand_t_per_day\": " << num(r.basis.demand_t_per_day)
      << ",\n  \"price_usd_per_t\": " << num(r.basis.price_usd_per_t)
      << ",\n  \"levers_file\": " << json_string(r.levers_file) << ",\n  \"levers\": {"
      << "\"discount_rate_per_year\": " << num(r.costs.discount_rate_per_year)
      << ", \"storage_rate_per_year\": " << num(r.costs.storage_rate_per_year)
      << ", \"max_stockpile_days\": " << num(r.costs.max_stockpile_days)
      << ", \"base_recycling_share\": " << num(r.basis.base.recycling_share)
      << ", \"max_recycling_share\": " << num(r.costs.max_recycling_share)
      << ", \"recycling_usd_per_t\": " << num(r.costs.recycling_usd_per_t)
      << ", \"max_substitution_cut\": " << num(r.costs.max_substitution_cut)
      << ", \"substitution_usd_per_t\": " << num(r.costs.substitution_usd_per_t)
      << ", \"largest_source\": " << json_string(r.largest_source.value_or(""))
      << ", \"max_diversified_t_per_yr\": "
      << num(lever_max(Lever::diversified_t_per_yr, r.basis, r.costs))
      << ", \"diversification_usd_per_t\": " << num(r.costs.diversification_usd_per_t)
      << ", \"max_smelter_added_t_per_yr\": "
      << num(lever_max(Lever::smelter_added_t_per_yr, r.basis, r.costs))
      << ", \"smelter_usd_per_t_per_year\": " << num(r.costs.smelter_usd_per_t_per_year)
      << "},\n  \"findings\": [";
  for (std::size_t i = 0; i < r.findings.size(); ++i) {
    const OptimiseFinding& f = r.findings[i];
    out << (i ? "," : "") << "\n    {\n      \"target\": " << json_string(to_string(f.target))
        << ",\n      \"reachable\": " << (f.best ? "true" : "false")
        << ",\n      \"rounds\": " << f.rounds;
    for (const Row& row : rows_of(f)) {
      out << ",\n      \"" << row.name << "\": " << cell_json(*row.cell, f.target, r.z, "      ");
    }
    out << "\n    }";
  }
  out << "\n  ]\n}\n";
  return out.str();
}

std::string optimise_summary_table(const std::vector<OptimiseReport>& reports) {
  std::string out;
  for (std::size_t i = 0; i < reports.size(); ++i) {
    out += (i == 0 ? "" : "\n") + wrap_long_lines(optimise_table(reports[i]));
  }
  return out;
}

std::string optimise_summary_csv(const std::vector<OptimiseReport>& reports) {
  std::string out;
  for (std::size_t i = 0; i < reports.size(); ++i) {
    std::string csv = optimise_csv(reports[i]);
    out += i == 0 ? csv : csv.substr(csv.find('\n') + 1);
  }
  return out;
}

std::string optimise_summary_json(const std::vector<OptimiseReport>& reports) {
  std::string out = "[";
  for (std::size_t i = 0; i < reports.size(); ++i) {
    out += (i == 0 ? "\n" : ",\n") + optimise_json(reports[i]);
  }
  return out + "]\n";
}

std::string budget_table(const BudgetReport& b) {
  std::ostringstream out;
  double spent = 0.0;
  double before = 0.0;
  double after = 0.0;
  TextTable table({"mineral", "stockpile d", "recycling", "substitution", "cost USD/yr",
                   "E[not served] before USD/yr", "after USD/yr", "marginal USD per USD"});
  for (const BudgetRow& row : b.rows) {
    const MixBasis& basis = row.mineral->basis;
    spent += row.chosen.cost.total();
    before += loss(row.base, basis).value;
    after += loss(row.chosen, basis).value;
    table.add_row({row.mineral->header.mineral, format_fixed(row.chosen.mix.stockpile_days, 2),
                   format_fixed(row.chosen.mix.recycling_share, 4),
                   format_fixed(row.chosen.mix.substitution_cut, 4), fixed(row.chosen.cost.total()),
                   fixed(loss(row.base, basis).value), metric_text(loss(row.chosen, basis)),
                   fixed(row.marginal_value)});
  }
  out << "Budget " << fixed(b.budget_usd_per_year) << " USD/yr spread over " << b.rows.size()
      << " minerals to minimise the expected value of demand not served (USD at the base price);\n"
      << "spent " << fixed(spent) << " USD/yr; expected value not served " << fixed(before)
      << " -> " << fixed(after) << " USD/yr (docs/optimise.md \"A budget over minerals\").\n\n";
  out << table.render();
  out << "\nmarginal USD per USD: expected value not served avoided by the next dollar on that "
         "mineral (its next step on the cost-loss hull; 0: nothing left to buy).\n";
  return out.str();
}

std::string budget_csv(const BudgetReport& b) {
  std::ostringstream out;
  out << "mineral,scenario,stockpile_days,recycling_share,substitution_cut,cost_per_year,"
         "loss_base_usd_per_year,loss_usd_per_year,loss_se,marginal_value_per_usd\n";
  for (const BudgetRow& row : b.rows) {
    const MixBasis& basis = row.mineral->basis;
    Estimate e = loss(row.chosen, basis);
    out << csv_field(row.mineral->header.mineral) << "," << csv_field(row.mineral->header.scenario)
        << "," << num(row.chosen.mix.stockpile_days) << "," << num(row.chosen.mix.recycling_share)
        << "," << num(row.chosen.mix.substitution_cut) << "," << num(row.chosen.cost.total()) << ","
        << num(loss(row.base, basis).value) << "," << num(e.value) << "," << num(e.se) << ","
        << num(row.marginal_value) << "\n";
  }
  return out.str();
}

std::string budget_json(const BudgetReport& b) {
  std::ostringstream out;
  out << "{\n  \"budget_usd_per_year\": " << num(b.budget_usd_per_year) << ",\n  \"minerals\": [";
  for (std::size_t i = 0; i < b.rows.size(); ++i) {
    const BudgetRow& row = b.rows[i];
    const MixBasis& basis = row.mineral->basis;
    Estimate e = loss(row.chosen, basis);
    out << (i ? "," : "") << "\n    {\"mineral\": " << json_string(row.mineral->header.mineral)
        << ", \"scenario\": " << json_string(row.mineral->header.scenario)
        << ", \"stockpile_days\": " << num(row.chosen.mix.stockpile_days)
        << ", \"recycling_share\": " << num(row.chosen.mix.recycling_share)
        << ", \"substitution_cut\": " << num(row.chosen.mix.substitution_cut)
        << ", \"cost_per_year\": " << num(row.chosen.cost.total())
        << ", \"loss_base_usd_per_year\": " << num(loss(row.base, basis).value)
        << ", \"loss_usd_per_year\": " << num(e.value) << ", \"loss_se\": " << num(e.se)
        << ", \"marginal_value_per_usd\": " << num(row.marginal_value) << "}";
  }
  out << "\n  ]\n}\n";
  return out.str();
}

}  // namespace mineflow::io
