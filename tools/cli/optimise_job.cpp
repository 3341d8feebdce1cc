#include "tools/cli/optimise_job.h"

#include <filesystem>

#include "graph/number_format.h"
#include "graph/source_ref.h"
#include "sim/optimise/structural_levers.h"
#include "sim/units.h"

namespace mineflow::cli {
namespace {

// The per-mineral budget grid: the stockpile sweep's days, and 4 levels of each other lever.
constexpr double kBudgetDayFractions[] = {0.0,        15.0 / 180, 30.0 / 180,  45.0 / 180,
                                          60.0 / 180, 90.0 / 180, 120.0 / 180, 1.0};
constexpr int kBudgetShareLevels = 4;

std::string fs_stem(const std::string& file) {
  return std::filesystem::path(file).stem().string();
}

struct Prepared {
  std::unique_ptr<PreparedSweep> sweep;
  SweepSetup setup;
  OptimiseOutput out;
};

// Loads the scenario and its levers; the evaluator's basis starts from no stockpile (every day
// held is costed, as `stockpile` costs it), the current recycling share and the policy's cut.
std::unique_ptr<Prepared> prepare(const std::string& file, const OptimiseRequest& request,
                                  const DataPaths& paths) {
  auto p = std::make_unique<Prepared>();
  p->sweep = prepare_sweep(file, request.sweep, paths);
  const std::string levers =
      request.levers
          ? *request.levers
          : paths.data_dir + "/levers/" +
                std::filesystem::path(p->sweep->scenario.mineral_file).stem().string() + ".yaml";
  if (!std::filesystem::exists(levers)) {
    throw InputError(SourceRef{}, request.levers ? "--levers" : "levers", levers,
                     "a lever-costs file (docs/optimise.md \"Levers and costs\")");
  }
  io::LeverCostsFile costs_file = io::load_lever_costs(levers);
  SweepSetup setup = p->sweep->setup(costs_file.costs.carrying_rate_per_year());
  p->setup = setup;
  OptimiseOutput& out = p->out;
  out.header = p->sweep->header;
  out.header.carrying_rate_per_year = costs_file.costs.carrying_rate_per_year();
  // Shown relative to the data folder when it is the default (the same text on any machine).
  out.levers_file =
      request.levers ? levers : "levers/" + fs_stem(p->sweep->scenario.mineral_file) + ".yaml";
  out.basis.demand_t_per_day = setup.model->demand_t_per_day;
  out.basis.price_usd_per_t = setup.model->baseline_price * setup.price_to_report_currency;
  out.basis.base.stockpile_days = 0.0;
  out.basis.base.recycling_share = setup.stocks.recycling_share;
  out.basis.base.substitution_cut = setup.stocks.substitution_cut;
  out.costs = io::resolve_lever_costs(costs_file, out.basis.price_usd_per_t,
                                      out.basis.demand_t_per_day * kDaysPerYear);
  // The structural levers' room (sim/optimise/structural_levers.h); unpriced ones stay at 0.
  if (costs_file.costs.max_diversified_t_per_yr > 0.0) {
    out.basis.diversifiable_t_per_yr = diversifiable_t_per_yr(*setup.model);
  }
  out.basis.smelter_addable_t_per_yr = smelter_addable_t_per_yr(*setup.model);
  if (auto from = largest_source(*setup.model)) {
    const SupplySource& s = setup.model->sources[*from];
    out.largest_source =
        s.country + (s.import_class == ImportClass::refined ? " refined" : " concentrate");
  }
  out.z = request.search.z;
  out.trials = static_cast<std::uint64_t>(p->sweep->scenario.trials);
  out.seed = p->sweep->scenario.seed;
  return p;
}

EvaluatorOptions evaluator_options(const Prepared& p, const OptimiseRequest& request,
                                   const OptimiseProgress& progress,
                                   const std::atomic<bool>* cancel) {
  EvaluatorOptions options;
  options.trials = p.out.trials;
  options.seed = p.out.seed;
  options.threads = request.sweep.threads;
  options.cancel = cancel;
  if (progress) {
    std::string label = p.sweep->data.id;
    options.progress = [progress, label](int pass, std::uint64_t done, std::uint64_t total) {
      progress(label, pass, done, total);
    };
  }
  return options;
}

}  // namespace

Estimate loss_usd(const MixCell& cell, const MixBasis& basis) {
  return {cell.not_served_t.value * basis.price_usd_per_t,
          cell.not_served_t.se * basis.price_usd_per_t};
}

OptimiseOutput optimise_scenario(const std::string& file, const OptimiseRequest& request,
                                 const DataPaths& paths, const OptimiseProgress& progress,
                                 const std::atomic<bool>* cancel) {
  check_sweep_request(request.sweep);
  std::unique_ptr<Prepared> p = prepare(file, request, paths);
  MixEvaluator evaluator(p->setup, p->out.basis, p->out.costs,
                         evaluator_options(*p, request, progress, cancel));
  if (request.thresholds.empty()) {
    p->out.findings.push_back(optimise_mix(evaluator, request.target, request.search));
  } else {
    p->out.findings =
        optimise_frontier(evaluator, request.target.metric, request.thresholds, request.search);
  }
  p->out.passes = evaluator.passes();
  return std::move(p->out);
}

OptimiseOutput budget_grid_scenario(const std::string& file, const OptimiseRequest& request,
                                    const DataPaths& paths, const OptimiseProgress& progress,
                                    const std::atomic<bool>* cancel) {
  check_sweep_request(request.sweep);
  std::unique_ptr<Prepared> p = prepare(file, request, paths);
  MixEvaluator evaluator(p->setup, p->out.basis, p->out.costs,
                         evaluator_options(*p, request, progress, cancel));
  const MixBasis& basis = p->out.basis;
  std::vector<PolicyMix> mixes;
  const double max_days = lever_max(Lever::stockpile_days, basis, p->out.costs);
  const double max_share = lever_max(Lever::recycling_share, basis, p->out.costs);
  const double max_cut = lever_max(Lever::substitution_cut, basis, p->out.costs);
  for (double f : kBudgetDayFractions) {
    for (int r = 0; r < kBudgetShareLevels; ++r) {
      for (int c = 0; c < kBudgetShareLevels; ++c) {
        PolicyMix m = basis.base;
        m.stockpile_days = max_days * f;
        m.recycling_share = basis.base.recycling_share +
                            (max_share - basis.base.recycling_share) * r / (kBudgetShareLevels - 1);
        m.substitution_cut = basis.base.substitution_cut +
                             (max_cut - basis.base.substitution_cut) * c / (kBudgetShareLevels - 1);
        mixes.push_back(m);
      }
    }
  }
  evaluator.evaluate(mixes);
  for (const auto& [mix, cell] : evaluator.evaluated()) p->out.grid.push_back(cell);
  p->out.passes = evaluator.passes();
  return std::move(p->out);
}

void require_reachable(const io::OptimiseReport& r) {
  const OptimiseFinding& f = r.findings.front();
  if (f.best) return;
  const MixCell& c = f.best_reachable;
  Estimate e = metric_of(c.stats, f.target.metric);
  throw InputError(
      SourceRef{}, "--target", to_string(f.target),
      "a target the levers can reach: the best reachable " +
          std::string(to_string(f.target.metric)) + " is " + format_number(e.value) + " (SE " +
          format_fixed(e.se, 4) + ", so " + format_fixed(e.value + r.z * e.se, 4) + " with " +
          format_number(r.z) + " SE) at stockpile_days " + format_number(c.mix.stockpile_days) +
          ", recycling_share " + format_number(c.mix.recycling_share) + ", substitution_cut " +
          format_number(c.mix.substitution_cut) + ", diversified_t_per_yr " +
          format_number(c.mix.diversified_t_per_yr) + ", smelter_added_t_per_yr " +
          format_number(c.mix.smelter_added_t_per_yr) + " (levers in " + r.levers_file + ")");
}

io::BudgetReport budget_report(const std::vector<io::OptimiseReport>& reports, double budget) {
  std::vector<std::vector<BudgetOption>> options_by_mineral;
  for (const io::OptimiseReport& r : reports) {
    std::vector<BudgetOption> options;
    for (const MixCell& c : r.grid) options.push_back({c.cost.total(), loss_usd(c, r.basis).value});
    options_by_mineral.push_back(options);
  }
  std::vector<BudgetShare> shares = split_budget(options_by_mineral, budget);
  io::BudgetReport out;
  out.budget_usd_per_year = budget;
  for (std::size_t m = 0; m < reports.size(); ++m) {
    io::BudgetRow row;
    row.mineral = &reports[m];
    for (const MixCell& c : reports[m].grid) {
      if (c.mix == reports[m].basis.base) row.base = c;
    }
    row.chosen = reports[m].grid[shares[m].option];
    row.marginal_value = shares[m].marginal_value;
    out.rows.push_back(row);
  }
  return out;
}

}  // namespace mineflow::cli
