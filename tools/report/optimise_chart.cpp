#include "tools/report/optimise_chart.h"

#include <cmath>
#include <limits>

#include "graph/number_format.h"
#include "tools/io/text_escape.h"

namespace mineflow::report {

LineChart frontier_chart(const io::OptimiseReport& report, const std::string& mineral_label,
                         Lang lang) {
  const bool ja = lang == Lang::ja;
  LineChart chart;
  const SweepMetric metric =
      report.findings.empty() ? SweepMetric::p_shortage : report.findings.front().target.metric;
  chart.title = mineral_label + (ja ? ": 費用とリスクのフロンティア" : ": cost-risk frontier");
  chart.x_label = (ja ? "目標 " : "target ") + std::string(to_string(metric)) + " <=";
  chart.y_label = ja ? "年間費用" : "cost per year";
  chart.y_unit = ja ? "百万 USD/年" : "million USD/yr";
  LineSeries cheapest;
  cheapest.name = ja ? "最安の組合せ" : "cheapest mix";
  LineSeries stockpile;
  stockpile.name = ja ? "備蓄のみ" : "stockpile only";
  stockpile.dashed = true;
  const double gap = std::numeric_limits<double>::quiet_NaN();
  for (const OptimiseFinding& f : report.findings) {
    cheapest.x.push_back(f.target.threshold);
    cheapest.y.push_back(f.best ? f.best->cost.total() / 1e6 : gap);
    stockpile.x.push_back(f.target.threshold);
    stockpile.y.push_back(f.stockpile_only ? f.stockpile_only->cost.total() / 1e6 : gap);
  }
  chart.series = {std::move(cheapest), std::move(stockpile)};
  chart.colour_of_series = {0, 6};
  return chart;
}

std::string frontier_csv(const std::vector<const io::OptimiseReport*>& reports) {
  std::string out =
      "mineral,scenario,target,row,stockpile_days,recycling_share,substitution_cut,"
      "diversified_t_per_yr,smelter_added_t_per_yr,diversification_usd_per_year,"
      "smelter_usd_per_year,cost_per_year,metric_value,metric_se,meets_target\n";
  for (const io::OptimiseReport* r : reports) {
    for (const OptimiseFinding& f : r->findings) {
      auto row = [&](const std::string& name, const MixCell& c) {
        Estimate e = metric_of(c.stats, f.target.metric);
        out += io::csv_field(r->header.mineral) + "," + io::csv_field(r->header.scenario) + "," +
               io::csv_field(to_string(f.target)) + "," + name + "," +
               format_number(c.mix.stockpile_days) + "," + format_number(c.mix.recycling_share) +
               "," + format_number(c.mix.substitution_cut) + "," +
               format_number(c.mix.diversified_t_per_yr) + "," +
               format_number(c.mix.smelter_added_t_per_yr) + "," +
               format_number(c.cost.diversification_usd_per_year) + "," +
               format_number(c.cost.smelter_usd_per_year) + "," + format_number(c.cost.total()) +
               "," + format_number(e.value) + "," + format_number(e.se) + "," +
               (meets(c, f.target, r->z) ? "true" : "false") + "\n";
      };
      if (f.best) row("cheapest", *f.best);
      if (f.stockpile_only) row("stockpile_only", *f.stockpile_only);
      if (!f.best) row("best_reachable", f.best_reachable);
    }
  }
  return out;
}

HtmlSection optimise_section(const std::vector<const io::OptimiseReport*>& frontiers,
                             const std::vector<std::string>& labels, const io::BudgetReport* budget,
                             Lang lang) {
  const bool ja = lang == Lang::ja;
  HtmlSection section;
  section.id = "optimise";
  section.heading = ja ? "最小費用の政策の組合せ" : "Least-cost policy mix";
  section.paragraphs.push_back(
      ja ? "mineflow optimise --frontier と同じ計算：各鉱種の背景リスクシナリオで、目標を "
           "値 + 2 SE で満たす最も安い備蓄・リサイクル・代替の組合せの年間費用（実線）と、"
           "備蓄のみの費用（破線）。費用は scenarios/levers/<鉱種>.yaml の仮定による"
           "（docs/optimise.md）。目標は備蓄なしの p_shortage の 0.8、0.6、0.4、0.2、0.1 "
           "倍。欠けた点は、その目標に手段の上限でも届かないことを示す。"
         : "As mineflow optimise --frontier: for each mineral's background-risk scenario, the "
           "cost per year of the cheapest mix of stockpile, recycling and substitution that "
           "meets each target at value + 2 SE (solid), beside the stockpile-only cost (dashed). "
           "Targets: p_shortage at 0.8, 0.6, 0.4, 0.2 and 0.1 of its level with no stockpile. "
           "Costs are the assumptions in scenarios/levers/<mineral>.yaml (docs/optimise.md); a "
           "missing point is a target the levers cannot reach.");
  for (std::size_t i = 0; i < frontiers.size(); ++i) {
    const io::OptimiseReport& r = *frontiers[i];
    bool any = false;
    for (const OptimiseFinding& f : r.findings) any = any || f.best.has_value();
    if (!any) {  // an empty chart says less than one line
      const OptimiseFinding* f = r.findings.empty() ? nullptr : &r.findings.back();
      std::string best =
          f == nullptr
              ? std::string()
              : format_fixed(metric_of(f->best_reachable.stats, f->target.metric).value, 4);
      section.paragraphs.push_back(
          labels[i] +
          (ja ? ": どの目標にも手段の上限で届かない（到達できる最小の " +
                    std::string(to_string(f->target.metric)) + " は " + best + "）。"
              : ": no target is reachable with the levers at their maxima (the lowest " +
                    std::string(to_string(f->target.metric)) + " reached is " + best + ")."));
      continue;
    }
    section.figures.push_back({render_line_chart(frontier_chart(r, labels[i], lang), 700.0, 330.0),
                               r.header.scenario + ", seed " + std::to_string(r.seed) +
                                   ", trials " + std::to_string(r.trials)});
  }
  if (budget != nullptr) {
    section.paragraphs.push_back(
        (ja ? "予算 " : "A budget of ") + format_fixed(budget->budget_usd_per_year / 1e6, 1) +
        (ja ? " 百万 USD/年を、供給されない需要の期待値（基準価格での USD）を最小にするよう"
              "鉱種に配分（mineflow optimise --all --budget）。限界価値：次の 1 ドルが減らす"
              "期待値。"
            : " million USD/yr spread over the minerals to minimise the expected value of demand "
              "not served, USD at the base price (mineflow optimise --all --budget). Marginal "
              "value: the expected value not served that the next dollar on that mineral avoids."));
    section.table.push_back(
        ja ? std::vector<std::string>{"鉱種", "備蓄日数", "リサイクル比率", "代替", "費用 USD/年",
                                      "期待値 前 USD/年", "後 USD/年", "限界価値 USD/USD"}
           : std::vector<std::string>{"mineral", "stockpile days", "recycling share",
                                      "substitution", "cost USD/yr", "not served before USD/yr",
                                      "after USD/yr", "marginal USD per USD"});
    for (const io::BudgetRow& row : budget->rows) {
      const double price = row.mineral->basis.price_usd_per_t;
      section.table.push_back({row.mineral->header.mineral,
                               format_fixed(row.chosen.mix.stockpile_days, 1),
                               format_fixed(row.chosen.mix.recycling_share, 3),
                               format_fixed(row.chosen.mix.substitution_cut, 3),
                               format_fixed(row.chosen.cost.total(), 0),
                               format_fixed(row.base.not_served_t.value * price, 0),
                               format_fixed(row.chosen.not_served_t.value * price, 0),
                               format_fixed(row.marginal_value, 3)});
    }
  }
  return section;
}

}  // namespace mineflow::report
