#pragma once
// Adapter: the calendar onset of each real-event scenario (scenarios/history/price_events.yaml),
// for the price backtest of `mineflow calibrate --backtest` (sim/calibrate/price_backtest.h).
// Problems are InputErrors naming file:line:column.

#include <string>
#include <vector>

#include "graph/source_ref.h"

namespace mineflow::io {

struct PriceEvent {
  std::string scenario;  // a bundled scenario's name
  int onset_year = 0;
  int onset_month = 1;
  std::string source;  // where the onset date comes from
  SourceRef where;
};

struct PriceEvents {
  int window_months = 12;
  std::vector<PriceEvent> events;
};

PriceEvents load_price_events(const std::string& file);

}  // namespace mineflow::io
