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

// "Data vintage: latest" (every mineral's), or the vintage of each mineral when they differ.
std::string vintage_line(const std::vector<MineralIndicators>& results) {
  std::string out = "Data vintage: ";
  bool same = true;
  for (const MineralIndicators& mineral : results) {
    same = same && mineral.vintage == results.front().vintage;
  }
  if (results.empty() || same) {
    return out + (results.empty() ? "none" : results.front().vintage) +
           " (docs/data-sources.md, Vintages)\n";
  }
  for (std::size_t i = 0; i < results.size(); ++i) {
    out += (i == 0 ? "" : ", ") + results[i].name + " " + results[i].vintage;
  }
  return out +
         " (a file without latest figures is read on its seed figures; a file with `seed: none` "
         "on its latest)\n";
}

}  // namespace

std::string indicators_csv(const std::vector<MineralIndicators>& results) {
  std::string out = "mineral,indicator,value,rating,unit,basis,quality,vintage\n";
  for (const MineralIndicators& mineral : results) {
    for (const IndicatorValue& value : mineral.values) {
      out += csv_field(mineral.mineral) + "," + std::string(to_string(value.id)) + "," +
             format_indicator_value(value) + "," + std::string(to_string(value.rating)) + "," +
             csv_field(value.unit) + "," + csv_field(value.basis) + "," + csv_field(value.quality) +
             "," + csv_field(mineral.vintage) + "\n";
    }
    if (const auto& look = mineral.look_through) {
      out += csv_field(mineral.mineral) + ",look_through_refined_import_stability," +
             format_indicator_value(*look) + "," + std::string(to_string(look->rating)) + "," +
             csv_field(look->unit) + "," + csv_field(look->basis) + ",," +
             csv_field(mineral.vintage) + "\n";
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
           ", \"name\": " + json_string(mineral.name) +
           ", \"vintage\": " + json_string(mineral.vintage) + ", \"indicators\": [";
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
    out += "\n    ]";
    if (const auto& look = mineral.look_through) {
      out += ", \"look_through_refined_import_stability\": {\"value\": " +
             (look->value ? format_number(*look->value) : "null") +
             ", \"rating\": " + json_string(to_string(look->rating)) +
             ", \"unit\": " + json_string(look->unit) + ", \"basis\": " + json_string(look->basis) +
             "}";
    }
    out += "}";
  }
  out += "\n  ]\n}\n";
  return out;
}

std::string terminal_label(IndicatorId id) {
  switch (id) {
    case IndicatorId::reserve_concentration:
      return "Reserve HHI";
    case IndicatorId::production_concentration:
      return "Production HHI";
    case IndicatorId::concentrate_import_stability:
      return "Import conc.";
    case IndicatorId::refined_import_stability:
      return "Import refined";
    case IndicatorId::price_volatility:
      return "Price vol.";
    case IndicatorId::scrap_recycling:
      return "Recycling";
  }
  return std::string(display_name(id));
}

std::string indicators_table(const std::vector<MineralIndicators>& results, bool all_bases) {
  std::vector<std::string> header{"Indicator"};
  for (const MineralIndicators& mineral : results) header.push_back(mineral.name);
  TextTable table(header);
  bool any_bound = false;
  bool any_quality = false;
  for (IndicatorId id : kAllIndicators) {
    std::vector<std::string> row{terminal_label(id)};
    for (const MineralIndicators& mineral : results) {
      for (const IndicatorValue& value : mineral.values) {
        if (value.id != id) continue;
        // Shares of demand to 3 decimals here (CSV/JSON keep 4), so six minerals with their
        // quality markers fit 100 columns.
        std::string shown = value.id == IndicatorId::scrap_recycling && value.value
                                ? format_fixed(*value.value, 3)
                                : format_indicator_value(value);
        std::string cell = value.value ? shown + (value.lower_bound ? "*" : "") + " " +
                                             std::string(to_string(value.rating))
                                       : "N/A";
        if (value.value && !value.quality.empty()) cell += " " + quality_marker(value.quality);
        any_bound = any_bound || value.lower_bound;
        any_quality = any_quality || !value.quality.empty();
        row.push_back(cell);
      }
    }
    table.add_row(row);
  }
  bool any_look_through = false;
  std::vector<std::string> look_row{"Look-through +"};
  for (const MineralIndicators& mineral : results) {
    const auto& look = mineral.look_through;
    any_look_through = any_look_through || look.has_value();
    look_row.push_back(look && look->value ? format_indicator_value(*look) + " " +
                                                 std::string(to_string(look->rating))
                                           : "N/A");
  }
  if (any_look_through) table.add_row(look_row);
  std::string out = vintage_line(results) + "\n" + table.render();
  // The footnote: what each short label means and its unit; then where the bases are.
  out +=
      "\nReserve, Production HHI: country concentration of reserves, mine production (0-10,000).\n"
      "Import conc., refined: stability of concentrate, refined imports (sum s^2 w, 0-10).\n"
      "Price vol.: price volatility by the chosen measure. Recycling: secondary share of demand.\n";
  if (any_bound) {
    out += "* lower bound: the OTH bucket was split into equal pieces (docs/indicators.md).\n";
  }
  if (any_look_through) {
    out +=
        "+ beyond the strategy's six: refined imports looked through to the mine countries that "
        "feed each refiner, scored like Import refined (docs/network.md).\n";
  }
  if (any_quality) {
    out +=
        "J japan (N national): scrap-recycling figure published for the focal economy; Jd "
        "japan_derived (Nd): computed from its published figures; W world_proxy: a world or "
        "other-region figure.\n";
  }
  if (!all_bases) {
    out += "Bases (source, year, conventions) of every cell: --bases, or --format csv|json.\n";
    return wrap_long_lines(out);
  }
  out += "\nBases:\n";
  for (const MineralIndicators& mineral : results) {
    for (const IndicatorValue& value : mineral.values) {
      out += "  " + mineral.name + ", " + std::string(display_name(value.id)) + ": " + value.basis +
             "\n";
    }
    if (mineral.look_through) {
      out += "  " + mineral.name + ", look-through: " + mineral.look_through->basis + "\n";
    }
  }
  return wrap_long_lines(out);
}

std::vector<VintageChange> vintage_changes(const std::vector<MineralIndicators>& seed,
                                           const std::vector<MineralIndicators>& latest) {
  std::vector<VintageChange> out;
  for (std::size_t m = 0; m < seed.size() && m < latest.size(); ++m) {
    const MineralIndicators& before = seed[m];
    const MineralIndicators& after = latest[m];
    for (const IndicatorValue& old_value : before.values) {
      for (const IndicatorValue& new_value : after.values) {
        if (new_value.id != old_value.id || new_value.rating == old_value.rating) continue;
        out.push_back({before.mineral, before.name, std::string(to_string(old_value.id)), old_value,
                       new_value});
      }
    }
    if (before.look_through && after.look_through &&
        before.look_through->rating != after.look_through->rating) {
      out.push_back({before.mineral, before.name, "look_through_refined_import_stability",
                     *before.look_through, *after.look_through});
    }
  }
  return out;
}

std::string vintage_changes_csv(const std::vector<VintageChange>& changes) {
  std::string out =
      "mineral,indicator,seed_value,seed_rating,latest_value,latest_rating,unit,seed_basis,"
      "latest_basis\n";
  for (const VintageChange& change : changes) {
    out += csv_field(change.mineral) + "," + change.indicator + "," +
           format_indicator_value(change.seed) + "," + std::string(to_string(change.seed.rating)) +
           "," + format_indicator_value(change.latest) + "," +
           std::string(to_string(change.latest.rating)) + "," + csv_field(change.latest.unit) +
           "," + csv_field(change.seed.basis) + "," + csv_field(change.latest.basis) + "\n";
  }
  return out;
}

std::string vintage_changes_json(const std::vector<VintageChange>& changes) {
  auto side = [](const IndicatorValue& value) {
    return "{\"value\": " + (value.value ? format_number(*value.value) : std::string("null")) +
           ", \"rating\": " + json_string(to_string(value.rating)) +
           ", \"basis\": " + json_string(value.basis) + "}";
  };
  std::string out = "{\n  \"compare_vintages\": [\"seed\", \"latest\"],\n  \"changes\": [";
  for (std::size_t i = 0; i < changes.size(); ++i) {
    const VintageChange& change = changes[i];
    out += std::string(i == 0 ? "\n" : ",\n") + "    {\"mineral\": " + json_string(change.mineral) +
           ", \"indicator\": " + json_string(change.indicator) +
           ", \"unit\": " + json_string(change.latest.unit) + ", \"seed\": " + side(change.seed) +
           ", \"latest\": " + side(change.latest) + "}";
  }
  return out + (changes.empty() ? "]\n}\n" : "\n  ]\n}\n");
}

std::string vintage_changes_table(const std::vector<VintageChange>& changes) {
  auto shown = [](const IndicatorValue& value) {
    return value.value ? format_indicator_value(value) + " " + std::string(to_string(value.rating))
                       : std::string("N/A");
  };
  std::string out = "Ratings that change between the seed and the latest vintage\n";
  if (changes.empty()) return out + "\nNone: every rating is the same on both vintages.\n";
  TextTable table({"Mineral", "Indicator", "Seed", "Latest"});
  for (const VintageChange& change : changes) {
    table.add_row({change.name, change.indicator, shown(change.seed), shown(change.latest)});
  }
  out += "\n" + table.render() + "\nThe figures behind each change:\n";
  for (const VintageChange& change : changes) {
    out += "  " + change.name + ", " + change.indicator + " (" + change.latest.unit + ")\n" +
           "    seed:   " + shown(change.seed) + "; " + change.seed.basis + "\n" +
           "    latest: " + shown(change.latest) + "; " + change.latest.basis + "\n";
  }
  return wrap_long_lines(out);
}

}  // namespace mineflow::io
