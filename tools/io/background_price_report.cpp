#include "tools/io/background_price_report.h"

#include <cstdio>
#include <sstream>

#include "tools/io/text_escape.h"

namespace mineflow::io {
namespace {

std::string num(double x, int digits) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.*g", digits, x);
  return buffer;
}

struct Row {
  const char* window;
  int from, to;
  const PeakQuantiles* observed;
};

std::vector<Row> rows(const BackgroundPriceFit& f) {
  return {{"fit", f.fit_from, f.fit_to, &f.observed_fit},
          {"check", f.check_from, f.check_to, &f.observed_check}};
}

}  // namespace

std::string background_price_table(const std::vector<BackgroundPriceFit>& fits) {
  std::ostringstream out;
  out << "Background price process fitted to the yearly peak multiple (highest month of a year "
         "over the previous year's mean; docs/market.md \"The background price process\")\n\n";
  out << "mineral      window  years      n  observed median  q90    modelled median  q90    "
         "reversion/yr  volatility/sqrt(yr)\n";
  for (const BackgroundPriceFit& f : fits) {
    for (const Row& r : rows(f)) {
      char line[256];
      std::snprintf(line, sizeof line,
                    "%-12s %-7s %4d-%4d %3d  %15.3f  %5.3f  %15.3f  %5.3f  %12.2f  %19.3f\n",
                    f.mineral.c_str(), r.window, r.from, r.to, r.observed->years,
                    r.observed->median, r.observed->q90, f.modelled.median, f.modelled.q90,
                    f.reversion_per_year, f.volatility_per_sqrt_year);
      out << line;
    }
  }
  return out.str();
}

std::string background_price_csv(const std::vector<BackgroundPriceFit>& fits) {
  std::ostringstream out;
  out << "mineral,series,window,from_year,to_year,years,observed_median,observed_q90,"
         "modelled_median,modelled_q90,reversion_per_year,volatility_per_sqrt_year,score\n";
  for (const BackgroundPriceFit& f : fits) {
    for (const Row& r : rows(f)) {
      out << csv_field(f.mineral) << "," << csv_field(f.series) << "," << r.window << "," << r.from
          << "," << r.to << "," << r.observed->years << "," << num(r.observed->median, 6) << ","
          << num(r.observed->q90, 6) << "," << num(f.modelled.median, 6) << ","
          << num(f.modelled.q90, 6) << "," << num(f.reversion_per_year, 6) << ","
          << num(f.volatility_per_sqrt_year, 6) << "," << num(f.score, 6) << "\n";
    }
  }
  return out.str();
}

std::string background_price_json(const std::vector<BackgroundPriceFit>& fits) {
  std::ostringstream out;
  out << "{\"statistic\": \"highest monthly price of a year over the previous year's mean\", "
         "\"fits\": [";
  bool first = true;
  for (const BackgroundPriceFit& f : fits) {
    out << (first ? "\n" : ",\n") << "  {\"mineral\": " << json_string(f.mineral)
        << ", \"series\": " << json_string(f.series)
        << ", \"reversion_per_year\": " << num(f.reversion_per_year, 6)
        << ", \"volatility_per_sqrt_year\": " << num(f.volatility_per_sqrt_year, 6)
        << ", \"score\": " << num(f.score, 6)
        << ", \"modelled\": {\"median\": " << num(f.modelled.median, 6)
        << ", \"q90\": " << num(f.modelled.q90, 6) << "}";
    for (const Row& r : rows(f)) {
      out << ", \"" << r.window << "\": {\"from_year\": " << r.from << ", \"to_year\": " << r.to
          << ", \"years\": " << r.observed->years << ", \"median\": " << num(r.observed->median, 6)
          << ", \"q90\": " << num(r.observed->q90, 6) << "}";
    }
    out << "}";
    first = false;
  }
  out << "\n]}\n";
  return out.str();
}

}  // namespace mineflow::io
