#pragma once
// A price series as the data file gives it: contiguous periods from a start, no gaps.

#include <string>
#include <vector>

#include "graph/source_ref.h"

namespace mineflow {

enum class PriceFrequency { annual, monthly };

struct PriceSeries {
  std::string id;
  std::string name;
  std::string unit;
  PriceFrequency frequency = PriceFrequency::annual;
  int start_year = 0;
  int start_month = 1;  // 1..12; 1 for annual series
  std::string source;
  bool primary = false;
  std::vector<double> values;
  SourceRef where;
};

}  // namespace mineflow
