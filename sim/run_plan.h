#pragma once
// Everything a run needs, computed from plain data: the scenario's events (background risk
// expanded), one compiled model per distinct set of structural levers (policies without any
// share the base model), and the distinct variants the Monte Carlo driver evaluates: each
// policy and its reference (same model and trials, no stockpile, no recycling); identical
// variants are evaluated once (no_policy is usually stockpile_60's reference).
//
// Thread safety: immutable once made; variants point into the plan's models (do not copy it).

#include <memory>
#include <string>
#include <vector>

#include "graph/country_table.h"
#include "graph/indicators.h"
#include "sim/model.h"
#include "sim/scenario.h"
#include "sim/trial.h"
#include "sim/variant_scope.h"

namespace mineflow {

struct PolicyRun {
  PolicySet policy;
  MineralGraph after;  // the graph with every structural lever applied (for the indicators)
  std::shared_ptr<const Model> model;
  std::size_t variant = 0;    // index of the policy's variant
  std::size_t reference = 0;  // index of its no-stockpile, no-recycling variant
};

struct RunPlan {
  Scenario scenario;  // events include the expanded background risk
  MineralGraph base;
  PriceBasis price;
  std::vector<PolicyRun> policies;
  std::vector<Variant> variants;
  bool deterministic = false;  // no random event: one trial says everything
};

// Baseline price (last complete annual mean) and volatility (sample sd of annual log returns
// over the latest `window_years`) of the primary series; {1, 0} without one.
PriceBasis price_basis(const std::vector<PriceSeries>& prices, int window_years);

// `policy_names` empty: every policy of the scenario, or a "none" policy when it has none.
// Unknown names throw InputError. `base` must outlive the plan (its basis points into data).
RunPlan make_run_plan(const Scenario& scenario, const MineralGraph& base,
                      const std::vector<PriceSeries>& prices, const CountryTable& countries,
                      const IndicatorSettings& settings,
                      const std::vector<std::string>& policy_names);

// The stock levers of a policy over a model (recycling defaults to the graph's share).
StockPolicy stock_policy(const PolicySet& policy, const Scenario& scenario, const Model& model);

// The country whose export restriction can split the plan's market (the first variant's that
// can: docs/market.md, "Buyer groups and the split price"); empty where none can. What the
// outputs key the split metrics and the series' domestic price on.
std::string split_country(const RunPlan& plan);

// What a run keeps of each of the plan's variants for its outputs (sim/variant_scope.h): every
// metric of a policy's own variant, unmet_t alone of a variant that is only some policy's
// no-stockpile reference.
std::vector<VariantScope> reported_scope(const RunPlan& plan);

}  // namespace mineflow
