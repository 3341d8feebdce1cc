#pragma once
// Herfindahl-Hirschman concentration and its stability-weighted form, with docs/domain.md's rule
// for the "other" bucket: OTH is never squared as one country by default.

#include <functional>
#include <string>
#include <vector>

namespace mineflow {

enum class OtherConvention {
  split_equal,  // OTH split into equal pieces no larger than the smallest named share: lower bound
  one_block,    // OTH treated as one country: upper bound
};

std::string_view to_string(OtherConvention convention);

struct Share {
  std::string country;  // ISO alpha-3 or OTH
  double fraction = 0.0;
};

// Shares after applying the OTH convention: named shares as they are, OTH as its pieces.
struct ExpandedShares {
  std::vector<Share> named;
  int other_pieces = 0;
  double other_piece = 0.0;  // fraction of each piece
  bool lower_bound = false;  // true when OTH was split (the true figure can only be higher)
};

ExpandedShares expand_other(const std::vector<Share>& shares, OtherConvention convention);

// sum_i s_i^2 on the 0..10,000 scale (shares as percentages).
double hhi_0to10000(const std::vector<Share>& shares, OtherConvention convention);

// sum_i s_i^2 * w_i with s_i fractions, w_i on 0..10: the import-stability score (0..10).
// `score_of` gives w for a named country; OTH pieces take `other_score_0to10`.
double stability_weighted_hhi(const std::vector<Share>& shares, OtherConvention convention,
                              const std::function<double(const std::string&)>& score_of,
                              double other_score_0to10);

}  // namespace mineflow
