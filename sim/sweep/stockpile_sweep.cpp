#include "sim/sweep/stockpile_sweep.h"

#include <algorithm>
#include <cmath>
#include <optional>
#include <type_traits>

#include "graph/number_format.h"
#include "graph/source_ref.h"
#include "sim/profile_cache.h"
#include "sim/summary.h"
#include "sim/sweep/sweep_driver.h"
#include "sim/units.h"

namespace mineflow {
namespace {

// Interior points per bracket and pass: one pass narrows a bracket 8-fold for the price of
// 7 stock passes per trial, against 1 per pass for plain bisection (the draws and the
// supply profile, the expensive part, are shared by every point of a pass).
constexpr int kPointsPerBracket = 7;
constexpr int kMaxSearchPasses = 20;
constexpr double kMaxPassBytes = 8.0 * 1024 * 1024 * 1024;  // per-trial values of one pass
// Supply profiles kept from the first pass for the later ones (sim/profile_cache.h): what the
// stock pass reads, 10-15 kB a trial for the bundled background scenarios under the clearing
// market; beyond the budget the rest are rebuilt in every pass.
constexpr std::size_t kProfileCacheBytes = std::size_t{2} << 30;

double demand_of(const SweepSetup& setup) {
  return setup.model->demand_t_per_day * (1.0 - setup.stocks.substitution_cut);
}

bool meets(const SweepCell& cell, const SweepTarget& target, double z) {
  Estimate e = metric_of(cell, target.metric);
  return e.value + z * e.se <= target.threshold;
}

using Evaluated = std::map<double, SweepCell>;  // by days (or by share)

// Smallest evaluated key meeting the target, and the largest evaluated key below it.
struct Bracket {
  std::optional<double> hi;
  std::optional<double> lo;
};
Bracket bracket(const Evaluated& evaluated, const SweepTarget& target, double z) {
  Bracket b;
  for (const auto& [key, cell] : evaluated) {
    if (meets(cell, target, z)) {
      b.hi = key;
      break;
    }
    b.lo = key;
  }
  if (!b.hi) b.lo.reset();
  return b;
}

void add_interior(const Bracket& b, double tolerance, std::vector<double>& points) {
  if (!b.hi || !b.lo || *b.hi - *b.lo <= tolerance) return;
  for (int j = 1; j <= kPointsPerBracket; ++j) {
    points.push_back(*b.lo + (*b.hi - *b.lo) * j / (kPointsPerBracket + 1));
  }
}

void check(bool ok, const std::string& field, double value, const std::string& expected) {
  if (!ok) throw InputError(SourceRef{}, field, format_number(value), expected);
}

}  // namespace

Estimate metric_of(const SweepCell& cell, SweepMetric metric) {
  switch (metric) {
    case SweepMetric::p_shortage:
      return cell.p_shortage;
    case SweepMetric::unmet_t:
      return cell.unmet_t;
    case SweepMetric::unmet_pct:
      return cell.unmet_pct;
    case SweepMetric::cvar95_unmet_t:
      return cell.cvar95_unmet_t;
    case SweepMetric::longest_spell_days:
      return cell.longest_spell_days;
    case SweepMetric::priced_out_t:
      return cell.priced_out_t;
    case SweepMetric::priced_out_pct_annual_demand:
      return cell.priced_out_pct;
    case SweepMetric::not_served_t:
      return cell.not_served_t;
    case SweepMetric::not_served_pct_annual_demand:
      return cell.not_served_pct;
  }
  return {};
}

std::vector<Variant> sweep_variants(const SweepSetup& setup,
                                    const std::vector<std::pair<double, double>>& cells) {
  std::vector<Variant> variants;
  variants.reserve(cells.size());
  for (const auto& [days, share] : cells) {
    Variant v{setup.model, setup.stocks};
    v.stocks.stockpile_days = days;
    v.stocks.recycling_share = share;
    variants.push_back(v);
  }
  return variants;
}

SweepCell sweep_cell(const SweepSetup& setup, std::span<const double> unmet_t,
                     std::span<const double> longest_spell_days, double days,
                     double recycling_share) {
  return sweep_cell(setup, unmet_t, longest_spell_days, {}, days, recycling_share);
}

SweepCell sweep_cell(const SweepSetup& setup, std::span<const double> unmet_t,
                     std::span<const double> longest_spell_days,
                     std::span<const double> priced_out_t, double days, double recycling_share) {
  SweepCell cell;
  cell.days = days;
  cell.recycling_share = recycling_share;
  Proportion p = share_positive(unmet_t);
  cell.p_shortage = {p.p, p.se};
  Moments unmet = moments(unmet_t);
  cell.unmet_t = {unmet.mean, unmet.se};
  // unmet % of annual demand is unmet_t scaled (as apply_stocks computes it per trial).
  const double annual_t = demand_of(setup) * kDaysPerYear;
  const double to_pct = annual_t > 0.0 ? 100.0 / annual_t : 0.0;
  cell.unmet_pct = {cell.unmet_t.value * to_pct, cell.unmet_t.se * to_pct};
  std::vector<double> scratch;
  cell.cvar95_unmet_t = cvar95_upper(unmet_t, scratch);
  Moments spell = moments(longest_spell_days);
  cell.longest_spell_days = {spell.mean, spell.se};
  if (priced_out_t.empty()) {
    cell.not_served_t = cell.unmet_t;
  } else {
    Moments priced = moments(priced_out_t);
    cell.priced_out_t = {priced.mean, priced.se};
    std::vector<double> not_served(unmet_t.size());
    for (std::size_t i = 0; i < unmet_t.size(); ++i) not_served[i] = unmet_t[i] + priced_out_t[i];
    Moments served = moments(not_served);
    cell.not_served_t = {served.mean, served.se};
  }
  cell.priced_out_pct = {cell.priced_out_t.value * to_pct, cell.priced_out_t.se * to_pct};
  cell.not_served_pct = {cell.not_served_t.value * to_pct, cell.not_served_t.se * to_pct};
  cell.stock_t = days * demand_of(setup);
  cell.carrying_cost_per_year = cell.stock_t * setup.model->baseline_price *
                                setup.price_to_report_currency * setup.carrying_rate_per_year;
  return cell;
}

SweepResult run_stockpile_sweep(const SweepSetup& setup, const SweepGrid& grid,
                                const std::optional<SweepTarget>& target,
                                const SweepOptions& options) {
  if (grid.days.empty()) throw InputError(SourceRef{}, "--days", "", "at least one value");
  if (grid.recycling_shares.empty()) {
    throw InputError(SourceRef{}, "--recycling", "", "at least one value");
  }
  for (double d : grid.days) check(d >= 0.0 && d <= 3650.0, "--days", d, "0..3650");
  for (double s : grid.recycling_shares) check(s >= 0.0 && s <= 1.0, "--recycling", s, "0..1");
  check(options.base_days >= 0.0 && options.base_days <= 3650.0, "--base-days", options.base_days,
        "0..3650");
  check(options.max_recycling_share > 0.0 && options.max_recycling_share <= 1.0, "--max-recycling",
        options.max_recycling_share, "(0, 1]");
  check(options.trials >= 1, "--trials", static_cast<double>(options.trials), ">= 1");

  SweepResult out;
  out.trials = options.trials;
  out.seed = options.seed;
  out.demand_t_per_day = demand_of(setup);
  out.price_per_t = setup.model->baseline_price * setup.price_to_report_currency;
  out.base_days = options.base_days;
  out.target = target;

  std::vector<double> days = grid.days;
  days.push_back(options.base_days);
  if (target) days.push_back(0.0);  // the search brackets start at no stockpile
  std::sort(days.begin(), days.end());
  days.erase(std::unique(days.begin(), days.end()), days.end());
  std::vector<double> shares = grid.recycling_shares;
  std::sort(shares.begin(), shares.end());
  shares.erase(std::unique(shares.begin(), shares.end()), shares.end());

  // Memory per pass: 16 B per cell and trial (sweep_driver.h); the widest pass is the grid or a
  // search pass (3 brackets x 7 points per share, plus the recycling start grid). Split across
  // ranks, rank 0 holds every trial (the bound) and each other rank its block.
  const std::size_t widest =
      std::max(days.size() * shares.size(),
               target ? 3 * kPointsPerBracket * shares.size() + 11 : std::size_t{0});
  const double bytes = 16.0 * static_cast<double>(widest) * static_cast<double>(options.trials);
  if (bytes > kMaxPassBytes) {
    throw InputError(SourceRef{}, "--trials", std::to_string(options.trials),
                     "at most " +
                         std::to_string(static_cast<std::uint64_t>(
                             kMaxPassBytes / (16.0 * static_cast<double>(widest)))) +
                         " for this grid (" + std::to_string(widest) +
                         " cells per pass, 16 B per cell and trial, 8 GiB at most" +
                         (options.split != nullptr && options.split->ranks() > 1
                              ? " on rank 0, which gathers every trial; each other rank about 1/" +
                                    std::to_string(options.split->ranks()) + " of that"
                              : std::string()) +
                         ")");
  }

  std::vector<Evaluated> by_days(shares.size());
  Evaluated by_share;  // at the base days

  int pass = 0;
  std::optional<ProfileCache> profiles;  // made with the first pass, for this process's trials
  auto run_pass = [&](const std::vector<std::pair<double, double>>& cells) {
    ++pass;
    MonteCarloOptions mc;
    mc.trials = options.trials;
    mc.seed = options.seed;
    mc.threads = options.threads;
    mc.cancel = options.cancel;
    mc.split = options.split;
    if (!profiles) {
      profiles.emplace(setup.model, trial_layout(mc).run, kProfileCacheBytes,
                       setup.stocks.release_price != ReleasePrice::market);
    }
    mc.profile_cache = &*profiles;
    if (options.progress) {
      mc.progress = [&, this_pass = pass](std::uint64_t done) {
        options.progress(this_pass, done, options.trials);
      };
    }
    std::vector<Variant> variants = sweep_variants(setup, cells);
    SweepValues values = run_sweep_trials(*setup.events, setup.horizon_days, variants, mc);
    std::vector<SweepCell> stats(cells.size());
    if (options.split == nullptr || options.split->is_root()) {
      for_each_parallel(cells.size(), options.threads, [&](std::size_t v) {
        stats[v] = sweep_cell(setup, values.unmet_t(v), values.longest_spell_days(v),
                              values.priced_out_t(v), cells[v].first, cells[v].second);
      });
    }
    if (options.split != nullptr) {
      static_assert(std::is_trivially_copyable_v<SweepCell>);
      options.split->broadcast(std::as_writable_bytes(std::span(stats)));
    }
    return stats;
  };

  // Pass 1: the grid, on which every later pass reuses the same trials (seed, trial index).
  std::vector<std::pair<double, double>> cells;
  for (double s : shares) {
    for (double d : days) cells.emplace_back(d, s);
  }
  std::vector<SweepCell> grid_cells = run_pass(cells);
  for (std::size_t c = 0; c < grid_cells.size(); ++c) {
    std::size_t s = c / days.size();
    by_days[s][grid_cells[c].days] = grid_cells[c];
    if (grid_cells[c].days == options.base_days) by_share[shares[s]] = grid_cells[c];
  }
  out.cells = grid_cells;

  // The recycling alternative only considers shares up to the cap (grid shares may exceed it).
  auto capped = [&]() {
    Evaluated out_capped;
    for (const auto& [share, cell] : by_share) {
      if (share <= options.max_recycling_share) out_capped[share] = cell;
    }
    return out_capped;
  };

  if (target) {
    const double zs[3] = {-options.z, 0.0, options.z};
    // The recycling search starts from an even grid on [0, max].
    std::vector<std::pair<double, double>> next;
    for (int k = 0; k <= 10; ++k) {
      double s = options.max_recycling_share * k / 10.0;
      if (!by_share.count(s)) next.emplace_back(options.base_days, s);
    }
    for (int search = 0; search < kMaxSearchPasses; ++search) {
      for (std::size_t s = 0; s < shares.size(); ++s) {
        std::vector<double> points;
        for (double z : zs)
          add_interior(bracket(by_days[s], *target, z), options.days_tolerance, points);
        std::sort(points.begin(), points.end());
        points.erase(std::unique(points.begin(), points.end()), points.end());
        for (double d : points) {
          if (!by_days[s].count(d)) next.emplace_back(d, shares[s]);
        }
      }
      if (search > 0 || next.empty()) {
        std::vector<double> points;
        add_interior(bracket(capped(), *target, 0.0), options.share_tolerance, points);
        for (double r : points) {
          if (!by_share.count(r)) next.emplace_back(options.base_days, r);
        }
      }
      if (next.empty()) break;
      std::vector<SweepCell> found = run_pass(next);
      for (const SweepCell& cell : found) {
        if (cell.days == options.base_days && !by_share.count(cell.recycling_share)) {
          by_share[cell.recycling_share] = cell;
        }
        auto it = std::find(shares.begin(), shares.end(), cell.recycling_share);
        if (it != shares.end())
          by_days[static_cast<std::size_t>(it - shares.begin())][cell.days] = cell;
      }
      next.clear();
    }
    for (std::size_t s = 0; s < shares.size(); ++s) {
      DaysFinding finding;
      finding.recycling_share = shares[s];
      finding.days = bracket(by_days[s], *target, 0.0).hi;
      finding.days_low = bracket(by_days[s], *target, -options.z).hi;
      finding.days_high = bracket(by_days[s], *target, options.z).hi;
      if (finding.days) finding.at_days = by_days[s].at(*finding.days);
      out.days_needed.push_back(finding);
    }
    RecyclingFinding recycling;
    recycling.at_days = options.base_days;
    Evaluated allowed = capped();
    recycling.share = bracket(allowed, *target, 0.0).hi;
    if (recycling.share) recycling.at_share = allowed.at(*recycling.share);
    out.recycling = recycling;
  }
  out.passes = pass;
  return out;
}

}  // namespace mineflow
