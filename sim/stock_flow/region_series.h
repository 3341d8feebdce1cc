#pragma once
// A yearly quantity for many regions, laid out [year][region] with regions contiguous so the hot
// loops run over regions as the inner, vectorisable dimension.

#include <cassert>
#include <cstddef>
#include <vector>

namespace mineflow::stock_flow {

struct RegionSeries {
  int years = 0;
  int regions = 0;
  std::vector<double> values;  // years * regions

  RegionSeries() = default;
  RegionSeries(int years_, int regions_, double fill = 0.0)
      : years(years_), regions(regions_), values(size(years_, regions_), fill) {}

  static std::size_t size(int years_, int regions_) {
    return static_cast<std::size_t>(years_) * static_cast<std::size_t>(regions_);
  }
  double& at(int year, int region) { return values[index(year, region)]; }
  double at(int year, int region) const { return values[index(year, region)]; }
  double* row(int year) { return values.data() + index(year, 0); }
  const double* row(int year) const { return values.data() + index(year, 0); }
  bool empty() const { return values.empty(); }

 private:
  std::size_t index(int year, int region) const {
    assert(year >= 0 && year < years && region >= 0 && region < regions);
    return static_cast<std::size_t>(year) * static_cast<std::size_t>(regions) +
           static_cast<std::size_t>(region);
  }
};

}  // namespace mineflow::stock_flow
