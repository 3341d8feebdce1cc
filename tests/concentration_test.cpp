// HHI and stability-weighted HHI, hand-computed, with both OTH conventions.

#include "graph/concentration.h"

#include <gtest/gtest.h>

namespace mineflow {
namespace {

TEST(Hhi, NamedSharesOnly) {
  // 0.5^2 + 0.3^2 + 0.2^2 = 0.38 -> 3800
  EXPECT_NEAR(
      hhi_0to10000({{"CHN", 0.5}, {"AUS", 0.3}, {"USA", 0.2}}, OtherConvention::split_equal),
      3800.0, 1e-9);
}

TEST(Hhi, SingleSupplierIsTenThousand) {
  EXPECT_DOUBLE_EQ(hhi_0to10000({{"CHN", 1.0}}, OtherConvention::split_equal), 10000.0);
}

TEST(Hhi, OtherSplitIntoPiecesNoLargerThanSmallestNamedShare) {
  // Rare-earth production of the seed: CHN 71, AUS 12, USA 9, RUS 2, IND 1, OTH 5.
  // OTH 5% with smallest named 1% -> 5 pieces of 1%.
  std::vector<Share> shares{{"CHN", 0.71}, {"AUS", 0.12}, {"USA", 0.09},
                            {"RUS", 0.02}, {"IND", 0.01}, {"OTH", 0.05}};
  ExpandedShares expanded = expand_other(shares, OtherConvention::split_equal);
  EXPECT_EQ(expanded.other_pieces, 5);
  EXPECT_NEAR(expanded.other_piece, 0.01, 1e-12);
  EXPECT_TRUE(expanded.lower_bound);
  double named = 71 * 71 + 12 * 12 + 9 * 9 + 2 * 2 + 1 * 1;  // 5211
  EXPECT_NEAR(hhi_0to10000(shares, OtherConvention::split_equal), named + 5 * 1.0, 1e-9);
  EXPECT_NEAR(hhi_0to10000(shares, OtherConvention::one_block), named + 25.0, 1e-9);
}

TEST(Hhi, OtherPiecesRoundUpWhenNotAMultiple) {
  // OTH 0.25 with smallest named 0.1 -> 3 pieces of 0.08333.
  std::vector<Share> shares{{"CHN", 0.65}, {"AUS", 0.10}, {"OTH", 0.25}};
  ExpandedShares expanded = expand_other(shares, OtherConvention::split_equal);
  EXPECT_EQ(expanded.other_pieces, 3);
  EXPECT_NEAR(hhi_0to10000(shares, OtherConvention::split_equal),
              (0.65 * 0.65 + 0.01 + 3 * (0.25 / 3) * (0.25 / 3)) * 1e4, 1e-9);
}

TEST(Hhi, ZeroNamedSharesDoNotSetThePieceSize) {
  std::vector<Share> shares{{"AUS", 0.6}, {"ZWE", 0.0}, {"CHL", 0.38}, {"OTH", 0.02}};
  ExpandedShares expanded = expand_other(shares, OtherConvention::split_equal);
  EXPECT_EQ(expanded.other_pieces, 1);
}

TEST(StabilityWeightedHhi, WeightsEachSquaredShareByItsScore) {
  // 0.6^2 * 5 + 0.4^2 * 2 = 1.8 + 0.32 = 2.12
  auto score = [](const std::string& iso) { return iso == "CHN" ? 5.0 : 2.0; };
  EXPECT_NEAR(stability_weighted_hhi({{"CHN", 0.6}, {"AUS", 0.4}}, OtherConvention::split_equal,
                                     score, 9.0),
              2.12, 1e-12);
}

TEST(StabilityWeightedHhi, OtherPiecesTakeTheirOwnScore) {
  // 0.9^2 * 4 + 10 pieces of 0.01^2 * 6 (OTH 0.1, smallest named 0.9 -> 1 piece of 0.1)
  auto score = [](const std::string&) { return 4.0; };
  EXPECT_NEAR(stability_weighted_hhi({{"CHN", 0.9}, {"OTH", 0.1}}, OtherConvention::split_equal,
                                     score, 6.0),
              0.81 * 4 + 0.01 * 6, 1e-12);
}

}  // namespace
}  // namespace mineflow
