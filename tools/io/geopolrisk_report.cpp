#include "tools/io/geopolrisk_report.h"

#include <cstdio>

#include "graph/number_format.h"
#include "tools/io/text_escape.h"
#include "tools/io/text_table.h"

namespace mineflow::io {

namespace {

// Import risk and score can be far below 0.01: four significant figures, not fixed decimals.
std::string figure(double value) {
  char text[32];
  std::snprintf(text, sizeof text, "%.4g", value);
  return text;
}

}  // namespace

std::string geopolrisk_csv(const std::vector<MineralGeoPolRisk>& results) {
  std::string out =
      "mineral,focal_economy,stage,production_hhi,import_risk,score,upper_bound,lower_bound,"
      "basis,vintage\n";
  for (const MineralGeoPolRisk& mineral : results) {
    for (const GeoPolRiskValue& value : mineral.values) {
      out += csv_field(mineral.mineral) + "," + csv_field(mineral.focal_economy) + "," +
             value.stage + ",";
      if (value.terms) {
        out += figure(value.terms->production_hhi_0to1) + "," + figure(value.terms->import_risk) +
               "," + figure(value.terms->score) + "," +
               (value.domestic_production_known ? "false" : "true") + "," +
               (value.lower_bound ? "true" : "false") + ",";
      } else {
        out += ",,,,,";
      }
      out += csv_field(value.basis) + "," + csv_field(mineral.vintage) + "\n";
    }
  }
  return out;
}

std::string geopolrisk_json(const std::vector<MineralGeoPolRisk>& results) {
  std::string out = "{\n  \"method\": \"geopolrisk\",\n  \"minerals\": [";
  for (std::size_t m = 0; m < results.size(); ++m) {
    const MineralGeoPolRisk& mineral = results[m];
    out += m == 0 ? "\n" : ",\n";
    out += "    {\"mineral\": " + json_string(mineral.mineral) +
           ", \"name\": " + json_string(mineral.name) +
           ", \"focal_economy\": " + json_string(mineral.focal_economy) +
           ", \"vintage\": " + json_string(mineral.vintage) + ", \"stages\": [";
    for (std::size_t i = 0; i < mineral.values.size(); ++i) {
      const GeoPolRiskValue& value = mineral.values[i];
      out += i == 0 ? "\n" : ",\n";
      out += "      {\"stage\": " + json_string(value.stage);
      if (value.terms) {
        out += ", \"production_hhi\": " + format_number(value.terms->production_hhi_0to1) +
               ", \"import_risk\": " + format_number(value.terms->import_risk) +
               ", \"score\": " + format_number(value.terms->score) +
               ", \"upper_bound\": " + (value.domestic_production_known ? "false" : "true") +
               ", \"lower_bound\": " + (value.lower_bound ? "true" : "false");
      } else {
        out += ", \"production_hhi\": null, \"import_risk\": null, \"score\": null";
      }
      out += ", \"basis\": " + json_string(value.basis) + "}";
    }
    out += "\n    ]}";
  }
  out += "\n  ]\n}\n";
  return out;
}

std::string geopolrisk_table(const std::vector<MineralGeoPolRisk>& results) {
  TextTable table({"Mineral", "Importer", "Stage", "Production HHI", "Import risk", "GeoPolRisk"});
  bool any_upper = false;
  bool any_lower = false;
  for (const MineralGeoPolRisk& mineral : results) {
    for (const GeoPolRiskValue& value : mineral.values) {
      if (!value.terms) {
        table.add_row({mineral.name, mineral.focal_economy, value.stage, "N/A", "N/A", "N/A"});
        continue;
      }
      const bool upper = !value.domestic_production_known;
      any_upper = any_upper || upper;
      any_lower = any_lower || value.lower_bound;
      table.add_row({mineral.name, mineral.focal_economy, value.stage,
                     figure(value.terms->production_hhi_0to1) + (value.lower_bound ? "*" : ""),
                     figure(value.terms->import_risk) + (upper ? "^" : ""),
                     figure(value.terms->score)});
    }
  }
  std::string vintages;
  for (const MineralGeoPolRisk& mineral : results) {
    if (vintages.find(mineral.vintage) == std::string::npos) {
      vintages += (vintages.empty() ? "" : ", ") + mineral.vintage;
    }
  }
  std::string out = "Data vintage: " + (vintages.empty() ? std::string("none") : vintages) +
                    " (docs/data-sources.md, Vintages)\n\n" + table.render();
  out +=
      "\nGeoPolRisk: import risk = sum_i q_i g_i / (sum_i q_i + domestic production), g_i = "
      "(2.5 - PV_i) / 5 (WGI Political Stability, 0..1); score = production HHI (0..1) x import "
      "risk (docs/indicators.md).\n";
  if (any_lower) out += "* lower bound: the OTH bucket was split into pieces.\n";
  if (any_upper) out += "^ upper bound: domestic production unknown, taken as 0.\n";
  out += "\nBases:\n";
  for (const MineralGeoPolRisk& mineral : results) {
    for (const GeoPolRiskValue& value : mineral.values) {
      out += "  " + mineral.name + ", " + value.stage + ": " + value.basis + "\n";
    }
  }
  return out;
}

}  // namespace mineflow::io
