#include "tools/io/indicator_report.h"

#include "graph/number_format.h"
#include "tools/io/text_escape.h"
#include "tools/io/text_table.h"

namespace mineflow::io {

std::string format_indicator_value(const IndicatorValue& value) {
  if (!value.value) return "";
  bool is_hhi = value.id == IndicatorId::reserve_concentration ||
                value.id == IndicatorId::production_concentration;
  return format_fixed(*value.value, is_hhi ? 1 : 4);
}

namespace {

// Short table marker of a quality flag: japan J, japan_derived Jd, national N, national_derived
// Nd, world_proxy W (the legend under the table spells them out).
std::string quality_marker(const std::string& token) {
  if (token == "world_proxy") return "W";
  std::string marker(1, static_cast<char>(token[0] - 'a' + 'A'));
  if (token.size() > 8 && token.compare(token.size() - 8, 8, "_derived") == 0) marker += "d";
  return marker;
}

}  // namespace

std::string indicators_csv(const std::vector<MineralIndicators>& results) {
  std::string out = "mineral,indicator,value,rating,unit,basis,quality\n";
  for (const MineralIndicators& mineral : results) {
    for (const IndicatorValue& value : mineral.values) {
      out += csv_field(mineral.mineral) + "," + std::string(to_string(value.id)) + "," +
             format_indicator_value(value) + "," + std::string(to_string(value.rating)) + "," +
             csv_field(value.unit) + "," + csv_field(value.basis) + "," + csv_field(value.quality) +
             "\n";
    }
  }
  return out;
}

std::string indicators_json(const std::vector<MineralIndicators>& results) {
  std::string out = "{\n  \"minerals\": [";
  for (std::size_t m = 0; m < results.size(); ++m) {
    const MineralIndicators& mineral = results[m];
    out += m == 0 ? "\n" : ",\n";
    out += "    {\"mineral\": " + json_string(mineral.mineral) +
           ", \"name\": " + json_string(mineral.name) + ", \"indicators\": [";
    for (std::size_t i = 0; i < mineral.values.size(); ++i) {
      const IndicatorValue& value = mineral.values[i];
      out += i == 0 ? "\n" : ",\n";
      out += "      {\"indicator\": " + json_string(to_string(value.id)) +
             ", \"value\": " + (value.value ? format_number(*value.value) : "null") +
             ", \"rating\": " + json_string(to_string(value.rating)) +
             ", \"unit\": " + json_string(value.unit) +
             ", \"lower_bound\": " + (value.lower_bound ? "true" : "false") +
             ", \"basis\": " + json_string(value.basis) +
             ", \"quality\": " + (value.quality.empty() ? "null" : json_string(value.quality)) +
             "}";
    }
    out += "\n    ]}";
  }
  out += "\n  ]\n}\n";
  return out;
}

std::string indicators_table(const std::vector<MineralIndicators>& results) {
  std::vector<std::string> header{"Indicator"};
  for (const MineralIndicators& mineral : results) header.push_back(mineral.name);
  TextTable table(header);
  bool any_bound = false;
  bool any_quality = false;
  for (IndicatorId id : kAllIndicators) {
    std::vector<std::string> row{std::string(display_name(id))};
    for (const MineralIndicators& mineral : results) {
      for (const IndicatorValue& value : mineral.values) {
        if (value.id != id) continue;
        std::string cell = value.value
                               ? format_indicator_value(value) + (value.lower_bound ? "*" : "") +
                                     " " + std::string(to_string(value.rating))
                               : "N/A";
        if (value.value && !value.quality.empty())
          cell += " [" + quality_marker(value.quality) + "]";
        any_bound = any_bound || value.lower_bound;
        any_quality = any_quality || !value.quality.empty();
        row.push_back(cell);
      }
    }
    table.add_row(row);
  }
  std::string out = table.render();
  out +=
      "\nUnits: concentration as HHI 0-10,000; import stability as sum s^2 w on 0-10; price "
      "volatility as its measure; scrap recycling as a share of demand.\n";
  if (any_bound) {
    out += "* lower bound: the OTH bucket was split into pieces (docs/indicators.md).\n";
  }
  if (any_quality) {
    out +=
        "[J] japan ([N] national): scrap-recycling figure published for the focal economy; [Jd] "
        "japan_derived ([Nd]): computed from its published figures; [W] world_proxy: a world or "
        "other-region figure.\n";
  }
  out += "\nBases:\n";
  for (const MineralIndicators& mineral : results) {
    for (const IndicatorValue& value : mineral.values) {
      out += "  " + mineral.name + ", " + std::string(display_name(value.id)) + ": " + value.basis +
             "\n";
    }
  }
  return out;
}

}  // namespace mineflow::io
