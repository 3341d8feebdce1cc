#include "tools/report/indicator_charts.h"

#include "graph/number_format.h"
#include "tools/io/text_escape.h"
#include "tools/report/palette.h"
#include "tools/report/risk_position.h"
#include "tools/report/scale.h"

namespace mineflow::report {

std::string indicator_display_value(const IndicatorValue& value) {
  if (!value.value) return "";
  std::string text;
  switch (value.id) {
    case IndicatorId::reserve_concentration:
    case IndicatorId::production_concentration:
      text = format_tick(*value.value, 1.0);
      break;
    case IndicatorId::scrap_recycling:
      text = format_fixed(*value.value * 100.0, 1) + "%";
      break;
    default:
      text = format_fixed(*value.value, 2);
  }
  return value.lower_bound ? text + "*" : text;
}

std::string_view rating_fill(Rating rating) {
  switch (rating) {
    case Rating::high:
      return kTintHigh;
    case Rating::mid:
      return kTintMid;
    case Rating::low:
      return kTintLow;
    case Rating::not_applicable:
      return kTintNone;
  }
  return kTintNone;
}

HeatTable indicator_heat_table(const std::vector<io::MineralIndicators>& results, Lang lang) {
  HeatTable table;
  table.title = phrase("heat_title", lang);
  table.corner_label = phrase("heat_corner", lang);
  for (const io::MineralIndicators& mineral : results) {
    table.column_labels.push_back(mineral_label(mineral.mineral, mineral.name, lang));
  }
  for (IndicatorId id : kAllIndicators) {
    table.row_labels.push_back(indicator_label(id, lang));
    std::vector<HeatCell> row;
    for (const io::MineralIndicators& mineral : results) {
      HeatCell cell{"", rating_label(Rating::not_applicable, lang),
                    std::string(rating_fill(Rating::not_applicable))};
      for (const IndicatorValue& value : mineral.values) {
        if (value.id != id) continue;
        cell = {indicator_display_value(value), rating_label(value.rating, lang),
                std::string(rating_fill(value.rating))};
      }
      row.push_back(cell);
    }
    table.cells.push_back(row);
  }
  // Beyond the strategy's six: indicator 4 looked through to the mines behind the refiners.
  bool any_look_through = false;
  std::vector<HeatCell> look_row;
  for (const io::MineralIndicators& mineral : results) {
    HeatCell cell{"", rating_label(Rating::not_applicable, lang),
                  std::string(rating_fill(Rating::not_applicable))};
    if (const auto& look = mineral.look_through; look && look->value) {
      any_look_through = true;
      cell = {indicator_display_value(*look), rating_label(look->rating, lang),
              std::string(rating_fill(look->rating))};
    }
    look_row.push_back(cell);
  }
  if (any_look_through) {
    table.row_labels.push_back(phrase("look_through_row", lang));
    table.cells.push_back(look_row);
  }
  for (Rating rating : {Rating::high, Rating::mid, Rating::low, Rating::not_applicable}) {
    table.legend.emplace_back(rating_label(rating, lang), std::string(rating_fill(rating)));
  }
  return table;
}

RadarChart indicator_radar(const io::MineralIndicators& result, const RatingThresholds& thresholds,
                           Lang lang) {
  RadarChart chart;
  chart.title = mineral_label(result.mineral, result.name, lang);
  chart.before.name = phrase("before", lang);
  chart.ring_labels = {rating_label(Rating::low, lang) + "|" + rating_label(Rating::mid, lang),
                       rating_label(Rating::mid, lang) + "|" + rating_label(Rating::high, lang),
                       ""};
  for (IndicatorId id : kAllIndicators) {
    chart.axis_labels.push_back(indicator_label(id, lang));
    std::optional<double> position;
    std::string value_text = "N/A";
    for (const IndicatorValue& value : result.values) {
      if (value.id != id) continue;
      position = risk_position(rating_band(id, thresholds), value.value);
      if (value.value)
        value_text = indicator_display_value(value) + " " + rating_label(value.rating, lang);
    }
    chart.before.values.push_back(position);
    chart.axis_value_texts.push_back(value_text);
  }
  return chart;
}

std::string radar_positions_csv(const std::vector<io::MineralIndicators>& results,
                                const RatingThresholds& thresholds) {
  std::string out = "mineral,indicator,value,rating,radar_position\n";
  for (const io::MineralIndicators& mineral : results) {
    for (const IndicatorValue& value : mineral.values) {
      std::optional<double> position =
          risk_position(rating_band(value.id, thresholds), value.value);
      out += io::csv_field(mineral.mineral) + "," + std::string(to_string(value.id)) + "," +
             io::format_indicator_value(value) + "," + std::string(to_string(value.rating)) + "," +
             (position ? format_fixed(*position, 4) : "") + "\n";
    }
  }
  return out;
}

}  // namespace mineflow::report
