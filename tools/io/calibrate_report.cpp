#include "tools/io/calibrate_report.h"

#include <cmath>
#include <iomanip>
#include <limits>
#include <sstream>

#include "sim/distribution.h"
#include "tools/io/text_escape.h"
#include "tools/io/text_table.h"
#include "tools/io/vintage_line.h"

namespace mineflow::io {
namespace {

constexpr double kNone = std::numeric_limits<double>::quiet_NaN();
constexpr double kInf = std::numeric_limits<double>::infinity();

std::string num(double x, int digits = 3) {
  if (!std::isfinite(x)) return x > 0 ? "inf" : (x < 0 ? "-inf" : "nan");
  std::ostringstream out;
  out.precision(digits);
  out << x;
  return out.str();
}

struct Figure {
  std::string section;
  std::string name;
  double value;
  double low;
  double high;
  std::string note;
  std::string sample = "";  // a price backtest row: its episode's fit | out_of_sample
};

std::vector<Figure> figures(const CalibrateReport& report) {
  const HazardFit& f = *report.fit;
  const PolicyRateFit& p = f.policy_rate;
  std::vector<Figure> out;
  auto add = [&](const std::string& section, const std::string& name, const FitEstimate& e,
                 const std::string& note) {
    out.push_back({section, name, e.value, e.low, e.high, note});
  };
  add("policy", "r0_per_year", p.r0(), "rate at w = 5 and world share = s_ref");
  add("policy", "doublings_per_point", p.doublings_per_point(), "1 / k");
  out.push_back({"policy", "doubling_points", p.doubling_points(),
                 p.doublings_per_point().high > 0 ? 1.0 / p.doublings_per_point().high : kNone,
                 p.doublings_per_point().low > 0 ? 1.0 / p.doublings_per_point().low : kInf,
                 "k = 1 / (1 / k); interval inverted from 1 / k"});
  add("policy", "share_exponent", p.share_exponent(), "b");
  // Duration and severity rows of one class.
  auto add_class = [&](const std::string& section, const DurationFit& duration,
                       const Distribution& severity, std::size_t drops) {
    add(section, "duration_median_days", duration.median_days(),
        std::to_string(duration.observed) + " ended, " + std::to_string(duration.censored) +
            " censored");
    add(section, "duration_sigma", duration.sigma(), "lognormal sigma of ln days");
    add(section, "duration_mean_days", duration.mean_days(), "");
    out.push_back({section, "severity_mean", mean_of(severity), severity.a,
                   severity.kind == Distribution::Kind::uniform ? severity.b : severity.a,
                   "uniform min-max from " + std::to_string(drops) + " realised drops"});
  };
  add_class("policy", f.policy_duration, f.model.policy.severity, f.policy_drops.size());
  if (f.acute_observations > 0) {
    add("policy", "acute_median_days", f.policy_acute.median_days(),
        std::to_string(f.policy_acute.observed) + " ended, " +
            std::to_string(f.policy_acute.censored) + " censored (licence shocks)");
    add("policy", "acute_sigma", f.policy_acute.sigma(), "lognormal sigma of ln days");
  }
  add("operational", "rate_per_node_per_year", f.operational_rate,
      "per facility, at the copper allowance; low-high: realised range");
  out.push_back({"operational", "facility_share", f.model.operational.facility_share, kNone, kNone,
                 "of world output at a stage (judgement, frequencies.yaml)"});
  add_class("operational", f.operational_duration, f.model.operational.severity,
            f.operational_drops.size());
  out.push_back({"data", "policy_events", static_cast<double>(p.events), kNone, kNone, "counted"});
  out.push_back({"data", "exposure_years", p.exposure_years, kNone, kNone,
                 std::to_string(f.exposure.size()) + " country-mineral pairs"});
  if (report.backtest) {
    const HazardBacktest& b = *report.backtest;
    for (const CountComparison& row : b.by_mineral) {
      out.push_back({"backtest_mineral", row.group, row.predicted, static_cast<double>(row.low90),
                     static_cast<double>(row.high90), "observed " + std::to_string(row.observed)});
    }
    for (const CountComparison& row : b.by_band) {
      out.push_back({"backtest_band", row.group, row.predicted, static_cast<double>(row.low90),
                     static_cast<double>(row.high90), "observed " + std::to_string(row.observed)});
    }
    out.push_back({"backtest_copper", "predicted", b.copper_loss_mean, b.copper_loss_p05,
                   b.copper_loss_p95, "annual loss share, 5-95 %"});
    for (const RealisedLoss& y : b.copper_years) {
      out.push_back({"backtest_copper", std::to_string(y.year), y.share, kNone, kNone,
                     y.memory ? "observed [memory]" : "observed"});
    }
  }
  if (report.prices) {
    for (const PriceComparison& c : *report.prices) {
      const ModelledPeak& m = c.modelled;
      const std::string sample = to_string(c.sample);
      auto add_price = [&](const std::string& name, double value, const std::string& note) {
        out.push_back(
            {"backtest_price", c.scenario + "." + name, value, kNone, kNone, note, sample});
      };
      std::string model_note = c.market + ", elasticity " + num(m.elasticity) + ", cap " +
                               num(m.cap) + ", " + std::to_string(m.trials) + " trials, median";
      if (c.market == "clearing") {
        model_note += ", world stocks " + num(c.world_inventory_days) + " days";
      }
      if (c.observed) {
        const ObservedPeak& o = *c.observed;
        std::string when =
            o.peak_year == 0
                ? "months " + std::to_string(o.months_from) + "-" + std::to_string(o.months_to)
                : std::to_string(o.peak_year) + (o.peak_month ? (o.peak_month < 10 ? "-0" : "-") +
                                                                    std::to_string(o.peak_month)
                                                              : "");
        add_price("observed_multiple", o.multiple,
                  (o.source.empty() ? c.series : "transcribed: " + o.source) + " from " + c.onset +
                      ", peak " + when);
        add_price("observed_months_after", static_cast<double>(o.months_after), "");
        add_price("observed_months_from", static_cast<double>(o.months_from),
                  "window of the observed peak, months after the onset month");
        add_price("observed_months_to", static_cast<double>(o.months_to), "");
      }
      add_price("modelled_multiple", m.multiple, model_note);
      add_price("modelled_days_after", m.days_after, model_note);
      add_price("world_shortfall", m.world_shortfall, "at the modelled peak");
      if (c.observed) {
        add_price("peak_ratio", m.multiple / c.observed->multiple,
                  "modelled over observed; within 1.5x: 0.667-1.5");
        add_price("timing_inside", timing_inside(c) ? 1.0 : 0.0,
                  "1: the modelled peak's day lies in the observed window");
      }
      if (c.implied_elasticity) {
        add_price("implied_elasticity", *c.implied_elasticity,
                  c.cap_binds_observed ? "observed above the cap" : "");
      }
    }
    for (EpisodeSample sample : {EpisodeSample::fit, EpisodeSample::out_of_sample}) {
      const BacktestTally t = tally_backtest(*report.prices, sample);
      const std::string name = to_string(sample);
      auto add_count = [&](const std::string& what, int count, const std::string& note) {
        out.push_back({"backtest_verdict", name + "." + what, static_cast<double>(count), kNone,
                       kNone, note, name});
      };
      add_count("episodes", t.episodes, "replayed");
      add_count("observed", t.observed, "with an observed peak");
      add_count("peak_within", t.peak_within, "modelled peak within 1.5x of the observed");
      add_count("timing_inside", t.timing_inside, "modelled peak's day in the observed window");
      add_count("both", t.both, "both tests passed");
    }
  }
  return out;
}

// Below this world shortfall an implied elasticity only says the shortfall is missing.
constexpr double kNoShortfall = 0.01;

// What a price row says, in a few words.
std::string price_reading(const PriceComparison& c) {
  if (!c.observed) return "series does not cover the onset";
  if (c.modelled.world_shortfall < kNoShortfall) return "modelled shortfall ~0: no e fits";
  if (!c.implied_elasticity) return "no rise to calibrate against";
  double ratio = c.modelled.multiple / c.observed->multiple;
  std::string text = ratio < 0.9 ? "model too flat" : ratio > 1.1 ? "model too steep" : "close";
  if (c.cap_binds_observed) text += "; cap below observed";
  return text;
}

}  // namespace

std::string calibrate_table(const CalibrateReport& report) {
  const HazardFit& f = *report.fit;
  std::ostringstream out;
  out << "Two-class hazard fitted to " << report.catalogue << "\n"
      << vintage_line(report.vintage) << f.policy_rate.events << " policy events over "
      << num(f.policy_rate.exposure_years, 4) << " country-mineral-years (" << f.exposure.size()
      << " pairs): few events, wide intervals (docs/hazard.md)\n\n";
  TextTable params({"parameter", "estimate", "95 % low", "95 % high", "note"});
  std::string section;
  for (const Figure& fig : figures(report)) {
    if (fig.section.rfind("backtest", 0) == 0) continue;
    params.add_row(
        {fig.section + "." + fig.name, num(fig.value), num(fig.low), num(fig.high), fig.note});
  }
  out << params.render();
  auto ended = [](const FitConvergence& c, const char* size) {
    std::ostringstream text;
    text << c.iterations << " iterations, " << size << " " << std::setprecision(2) << c.final_size;
    return text.str();
  };
  out << "Converged: policy rate (Newton-Raphson, " << ended(f.policy_rate.convergence, "last step")
      << "); policy durations (Nelder-Mead, "
      << ended(f.policy_duration.convergence, "simplex spread")
      << ");\n  operational durations (Nelder-Mead, "
      << ended(f.operational_duration.convergence, "simplex spread") << ")";
  if (f.acute_observations > 0) {
    out << "; acute phases (Nelder-Mead, " << ended(f.policy_acute.convergence, "simplex spread")
        << ")";
  }
  out << "\n";
  for (const std::string& note : f.notes) out << "  " << note << "\n";
  if (report.backtest) {
    const HazardBacktest& b = *report.backtest;
    auto counts = [&](const char* title, const std::vector<CountComparison>& rows) {
      TextTable t({title, "observed", "predicted", "90 % range"});
      int observed = 0;
      double predicted = 0.0;
      for (const CountComparison& r : rows) {
        t.add_row({r.group, std::to_string(r.observed), num(r.predicted),
                   std::to_string(r.low90) + "-" + std::to_string(r.high90)});
        observed += r.observed;
        predicted += r.predicted;
      }
      t.add_row({"total", std::to_string(observed), num(predicted), ""});
      out << "\n" << t.render();
    };
    out << "\nBacktest: policy events over the window, predicted by the fitted rates\n";
    counts("mineral", b.by_mineral);
    counts("stability band", b.by_band);
    out << "\nBacktest: annual loss of world copper mine supply, operational class\n";
    TextTable t({"year", "observed %", "predicted mean %", "predicted 5-95 %"});
    for (const RealisedLoss& y : b.copper_years) {
      t.add_row({std::to_string(y.year) + (y.memory ? " [memory]" : ""), num(y.share * 100),
                 num(b.copper_loss_mean * 100),
                 num(b.copper_loss_p05 * 100) + "-" + num(b.copper_loss_p95 * 100)});
    }
    out << t.render();
  }
  if (report.prices) {
    out << "\nBacktest: peak price multiple after each real event's onset (observed: the bundled\n"
           "series or the transcribed figures, months after the onset; modelled: without the\n"
           "price noise, days after the onset: the scarcity multiple under rationing, the daily\n"
           "market path under clearing; sample: fit or out_of_sample, docs/market.md)\n";
    TextTable t({"scenario", "sample", "onset", "observed (months)", "modelled (days)", "market",
                 "e, cap", "shortfall", "implied e", "reading"});
    for (const PriceComparison& c : *report.prices) {
      const ModelledPeak& m = c.modelled;
      std::string observed = "-";
      if (c.observed) {
        const ObservedPeak& o = *c.observed;
        observed = num(o.multiple) + " (" +
                   (o.months_from == o.months_to
                        ? std::to_string(o.months_from)
                        : std::to_string(o.months_from) + "-" + std::to_string(o.months_to)) +
                   (o.source.empty() ? ")" : ", transcribed)");
      }
      std::string modelled = num(m.multiple) + " (" + num(m.days_after) + ")";
      if (c.observed) {
        modelled += timing_inside(c) ? " in window" : " outside";
      }
      t.add_row(
          {c.scenario, to_string(c.sample), c.onset, observed, modelled,
           c.market == "clearing" ? "clearing, " + num(c.world_inventory_days) + " d" : c.market,
           num(m.elasticity) + ", " + num(m.cap), num(m.world_shortfall),
           c.implied_elasticity ? num(*c.implied_elasticity, 2) : "-", price_reading(c)});
    }
    out << t.render();
    for (EpisodeSample sample : {EpisodeSample::fit, EpisodeSample::out_of_sample}) {
      const BacktestTally v = tally_backtest(*report.prices, sample);
      if (v.episodes == 0) continue;
      const std::string of = " of " + std::to_string(v.episodes);
      out << to_string(sample) << ": peak within 1.5x on " << v.peak_within << of
          << ", its day in the window on " << v.timing_inside << of << ", both on " << v.both << of
          << "\n";
    }
    out << "implied e: the elasticity at which (1 - shortfall)^(-1/e) equals the observed\n"
           "multiple; one event per mineral cannot separate it from the shortfall, so the\n"
           "scenarios keep their elasticities (docs/hazard.md)\n";
  }
  if (!report.written.empty()) out << "\nwrote " << report.written << "\n";
  return out.str();
}

std::string calibrate_csv(const CalibrateReport& report) {
  std::ostringstream out;
  out << "section,name,value,low,high,note,sample,vintage\n";
  for (const Figure& f : figures(report)) {
    out << f.section << "," << csv_field(f.name) << "," << num(f.value, 6) << "," << num(f.low, 6)
        << "," << num(f.high, 6) << "," << csv_field(f.note) << "," << f.sample << ","
        << csv_field(report.vintage) << "\n";
  }
  return out.str();
}

std::string calibrate_json(const CalibrateReport& report) {
  std::ostringstream out;
  out << "{\"catalogue\": " << json_string(report.catalogue)
      << ", \"vintage\": " << json_string(report.vintage) << ", \"figures\": [";
  bool first = true;
  auto json_num = [](double x) { return std::isfinite(x) ? num(x, 6) : std::string("null"); };
  for (const Figure& f : figures(report)) {
    out << (first ? "\n" : ",\n") << "  {\"section\": " << json_string(f.section)
        << ", \"name\": " << json_string(f.name) << ", \"value\": " << json_num(f.value)
        << ", \"low\": " << json_num(f.low) << ", \"high\": " << json_num(f.high)
        << ", \"note\": " << json_string(f.note);
    if (!f.sample.empty()) out << ", \"sample\": " << json_string(f.sample);
    out << "}";
    first = false;
  }
  out << "\n]}\n";
  return out.str();
}

}  // namespace mineflow::io
