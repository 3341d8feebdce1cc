#include "tools/io/stockpile_report.h"

#include <cmath>
#include <sstream>
#include <utility>

#include "graph/number_format.h"
#include "tools/io/terminal_number.h"
#include "tools/io/text_escape.h"
#include "tools/io/text_table.h"
#include "tools/io/vintage_line.h"

namespace mineflow::io {
namespace {

std::string num(double value) {
  return format_number(value);
}
std::string num(const std::optional<double>& value) {
  return value ? num(*value) : "";
}
std::string json_num(const std::optional<double>& value) {
  return value ? num(*value) : "null";
}

// Decimals for people: enough to see the MC error, never a wall of digits.
std::string fixed(double value) {
  if (value == 0.0) return "0";
  double magnitude = std::abs(value);
  // Terminal only (CSV and JSON use num): thousands grouped for people.
  return format_grouped(value, magnitude >= 1e4   ? 0
                               : magnitude >= 100 ? 1
                               : magnitude >= 1   ? 2
                                                  : 4);
}
std::string days_text(double days) {
  return format_fixed(days, 2);
}
std::string share_text(double share) {
  return format_fixed(share, 3);
}
std::string currency(const SweepHeader& h) {
  return h.price_unit.substr(0, h.price_unit.find('/'));
}

const SweepCell* find_cell(const SweepResult& r, double days, double share) {
  for (const SweepCell& cell : r.cells) {
    if (cell.days == days && cell.recycling_share == share) return &cell;
  }
  return nullptr;
}

// The share the summary speaks for: the mineral's current one when known and swept, else 0.
const DaysFinding* headline_finding(const SweepHeader& h, const SweepResult& r) {
  const DaysFinding* fallback = nullptr;
  for (const DaysFinding& f : r.days_needed) {
    if (h.current_recycling_share && f.recycling_share == *h.current_recycling_share) return &f;
    if (f.recycling_share == 0.0) fallback = &f;
  }
  if (fallback == nullptr && !r.days_needed.empty()) fallback = &r.days_needed.front();
  return fallback;
}

// "days needed" and "±2 SE range" of the --all table; "> max" where the grid is not enough.
std::pair<std::string, std::string> headline_days(const SweepResult& r, const DaysFinding* f,
                                                  const std::string& to = " to ") {
  std::string beyond = "> " + days_text(r.cells.empty() ? 0.0 : r.cells.back().days);
  if (f == nullptr) return {beyond, beyond + to + beyond};
  return {f->days ? days_text(*f->days) : beyond,
          (f->days_low ? days_text(*f->days_low) : beyond) + to +
              (f->days_high ? days_text(*f->days_high) : beyond)};
}

std::string recycling_note(const SweepHeader& h) {
  if (!h.current_recycling_share) {
    return "current recycling share unknown (no figure for the focal economy): swept at 0 "
           "unless --recycling is given";
  }
  return "current recycling share " + share_text(*h.current_recycling_share) +
         (h.recycling_is_proxy ? " (EU EOL-RIR proxy, not a figure for the focal economy)" : "");
}

}  // namespace

SweepHeader sweep_header(const Scenario& scenario, const MineralData& data,
                         const SweepPlan& sweep) {
  SweepHeader h;
  h.scenario = scenario.id;
  h.name = scenario.name;
  h.mineral = data.id;
  h.vintage = std::string(to_string(data.vintage));
  h.seed_blocks = seed_blocks_text(data);
  h.market = std::string(to_string(sweep.plan.scenario.market));
  h.setting_notes = market_setting_notes(sweep.plan.scenario);
  h.policy = sweep.policy;
  h.horizon_days = scenario.horizon_days;
  h.current_recycling_share = sweep.plan.base.basis.secondary_share;
  h.recycling_is_proxy = sweep.plan.base.basis.secondary_is_proxy;
  h.demand_basis = demand_basis(data);
  return h;
}

namespace {
std::string header_line(const SweepHeader& h, const SweepResult& r) {
  return h.name + " (" + h.scenario + "), mineral " + h.mineral + "; stock levers of policy " +
         h.policy + "; " + std::to_string(r.trials) + " trials, seed " + std::to_string(r.seed) +
         ", horizon " + format_number(h.horizon_days) + " days, " + std::to_string(r.passes) +
         " pass" + (r.passes == 1 ? "" : "es") + " over the same trials\n" +
         vintage_line(h.vintage, h.market, h.seed_blocks);
}

constexpr const char* kCsvColumns =
    "row,recycling_share,days,days_low,days_high,p_shortage,p_shortage_se,unmet_t,unmet_t_se,"
    "unmet_pct,unmet_pct_se,cvar95_unmet_t,cvar95_unmet_t_se,longest_spell_days,"
    "longest_spell_days_se,stock_t,carrying_cost_per_year,priced_out_t,priced_out_t_se,"
    "priced_out_pct,priced_out_pct_se,not_served_t,not_served_t_se,not_served_pct,"
    "not_served_pct_se";

std::string csv_cell_values(const SweepCell& c) {
  std::string out;
  for (const Estimate& e :
       {c.p_shortage, c.unmet_t, c.unmet_pct, c.cvar95_unmet_t, c.longest_spell_days}) {
    out += "," + num(e.value) + "," + num(e.se);
  }
  out += "," + num(c.stock_t) + "," + num(c.carrying_cost_per_year);
  for (const Estimate& e : {c.priced_out_t, c.priced_out_pct, c.not_served_t, c.not_served_pct}) {
    out += "," + num(e.value) + "," + num(e.se);
  }
  return out;
}

std::string json_estimate(const Estimate& e) {
  return "{\"value\": " + num(e.value) + ", \"se\": " + num(e.se) + "}";
}

std::string json_cell(const SweepCell& c) {
  return "{\"days\": " + num(c.days) + ", \"recycling_share\": " + num(c.recycling_share) +
         ", \"p_shortage\": " + json_estimate(c.p_shortage) +
         ", \"unmet_t\": " + json_estimate(c.unmet_t) +
         ", \"unmet_pct\": " + json_estimate(c.unmet_pct) +
         ", \"cvar95_unmet_t\": " + json_estimate(c.cvar95_unmet_t) +
         ", \"longest_spell_days\": " + json_estimate(c.longest_spell_days) +
         ", \"stock_t\": " + num(c.stock_t) +
         ", \"carrying_cost_per_year\": " + num(c.carrying_cost_per_year) +
         ", \"priced_out_t\": " + json_estimate(c.priced_out_t) +
         ", \"priced_out_pct\": " + json_estimate(c.priced_out_pct) +
         ", \"not_served_t\": " + json_estimate(c.not_served_t) +
         ", \"not_served_pct\": " + json_estimate(c.not_served_pct) + "}";
}

std::string json_cell(const std::optional<SweepCell>& c) {
  return c ? json_cell(*c) : "null";
}

std::string pm(const Estimate& e) {
  return fixed(e.value) + " ± " + fixed(e.se);
}

std::string recycling_text(const SweepResult& r) {
  if (!r.recycling) return "";
  if (!r.recycling->share) return "none";
  if (*r.recycling->share == 0.0) return "not needed";
  return share_text(*r.recycling->share);
}

}  // namespace

std::vector<LimitNote> sweep_notes(const SweepHeader& h, const SweepResult& r) {
  std::vector<LimitNote> notes = h.setting_notes;
  const DaysFinding* f = headline_finding(h, r);
  if (f == nullptr || !r.target) return notes;
  if (std::optional<StockpileFloor> floor = stockpile_floor(r, *f)) {
    notes.push_back(stockpile_floor_note(*floor, *r.target, h.policy));
  }
  return notes;
}

std::string sweep_table(const SweepHeader& h, const SweepResult& r) {
  std::ostringstream out;
  out << header_line(h, r);
  out << "demand " << fixed(r.demand_t_per_day) << " t/day";
  if (!h.demand_basis.empty()) out << " (" << h.demand_basis << ")";
  out << ", price " << fixed(r.price_per_t) << " " << h.price_unit << ", carrying rate "
      << format_number(100.0 * h.carrying_rate_per_year) << "%/yr; " << recycling_note(h) << "\n\n";
  std::string cost = "carrying " + currency(h) + "/yr";
  // A target on the clearing market's metrics shows them beside the physical ones.
  const bool market = r.target && is_market_metric(r.target->metric);
  std::vector<std::string> columns{"days",    "recycling", "P(shortage)",    "E[unmet] t",
                                   "unmet %", "CVaR95 t",  "longest spell d"};
  if (market) {
    columns.insert(columns.end(), {"priced out t", "priced out %", "not served t", "not served %"});
  }
  columns.insert(columns.end(), {"stock t", cost});
  TextTable table(columns);
  for (const SweepCell& c : r.cells) {
    std::vector<std::string> row{
        days_text(c.days), share_text(c.recycling_share), pm(c.p_shortage),        pm(c.unmet_t),
        pm(c.unmet_pct),   pm(c.cvar95_unmet_t),          pm(c.longest_spell_days)};
    if (market) {
      row.insert(row.end(), {pm(c.priced_out_t), pm(c.priced_out_pct), pm(c.not_served_t),
                             pm(c.not_served_pct)});
    }
    row.insert(row.end(), {fixed(c.stock_t), fixed(c.carrying_cost_per_year)});
    table.add_row(row);
  }
  out << table.render();
  out << "± is one Monte Carlo standard error; every cell uses the same trials (common random "
         "numbers).\n";
  if (!r.target) return out.str();
  out << "\nTarget " << to_string(*r.target) << "\n";
  for (const DaysFinding& f : r.days_needed) {
    out << "  recycling " << share_text(f.recycling_share) << ": ";
    if (!f.days) {
      out << "not met within " << days_text(r.cells.empty() ? 0.0 : r.cells.back().days) << " days";
      if (f.days_low) out << " (met within -2 SE from " << days_text(*f.days_low) << " days)";
    } else {
      out << days_text(*f.days) << " days needed ("
          << fixed(metric_of(*f.at_days, r.target->metric).value)
          << "); within ±2 SE: " << (f.days_low ? days_text(*f.days_low) : "?") << " to "
          << (f.days_high ? days_text(*f.days_high) : "> grid") << " days; carrying "
          << fixed(f.at_days->carrying_cost_per_year) << " " << currency(h) << "/yr";
    }
    if (const SweepCell* base = find_cell(r, r.base_days, f.recycling_share)) {
      out << "; the " << days_text(r.base_days) << "-day base: P(shortage) " << pm(base->p_shortage)
          << ", E[unmet] " << pm(base->unmet_t) << " t, " << fixed(base->carrying_cost_per_year)
          << " " << currency(h) << "/yr";
      if (f.days) {
        out << "; " << (*f.days > r.base_days ? "extra " : "fewer ")
            << days_text(std::abs(*f.days - r.base_days)) << " days";
      }
    }
    out << "\n";
  }
  if (r.recycling) {
    out << "  recycling alternative at the " << days_text(r.recycling->at_days)
        << "-day base (no extra days): ";
    if (!r.recycling->share) {
      out << "no share up to the search cap meets the target\n";
    } else if (*r.recycling->share == 0.0) {
      out << "not needed, the base meets the target without recycling\n";
    } else {
      out << "recycling share " << share_text(*r.recycling->share) << " ("
          << to_string(r.target->metric) << " "
          << fixed(metric_of(*r.recycling->at_share, r.target->metric).value) << " ± "
          << fixed(metric_of(*r.recycling->at_share, r.target->metric).se) << ")\n";
    }
  }
  out << note_lines(sweep_notes(h, r));
  return out.str();
}

std::string sweep_csv(const SweepHeader& h, const SweepResult& r) {
  // The notes column: the headline's limits (sweep_notes) on the days_needed rows, empty elsewhere.
  const std::string end = "," + csv_field(h.vintage) + ",\n";
  const std::string end_with_notes =
      "," + csv_field(h.vintage) + "," + csv_field(notes_cell(sweep_notes(h, r))) + "\n";
  std::ostringstream out;
  out << kCsvColumns << ",vintage,notes\n";
  for (const SweepCell& c : r.cells) {
    out << "cell," << num(c.recycling_share) << "," << num(c.days) << ",," << csv_cell_values(c)
        << end;
  }
  for (const DaysFinding& f : r.days_needed) {
    out << "days_needed," << num(f.recycling_share) << "," << num(f.days) << "," << num(f.days_low)
        << "," << num(f.days_high);
    out << (f.at_days ? csv_cell_values(*f.at_days) : std::string(20, ',')) << end_with_notes;
  }
  if (r.recycling) {
    out << "recycling_alternative," << num(r.recycling->share) << "," << num(r.recycling->at_days)
        << ",,";
    out << (r.recycling->at_share ? csv_cell_values(*r.recycling->at_share) : std::string(20, ','))
        << end;
  }
  return out.str();
}

std::string sweep_json(const SweepHeader& h, const SweepResult& r) {
  std::ostringstream out;
  out << "{\n  \"scenario\": " << json_string(h.scenario)
      << ",\n  \"name\": " << json_string(h.name) << ",\n  \"mineral\": " << json_string(h.mineral)
      << ",\n  \"vintage\": " << json_string(h.vintage)
      << ",\n  \"policy\": " << json_string(h.policy) << ",\n  \"trials\": " << r.trials
      << ",\n  \"seed\": " << r.seed << ",\n  \"passes\": " << r.passes
      << ",\n  \"horizon_days\": " << num(h.horizon_days)
      << ",\n  \"demand_t_per_day\": " << num(r.demand_t_per_day)
      << ",\n  \"demand_basis\": " << json_string(h.demand_basis)
      << ",\n  \"price_per_t\": " << num(r.price_per_t)
      << ",\n  \"price_unit\": " << json_string(h.price_unit)
      << ",\n  \"carrying_rate_per_year\": " << num(h.carrying_rate_per_year)
      << ",\n  \"current_recycling_share\": " << json_num(h.current_recycling_share)
      << ",\n  \"recycling_is_proxy\": " << (h.recycling_is_proxy ? "true" : "false")
      << ",\n  \"base_days\": " << num(r.base_days) << ",\n  \"cells\": [";
  for (std::size_t i = 0; i < r.cells.size(); ++i) {
    out << (i ? "," : "") << "\n    " << json_cell(r.cells[i]);
  }
  out << "\n  ],\n  \"target\": "
      << (r.target ? json_string(to_string(*r.target)) : std::string("null"))
      << ",\n  \"days_needed\": [";
  for (std::size_t i = 0; i < r.days_needed.size(); ++i) {
    const DaysFinding& f = r.days_needed[i];
    out << (i ? "," : "") << "\n    {\"recycling_share\": " << num(f.recycling_share)
        << ", \"days\": " << json_num(f.days) << ", \"days_low\": " << json_num(f.days_low)
        << ", \"days_high\": " << json_num(f.days_high) << ", \"at_days\": " << json_cell(f.at_days)
        << "}";
  }
  out << "\n  ],\n  \"recycling_alternative\": ";
  if (r.recycling) {
    out << "{\"at_days\": " << num(r.recycling->at_days)
        << ", \"share\": " << json_num(r.recycling->share)
        << ", \"at_share\": " << json_cell(r.recycling->at_share) << "}";
  } else {
    out << "null";
  }
  out << ",\n  \"notes\": " << notes_json(sweep_notes(h, r)) << "\n}\n";
  return out.str();
}

namespace {

struct SummaryFields {
  std::string mineral;
  std::string scenario;
  std::optional<double> share;
  std::optional<double> days, days_low, days_high;
  std::optional<SweepCell> base;
  std::optional<double> target_cost;
  std::optional<double> recycling;
  std::string currency;
  std::string vintage;
};

SummaryFields summary_fields(const SweepSummaryRow& row) {
  SummaryFields f;
  f.mineral = row.header.mineral;
  f.scenario = row.header.scenario;
  f.vintage = row.header.vintage;
  f.currency = currency(row.header);
  if (const DaysFinding* d = headline_finding(row.header, row.result)) {
    f.share = d->recycling_share;
    f.days = d->days;
    f.days_low = d->days_low;
    f.days_high = d->days_high;
    if (d->at_days) f.target_cost = d->at_days->carrying_cost_per_year;
    if (const SweepCell* b = find_cell(row.result, row.result.base_days, d->recycling_share)) {
      f.base = *b;
    }
  }
  if (row.result.recycling) f.recycling = row.result.recycling->share;
  return f;
}

double share_of_demand(const SweepDrivers& d, const NodeCriticality& node) {
  return d.annual_demand_t > 0.0 ? node.added_unmet_t / d.annual_demand_t : 0.0;
}
std::string node_name(const NodeCriticality& node) {
  return node.country + " " + std::string(to_string(node.stage));
}

}  // namespace

std::string drivers_text(const SweepDrivers& drivers) {
  std::string text;
  for (const NodeCriticality& node : drivers.nodes) {
    if (!text.empty()) text += ", ";
    double share = share_of_demand(drivers, node);
    // Two significant digits down to 1e-4 of demand (copper's second node is ~0.003).
    int decimals = share >= 0.1 ? 2 : share >= 0.01 ? 3 : 4;
    text += node_name(node) + " " + format_fixed(share, decimals);
  }
  return text;
}

std::string sweep_summary_table(const std::vector<SweepSummaryRow>& rows) {
  std::ostringstream out;
  if (rows.empty()) return out.str();
  const SweepResult& first = rows.front().result;
  out << "Stockpile days needed per mineral, background supply risk; target "
      << (first.target ? to_string(*first.target) : std::string("none")) << "; " << first.trials
      << " trials, seed " << first.seed << "; base " << days_text(first.base_days) << " days\n";
  bool same_vintage = true;
  for (const SweepSummaryRow& row : rows) {
    same_vintage = same_vintage && row.header.vintage == rows.front().header.vintage;
  }
  std::string kept;  // "cobalt imports.refined, ...": seed blocks the simulations kept on latest
  for (const SweepSummaryRow& row : rows) {
    if (row.header.seed_blocks.empty()) continue;
    kept += (kept.empty() ? "" : "; ") + row.header.mineral + " " + row.header.seed_blocks;
  }
  if (same_vintage) {
    out << vintage_line(rows.front().header.vintage, rows.front().header.market, kept) << "\n";
  } else {
    out << "Data vintage:";
    for (const SweepSummaryRow& row : rows) {
      out << " " << row.header.mineral << " " << row.header.vintage
          << (&row == &rows.back() ? "" : ",");
    }
    out << " (a file without latest figures is read on its seed figures, one with `seed: none` on "
           "its latest)";
    bool same_market = true;
    for (const SweepSummaryRow& row : rows) {
      same_market = same_market && row.header.market == rows.front().header.market;
    }
    if (same_market) out << "; market: " << rows.front().header.market << " (docs/market.md)";
    out << "\n\n";
  }
  std::string base = days_text(first.base_days) + "-day ";
  TextTable table({"mineral", "recycling", "days needed", "±2 SE range", base + "P(shortage)",
                   base + "E[unmet] t", base + "unmet %", "target cost/yr", "base cost/yr",
                   "recycling alt.", "drivers"});
  std::string beyond;  // minerals whose target no level of the sweep meets
  for (const SweepSummaryRow& row : rows) {
    SummaryFields f = summary_fields(row);
    auto [days, range] = headline_days(row.result, headline_finding(row.header, row.result));
    if (days.rfind('>', 0) == 0) beyond += (beyond.empty() ? "" : ", ") + f.mineral;
    table.add_row({f.mineral, f.share ? share_text(*f.share) : "", days, range,
                   f.base ? pm(f.base->p_shortage) : "", f.base ? pm(f.base->unmet_t) : "",
                   f.base ? pm(f.base->unmet_pct) : "",
                   f.target_cost ? fixed(*f.target_cost) + " " + f.currency : "n/a",
                   f.base ? fixed(f.base->carrying_cost_per_year) + " " + f.currency : "",
                   recycling_text(row.result), drivers_text(row.drivers)});
  }
  out << table.render();
  out << "recycling: the share the days are for (the mineral's current share, 0 where unknown); "
         "recycling alt.: the smallest recycling share that meets the target at the base days "
         "(searched up to --max-recycling; 'not needed': the base already meets it); costs: days x "
         "daily demand x price x carrying rate "
         "(docs/stockpile.md).\n";
  if (!beyond.empty()) {
    // A limit beside the number (issue 25): "> N" is not a large answer but none.
    out << "> days (" << beyond
        << "): no level swept meets the target; where P(shortage) hardly falls from the base to "
           "the largest level, more days do not help (the plateau: a stop that outlasts any "
           "stock; docs/stockpile.md, \"How to read\").\n";
  }
  for (const SweepSummaryRow& row : rows) {
    for (const LimitNote& note : sweep_notes(row.header, row.result)) {
      out << "note: " << row.header.mineral << ": " << note.text << "\n";
    }
  }
  out << "days are days of demand:";
  for (const SweepSummaryRow& row : rows) {
    out << "\n  " << row.header.mineral << ": " << fixed(row.result.demand_t_per_day) << " t/day, "
        << row.header.demand_basis;
  }
  out << "\n";
  if (!rows.front().drivers.nodes.empty()) {
    out << "drivers: the nodes that add most expected unmet demand when each fails alone for 90 "
           "days, over annual demand (mineflow criticality, no stockpile, "
        << rows.front().drivers.trials << " trials, same seed).\n";
  }
  return out.str();
}

std::string sweep_summary_csv(const std::vector<SweepSummaryRow>& rows) {
  std::ostringstream out;
  out << "mineral,scenario,target,recycling_share,days_needed,days_low,days_high,base_days,"
         "base_p_shortage,base_p_shortage_se,base_unmet_t,base_unmet_t_se,base_unmet_pct,"
         "base_unmet_pct_se,target_carrying_cost_per_year,base_carrying_cost_per_year,currency,"
         "recycling_alternative_share,vintage,drivers_trials";
  for (std::size_t k = 1; k <= kDriverCount; ++k) {
    std::string d = "driver_" + std::to_string(k);
    out << "," << d << "_country," << d << "_stage," << d << "_added_unmet_t," << d
        << "_added_unmet_se_t," << d << "_share_of_demand";
  }
  out << ",notes\n";
  for (const SweepSummaryRow& row : rows) {
    SummaryFields f = summary_fields(row);
    const SweepResult& r = row.result;
    out << csv_field(f.mineral) << "," << csv_field(f.scenario) << ","
        << csv_field(r.target ? to_string(*r.target) : "") << "," << num(f.share) << ","
        << num(f.days) << "," << num(f.days_low) << "," << num(f.days_high) << ","
        << num(r.base_days) << ",";
    if (f.base) {
      out << num(f.base->p_shortage.value) << "," << num(f.base->p_shortage.se) << ","
          << num(f.base->unmet_t.value) << "," << num(f.base->unmet_t.se) << ","
          << num(f.base->unmet_pct.value) << "," << num(f.base->unmet_pct.se) << ",";
    } else {
      out << ",,,,,,";
    }
    out << num(f.target_cost) << ","
        << (f.base ? num(f.base->carrying_cost_per_year) : std::string()) << ","
        << csv_field(f.currency) << "," << num(f.recycling) << "," << csv_field(f.vintage) << ",";
    const SweepDrivers& d = row.drivers;
    if (!d.nodes.empty()) out << d.trials;
    for (std::size_t k = 0; k < kDriverCount; ++k) {
      if (k < d.nodes.size()) {
        const NodeCriticality& node = d.nodes[k];
        out << "," << csv_field(node.country) << "," << to_string(node.stage) << ","
            << num(node.added_unmet_t) << "," << num(node.added_se_t) << ","
            << num(share_of_demand(d, node));
      } else {
        out << ",,,,,";
      }
    }
    out << "," << csv_field(notes_cell(sweep_notes(row.header, r))) << "\n";
  }
  return out.str();
}

namespace {

std::string drivers_json(const SweepDrivers& d) {
  if (d.nodes.empty()) return "null";
  std::ostringstream out;
  out << "{\"trials\": " << d.trials << ", \"annual_demand_t\": " << num(d.annual_demand_t)
      << ", \"nodes\": [";
  for (std::size_t k = 0; k < d.nodes.size(); ++k) {
    const NodeCriticality& node = d.nodes[k];
    out << (k ? ", " : "") << "{\"country\": " << json_string(node.country)
        << ", \"stage\": " << json_string(std::string(to_string(node.stage)))
        << ", \"world_share\": " << num(node.baseline_share)
        << ", \"added_unmet_t\": " << num(node.added_unmet_t)
        << ", \"added_unmet_se_t\": " << num(node.added_se_t)
        << ", \"share_of_demand\": " << num(share_of_demand(d, node)) << "}";
  }
  out << "]}";
  return out.str();
}

}  // namespace

std::string sweep_summary_json(const std::vector<SweepSummaryRow>& rows) {
  std::ostringstream out;
  out << "{\n  \"minerals\": [";
  for (std::size_t i = 0; i < rows.size(); ++i) {
    SummaryFields f = summary_fields(rows[i]);
    const SweepResult& r = rows[i].result;
    out << (i ? "," : "") << "\n    {\"mineral\": " << json_string(f.mineral)
        << ", \"scenario\": " << json_string(f.scenario)
        << ", \"vintage\": " << json_string(f.vintage)
        << ", \"demand_t_per_day\": " << num(r.demand_t_per_day)
        << ", \"demand_basis\": " << json_string(rows[i].header.demand_basis)
        << ", \"target\": " << (r.target ? json_string(to_string(*r.target)) : std::string("null"))
        << ", \"trials\": " << r.trials << ", \"seed\": " << r.seed
        << ", \"recycling_share\": " << json_num(f.share)
        << ", \"days_needed\": " << json_num(f.days) << ", \"days_low\": " << json_num(f.days_low)
        << ", \"days_high\": " << json_num(f.days_high) << ", \"base_days\": " << num(r.base_days)
        << ", \"base\": " << json_cell(f.base)
        << ", \"target_carrying_cost_per_year\": " << json_num(f.target_cost)
        << ", \"currency\": " << json_string(f.currency)
        << ", \"recycling_alternative_share\": " << json_num(f.recycling)
        << ", \"drivers\": " << drivers_json(rows[i].drivers)
        << ", \"notes\": " << notes_json(sweep_notes(rows[i].header, r)) << "}";
  }
  out << "\n  ]\n}\n";
  return out.str();
}

std::string headline_days_text(const SweepHeader& header, const SweepResult& result,
                               const HeadlineWords& words) {
  if (!result.target) return "";
  const DaysFinding* f = headline_finding(header, result);
  auto [days, range] = headline_days(result, f, words.to);
  if (f != nullptr && f->days) return days + " (" + range + ")";
  return days + " (" + words.not_met +
         days_text(result.cells.empty() ? 0.0 : result.cells.back().days) + words.days + ")";
}

}  // namespace mineflow::io
