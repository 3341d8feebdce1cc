#include "tools/io/limit_notes.h"

#include "graph/number_format.h"
#include "tools/io/text_escape.h"

namespace mineflow::io {

// Each line fits 100 columns after "note: " at the widest numbers; the docs say the rest.
std::vector<LimitNote> market_notes(const MarketLimits& limits) {
  std::vector<LimitNote> notes;
  if (limits.price_cap_binds()) {
    notes.push_back({"price_at_cap",
                     "price at its cap (" + format_number(limits.price_cap) + "x) in " +
                         format_fixed(100.0 * limits.at_price_cap.p, 1) +
                         " % of trials: the cap, not the loss, sets the volume priced out",
                     limits.at_price_cap.p});
  }
  if (limits.price_taker_strained()) {
    notes.push_back({"price_taker",
                     "price-taker: the stockpile is " +
                         format_fixed(100.0 * limits.focal_stock_share, 1) +
                         " % of its market's commercial stocks (over " +
                         format_fixed(100.0 * kPriceTakerLine, 0) +
                         " %): its releases would lower the price, so the peak price and the "
                         "priced-out figures overstate what it faces (docs/market.md)",
                     limits.focal_stock_share});
  }
  if (limits.pro_rata_drives()) {
    notes.push_back({"pro_rata_rationing",
                     "rationing: a loss reaches buyers pro rata, not through a price (--market "
                     "clearing prices it)"});
  }
  return notes;
}

std::optional<LimitNote> data_quality_note(const MineralDataQuality& quality) {
  DataQualityCounts all = quality.all();
  int weak = all.count(FigureStanding::judged) + all.count(FigureStanding::remembered);
  if (weak == 0) return std::nullopt;
  return LimitNote{"data_quality",
                   "data: " + std::to_string(weak) + " of " + std::to_string(all.total()) + " " +
                       quality.mineral + " figures (" + quality.vintage +
                       ") judged or remembered (mineflow list --data-quality)",
                   0.0, weak, all.total()};
}

std::optional<LimitNote> resourcing_note(const Scenario& scenario) {
  const double days = scenario.resourcing_days;
  if (scenario.market != MarketModel::clearing || !(days > 0.0)) return std::nullopt;
  LimitNote note{"resourcing_lead",
                 "re-sourcing lead time " + format_number(days) +
                     " days: a cut foreign supplier's loss is physical over its first " +
                     format_number(days) + " days, then priced (docs/market.md)"};
  note.days = days;
  return note;
}

std::optional<LimitNote> world_stocks_note(const Scenario& scenario) {
  const std::string& option = scenario.world_inventory_where.file;
  if (scenario.market != MarketModel::clearing || option.rfind("--", 0) != 0) return std::nullopt;
  const double days = scenario.world_inventory_days;
  LimitNote note{"world_stocks", "world stocks " + format_number(days) +
                                     " days of world use, set by " + option +
                                     " in place of the scenario's (docs/market.md)"};
  note.days = days;
  return note;
}

std::vector<LimitNote> market_setting_notes(const Scenario& scenario) {
  std::vector<LimitNote> notes;
  if (auto lead = resourcing_note(scenario)) notes.push_back(*lead);
  if (auto stocks = world_stocks_note(scenario)) notes.push_back(*stocks);
  return notes;
}

LimitNote stockpile_floor_note(const StockpileFloor& floor, const SweepTarget& target,
                               const std::string& policy) {
  std::string value = std::string(to_string(target.metric)) + " " +
                      format_fixed(floor.at_largest.value, 4) + " (se " +
                      format_fixed(floor.at_largest.se, 4) + ") at " +
                      format_number(floor.largest_days) + " days against " + to_string(target);
  std::string what =
      floor.met ? ", within 2 se: the days move with the trials" : ": no level swept meets it";
  return {"stockpile_floor",
          "floor: " + value + what + "; " + policy + "'s release rate and delay set it",
          floor.at_largest.value,
          0,
          0,
          floor.largest_days};
}

std::string note_statistic(const LimitNote& note) {
  if (note.id == "price_at_cap") return "share_of_trials";
  if (note.id == "data_quality") return "judged_or_remembered";
  if (note.id == "stockpile_floor") return "at_largest_days";
  if (note.id == "price_taker") return "share_of_market_stocks";
  if (note.id == "resourcing_lead" || note.id == "world_stocks") return "days";
  return "applies";
}

double note_value(const LimitNote& note) {
  if (note.id == "price_at_cap" || note.id == "stockpile_floor" || note.id == "price_taker") {
    return note.share;
  }
  if (note.id == "data_quality") return note.count;
  if (note.id == "resourcing_lead" || note.id == "world_stocks") return note.days;
  return 1.0;
}

std::string note_lines(const std::vector<LimitNote>& notes) {
  std::string out;
  for (const LimitNote& note : notes) out += "note: " + note.text + "\n";
  return out;
}

std::string notes_cell(const std::vector<LimitNote>& notes) {
  std::string out;
  for (const LimitNote& note : notes) out += (out.empty() ? "" : "; ") + note.id + ": " + note.text;
  return out;
}

std::string notes_json(const std::vector<LimitNote>& notes) {
  std::string out = "[";
  for (std::size_t i = 0; i < notes.size(); ++i) {
    out += std::string(i ? ", " : "") + "{\"id\": " + json_string(notes[i].id) +
           ", \"text\": " + json_string(notes[i].text) + "}";
  }
  return out + "]";
}

}  // namespace mineflow::io
