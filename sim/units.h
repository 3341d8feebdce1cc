#pragma once
// Time units shared by the engine and its tools. Flows are t/year in the data and the graph,
// t/day in the engine; a year is 365 days throughout (no leap days: horizons and rates are
// stated in days and per year, not on a calendar).

namespace mineflow {

inline constexpr double kDaysPerYear = 365.0;

}  // namespace mineflow
