#include "tools/io/run_report.h"

#include <cmath>
#include <sstream>

#include "graph/number_format.h"
#include "tools/io/indicator_report.h"
#include "tools/io/series_key_days.h"
#include "tools/io/terminal_number.h"
#include "tools/io/text_escape.h"
#include "tools/io/text_table.h"
#include "tools/io/vintage_line.h"

namespace mineflow::io {
namespace {

constexpr const char* kStatistics[] = {"mean", "sd", "se", "q50", "q90", "q95", "q99", "cvar95"};

std::array<double, 8> stats_of(const MetricSummary& s) {
  return {s.mean, s.sd, s.se, s.q50, s.q90, s.q95, s.q99, s.cvar95};
}

std::string num(double value) {
  return format_number(value);
}
std::string num(const std::optional<double>& value) {
  return value ? num(*value) : "";
}
std::string json_num(const std::optional<double>& value) {
  return value ? num(*value) : "null";
}

// Terminal tables only: fewer decimals as numbers grow, and thousands separators.
std::string fixed(double value) {
  double magnitude = std::abs(value);
  return format_grouped(value, magnitude >= 1e5 ? 0 : magnitude >= 100 ? 2 : 4);
}

std::optional<double> residual_for(const PolicyReport& p, IndicatorId id) {
  if (id == IndicatorId::concentrate_import_stability) return p.residual_concentrate;
  if (id == IndicatorId::refined_import_stability) return p.residual_refined;
  return std::nullopt;
}

// Only where the market can split (the metrics' comment, sim/trial_metrics.h).
std::string split_json(const RunHeader& h) {
  if (h.split_country.empty()) return "";
  return ",\n  \"split_market\": {\"restricting_country\": " + json_string(h.split_country) +
         ", \"outside_price\": \"peak_price_multiple\", \"domestic_price\": "
         "\"domestic_price_at_peak\"}";
}

std::string header_line(const RunHeader& h) {
  return h.name + " (" + h.scenario + "), mineral " + h.mineral + "; " + std::to_string(h.trials) +
         " trial" + (h.trials == 1 ? "" : "s") + ", seed " + std::to_string(h.seed) + ", horizon " +
         format_number(h.horizon_days) + " days\n" +
         vintage_line(h.vintage, h.market, h.seed_blocks) +
         (h.split_country.empty()
              ? std::string()
              : "Split market: while " + h.split_country +
                    "'s refined exports are cut, peak_price_multiple is the price outside " +
                    h.split_country + " (the focal economy's) and domestic_price_at_peak " +
                    h.split_country + "'s own on that day (docs/market.md)\n");
}

constexpr const char* kSeriesColumns[] = {"day",
                                          "demand_t",
                                          "domestic_t",
                                          "imports_t",
                                          "recycling_t",
                                          "inventory_draw_t",
                                          "stockpile_release_t",
                                          "refill_purchases_t",
                                          "unmet_t",
                                          "inventory_t",
                                          "stockpile_t",
                                          "price_multiple",
                                          "substitution_t",
                                          "new_supply_t"};

// The restricting country's daily price, last, only where the market can split (as the split
// metrics): every other run's series keeps its columns.
constexpr const char* kSplitSeriesColumn = "domestic_price_multiple";

std::vector<std::string> series_columns(const RunHeader& h) {
  std::vector<std::string> columns(std::begin(kSeriesColumns), std::end(kSeriesColumns));
  if (!h.split_country.empty()) columns.emplace_back(kSplitSeriesColumn);
  return columns;
}

// The values of series_columns after "day".
std::vector<double> series_values(const RunHeader& h, const DayRecord& d) {
  std::vector<double> values{d.demand_t,           d.domestic_t,       d.imports_t,
                             d.recycling_t,        d.inventory_draw_t, d.stockpile_release_t,
                             d.refill_purchases_t, d.unmet_t,          d.inventory_end_t,
                             d.stockpile_end_t,    d.price_multiple,   d.substitution_t,
                             d.new_supply_t};
  if (!h.split_country.empty()) values.push_back(d.domestic_price_multiple);
  return values;
}

void notes_csv(std::ostringstream& out, const std::string& policy,
               const std::vector<LimitNote>& notes, const std::string& end) {
  for (const LimitNote& note : notes) {
    out << policy << ",notes," << note.id << "," << note_statistic(note) << ","
        << num(note_value(note)) << end;
  }
}

const std::vector<LimitNote>& notes_of(const std::vector<std::vector<LimitNote>>& notes,
                                       std::size_t k) {
  static const std::vector<LimitNote> none;
  return k < notes.size() ? notes[k] : none;
}

}  // namespace

std::string run_summary_csv(const RunHeader& header, const std::vector<PolicyReport>& policies) {
  const std::string end = "," + csv_field(header.vintage) + "\n";
  std::ostringstream out;
  out << "policy,section,name,statistic,value,vintage\n";
  notes_csv(out, "", header.notes, end);
  for (const PolicyReport& p : policies) {
    std::string policy = csv_field(p.name);
    notes_csv(out, policy, p.notes, end);
    for (std::size_t m = 0; m < kMetricCount; ++m) {
      if (is_split_metric(m) && header.split_country.empty()) continue;
      auto values = stats_of(p.metrics[m]);
      for (std::size_t s = 0; s < values.size(); ++s) {
        out << policy << ",summary," << to_string(static_cast<Metric>(m)) << "," << kStatistics[s]
            << "," << num(values[s]) << end;
      }
    }
    out << policy << ",summary,any_shortage,p," << num(p.any_shortage.p) << end;
    out << policy << ",summary,any_shortage,se," << num(p.any_shortage.se) << end;
    out << policy << ",summary,reference_unmet_t,mean," << num(p.reference_expected_unmet_t) << end;
    for (std::size_t i = 0; i < p.before.size(); ++i) {
      std::string id(to_string(p.before[i].id));
      out << policy << ",indicators," << id << ",before," << num(p.before[i].value) << end;
      out << policy << ",indicators," << id << ",after," << num(p.after[i].value) << end;
      if (auto r = residual_for(p, p.before[i].id)) {
        out << policy << ",indicators," << id << ",residual_risk," << num(*r) << end;
      }
    }
  }
  return out.str();
}

std::string run_summary_json(const RunHeader& h, const std::vector<PolicyReport>& policies) {
  std::ostringstream out;
  out << "{\n  \"scenario\": " << json_string(h.scenario)
      << ",\n  \"name\": " << json_string(h.name) << ",\n  \"mineral\": " << json_string(h.mineral)
      << ",\n  \"vintage\": " << json_string(h.vintage)
      << ",\n  \"market\": " << json_string(h.market) << split_json(h)
      << ",\n  \"trials\": " << h.trials << ",\n  \"seed\": " << h.seed
      << ",\n  \"horizon_days\": " << num(h.horizon_days)
      << ",\n  \"procurement_cost_unit\": " << json_string(h.price_unit)
      << ",\n  \"notes\": " << notes_json(h.notes) << ",\n  \"policies\": [";
  for (std::size_t k = 0; k < policies.size(); ++k) {
    const PolicyReport& p = policies[k];
    out << (k ? "," : "") << "\n    {\n      \"name\": " << json_string(p.name)
        << ",\n      \"p_any_shortage\": " << num(p.any_shortage.p)
        << ",\n      \"p_any_shortage_se\": " << num(p.any_shortage.se)
        << ",\n      \"reference_expected_unmet_t\": " << num(p.reference_expected_unmet_t)
        << ",\n      \"notes\": " << notes_json(p.notes) << ",\n      \"metrics\": {";
    for (std::size_t m = 0; m < kMetricCount; ++m) {
      if (is_split_metric(m) && h.split_country.empty()) continue;
      auto values = stats_of(p.metrics[m]);
      out << (m ? "," : "") << "\n        " << json_string(to_string(static_cast<Metric>(m)))
          << ": {";
      for (std::size_t s = 0; s < values.size(); ++s) {
        out << (s ? ", " : "") << "\"" << kStatistics[s] << "\": " << num(values[s]);
      }
      out << "}";
    }
    out << "\n      },\n      \"indicators\": [";
    for (std::size_t i = 0; i < p.before.size(); ++i) {
      out << (i ? "," : "") << "\n        {\"id\": " << json_string(to_string(p.before[i].id))
          << ", \"before\": " << json_num(p.before[i].value)
          << ", \"after\": " << json_num(p.after[i].value)
          << ", \"residual_risk\": " << json_num(residual_for(p, p.before[i].id)) << "}";
    }
    out << "\n      ]\n    }";
  }
  out << "\n  ]\n}\n";
  return out.str();
}

std::string run_summary_table(const RunHeader& h, const std::vector<PolicyReport>& policies) {
  std::ostringstream out;
  out << header_line(h) << note_lines(h.notes);
  for (const PolicyReport& p : policies) {
    out << "\nPolicy: " << p.name << "\n";
    TextTable table({"Metric", "mean", "sd", "MC se", "q50", "q90", "q95", "q99", "CVaR95"});
    for (std::size_t m = 0; m < kMetricCount; ++m) {
      if (is_split_metric(m) && h.split_country.empty()) continue;
      std::vector<std::string> row{std::string(to_string(static_cast<Metric>(m)))};
      for (double v : stats_of(p.metrics[m])) row.push_back(fixed(v));
      table.add_row(std::move(row));
    }
    out << table.render();
    out << "P(any shortage) = " << format_fixed(p.any_shortage.p, 4) << " (MC se "
        << format_fixed(p.any_shortage.se, 4) << ")\n";
    out << "Procurement cost in " << h.price_unit
        << "; E[unmet] without stockpile and recycling = " << fixed(p.reference_expected_unmet_t)
        << " t\n"
        << note_lines(p.notes);
    out << "\nBefore/after " << p.name << "\n";
    TextTable view({"Indicator", "before", "after", "residual risk"});
    for (std::size_t i = 0; i < p.before.size(); ++i) {
      auto r = residual_for(p, p.before[i].id);
      auto shown = [](const IndicatorValue& v) {
        return v.value ? format_indicator_value(v) : std::string("N/A");
      };
      view.add_row({std::string(display_name(p.before[i].id)), shown(p.before[i]),
                    shown(p.after[i]), r ? format_fixed(*r, 4) : ""});
    }
    out << view.render();
  }
  out << "\nresidual risk = after x E[unmet | policy] / E[unmet | no stockpile, no recycling], "
         "over the same trials (docs/domain.md).\n";
  return out.str();
}

std::string run_series_csv(const RunHeader& header, const std::vector<PolicySeries>& series) {
  std::ostringstream out;
  out << "policy";
  for (const std::string& column : series_columns(header)) out << "," << column;
  out << ",vintage\n";
  for (const PolicySeries& s : series) {
    for (const DayRecord& d : s.days) {
      out << csv_field(s.name) << "," << d.day;
      for (double v : series_values(header, d)) out << "," << num(v);
      out << "," << csv_field(header.vintage) << "\n";
    }
  }
  return out.str();
}

std::string run_series_json(const RunHeader& h, const std::vector<PolicySeries>& series,
                            bool with_days, const std::vector<std::vector<LimitNote>>& notes) {
  std::ostringstream out;
  out << "{\n  \"scenario\": " << json_string(h.scenario)
      << ",\n  \"vintage\": " << json_string(h.vintage) << ",\n  \"seed\": " << h.seed
      << ",\n  \"horizon_days\": " << num(h.horizon_days)
      << ",\n  \"notes\": " << notes_json(h.notes) << ",\n  \"policies\": [";
  for (std::size_t k = 0; k < series.size(); ++k) {
    const PolicySeries& s = series[k];
    out << (k ? "," : "") << "\n    {\n      \"name\": " << json_string(s.name)
        << ",\n      \"metrics\": {";
    for (std::size_t m = 0; m < kMetricCount; ++m) {
      if (is_split_metric(m) && h.split_country.empty()) continue;
      out << (m ? ", " : "") << json_string(to_string(static_cast<Metric>(m))) << ": "
          << num(s.metrics[m]);
    }
    out << "}";
    out << ",\n      \"notes\": " << notes_json(notes_of(notes, k));
    if (!with_days) {
      KeyDays key = key_days(s.days);
      auto day_json = [](const std::optional<int>& day) {
        return day ? std::to_string(*day) : std::string("null");
      };
      auto at_json = [](const std::optional<DayValue>& at) {
        return at ? "{\"day\": " + std::to_string(at->day) + ", \"value\": " + num(at->value) + "}"
                  : std::string("null");
      };
      out << ",\n      \"first_short_day\": " << day_json(key.first_short_day)
          << ",\n      \"last_short_day\": " << day_json(key.last_short_day)
          << ",\n      \"whole_days_short\": " << key.days_short
          << ",\n      \"peak_unmet_day\": " << at_json(key.peak_unmet)
          << ",\n      \"lowest_stockpile_day\": " << at_json(key.lowest_stockpile)
          << ",\n      \"peak_price_day\": " << at_json(key.peak_price) << "\n    }";
      continue;
    }
    out << ",\n      \"days\": [";
    const std::vector<std::string> columns = series_columns(h);
    for (std::size_t d = 0; d < s.days.size(); ++d) {
      out << (d ? "," : "") << "\n        {\"day\": " << s.days[d].day;
      const std::vector<double> values = series_values(h, s.days[d]);
      for (std::size_t c = 0; c < values.size(); ++c) {
        out << ", \"" << columns[c + 1] << "\": " << num(values[c]);
      }
      out << "}";
    }
    out << "\n      ]\n    }";
  }
  out << "\n  ]\n}\n";
  return out.str();
}

std::string run_series_summary_csv(const RunHeader& header, const std::vector<PolicySeries>& series,
                                   const std::vector<std::vector<LimitNote>>& notes) {
  const std::string end = "," + csv_field(header.vintage) + "\n";
  std::ostringstream out;
  out << "policy,name,day,value,vintage\n";
  // A note's row: its id as the name, no day, its number as the value (note_value).
  auto note_rows = [&](const std::string& policy, const std::vector<LimitNote>& list) {
    for (const LimitNote& note : list) {
      out << policy << ",note_" << note.id << ",," << num(note_value(note)) << end;
    }
  };
  note_rows("", header.notes);
  for (std::size_t k = 0; k < series.size(); ++k) {
    const PolicySeries& s = series[k];
    std::string policy = csv_field(s.name);
    note_rows(policy, notes_of(notes, k));
    for (std::size_t m = 0; m < kMetricCount; ++m) {
      if (is_split_metric(m) && header.split_country.empty()) continue;
      out << policy << "," << to_string(static_cast<Metric>(m)) << ",," << num(s.metrics[m]) << end;
    }
    KeyDays key = key_days(s.days);
    auto day_row = [&](const char* name, const std::optional<int>& day) {
      if (day) out << policy << "," << name << "," << *day << "," << end;
    };
    auto value_row = [&](const char* name, const std::optional<DayValue>& at) {
      if (at) out << policy << "," << name << "," << at->day << "," << num(at->value) << end;
    };
    day_row("first_short_day", key.first_short_day);
    day_row("last_short_day", key.last_short_day);
    out << policy << ",whole_days_short,," << key.days_short << end;
    value_row("peak_unmet_day", key.peak_unmet);
    value_row("lowest_stockpile_day", key.lowest_stockpile);
    value_row("peak_price_day", key.peak_price);
  }
  return out.str();
}

std::string run_series_summary_table(const RunHeader& h, const std::vector<PolicySeries>& series,
                                     const std::vector<std::vector<LimitNote>>& notes) {
  std::ostringstream out;
  out << header_line(h) << note_lines(h.notes);
  out << "One trial: its metrics and the days that matter (the daily series: --series, or --out "
         "DIR).\n\n";
  std::vector<std::string> head{"Metric"};
  for (const PolicySeries& s : series) head.push_back(s.name);
  TextTable metrics(head);
  for (std::size_t m = 0; m < kMetricCount; ++m) {
    if (is_split_metric(m) && h.split_country.empty()) continue;
    std::vector<std::string> row{std::string(to_string(static_cast<Metric>(m)))};
    for (const PolicySeries& s : series) row.push_back(fixed(s.metrics[m]));
    metrics.add_row(std::move(row));
  }
  out << metrics.render() << "\n";
  head[0] = "Days that matter (day 0 first)";
  TextTable days(head);
  std::vector<KeyDays> keys;
  for (const PolicySeries& s : series) keys.push_back(key_days(s.days));
  auto add = [&](const char* name, auto cell) {
    std::vector<std::string> row{name};
    for (const KeyDays& k : keys) row.push_back(cell(k));
    days.add_row(std::move(row));
  };
  auto day_text = [](const std::optional<int>& day) {
    return day ? std::to_string(*day) : std::string("never");
  };
  auto at_text = [](const std::optional<DayValue>& at, const std::string& unit) {
    return at ? fixed(at->value) + unit + " on day " + std::to_string(at->day) : std::string("-");
  };
  add("first day short", [&](const KeyDays& k) { return day_text(k.first_short_day); });
  add("last day short", [&](const KeyDays& k) { return day_text(k.last_short_day); });
  add("whole days short", [](const KeyDays& k) { return std::to_string(k.days_short); });
  add("worst day, unmet", [&](const KeyDays& k) { return at_text(k.peak_unmet, " t"); });
  add("lowest stockpile", [&](const KeyDays& k) { return at_text(k.lowest_stockpile, " t"); });
  add("peak price", [&](const KeyDays& k) { return at_text(k.peak_price, "x"); });
  out << days.render();
  // Said once when every policy shares them (the clearing market runs once per trial).
  bool shared = true;
  for (std::size_t k = 0; k < series.size(); ++k) {
    shared = shared && note_lines(notes_of(notes, k)) == note_lines(notes_of(notes, 0));
  }
  for (std::size_t k = 0; k < series.size(); ++k) {
    const std::vector<LimitNote>& list = notes_of(notes, k);
    if (shared) {
      out << note_lines(list);
      break;
    }
    if (!list.empty()) out << series[k].name << ":\n" << note_lines(list);
  }
  return out.str();
}

std::string run_series_table(const RunHeader& h, const std::vector<PolicySeries>& series) {
  std::ostringstream out;
  out << header_line(h) << note_lines(h.notes);
  for (const PolicySeries& s : series) {
    out << "\nPolicy: " << s.name << "\n";
    for (std::size_t m = 0; m < kMetricCount; ++m) {
      if (is_split_metric(m) && h.split_country.empty()) continue;
      out << "  " << to_string(static_cast<Metric>(m)) << " = " << fixed(s.metrics[m]) << "\n";
    }
    TextTable table(series_columns(h));
    for (const DayRecord& d : s.days) {
      std::vector<std::string> row{std::to_string(d.day)};
      for (double v : series_values(h, d)) row.push_back(format_grouped(v, 3));
      table.add_row(std::move(row));
    }
    out << table.render();
  }
  return out.str();
}

}  // namespace mineflow::io
