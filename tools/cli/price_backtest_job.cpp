#include "tools/cli/price_backtest_job.h"

#include <algorithm>
#include <memory>

#include "tools/cli/run_job.h"
#include "tools/io/price_events_loader.h"

namespace mineflow::cli {
namespace {

std::string month_text(int year, int month) {
  return std::to_string(year) + (month < 10 ? "-0" : "-") + std::to_string(month);
}

}  // namespace

// Each listed real-event scenario's modelled price peak against its observed one: a transcribed
// figure, else the primary price series, else another series of the price file that covers it.
std::vector<PriceComparison> price_backtest(const DataPaths& paths, const std::string& file,
                                            const PriceBacktestRequest& backtest) {
  io::PriceEvents listed = io::load_price_events(file);
  std::vector<PriceComparison> out;
  for (const io::PriceEvent& event : listed.events) {
    RunRequest request;
    request.vintage = backtest.vintage;
    request.market.model = backtest.market;
    std::unique_ptr<RunJob> job = prepare_run(paths, event.scenario, request);
    const RunPlan& plan = job->plan;
    // The first policy (no_policy in every bundled real-event scenario): a policy's levers act
    // on the focal economy, the price on the world shortfall.
    Model model = *plan.policies.front().model;
    if (backtest.world_inventory_days) model.world_inventory_days = *backtest.world_inventory_days;
    double onset_day = plan.scenario.horizon_days;
    for (const EventSpec& spec : job->scenario.events) {
      if (spec.start_day) onset_day = std::min(onset_day, *spec.start_day);
    }
    if (onset_day >= plan.scenario.horizon_days) onset_day = 0.0;
    PriceComparison c;
    c.scenario = job->scenario.id;
    c.mineral = job->data.id;
    c.onset = month_text(event.onset_year, event.onset_month);
    c.sample = event.sample;
    c.market = std::string(to_string(job->scenario.market));
    c.world_inventory_days = model.world_inventory_days;
    // What happened does not depend on the vintage: the finest series of the price file that
    // covers the episode (monthly before annual, the vintage's primary first among equals; the
    // latest primary, USGS annual 2018-2022, misses 2010 and 2014 and averages 2021's spike).
    for (PriceFrequency frequency : {PriceFrequency::monthly, PriceFrequency::annual}) {
      for (bool primary : {true, false}) {
        for (const PriceSeries& series : job->data.prices) {
          if (c.observed || series.frequency != frequency || series.primary != primary) continue;
          c.observed = observed_price_peak(series, event.onset_year, event.onset_month,
                                           listed.window_months);
          if (c.observed) c.series = series.id;
        }
      }
    }
    if (event.observed) {
      c.series = "transcribed";
      c.observed = event.observed;
    }
    c.modelled = modelled_price_peak(model, plan.scenario.events, job->scenario.seed,
                                     backtest.trials, onset_day);
    if (c.observed) {
      c.implied_elasticity = implied_elasticity(c.modelled.world_shortfall, c.observed->multiple);
      c.cap_binds_observed = c.observed->multiple > c.modelled.cap;
    }
    out.push_back(std::move(c));
  }
  return out;
}

}  // namespace mineflow::cli
