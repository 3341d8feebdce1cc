#pragma once
// The event catalogue (scenarios/history/events.yaml) and the exposure set it is fitted
// against, as plain data. Dates are days since 1970-01-01 (civil calendar, UTC).

#include <optional>
#include <string>
#include <vector>

#include "graph/source_ref.h"
#include "graph/stage.h"

namespace mineflow {

// `market`: a price shock without a supply loss (an exchange squeeze), kept for the record only.
enum class HazardClass { operational, policy, market };

struct HistoricalEvent {
  std::string id;
  std::string mineral;
  std::string country;  // ISO alpha-3
  Stage stage = Stage::mine;
  HazardClass hazard_class = HazardClass::policy;
  std::string type;
  double start_day = 0.0;
  bool start_known = true;
  std::optional<double> end_day;  // nullopt: ongoing (right-censored at the window end)
  std::optional<double> share_of_world;
  std::optional<double> realised_drop;  // fraction of the node's output or exports lost
  // Acute phase of an export restriction: days of (near) zero exports from the start, as the
  // source shows them; `acute_ongoing`: still in it at the window end (right-censored). Used
  // for the acute-phase fit whether or not the event is in_fit (a licence regime's lead time
  // is a property of the regime, so the analogues count).
  std::optional<double> acute_days;
  bool acute_ongoing = false;
  bool in_fit = true;   // false: kept for the record only
  bool memory = false;  // some field rests on the compiler's memory
  SourceRef where;
};

struct EventCatalogue {
  double window_start_day = 0.0;
  double window_end_day = 0.0;  // inclusive
  std::vector<HistoricalEvent> events;
  std::string file;
  // The minerals whose events the catalogue was searched for (`minerals:`): exposure counts
  // only these, so a mineral added without its history does not dilute the rates; empty:
  // every mineral the fit is given.
  std::vector<std::string> minerals;

  double window_years() const { return (window_end_day - window_start_day + 1.0) / 365.25; }
};

// One (country, mineral) pair exposed to policy events over the window.
struct ExposureNode {
  std::string mineral;
  std::string country;
  double stability_0to10 = 5.0;
  double world_share = 0.0;  // of world mine output
  double years = 0.0;        // exposure
};

// Realised annual loss of world copper mine supply (frequencies.yaml).
struct RealisedLoss {
  int year = 0;
  double share = 0.0;
  bool memory = false;
};

struct FrequencyFigures {
  double copper_allowance = 0.05;  // share of world mine supply per year
  // Size of one facility (mine or refinery) as a share of world output at its stage: the
  // documented default that splits national nodes for the operational class (0: no split).
  double facility_share = 0.0;
  std::vector<RealisedLoss> copper_losses;
};

}  // namespace mineflow
