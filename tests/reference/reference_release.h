#pragma once
// Reference, a stockpile's release price under clearing (docs/market.md, "Release price"),
// written from the document alone: below the market price the stockpile also serves demand the
// price priced out, day by day from the tonnes the physical pass never drew.

#include "tests/reference/reference_case.h"
#include "tests/reference/reference_market.h"
#include "tests/reference/reference_sim.h"

namespace mineflow::reference {

// Serves priced-out demand at the case's release price: lowers m.priced_out_t, m.not_served_t
// and m.lowest_stockpile_t (from the physical pass: its lowest level is what can be sold) by
// the tonnes served, and returns them. Adds to exact.release_bound_t what the market's and the
// stock pass's allowances can move them by. Nothing under `market`.
double serve_priced_out(const Case& c, const MarketDays& market, Metrics& m, Exactness& exact);

}  // namespace mineflow::reference
