#include "sim/sweep/sweep_plan.h"

namespace mineflow {

std::string sweep_policy(const Scenario& scenario, const std::optional<std::string>& wanted) {
  if (wanted) return *wanted;
  for (const PolicySet& p : scenario.policies) {
    if (p.stockpile_days > 0.0) return p.name;
  }
  return scenario.policies.empty() ? std::string("none") : scenario.policies.front().name;
}

SweepSetup SweepPlan::setup() const {
  const PolicyRun& run = plan.policies.front();
  SweepSetup out;
  out.events = &plan.scenario.events;
  out.horizon_days = plan.scenario.horizon_days;
  out.model = run.model.get();
  out.stocks = plan.variants[run.variant].stocks;
  return out;
}

SweepPlan make_sweep_plan(const Scenario& scenario, const MineralGraph& base,
                          const std::vector<PriceSeries>& prices, const CountryTable& countries,
                          const IndicatorSettings& settings,
                          const std::optional<std::string>& wanted_policy) {
  SweepPlan out;
  out.policy = sweep_policy(scenario, wanted_policy);
  out.plan = make_run_plan(scenario, base, prices, countries, settings, {out.policy});
  out.grid.recycling_shares = {0.0};
  std::optional<double> current = out.plan.base.basis.secondary_share;
  if (current && *current > 0.0) out.grid.recycling_shares.push_back(*current);
  return out;
}

}  // namespace mineflow
