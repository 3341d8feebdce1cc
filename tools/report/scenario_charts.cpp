#include "tools/report/scenario_charts.h"

#include <algorithm>
#include <cmath>

#include "graph/number_format.h"
#include "tools/io/text_escape.h"

namespace mineflow::report {

namespace {

constexpr int kExceedancePoints = 100;

// The daily quantities drawn, in drawing order: CSV name, phrase key, value, unit.
struct DailyQuantity {
  const char* name;
  const char* phrase_key;
  double (*value)(const DayRecord&);
  const char* unit;
};

constexpr DailyQuantity kSupplyBands[] = {
    {"domestic", "domestic_supply", [](const DayRecord& d) { return d.domestic_t; }, "t/day"},
    {"imports", "imports_supply", [](const DayRecord& d) { return d.imports_t; }, "t/day"},
    {"recycling", "recycling_supply", [](const DayRecord& d) { return d.recycling_t; }, "t/day"},
    {"inventory_draw", "inventory_draw",
     [](const DayRecord& d) { return std::max(0.0, d.inventory_draw_t); }, "t/day"},
    {"stockpile_release", "stockpile_release",
     [](const DayRecord& d) { return std::max(0.0, d.stockpile_release_t); }, "t/day"},
    {"unmet", "unmet_demand", [](const DayRecord& d) { return d.unmet_t; }, "t/day"},
};

constexpr DailyQuantity kCsvExtras[] = {
    {"demand", "", [](const DayRecord& d) { return d.demand_t; }, "t/day"},
    {"refill_purchases", "", [](const DayRecord& d) { return d.refill_purchases_t; }, "t/day"},
    {"inventory_end", "", [](const DayRecord& d) { return d.inventory_end_t; }, "t"},
    {"stockpile_end", "", [](const DayRecord& d) { return d.stockpile_end_t; }, "t"},
    {"price_multiple", "", [](const DayRecord& d) { return d.price_multiple; }, "1"},
};
// Only for a scenario whose market can split (MineralScenario::split_country).
constexpr DailyQuantity kSplitCsvExtra = {
    "domestic_price_multiple", "", [](const DayRecord& d) { return d.domestic_price_multiple; },
    "1"};

LineSeries daily_series(const std::vector<DayRecord>& days, std::string name,
                        double (*value)(const DayRecord&), bool dashed) {
  LineSeries series;
  series.name = std::move(name);
  series.dashed = dashed;
  for (const DayRecord& day : days) {
    series.x.push_back(day.day);
    series.y.push_back(value(day));
  }
  return series;
}

LineSeries daily_series(const PolicyOutcome& policy, std::string name,
                        double (*value)(const DayRecord&), bool dashed) {
  return daily_series(policy.days, std::move(name), value, dashed);
}

// The median across trials with its 5-95 % band where the scenario has bands, else the one path.
LineSeries banded_series(const PolicyOutcome& policy, std::string name, const DailyBand& band,
                         double (*value)(const DayRecord&), bool dashed, bool shaded) {
  LineSeries series = daily_series(policy, std::move(name), value, dashed);
  if (band.q50.size() != series.x.size()) return series;
  series.y = band.q50;
  if (shaded) {
    series.band_low = band.q05;
    series.band_high = band.q95;
  }
  return series;
}

void set_day_axis(LineChart& chart, Lang lang) {
  chart.x_label = phrase("day", lang);
  chart.x_unit = phrase("day_unit", lang);
  chart.x_integer = true;
}

}  // namespace

const PolicyOutcome& headline_policy(const MineralScenario& scenario) {
  return scenario.policies.back();
}

LineChart daily_supply_chart(const MineralScenario& scenario, const PolicyOutcome& policy,
                             Lang lang) {
  LineChart chart;
  chart.title = scenario.mineral_name + ": " + phrase("daily_supply_title", lang) + " (" +
                policy_label(policy.name, lang) + ")";
  set_day_axis(chart, lang);
  chart.y_label = phrase("flow", lang);
  chart.y_unit = phrase("t_per_day", lang);
  chart.stacked = true;
  for (const DailyQuantity& band : kSupplyBands) {
    // Across trials the daily means, which add up to mean demand; else the one path.
    chart.series.push_back(daily_series(policy.mean_days.empty() ? policy.days : policy.mean_days,
                                        phrase(band.phrase_key, lang), band.value, false));
  }
  // Unmet demand in vermillion, the colour of a shortage elsewhere in the report.
  chart.colour_of_series = {0, 5, 2, 1, 4, 3};
  return chart;
}

LineChart stock_level_chart(const MineralScenario& scenario, Lang lang) {
  LineChart chart;
  chart.title = scenario.mineral_name + ": " + phrase("stock_levels_title", lang);
  set_day_axis(chart, lang);
  chart.y_label = phrase("stock_level", lang);
  chart.y_unit = "t";
  for (std::size_t p = 0; p < scenario.policies.size(); ++p) {
    const PolicyOutcome& policy = scenario.policies[p];
    chart.series.push_back(banded_series(
        policy, policy_label(policy.name, lang) + ": " + phrase("stockpile", lang),
        policy.stockpile_t, [](const DayRecord& d) { return d.stockpile_end_t; }, false, true));
    chart.series.push_back(banded_series(
        policy, policy_label(policy.name, lang) + ": " + phrase("inventory", lang),
        policy.inventory_t, [](const DayRecord& d) { return d.inventory_end_t; }, true, false));
    chart.colour_of_series.push_back(p);
    chart.colour_of_series.push_back(p);
  }
  return chart;
}

// Palette index (palette.h: black) of a line that belongs to no one policy.
constexpr std::size_t kSharedLineColour = 6;

LineChart daily_price_chart(const MineralScenario& scenario, Lang lang) {
  LineChart chart;
  chart.title = scenario.mineral_name + ": " + phrase("daily_price_title", lang);
  set_day_axis(chart, lang);
  chart.y_label = phrase("price_multiple", lang);
  chart.y_unit = phrase("price_multiple_unit", lang);
  const bool split = !scenario.split_country.empty();
  auto domestic = [](const DayRecord& d) { return d.domestic_price_multiple; };
  auto domestic_line = [&](const PolicyOutcome& policy, std::string name) {
    return banded_series(policy, std::move(name), policy.domestic_price_multiple, domestic, true,
                         false);
  };
  const std::string domestic_name =
      phrase("domestic_price_of", lang) + " " + scenario.split_country;
  // The focal economy takes the world price (docs/market.md), so policies share one domestic
  // price (to rounding: each policy's model runs its own market) unless their market's response
  // differs: one line then, not one per policy.
  bool shared = true;
  const std::vector<double> b =
      scenario.policies.empty() ? std::vector<double>{} : domestic_line(scenario.policies[0], "").y;
  for (const PolicyOutcome& policy : scenario.policies) {
    const std::vector<double> a = domestic_line(policy, "").y;
    shared = shared && a.size() == b.size();
    for (std::size_t d = 0; shared && d < a.size(); ++d) {
      shared = std::abs(a[d] - b[d]) <= 1e-9 * std::max(std::abs(a[d]), std::abs(b[d]));
    }
  }
  for (std::size_t p = 0; p < scenario.policies.size(); ++p) {
    const PolicyOutcome& policy = scenario.policies[p];
    chart.series.push_back(banded_series(
        policy, policy_label(policy.name, lang), policy.price_multiple,
        [](const DayRecord& d) { return d.price_multiple; }, !split && p % 2 == 1, true));
    chart.colour_of_series.push_back(p);
    if (!split || (shared && p > 0)) continue;
    chart.series.push_back(domestic_line(
        policy, shared ? domestic_name : policy_label(policy.name, lang) + ": " + domestic_name));
    // One line for every policy in the palette's black (no policy's colour); else the policy's.
    chart.colour_of_series.push_back(shared ? kSharedLineColour : p);
  }
  return chart;
}

std::vector<ExceedancePoint> exceedance_curve(std::span<const double> values, int points) {
  std::vector<double> sorted(values.begin(), values.end());
  std::sort(sorted.begin(), sorted.end());
  std::vector<ExceedancePoint> curve;
  if (sorted.empty()) return curve;
  double top = std::max(0.0, sorted.back());
  int steps = top > 0.0 ? std::max(1, points) : 0;
  auto n = static_cast<double>(sorted.size());
  for (int i = 0; i <= steps; ++i) {
    double x = steps == 0 ? 0.0 : top * i / steps;
    auto above = sorted.end() - std::upper_bound(sorted.begin(), sorted.end(), x);
    curve.push_back({x, static_cast<double>(above) / n});
  }
  return curve;
}

LineChart exceedance_chart(const MineralScenario& scenario, Lang lang) {
  LineChart chart;
  chart.title = scenario.mineral_name + ": " + phrase("exceedance_title", lang);
  chart.x_label = phrase("unmet_demand", lang);
  chart.x_unit = "t";
  chart.y_label = phrase("probability_exceeded", lang);
  chart.y_max = 1.0;
  for (std::size_t p = 0; p < scenario.policies.size(); ++p) {
    const PolicyOutcome& policy = scenario.policies[p];
    LineSeries series;
    series.name = policy_label(policy.name, lang);
    series.dashed = p % 2 == 1;
    for (const ExceedancePoint& point : exceedance_curve(policy.unmet_t, kExceedancePoints)) {
      series.x.push_back(point.x);
      series.y.push_back(point.p);
    }
    chart.series.push_back(std::move(series));
  }
  return chart;
}

std::string scenario_series_csv(const std::vector<const MineralScenario*>& scenarios) {
  std::string out = "mineral,scenario,policy,day,quantity,value,unit\n";
  for (const MineralScenario* scenario : scenarios) {
    for (const PolicyOutcome& policy : scenario->policies) {
      std::string prefix = io::csv_field(scenario->mineral_id) + "," +
                           io::csv_field(scenario->scenario_id) + "," + io::csv_field(policy.name) +
                           ",";
      for (const DayRecord& day : policy.days) {
        auto row = [&](const DailyQuantity& q) {
          out += prefix + std::to_string(day.day) + "," + q.name + "," +
                 format_number(q.value(day)) + "," + q.unit + "\n";
        };
        for (const DailyQuantity& q : kSupplyBands) row(q);
        for (const DailyQuantity& q : kCsvExtras) row(q);
        if (!scenario->split_country.empty()) row(kSplitCsvExtra);
      }
    }
  }
  return out;
}

std::string exceedance_csv(const std::vector<const MineralScenario*>& scenarios) {
  std::string out = "mineral,scenario,policy,unmet_t,p_exceed\n";
  for (const MineralScenario* scenario : scenarios) {
    for (const PolicyOutcome& policy : scenario->policies) {
      for (const ExceedancePoint& point : exceedance_curve(policy.unmet_t, kExceedancePoints)) {
        out += io::csv_field(scenario->mineral_id) + "," + io::csv_field(scenario->scenario_id) +
               "," + io::csv_field(policy.name) + "," + format_number(point.x) + "," +
               format_number(point.p) + "\n";
      }
    }
  }
  return out;
}

}  // namespace mineflow::report
