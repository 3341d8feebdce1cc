#include "sim/run_plan.h"

#include <cmath>

#include "graph/price_volatility.h"
#include "sim/apply_policies.h"
#include "sim/background_risk.h"
#include "sim/occurrences.h"

namespace mineflow {

PriceBasis price_basis(const std::vector<PriceSeries>& prices, int window_years) {
  PriceBasis out;
  for (const PriceSeries& series : prices) {
    if (!series.primary) continue;
    AnnualPrices annual = annual_averages(series);
    if (annual.values.empty()) continue;
    out.baseline_price = annual.values.back();
    std::size_t n = annual.values.size();
    std::size_t first =
        n > static_cast<std::size_t>(window_years) ? n - static_cast<std::size_t>(window_years) : 0;
    std::vector<double> returns;
    for (std::size_t i = first + 1; i < n; ++i) {
      if (annual.values[i] > 0.0 && annual.values[i - 1] > 0.0) {
        returns.push_back(std::log(annual.values[i] / annual.values[i - 1]));
      }
    }
    out.volatility_per_sqrt_year = sample_sd(returns);
  }
  return out;
}

StockPolicy stock_policy(const PolicySet& policy, const Scenario& scenario, const Model& model) {
  StockPolicy out;
  out.substitution_cut = policy.substitution_cut;
  out.recycling_share = policy.recycling_share.value_or(model.graph_recycling_share);
  out.stockpile_days = policy.stockpile_days;
  out.release_rate_of_demand = policy.release_rate_of_demand;
  out.decision_delay_days = policy.decision_delay_days;
  out.refill_rate_of_demand = policy.refill_rate_of_demand;
  out.release_price = static_cast<ReleasePrice>(policy.release_price);
  out.release_discount = policy.release_discount;
  out.commercial_inventory_days =
      policy.commercial_inventory_days.value_or(scenario.commercial_inventory_days);
  out.commercial_refill_rate_of_demand = scenario.commercial_refill_rate_of_demand;
  // Under clearing the response acts in the world market (model.market_response, docs/market.md
  // "Supply and demand response"), not in the focal economy's stock pass: one mechanism.
  out.response =
      model.clearing ? DemandResponse{} : policy.demand_response.value_or(scenario.demand_response);
  return out;
}

namespace {
PolicySet none_policy() {
  PolicySet policy;
  policy.name = "none";
  return policy;
}
}  // namespace

RunPlan make_run_plan(const Scenario& scenario, const MineralGraph& base,
                      const std::vector<PriceSeries>& prices, const CountryTable& countries,
                      const IndicatorSettings& settings,
                      const std::vector<std::string>& policy_names) {
  RunPlan plan;
  plan.scenario = scenario;
  // Clearing by default; without the world tiers there is no world market to clear, and a
  // scenario that did not choose gets rationing (its outputs name it).
  if (plan.scenario.market == MarketModel::clearing && plan.scenario.market_where.file.empty() &&
      !base.network.present) {
    plan.scenario.market = MarketModel::rationing;
  }
  plan.base = base;
  plan.price = price_basis(prices, settings.volatility_window_years);
  std::vector<PolicySet> chosen;
  if (policy_names.empty()) {
    chosen = scenario.policies;
    if (chosen.empty()) chosen.push_back(none_policy());
  } else {
    for (const std::string& name : policy_names) {
      bool found = false;
      for (const PolicySet& policy : scenario.policies) {
        if (policy.name == name) {
          chosen.push_back(policy);
          found = true;
        }
      }
      if (!found && name == "none") {
        chosen.push_back(none_policy());
        found = true;
      }
      if (!found) {
        std::string known = "none";
        for (const PolicySet& policy : scenario.policies) known += ", " + policy.name;
        throw InputError(SourceRef{scenario.file, 0, 0}, "--policy", name,
                         "a policy of the scenario (" + known + ")");
      }
    }
  }
  if (scenario.background_risk) {
    std::vector<EventSpec> extra =
        background_events(base, chosen, countries, settings.stability_measure,
                          settings.stability_year, *scenario.background_risk);
    plan.scenario.events.insert(plan.scenario.events.end(), extra.begin(), extra.end());
  }
  if (scenario.hazard) {
    std::vector<EventSpec> extra = hazard_events(base, countries, settings.stability_measure,
                                                 settings.stability_year, *scenario.hazard);
    plan.scenario.events.insert(plan.scenario.events.end(), extra.begin(), extra.end());
  }
  plan.deterministic = is_deterministic(plan.scenario.events);
  std::shared_ptr<const Model> base_model;
  auto variant_index = [&plan](const Model* model, StockPolicy stocks) {
    if (stocks.stockpile_days == 0.0) {  // release, delay and refill rules are then moot
      StockPolicy defaults;
      stocks.release_rate_of_demand = defaults.release_rate_of_demand;
      stocks.decision_delay_days = defaults.decision_delay_days;
      stocks.refill_rate_of_demand = defaults.refill_rate_of_demand;
      stocks.release_price = defaults.release_price;
      stocks.release_discount = defaults.release_discount;
    }
    for (std::size_t v = 0; v < plan.variants.size(); ++v) {
      if (plan.variants[v].model == model && plan.variants[v].stocks == stocks) return v;
    }
    plan.variants.push_back({model, stocks});
    return plan.variants.size() - 1;
  };
  for (const PolicySet& policy : chosen) {
    PolicyRun run;
    run.policy = policy;
    run.after = apply_policies(base, policy);
    // The model carries only the structural levers; recycling and substitution act in the
    // stock pass so sweeps over them reuse each trial's supply profile.
    bool structural = !policy.diversification.empty() || !policy.capacity_added.empty();
    // Under clearing a policy's own demand_response is the market's: a model of its own.
    const bool own_market = plan.scenario.market == MarketModel::clearing &&
                            policy.demand_response &&
                            *policy.demand_response != plan.scenario.demand_response;
    const bool has_levers = structural;
    structural = structural || own_market;
    if (own_market && !has_levers) {
      // The same supply as the levers-free model, its own market: a copy of that model with the
      // policy's response, marked as its twin so a trial builds the supply profile once.
      if (!base_model) {
        auto model = std::make_shared<Model>(
            compile_model(apply_policies(base, PolicySet{}), plan.scenario, {}, plan.price));
        model->mineral_id = scenario.id;
        base_model = model;
      }
      auto twin = std::make_shared<Model>(*base_model);
      twin->market_response = *policy.demand_response;
      twin->market_twin = base_model;
      run.model = twin;
    } else if (!structural && base_model) {
      run.model = base_model;
    } else {
      PolicySet levers;
      levers.diversification = policy.diversification;
      levers.capacity_added = policy.capacity_added;
      auto model = std::make_shared<Model>(compile_model(
          apply_policies(base, levers), plan.scenario, policy.capacity_added, plan.price));
      model->mineral_id = scenario.id;
      if (own_market && model->clearing) model->market_response = *policy.demand_response;
      run.model = model;
      if (!structural) base_model = run.model;
    }
    StockPolicy stocks = stock_policy(policy, plan.scenario, *run.model);
    StockPolicy reference = stocks;
    reference.stockpile_days = 0.0;
    reference.recycling_share = 0.0;
    run.variant = variant_index(run.model.get(), stocks);
    run.reference = variant_index(run.model.get(), reference);
    plan.policies.push_back(std::move(run));
  }
  // Variants of one model adjacent, so its supply profile is built once per trial.
  std::vector<std::size_t> order(plan.variants.size());
  for (std::size_t v = 0; v < order.size(); ++v) order[v] = v;
  auto model_rank = [&plan](const Model* model) {
    for (std::size_t p = 0; p < plan.policies.size(); ++p) {
      if (plan.policies[p].model.get() == model) return p;
    }
    return plan.policies.size();
  };
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return model_rank(plan.variants[a].model) < model_rank(plan.variants[b].model);
  });
  std::vector<Variant> sorted;
  std::vector<std::size_t> position(order.size());
  for (std::size_t i = 0; i < order.size(); ++i) {
    sorted.push_back(plan.variants[order[i]]);
    position[order[i]] = i;
  }
  plan.variants = std::move(sorted);
  for (PolicyRun& run : plan.policies) {
    run.variant = position[run.variant];
    run.reference = position[run.reference];
  }
  return plan;
}

std::string split_country(const RunPlan& plan) {
  for (const Variant& variant : plan.variants) {
    if (variant.model->split.active()) return variant.model->split.country;
  }
  return {};
}

std::vector<VariantScope> reported_scope(const RunPlan& plan) {
  std::vector<VariantScope> scope(plan.variants.size(), VariantScope::unmet_only);
  for (const PolicyRun& run : plan.policies) scope[run.variant] = VariantScope::full;
  return scope;
}

}  // namespace mineflow
