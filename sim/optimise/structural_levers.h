#pragma once
// The two levers that change the focal economy's supply, not only its stock pass
// (docs/optimise.md "Levers and costs"): each of their levels is a model of its own, derived
// from the scenario's compiled model, run on the same (seed, trial) streams as every other mix.
//
// Diversification: `t_per_yr` of imports moved off the largest import source (the supplier of
// the most tonnes, concentrate or refined: the most concentrated one) to the other sources of
// the same import class, in proportion to their spare capacity (headroom), at most the sum of
// that headroom and the largest source's own flow. A source's headroom is its supplier's capacity
// above output in the world network: the refiner's capacity less its output for a refined
// stream, the spare of the mines of its country for a concentrate stream. The moved tonnes are
// baseline flow of the receiving streams (contracted supply, which follows the receiving
// supplier's cuts); the short-notice rerouting spare (`spare_capacity`, sim/model.h) is
// unchanged, and the world network is not rebalanced. Moving onto a supplier that is cut too can
// raise risk: the lever is not monotone.
//
// Focal smelter capacity: `t_per_yr` added to the focal economy's smelting and refining of
// imported concentrate (Model::smelter_capacity_t_per_day), as a policy's `capacity_added`
// naming the focal economy does (sim/apply_policies.h). It matters only where the focal
// economy refines imported concentrate and that concentrate can exceed today's capacity.

#include <cstddef>
#include <optional>

#include "sim/model.h"

namespace mineflow {

// The largest import source (ties: the first), or nullopt without imports.
std::optional<std::size_t> largest_source(const Model& model);

// Headroom of source `i`, t/day (see above).
double source_headroom_t_per_day(const Model& model, std::size_t i);

// The most diversification the model allows, t/yr: min(largest source's flow, the other sources
// of its class's headroom).
double diversifiable_t_per_yr(const Model& model);

// Infinity where the focal economy imports concentrate (and so refines it), else 0.
double smelter_addable_t_per_yr(const Model& model);

// A copy of `base` with both levers applied (levels clipped to what the model allows); its own
// supply profile (no market twin).
Model structural_variant(const Model& base, double diversified_t_per_yr,
                         double smelter_added_t_per_yr);

}  // namespace mineflow
