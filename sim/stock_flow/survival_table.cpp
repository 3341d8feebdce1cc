#include "sim/stock_flow/survival_table.h"

#include <cassert>

namespace mineflow::stock_flow {
namespace {

bool same(const Lifetime& a, const Lifetime& b) {
  return a.kind == b.kind && a.mean_yr == b.mean_yr && a.sd_yr == b.sd_yr && a.shape == b.shape &&
         a.scale_yr == b.scale_yr;
}

void append_curve(const Lifetime& lifetime, int ages, double age_offset_yr,
                  std::vector<double>* out) {
  for (int age = 0; age < ages; ++age) out->push_back(survival(lifetime, age + age_offset_yr));
}

}  // namespace

SurvivalTable::SurvivalTable(const std::vector<Lifetime>& by_cohort, int years, InflowTiming timing)
    : years_(years) {
  assert(!by_cohort.empty());
  assert(by_cohort.size() == 1 || by_cohort.size() == static_cast<std::size_t>(years));
  double offset_yr = timing == InflowTiming::mid_year ? 0.5 : 0.0;
  invariant_ = true;
  for (const Lifetime& lifetime : by_cohort)
    invariant_ = invariant_ && same(lifetime, by_cohort[0]);
  if (invariant_) {
    append_curve(by_cohort[0], years, offset_yr, &values_);
    return;
  }
  // Cohort c needs ages 0 .. years - 1 - c: a triangle of years * (years + 1) / 2 values.
  offset_.reserve(static_cast<std::size_t>(years));
  for (int c = 0; c < years; ++c) {
    offset_.push_back(values_.size());
    append_curve(by_cohort[static_cast<std::size_t>(c)], years - c, offset_yr, &values_);
  }
}

}  // namespace mineflow::stock_flow
