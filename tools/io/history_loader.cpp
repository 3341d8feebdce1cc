#include "tools/io/history_loader.h"

#include <charconv>

#include "sim/civil_date.h"
#include "tools/io/yaml_reader.h"

namespace mineflow::io {
namespace {

int parse_part(const YamlValue& value, std::string_view text) {
  int out = 0;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  if (text.empty() || ec != std::errc() || ptr != text.data() + text.size()) {
    value.fail("a date YYYY, YYYY-MM or YYYY-MM-DD");
  }
  return out;
}

// YYYY, YYYY-MM or YYYY-MM-DD; a missing month or day means the first.
double read_date(const YamlValue& value) {
  std::string text = value.as_string();
  int year = 0, month = 1, day = 1;
  std::size_t first = text.find('-');
  year = parse_part(value, std::string_view(text).substr(0, first));
  if (first != std::string::npos) {
    std::size_t second = text.find('-', first + 1);
    month = parse_part(value, std::string_view(text).substr(first + 1, second - first - 1));
    if (second != std::string::npos) {
      day = parse_part(value, std::string_view(text).substr(second + 1));
    }
  }
  static constexpr int kDaysIn[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (year < 1900 || year > 2200 || month < 1 || month > 12 || day < 1 ||
      day > kDaysIn[month - 1]) {
    value.fail("a date YYYY, YYYY-MM or YYYY-MM-DD between 1900 and 2200");
  }
  long long days = days_from_civil(year, month, day);
  long long next_month =
      month == 12 ? days_from_civil(year + 1, 1, 1) : days_from_civil(year, month + 1, 1);
  if (days >= next_month) {  // 29 February of a common year
    value.fail("a calendar date");
  }
  return static_cast<double>(days);
}

double read_fraction(const YamlValue& value) {
  double x = value.as_double();
  if (x < 0.0 || x > 1.0) value.fail("a fraction in [0, 1]");
  return x;
}

// {value: x or null, text: ..., derived: ...} or null.
std::optional<double> read_figure(const YamlValue& block) {
  if (block.is_null()) return std::nullopt;
  block.allow_only({"value", "text", "derived"});
  if (auto v = block.get("value"); v && !v->is_null()) return read_fraction(*v);
  return std::nullopt;
}

HistoricalEvent read_event(const YamlValue& item, const CountryTable& countries) {
  item.allow_only({"id",
                   "mineral",
                   "country",
                   "stage",
                   "class",
                   "type",
                   "start",
                   "end",
                   "duration_days",
                   "status",
                   "share_of_world",
                   "realised_drop",
                   "sources",
                   "evidence",
                   "memory",
                   "in_fit",
                   "why",
                   "notes",
                   "acute",
                   "destinations"});
  HistoricalEvent e;
  e.where = item.where();
  e.id = item.require("id").as_string();
  e.mineral = item.require("mineral").as_string();
  YamlValue country = item.require("country");
  e.country = country.as_string();
  if (!countries.contains(e.country)) {
    country.fail("an ISO 3166-1 alpha-3 code listed in countries.yaml");
  }
  e.stage =
      item.require("stage").as_choice({"mine", "refine"}) == "mine" ? Stage::mine : Stage::refine;
  YamlValue hazard_class = item.require("class");
  std::string class_name = hazard_class.as_choice({"operational", "policy", "market"});
  e.hazard_class = class_name == "policy"        ? HazardClass::policy
                   : class_name == "operational" ? HazardClass::operational
                                                 : HazardClass::market;
  if (auto v = item.get("type")) e.type = v->as_string();
  YamlValue start = item.require("start");
  if (start.is_null()) {
    e.start_known = false;
  } else {
    e.start_day = read_date(start);
  }
  if (auto end = item.get("end"); end && !end->is_null()) {
    if (end->is_scalar() && end->text() == "ongoing") {
      e.end_day.reset();
    } else {
      e.end_day = read_date(*end);
      if (e.start_known && *e.end_day < e.start_day) {
        end->fail("a date on or after start (" + start.text() + ")");
      }
    }
  } else {
    item.require("end").fail("a date or 'ongoing'");
  }
  if (auto v = item.get("duration_days")) v->as_non_negative();
  if (auto v = item.get("share_of_world")) e.share_of_world = read_figure(*v);
  e.realised_drop = read_figure(item.require("realised_drop"));
  if (auto acute = item.get("acute")) {
    acute->allow_only({"days", "ongoing", "text", "derived"});
    YamlValue days = acute->require("days");
    e.acute_days = days.as_positive();
    if (e.end_day && e.start_known && *e.acute_days > *e.end_day - e.start_day + 1.0) {
      days.fail("at most the event's duration (start to end)");
    }
    if (auto v = acute->get("ongoing")) e.acute_ongoing = v->as_bool();
  }
  if (auto v = item.get("destinations")) {
    for (const YamlValue& d : v->items()) {
      if (!countries.contains(d.as_string()))
        d.fail("an ISO 3166-1 alpha-3 code listed in countries.yaml");
    }
  }
  YamlValue sources = item.require("sources");
  if (sources.items().empty()) sources.fail("at least one source");
  for (const YamlValue& s : sources.items()) s.as_string();
  item.require("evidence").as_choice({"seen", "memory"});
  if (auto v = item.get("memory")) {
    for (const YamlValue& field : v->items()) field.as_string();
    e.memory = !v->items().empty();
  }
  if (item.get("evidence")->as_string() == "memory") e.memory = true;
  if (auto v = item.get("in_fit")) {
    e.in_fit = v->as_bool();
    if (!e.in_fit && !item.get("why")) item.require("why");
  }
  if (e.hazard_class == HazardClass::market && e.in_fit) {
    const char* why =
        "a market event (a price shock without a supply loss) is kept for the "
        "record only: in_fit: false with a why";
    if (auto v = item.get("in_fit")) v->fail(why);
    hazard_class.fail(why);
  }
  return e;
}

}  // namespace

EventCatalogue load_event_catalogue(const std::string& file, const CountryTable& countries) {
  YamlValue root = load_yaml_file(file);
  root.allow_only({"window", "source", "minerals", "events"});
  EventCatalogue catalogue;
  if (auto minerals = root.get("minerals")) {
    for (const YamlValue& item : minerals->items()) catalogue.minerals.push_back(item.as_string());
    if (catalogue.minerals.empty()) minerals->fail("at least one mineral id");
  }
  catalogue.file = file;
  YamlValue window = root.require("window");
  window.allow_only({"start", "end"});
  catalogue.window_start_day = read_date(window.require("start"));
  catalogue.window_end_day = read_date(window.require("end"));
  if (catalogue.window_end_day <= catalogue.window_start_day) {
    window.require("end").fail("a date after start");
  }
  root.require("source").as_string();
  for (const YamlValue& item : root.require("events").items()) {
    HistoricalEvent e = read_event(item, countries);
    for (const HistoricalEvent& other : catalogue.events) {
      if (other.id == e.id) item.require("id").fail("an id used once");
    }
    catalogue.events.push_back(std::move(e));
  }
  if (catalogue.events.empty()) root.require("events").fail("at least one event");
  return catalogue;
}

FrequencyFigures load_frequency_figures(const std::string& file) {
  YamlValue root = load_yaml_file(file);
  root.allow_only(
      {"source", "copper_allowance", "copper_realised_losses", "other_figures", "facility_share"});
  FrequencyFigures out;
  if (auto facility = root.get("facility_share")) {
    facility->allow_only({"value", "text", "basis", "notes"});
    out.facility_share = read_fraction(facility->require("value"));
  }
  YamlValue allowance = root.require("copper_allowance");
  allowance.allow_only(
      {"id", "share_of_world_mine_supply_per_year", "text", "sources", "evidence", "notes"});
  out.copper_allowance = read_fraction(allowance.require("share_of_world_mine_supply_per_year"));
  for (const YamlValue& item : root.require("copper_realised_losses").items()) {
    item.allow_only({"id", "year", "share", "text", "sources", "evidence", "memory", "notes"});
    RealisedLoss loss;
    loss.year = item.require("year").as_int_in(1900, 2200);
    loss.share = read_fraction(item.require("share"));
    loss.memory = item.get("memory").has_value();
    out.copper_losses.push_back(loss);
  }
  return out;
}

}  // namespace mineflow::io
