#include "sim/daily_series.h"

#include <algorithm>
#include <cmath>

namespace mineflow {

DailySeries::DailySeries(const Model& model, const SupplyProfile& profile)
    : model_(model), profile_(profile) {
  auto count = static_cast<std::size_t>(std::ceil(model.horizon_days));
  days_.resize(count);
  for (std::size_t d = 0; d < count; ++d) days_[d].day = static_cast<int>(d);
}

void DailySeries::on_phase(const Phase& p) {
  double t = p.start_day;
  while (t < p.end_day) {
    auto d = static_cast<std::size_t>(std::floor(t));
    if (d >= days_.size()) return;
    double day_end = std::min(p.end_day, static_cast<double>(d + 1));
    double dt = day_end - t;
    DayRecord& r = days_[d];
    r.demand_t += p.demand * dt;
    r.domestic_t += p.domestic * dt;
    r.imports_t += p.imports * dt;
    r.recycling_t += p.recycling * dt;
    r.inventory_draw_t += (p.inventory_draw - p.inventory_refill) * dt;
    r.stockpile_release_t += (p.stockpile_release - p.stockpile_refill) * dt;
    r.refill_purchases_t += (p.inventory_refill + p.stockpile_refill) * dt;
    r.unmet_t += p.unmet * dt;
    r.price_multiple += price_integral(model_, profile_, p.scarcity, t, day_end);
    double frac =
        p.end_day > p.start_day ? (day_end - p.start_day) / (p.end_day - p.start_day) : 1.0;
    r.inventory_end_t = p.inventory_start_t + (p.inventory_end_t - p.inventory_start_t) * frac;
    r.stockpile_end_t = p.stockpile_start_t + (p.stockpile_end_t - p.stockpile_start_t) * frac;
    t = day_end;
  }
}

}  // namespace mineflow
