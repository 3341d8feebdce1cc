#include "tools/io/price_events_loader.h"

#include <charconv>

#include "tools/io/yaml_reader.h"

namespace mineflow::io {
namespace {

// YYYY-MM between 1900 and 2200.
void read_month(const YamlValue& value, PriceEvent& out) {
  std::string text = value.as_string();
  auto part = [&](std::size_t from, std::size_t size) {
    int number = 0;
    const char* first = text.data() + from;
    auto [ptr, ec] = std::from_chars(first, first + size, number);
    if (ec != std::errc() || ptr != first + size) value.fail("a month YYYY-MM");
    return number;
  };
  if (text.size() != 7 || text[4] != '-') value.fail("a month YYYY-MM");
  out.onset_year = part(0, 4);
  out.onset_month = part(5, 2);
  if (out.onset_year < 1900 || out.onset_year > 2200 || out.onset_month < 1 ||
      out.onset_month > 12) {
    value.fail("a month YYYY-MM between 1900 and 2200");
  }
}

// fit | out_of_sample.
EpisodeSample read_sample(const YamlValue& value) {
  std::string text = value.as_string();
  if (text == "fit") return EpisodeSample::fit;
  if (text == "out_of_sample") return EpisodeSample::out_of_sample;
  value.fail("fit or out_of_sample (docs/market.md, \"Calibration and backtest\")");
}

// {multiple: > 1, months: [from, to] inside the window, source: text}.
ObservedPeak read_observed(const YamlValue& value, int window_months) {
  value.allow_only({"multiple", "months", "source"});
  ObservedPeak out;
  YamlValue multiple = value.require("multiple");
  out.multiple = multiple.as_positive();
  YamlValue months = value.require("months");
  std::vector<YamlValue> range = months.items();
  if (range.size() != 2) months.fail("[from, to]: months after the onset month");
  out.months_from = range[0].as_int_in(0, window_months - 1);
  out.months_to = range[1].as_int_in(out.months_from, window_months - 1);
  out.months_after = out.months_from;
  YamlValue source = value.require("source");
  out.source = source.as_string();
  if (out.source.empty()) source.fail("the figures' sources");
  return out;
}

}  // namespace

PriceEvents load_price_events(const std::string& file) {
  YamlValue root = load_yaml_file(file);
  root.allow_only({"window_months", "events", "source"});
  PriceEvents out;
  out.window_months = root.require("window_months").as_int_in(1, 120);
  for (const YamlValue& item : root.require("events").items()) {
    item.allow_only({"scenario", "onset", "sample", "observed", "source"});
    PriceEvent event;
    event.where = item.where();
    YamlValue scenario = item.require("scenario");
    event.scenario = scenario.as_string();
    if (event.scenario.empty()) scenario.fail("a scenario name");
    read_month(item.require("onset"), event);
    event.sample = read_sample(item.require("sample"));
    if (auto observed = item.get("observed")) {
      event.observed = read_observed(*observed, out.window_months);
    }
    event.source = item.require("source").as_string();
    out.events.push_back(std::move(event));
  }
  return out;
}

}  // namespace mineflow::io
