#pragma once
// Reference, the old criterion of where day stepping was exact for shaped events: whether every
// supply rate and the world shortfall are linear between the knots of the events' shapes. The
// sub-day reference compares every case; this only names the cases that were once excluded
// (the regression set of the differential test).

#include "tests/reference/reference_case.h"

namespace mineflow::reference {

bool supply_linear_between_knots(const Case& c);

}  // namespace mineflow::reference
