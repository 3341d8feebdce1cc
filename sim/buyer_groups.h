#pragma once
// A clearing market's demand curve from its buyer groups (docs/market.md, "Buyer groups and the
// split price"): the focal economy (share a of the market's use at baseline, elasticity e_f) and
// everyone else (1 - a, e_r) buy D(P) = a P^-e_f + (1 - a) P^-e_r of their baseline at price
// multiple P. Competitive storage sets the price where demand is 1 - x, x the share of the
// market's stocks drawn; the cap prices out at most c = 1 - D(cap).

namespace mineflow {

struct DemandCurve {
  double focal_share = 0.0;  // a
  double focal_elasticity = 0.3;
  double rest_elasticity = 0.3;
  double cap = 5.0;
  double clearable = 0.0;  // c = 1 - D(cap)
};

DemandCurve demand_curve(double focal_share, double focal_elasticity, double rest_elasticity,
                         double cap);

// D(P), a share of the market's baseline use.
double demand_at(const DemandCurve& curve, double price);

// The price multiple P with D(P) = 1 - x, for x < 1 (x < 0: a glut, P < 1); uncapped. One
// elasticity: (1 - x)^(-1/e) exactly; two: Newton's method on ln P (D is convex in ln P, so it
// converges monotonically after at most one step), to the last few ulp.
double scarcity_price(const DemandCurve& curve, double x);

// The share of its baseline demand the focal economy gives up at price multiple P: 1 - P^-e_f.
double focal_priced_out(const DemandCurve& curve, double price);

}  // namespace mineflow
