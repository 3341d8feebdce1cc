#include "sim/civil_date.h"

namespace mineflow {

long long days_from_civil(int year, int month, int day) {
  // H. Hinnant's algorithm (public domain), days since 1970-01-01.
  year -= month <= 2 ? 1 : 0;
  const long long era = (year >= 0 ? year : year - 399) / 400;
  const long long yoe = year - era * 400;
  const long long doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  const long long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

}  // namespace mineflow
