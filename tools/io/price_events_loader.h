#pragma once
// Adapter: the calendar onset of each real-event scenario (scenarios/history/price_events.yaml),
// for the price backtest of `mineflow calibrate --backtest` (sim/calibrate/price_backtest.h).
// Problems are InputErrors naming file:line:column.

#include <optional>
#include <string>
#include <vector>

#include "graph/source_ref.h"
#include "sim/calibrate/price_backtest.h"

namespace mineflow::io {

struct PriceEvent {
  std::string scenario;  // a bundled scenario's name
  int onset_year = 0;
  int onset_month = 1;
  std::string source;                         // where the onset date comes from
  EpisodeSample sample = EpisodeSample::fit;  // `sample: fit | out_of_sample`
  // `observed: {multiple, months: [from, to], source}`: replaces the primary series' peak where
  // the series does not cover the episode (figures transcribed with their sources).
  std::optional<ObservedPeak> observed;
  SourceRef where;
};

struct PriceEvents {
  int window_months = 12;
  std::vector<PriceEvent> events;
};

PriceEvents load_price_events(const std::string& file);

}  // namespace mineflow::io
