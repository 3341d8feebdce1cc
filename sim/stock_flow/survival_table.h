#pragma once
// The survival curve of every cohort, computed once before the stock loops run: S_c(a) for
// cohort c at age a = year - c. A cohort-invariant lifetime keeps one curve shared by all cohorts
// (the convolution case); otherwise each cohort has its own. Immutable after build; safe to share
// between threads.

#include <cstddef>
#include <vector>

#include "sim/stock_flow/lifetime.h"

namespace mineflow::stock_flow {

// When in its first year a cohort enters use. ODYM's convention is start_of_year: survival is read
// at integer ages 0, 1, 2, ... at the end of each year. mid_year reads it at ages 0.5, 1.5, ...
enum class InflowTiming { start_of_year, mid_year };

class SurvivalTable {
 public:
  SurvivalTable() = default;
  // `by_cohort` holds one lifetime (the same for every cohort) or one per year.
  SurvivalTable(const std::vector<Lifetime>& by_cohort, int years, InflowTiming timing);

  int years() const { return years_; }
  // S_c(0), S_c(1), ..., S_c(years - 1 - c): pointer to years - c values.
  const double* curve(int cohort) const {
    return values_.data() + (invariant_ ? 0 : offset_[static_cast<std::size_t>(cohort)]);
  }
  // Share of cohort `cohort` still in use at the end of `year` (0 before the cohort enters).
  double at(int year, int cohort) const {
    return year < cohort ? 0.0 : curve(cohort)[year - cohort];
  }

 private:
  int years_ = 0;
  bool invariant_ = true;
  std::vector<std::size_t> offset_;
  std::vector<double> values_;
};

}  // namespace mineflow::stock_flow
