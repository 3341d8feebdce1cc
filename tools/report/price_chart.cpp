#include "tools/report/price_chart.h"

#include "graph/number_format.h"
#include "tools/io/text_escape.h"

namespace mineflow::report {

namespace {

const PriceSeries* primary_series(const MineralData& data) {
  for (const PriceSeries& series : data.prices) {
    if (series.primary && !series.values.empty()) return &series;
  }
  return nullptr;
}

}  // namespace

double period_year(const PriceSeries& series, std::size_t i) {
  double index = static_cast<double>(i);
  if (series.frequency == PriceFrequency::annual) return series.start_year + index;
  return series.start_year + (series.start_month - 1 + index) / 12.0;
}

LineChart price_index_chart(const std::vector<const MineralData*>& minerals, Lang lang) {
  LineChart chart;
  chart.title = phrase("price_section", lang);
  chart.x_label = phrase("year", lang);
  chart.y_label = phrase("price_index", lang);
  chart.y_unit = phrase("price_index_unit", lang);
  chart.x_integer = true;
  for (const MineralData* data : minerals) {
    const PriceSeries* series = primary_series(*data);
    if (series == nullptr || series->values.front() == 0.0) continue;
    LineSeries line;
    line.name = mineral_label(data->id, data->name, lang);
    line.dashed = chart.series.size() % 2 == 1;  // a second cue besides colour
    for (std::size_t i = 0; i < series->values.size(); ++i) {
      line.x.push_back(period_year(*series, i));
      line.y.push_back(series->values[i] / series->values.front() * 100.0);
    }
    chart.series.push_back(std::move(line));
  }
  return chart;
}

std::string prices_csv(const std::vector<const MineralData*>& minerals) {
  std::string out = "mineral,series,period_year,value,unit,index_first_is_100\n";
  for (const MineralData* data : minerals) {
    const PriceSeries* series = primary_series(*data);
    if (series == nullptr) continue;
    for (std::size_t i = 0; i < series->values.size(); ++i) {
      double first = series->values.front();
      out += io::csv_field(data->id) + "," + io::csv_field(series->id) + "," +
             format_number(period_year(*series, i)) + "," + format_number(series->values[i]) + "," +
             io::csv_field(series->unit) + "," +
             (first != 0.0 ? format_fixed(series->values[i] / first * 100.0, 2) : "") + "\n";
    }
  }
  return out;
}

}  // namespace mineflow::report
