#pragma once
// Civil dates as day numbers: the calendar of the event catalogue and the history files.

namespace mineflow {

// Days since 1970-01-01 of a civil date (proleptic Gregorian).
long long days_from_civil(int year, int month, int day);

}  // namespace mineflow
