#include "tools/io/price_units.h"

#include <string_view>

namespace mineflow::io {
namespace {

constexpr double kPoundsPerTonne = 2204.62262185;
// An mtu of WO3 is 10 kg of WO3; W is 183.84 / 231.84 of WO3 by mass.
constexpr double kMtuWo3PerTonneW = 100.0 * 231.84 / 183.84;

struct UnitFactor {
  std::string_view unit;
  double to_usd_per_t;
};

constexpr UnitFactor kFactors[] = {
    {"US cents/lb", kPoundsPerTonne / 100.0},
    {"USD/lb", kPoundsPerTonne},
    {"USD/kg", 1000.0},
    {"USD/mtu WO3", kMtuWo3PerTonneW},
};

}  // namespace

void convert_prices_to_per_tonne(std::vector<PriceSeries>& prices) {
  for (PriceSeries& series : prices) {
    if (!series.primary) continue;
    for (const UnitFactor& f : kFactors) {
      if (series.unit.rfind(f.unit, 0) != 0) continue;
      std::string rest = series.unit.substr(f.unit.size());
      if (!rest.empty() && rest.front() != ' ') continue;  // "USD/kgX" is another unit
      for (double& value : series.values) value *= f.to_usd_per_t;
      series.unit = "USD/t" + rest;
      break;
    }
  }
}

}  // namespace mineflow::io
