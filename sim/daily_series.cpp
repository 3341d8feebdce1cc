#include "sim/daily_series.h"

#include <algorithm>
#include <cmath>

#include "sim/world_market.h"

namespace mineflow {

DailySeries::DailySeries(const Model& model, const SupplyProfile& profile)
    : model_(model), profile_(profile) {
  auto count = static_cast<std::size_t>(std::ceil(model.horizon_days));
  days_.resize(count);
  for (std::size_t d = 0; d < count; ++d) days_[d].day = static_cast<int>(d);
}

void DailySeries::on_phase(const Phase& p) {
  const double span = p.end_day - p.start_day;
  auto fraction = [&](double day) { return span > 0.0 ? (day - p.start_day) / span : 1.0; };
  double t = p.start_day;
  while (t < p.end_day) {
    auto d = static_cast<std::size_t>(std::floor(t));
    if (d >= days_.size()) return;
    double day_end = std::min(p.end_day, static_cast<double>(d + 1));
    double dt = day_end - t;
    double from = fraction(t);
    double to = fraction(day_end);
    // Tonnes of a linear rate over [t, day_end).
    auto tonnes = [&](const LinearRate& rate) {
      return rate.start == rate.end ? rate.start * dt : 0.5 * (rate.at(from) + rate.at(to)) * dt;
    };
    DayRecord& r = days_[d];
    r.demand_t += p.demand * dt;
    r.domestic_t += tonnes(p.domestic);
    r.imports_t += tonnes(p.imports);
    r.recycling_t += tonnes(p.recycling);
    r.substitution_t += tonnes(p.substitution);
    r.new_supply_t += tonnes(p.new_supply);
    // Net draws (draw - refill), computed as one rate when the draw is constant.
    auto net = [&](const LinearRate& draw, double refill) {
      return draw.start == draw.end ? (draw.start - refill) * dt : tonnes(draw) - refill * dt;
    };
    r.inventory_draw_t += net(p.inventory_draw, p.inventory_refill);
    r.stockpile_release_t += net(p.stockpile_release, p.stockpile_refill);
    r.refill_purchases_t += (p.inventory_refill + p.stockpile_refill) * dt;
    r.unmet_t += tonnes(p.unmet);
    const double price = price_integral(model_, profile_, *p.segment, t, day_end);
    r.price_multiple += price;
    r.domestic_price_multiple +=
        profile_.market.split ? market_domestic_price_integral(profile_.market, t, day_end) : price;
    // Stocks at the day's end: linear in time for a constant draw, quadratic for a linear one.
    double elapsed = day_end - p.start_day;
    auto level = [&](double start_t, double end_t, const LinearRate& draw, double refill) {
      if (draw.start == draw.end) return start_t + (end_t - start_t) * to;
      return start_t + (refill - draw.mean_to(to)) * elapsed;
    };
    r.inventory_end_t =
        level(p.inventory_start_t, p.inventory_end_t, p.inventory_draw, p.inventory_refill);
    r.stockpile_end_t =
        level(p.stockpile_start_t, p.stockpile_end_t, p.stockpile_release, p.stockpile_refill);
    t = day_end;
  }
}

}  // namespace mineflow
