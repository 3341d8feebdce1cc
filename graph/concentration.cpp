#include "graph/concentration.h"

#include <cmath>
#include <limits>

#include "graph/breakdown.h"

namespace mineflow {

std::string_view to_string(OtherConvention convention) {
  return convention == OtherConvention::split_equal ? "split_equal" : "one_block";
}

ExpandedShares expand_other(const std::vector<Share>& shares, OtherConvention convention) {
  ExpandedShares result;
  double other = 0.0;
  double smallest_named = std::numeric_limits<double>::infinity();
  for (const Share& share : shares) {
    if (share.country == kOtherCountry) {
      other += share.fraction;
    } else {
      result.named.push_back(share);
      if (share.fraction > 0.0) smallest_named = std::min(smallest_named, share.fraction);
    }
  }
  if (other <= 0.0) return result;
  if (convention == OtherConvention::one_block || !std::isfinite(smallest_named)) {
    result.other_pieces = 1;
    result.other_piece = other;
    return result;
  }
  // The fewest equal pieces none of which exceeds the smallest named share.
  result.other_pieces = static_cast<int>(std::ceil(other / smallest_named - 1e-12));
  result.other_piece = other / result.other_pieces;
  result.lower_bound = true;
  return result;
}

double hhi_0to10000(const std::vector<Share>& shares, OtherConvention convention) {
  ExpandedShares expanded = expand_other(shares, convention);
  double sum = 0.0;
  for (const Share& share : expanded.named) sum += share.fraction * share.fraction;
  sum += expanded.other_pieces * expanded.other_piece * expanded.other_piece;
  return sum * 10000.0;
}

double stability_weighted_hhi(const std::vector<Share>& shares, OtherConvention convention,
                              const std::function<double(const std::string&)>& score_of,
                              double other_score_0to10) {
  ExpandedShares expanded = expand_other(shares, convention);
  double sum = 0.0;
  for (const Share& share : expanded.named) {
    sum += share.fraction * share.fraction * score_of(share.country);
  }
  sum += expanded.other_pieces * expanded.other_piece * expanded.other_piece * other_score_0to10;
  return sum;
}

}  // namespace mineflow
