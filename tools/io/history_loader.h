#pragma once
// Adapter: the event catalogue (scenarios/history/events.yaml) and the frequency figures
// (scenarios/history/frequencies.yaml) to plain data. Every problem is an InputError naming
// file:line:column (end before start, unknown country, a fraction outside [0, 1], ...).

#include <string>

#include "graph/country_table.h"
#include "sim/calibrate/hazard_catalogue.h"

namespace mineflow::io {

EventCatalogue load_event_catalogue(const std::string& file, const CountryTable& countries);
FrequencyFigures load_frequency_figures(const std::string& file);

}  // namespace mineflow::io
