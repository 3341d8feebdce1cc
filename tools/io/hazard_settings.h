#pragma once
// Adapter: the calibrated hazard parameters (scenarios/hazard.yaml, written by
// `mineflow calibrate`, read by scenarios through `background_hazard: FILE`).

#include <string>

#include "sim/calibrate/hazard_fit.h"
#include "sim/hazard_model.h"

namespace mineflow::io {

HazardModel load_hazard_model(const std::string& file);

// The settings file for a fit, with its intervals and provenance as comments; `catalogue`
// names the catalogue file it was fitted from.
std::string hazard_settings_yaml(const HazardFit& fit, const std::string& catalogue,
                                 const std::string& measure, int year);

}  // namespace mineflow::io
