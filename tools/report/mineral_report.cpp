#include "tools/report/mineral_report.h"

#include <optional>

#include "graph/number_format.h"
#include "tools/io/text_escape.h"
#include "tools/report/flow_sankey.h"
#include "tools/report/heat_table.h"
#include "tools/report/indicator_charts.h"
#include "tools/report/line_chart.h"
#include "tools/report/optimise_chart.h"
#include "tools/report/price_chart.h"
#include "tools/report/radar_chart.h"
#include "tools/report/report_summary.h"
#include "tools/report/risk_position.h"
#include "tools/report/sankey.h"
#include "tools/report/scenario_run.h"
#include "tools/report/vintage_section.h"

namespace mineflow::report {

namespace {

std::vector<io::MineralIndicators> indicator_results(
    const std::vector<MineralReportEntry>& entries) {
  std::vector<io::MineralIndicators> results;
  for (const MineralReportEntry& entry : entries) results.push_back(entry.indicators);
  return results;
}

// The ratings in the report's language (高/中/低 in Japanese, never mixed with Low/High).
std::string band_text(const std::string& name, const RatingBand& band, Lang lang) {
  std::string low = rating_label(Rating::low, lang);
  std::string high = rating_label(Rating::high, lang);
  std::string text = name + ": ";
  if (band.risk_rises_with_value) {
    text += low + " < " + format_number(band.low_limit) + ", " + high + " > " +
            format_number(band.high_limit);
  } else {
    text += low + " >= " + format_number(band.low_limit) + ", " + high + " < " +
            format_number(band.high_limit);
  }
  return text;
}

HtmlSection heat_section(const std::vector<io::MineralIndicators>& results, Lang lang) {
  HtmlSection section;
  section.id = "indicators";
  section.heading = phrase("heat_section", lang);
  bool any_bound = false;
  for (const auto& result : results) {
    for (const auto& value : result.values) any_bound = any_bound || value.lower_bound;
  }
  std::string caption =
      lang == Lang::ja ? "各セルは値と評価（高 / 中 / 低 / N/A）。単位：寡占度は HHI "
                         "0〜10,000、輸入安定性は Σs²w（0〜10）、価格変動幅は年平均価格の変動係数、"
                         "スクラップ等再生は需要に対する二次原料の比率。"
                       : "Each cell shows the value and its rating (High / Mid / Low / N/A). "
                         "Units: concentration as HHI 0-10,000; import stability as sum of "
                         "s^2 w on 0-10; price volatility as the coefficient of variation of "
                         "annual prices; scrap recycling as the secondary share of demand.";
  if (any_bound) caption += " " + phrase("lower_bound_note", lang);
  section.figures.push_back({render_heat_table(indicator_heat_table(results, lang)), caption});
  return section;
}

// `scenarios`: empty, or one per result (nullptr: no scenario run for that mineral).
HtmlSection radar_section(const std::vector<io::MineralIndicators>& results,
                          const RatingThresholds& thresholds, Lang lang,
                          const std::vector<const MineralScenario*>& scenarios = {}) {
  HtmlSection section;
  section.id = "radar";
  section.heading = phrase("radar_section", lang);
  section.paragraphs.push_back(
      lang == Lang::ja
          ? "中心 = リスク小、外周 = リスク大。内側の円は 低|中、外側の円は 中|高 "
            "の閾値（scenarios/thresholds.yaml）。N/A の軸は中心に置く。"
          : "Centre = least risk, rim = most risk. The inner ring is the Low|Mid threshold, the "
            "outer ring the Mid|High threshold of scenarios/thresholds.yaml, so a vertex beyond "
            "the outer ring rates High. An N/A indicator sits at the centre.");
  bool any_after = false;
  for (std::size_t i = 0; i < results.size(); ++i) {
    RadarChart chart = indicator_radar(results[i], thresholds, lang);
    std::string caption;
    if (i < scenarios.size() && scenarios[i] != nullptr) {
      add_policy_layers(chart, *scenarios[i], thresholds, lang);
      any_after = true;
      caption = phrase("after", lang) + ": " +
                policy_label(headline_policy(*scenarios[i]).name, lang) + " (" +
                scenarios[i]->scenario_id + ")";
    }
    section.figures.push_back({render_radar_chart(chart), caption, true});
  }
  if (any_after) {
    section.paragraphs.push_back(
        lang == Lang::ja
            ? "破線の多角形は各鉱種の供給途絶シナリオの最後の政策を実施した後の指標。菱形は輸入"
              "安定性（精鉱・製錬品）の残存リスク：政策後の値 × (政策下の期待供給不足量 / 備蓄・"
              "再生なしの期待供給不足量)。"
            : "The dashed polygon is the indicators after the last policy of each mineral's "
              "disruption scenario (named in the caption); the diamonds are the residual import "
              "risk on the two import-stability axes: the after value times the policy's expected "
              "unmet demand over that of the same draws without stockpile or recycling.");
  }
  return section;
}

HtmlSection sankey_section(const std::vector<MineralReportEntry>& entries, Lang lang) {
  HtmlSection section;
  section.id = "flows";
  section.heading = phrase("sankey_section", lang);
  section.paragraphs.push_back(
      lang == Lang::ja
          ? "帯の太さは年間フロー（t/年）に比例。ノードの高さは流入と流出の大きい方。"
            "世界の生産のうち日本に届かない分は省略。再生は需要へ戻る帯として下側を通る。"
            "需要から先はストック・フローモデルの基準年（ある鉱種のみ）、鉱山・製錬・輸入はデータの"
            "年間フロー。各図の注記を参照。"
          : "Band widths are proportional to the flow in t/yr; a node is as tall as the larger of "
            "its inflow and outflow. World production that does not reach the focal economy is "
            "left out. Recycled material returns to demand along the loop under the diagram. "
            "From demand on, a mineral with a stock-flow model shows that model's reference "
            "year; mines, refiners and imports are the data's annual flows (each caption says "
            "which).");
  for (const MineralReportEntry& entry : entries) {
    std::string name = mineral_label(entry.data->id, entry.data->name, lang);
    std::optional<UseSideFlows> use_side;
    if (entry.stock_flow != nullptr) use_side = use_side_in_reference_year(*entry.stock_flow);
    SankeyChart chart = material_flow_sankey(*entry.graph, name, lang, use_side);
    std::string caption = name + ": " + entry.data->quantity_basis;
    if (caption.back() != '.') caption += lang == Lang::ja ? "。" : ".";
    if (use_side) {
      std::string year = std::to_string(use_side->year);
      caption += lang == Lang::ja
                     ? "需要・使用中・使用済み・再生はストック・フローモデルの" + year +
                           " 年（基本ケース）、鉱山・製錬・輸入はデータの年間フロー。"
                     : " Demand, in use, end of life and recycling: the stock-flow model's year " +
                           year +
                           " (base variant); mines, refiners and imports: the data's "
                           "annual flows.";
    } else {
      caption += lang == Lang::ja ? "需要から先も物質フローグラフの定常状態（データの年間フロー、"
                                    "需要 = 使用中 = 使用済み）。"
                                  : " The material-flow graph's steady state throughout (the "
                                    "data's annual flows; demand = in use = end of life).";
    }
    section.figures.push_back({render_sankey(chart), caption});
  }
  return section;
}

HtmlSection price_section(const std::vector<MineralReportEntry>& entries, Lang lang) {
  HtmlSection section;
  section.id = "prices";
  section.heading = phrase("price_section", lang);
  std::vector<const MineralData*> minerals;
  std::string sources;
  for (const MineralReportEntry& entry : entries) {
    minerals.push_back(entry.data);
    for (const PriceSeries& series : entry.data->prices) {
      if (!series.primary) continue;
      sources += (sources.empty() ? "" : "; ") + series.name + " [" + series.unit + "]";
    }
  }
  LineChart chart = price_index_chart(minerals, lang);
  if (chart.series.empty()) return section;
  section.figures.push_back({render_line_chart(chart), sources});
  return section;
}

std::vector<const MineralStockFlow*> stock_flows(const std::vector<MineralReportEntry>& entries) {
  std::vector<const MineralStockFlow*> models;
  for (const MineralReportEntry& entry : entries) {
    if (entry.stock_flow != nullptr) models.push_back(entry.stock_flow);
  }
  return models;
}

HtmlSection stock_flow_section(const std::vector<MineralReportEntry>& entries, Lang lang) {
  HtmlSection section;
  section.id = "stock-flow";
  section.heading = phrase("stock_flow_section", lang);
  std::vector<const MineralStockFlow*> models = stock_flows(entries);
  if (models.empty()) return section;
  section.paragraphs.push_back(
      lang == Lang::ja
          ? "scenarios/mfa/<鉱種>.yaml（現状）と <鉱種>_policy.yaml（リサイクル政策：回収率の向上と"
            "スクラップ輸出の削減、需要と寿命は同じ）の動的ストックモデル。地域の合計、" +
                std::to_string(kStockFlowFirstShownYear) +
                "年以降（それ以前は初期ストックを作る助走期間）。使用中ストックは両者で同じ。"
          : "The dynamic stock model of scenarios/mfa/<mineral>.yaml (base) and "
            "<mineral>_policy.yaml (recycling policy: higher collection and fewer scrap exports; "
            "same demand and lifetimes), summed over regions, from " +
                std::to_string(kStockFlowFirstShownYear) +
                " on (earlier years are the spin-up that builds the initial stock). The in-use "
                "stock is the same in both variants; the policy changes only what happens at end "
                "of life.");
  for (const MineralStockFlow* model : models) {
    section.figures.push_back({render_line_chart(in_use_stock_chart(*model, lang), 700.0, 330.0),
                               lang == Lang::ja ? "積み上げ面：製品カテゴリ別"
                                                : "Stacked areas, one per product category"});
    section.figures.push_back(
        {render_line_chart(stock_flow_flows_chart(*model, lang), 700.0, 330.0),
         lang == Lang::ja ? "破線：リサイクル政策の二次供給"
                          : "Dashed: secondary supply under the recycling policy"});
  }
  section.figures.push_back(
      {render_line_chart(secondary_share_chart(models, lang)),
       lang == Lang::ja ? "実線：現状、破線：リサイクル政策（同じ色は同じ鉱種）"
                        : "Solid: base; dashed: recycling policy (same colour, same mineral)"});
  return section;
}

// The entries' non-null members of one kind (a mineral may lack a scenario or a sweep).
template <typename T>
std::vector<const T*> present(const std::vector<MineralReportEntry>& entries,
                              const T* MineralReportEntry::*member) {
  std::vector<const T*> found;
  for (const MineralReportEntry& entry : entries) {
    if (entry.*member != nullptr) found.push_back(entry.*member);
  }
  return found;
}

std::vector<const MineralScenario*> scenario_runs(const std::vector<MineralReportEntry>& entries) {
  return present(entries, &MineralReportEntry::scenario);
}

std::vector<const MineralSweep*> sweeps(const std::vector<MineralReportEntry>& entries) {
  return present(entries, &MineralReportEntry::sweep);
}

HtmlSection scenario_section(const std::vector<MineralReportEntry>& entries, Lang lang) {
  HtmlSection section;
  section.id = "scenarios";
  section.heading = phrase("scenario_section", lang);
  section.paragraphs.push_back(
      lang == Lang::ja
          ? "各鉱種の実際の事象に基づくシナリオ（scenarios/disruptions/）。日次系列は乱数事象の"
            "あるシナリオでは最初の試行群の日次平均（供給の積み上げ）と中央値・5～95 % の範囲"
            "（在庫と価格）、乱数事象のないシナリオではその一つの経路。超過確率曲線はモンテカルロ"
            "試行から（試行数とシードは図の説明と本報告の作成条件に記載）。供給源は積み上げ表示で"
            "上端が需要、在庫の取り崩しは補充を差し引いた値。"
          : "Each mineral's bundled real-event scenario (scenarios/disruptions/). Where the "
            "scenario has random events the daily charts summarise the first trials of its seed: "
            "the stacked supply bands are daily means (they add up to mean demand), the stock "
            "levels and the price show the median and the 5-95 % band; a deterministic scenario "
            "shows its one path. The exceedance curves come from the Monte Carlo trials (count "
            "and seed in each caption and under How this report was made). Stock draws are net "
            "of refills.");
  for (const MineralScenario* run : scenario_runs(entries)) {
    const std::string& name = lang == Lang::ja && !run->scenario_name_ja.empty()
                                  ? run->scenario_name_ja
                                  : run->scenario_name;
    std::string about = name + " (" + run->scenario_id + ")";
    std::string mc =
        about + ", seed " + std::to_string(run->seed) + ", trials " + std::to_string(run->trials);
    // Across trials where the scenario is random; its one path where it is deterministic.
    const bool ja = lang == Lang::ja;
    std::string n = std::to_string(run->band_trials);
    std::string means = run->band_trials == 0 ? (ja ? "確定的シナリオ（乱数事象なし）の経路"
                                                    : "the deterministic path (no random event)")
                        : ja                  ? "試行 " + n + " 回の日次平均"
                                              : "daily means across " + n + " trials";
    std::string band =
        run->band_trials == 0
            ? means
            : (ja ? "試行 " + n + " 回の中央値（実線）と 5～95 % の範囲（帯）"
                  : "median (line) and 5-95 % band (shaded) across " + n + " trials");
    section.figures.push_back(
        {render_line_chart(daily_supply_chart(*run, headline_policy(*run), lang), 700.0, 330.0),
         about + ", " + means});
    section.figures.push_back(
        {render_line_chart(stock_level_chart(*run, lang), 700.0, 330.0), about + ", " + band});
    section.figures.push_back(
        {render_line_chart(daily_price_chart(*run, lang), 700.0, 300.0), about + ", " + band});
    // Curves that hug the axis (a policy that averts every shortage) are named with their numbers.
    std::string any = "; P(unmet > 0):";
    for (const PolicyOutcome& policy : run->policies) {
      std::vector<ExceedancePoint> curve = exceedance_curve(policy.unmet_t, 1);
      any += " " + policy_label(policy.name, lang) + " " +
             format_fixed(curve.empty() ? 0.0 : curve.front().p, 3);
    }
    section.figures.push_back(
        {render_line_chart(exceedance_chart(*run, lang), 700.0, 330.0), mc + any});
  }
  return section;
}

HtmlSection stockpile_section(const std::vector<MineralReportEntry>& entries, Lang lang) {
  HtmlSection section;
  section.id = "stockpile";
  section.heading = phrase("stockpile_section", lang);
  section.paragraphs.push_back(
      lang == Lang::ja
          ? "各鉱種の背景リスクシナリオ（scenarios/disruptions/<鉱種>_background.yaml）で、"
            "mineflow stockpile --all と同じ既定（目標 p_shortage<=0.05、再生比率 0 と現状値）の"
            "備蓄日数スイープ。縦の点線は 60 日基準と目標を満たす日数、水平の破線は目標値。"
          : "The stockpile sweep of each mineral's background-risk scenario "
            "(scenarios/disruptions/<mineral>_background.yaml) with mineflow stockpile --all's "
            "defaults: target p_shortage<=0.05, recycling shares 0 and the current share, the "
            "release, delay and refill levers of the first policy with a stockpile, on common "
            "random numbers. Dotted vertical lines: the 60-day base and the days the target "
            "needs; the flat dashed line is the target.");
  for (const MineralSweep* sweep : sweeps(entries)) {
    std::string caption = sweep->scenario_id + ", " + policy_label(sweep->policy, lang) +
                          ", seed " + std::to_string(sweep->result.seed) + ", trials " +
                          std::to_string(sweep->result.trials);
    if (sweep->result.target && !sweep->result.days_needed.empty() &&
        !sweep->result.days_needed.front().days) {
      caption += lang == Lang::ja ? "；目標は最大日数でも未達" : "; target not met within the grid";
    }
    section.figures.push_back(
        {render_line_chart(stockpile_days_chart(*sweep, lang), 700.0, 330.0), caption});
  }
  return section;
}

std::string policy_radar_csv(const std::vector<const MineralScenario*>& runs,
                             const RatingThresholds& thresholds) {
  std::string out = "mineral,scenario,policy,indicator,after_value,after_position,residual_value\n";
  auto number = [](const std::optional<double>& v) { return v ? format_number(*v) : ""; };
  for (const MineralScenario* run : runs) {
    for (const PolicyOutcome& policy : run->policies) {
      for (const IndicatorValue& value : policy.after) {
        std::optional<double> residual;
        if (value.id == IndicatorId::concentrate_import_stability) {
          residual = policy.residual_concentrate;
        }
        if (value.id == IndicatorId::refined_import_stability) residual = policy.residual_refined;
        std::optional<double> position =
            risk_position(rating_band(value.id, thresholds), value.value);
        out += io::csv_field(run->mineral_id) + "," + io::csv_field(run->scenario_id) + "," +
               io::csv_field(policy.name) + "," + std::string(to_string(value.id)) + "," +
               number(value.value) + "," + (position ? format_fixed(*position, 4) : "") + "," +
               number(residual) + "\n";
      }
    }
  }
  return out;
}

HtmlSection provenance_section(const ReportProvenance& provenance,
                               const RatingThresholds& thresholds, bool with_stock_flow,
                               bool with_scenarios, bool with_sweeps, Lang lang) {
  HtmlSection section;
  section.id = "provenance";
  section.heading = phrase("provenance", lang);
  section.facts.emplace_back(phrase("version", lang), provenance.version);
  section.facts.emplace_back("--data-dir", provenance.data_dir);
  std::string files;
  for (const std::string& file : provenance.files) files += (files.empty() ? "" : "; ") + file;
  section.facts.emplace_back(phrase("data_files", lang), files);
  for (const auto& [name, value] : provenance.settings) section.facts.emplace_back(name, value);
  section.facts.emplace_back(phrase("seed_trials", lang), provenance.seed_trials.empty()
                                                              ? phrase("seed_trials_none", lang)
                                                              : provenance.seed_trials);
  section.facts.emplace_back(
      phrase("thresholds", lang),
      band_text("HHI", thresholds.concentration_hhi, lang) + "; " +
          band_text(lang == Lang::ja ? "輸入安定性" : "import stability",
                    thresholds.import_stability, lang) +
          "; " +
          band_text(lang == Lang::ja ? "価格変動幅" : "price volatility",
                    thresholds.price_volatility, lang) +
          "; " +
          band_text(lang == Lang::ja ? "スクラップ等再生" : "scrap recycling",
                    thresholds.scrap_recycling, lang));
  section.facts.emplace_back(phrase("outputs", lang),
                             "indicators.csv, indicators.json, radar.csv, flows.csv, prices.csv" +
                                 std::string(with_stock_flow ? ", stock_flow.csv" : "") +
                                 std::string(with_scenarios ? ", scenario_series.csv, "
                                                              "exceedance.csv, policy_radar.csv"
                                                            : "") +
                                 std::string(with_sweeps ? ", stockpile_days.csv" : ""));
  return section;
}

// Every compared mineral's rating changes, in the entries' order; nullopt when none was compared.
std::optional<std::vector<io::VintageChange>> compared_vintages(
    const std::vector<MineralReportEntry>& entries) {
  std::optional<std::vector<io::VintageChange>> out;
  for (const MineralReportEntry& entry : entries) {
    if (!entry.vintages_compared) continue;
    if (!out) out.emplace();
    out->insert(out->end(), entry.vintage_changes.begin(), entry.vintage_changes.end());
  }
  return out;
}

}  // namespace

HtmlDocument mineral_report_document(const std::vector<MineralReportEntry>& entries,
                                     const RatingThresholds& thresholds,
                                     const ReportProvenance& provenance, Lang lang,
                                     const io::BudgetReport* budget) {
  HtmlDocument document;
  document.lang = std::string(to_string(lang));
  document.title = phrase("report_title", lang);
  document.intro.push_back("mineflow " + provenance.version);
  document.contents = true;
  document.contents_heading = phrase("contents", lang);
  std::vector<io::MineralIndicators> results = indicator_results(entries);
  document.sections.push_back(summary_section(entries, thresholds, lang));
  document.sections.push_back(heat_section(results, lang));
  if (auto changes = compared_vintages(entries)) {
    document.sections.push_back(vintage_section(*changes, lang));
  }
  std::vector<const MineralScenario*> scenarios;
  for (const MineralReportEntry& entry : entries) scenarios.push_back(entry.scenario);
  document.sections.push_back(radar_section(results, thresholds, lang, scenarios));
  document.sections.push_back(sankey_section(entries, lang));
  HtmlSection prices = price_section(entries, lang);
  if (!prices.figures.empty()) document.sections.push_back(std::move(prices));
  HtmlSection stock_flow = stock_flow_section(entries, lang);
  if (!stock_flow.figures.empty()) document.sections.push_back(std::move(stock_flow));
  HtmlSection scenario = scenario_section(entries, lang);
  if (!scenario.figures.empty()) document.sections.push_back(std::move(scenario));
  HtmlSection stockpile = stockpile_section(entries, lang);
  if (!stockpile.figures.empty()) document.sections.push_back(std::move(stockpile));
  std::vector<const io::OptimiseReport*> frontiers;
  std::vector<std::string> frontier_labels;
  for (const MineralReportEntry& entry : entries) {
    if (entry.frontier == nullptr) continue;
    frontiers.push_back(entry.frontier);
    frontier_labels.push_back(mineral_label(entry.data->id, entry.data->name, lang));
  }
  if (!frontiers.empty() || budget != nullptr) {
    document.sections.push_back(optimise_section(frontiers, frontier_labels, budget, lang));
  }
  document.sections.push_back(
      provenance_section(provenance, thresholds, !stock_flows(entries).empty(),
                         !scenario_runs(entries).empty(), !sweeps(entries).empty(), lang));
  return document;
}

HtmlDocument indicators_document(const std::vector<io::MineralIndicators>& results,
                                 const RatingThresholds& thresholds, const std::string& version,
                                 Lang lang) {
  HtmlDocument document;
  document.lang = std::string(to_string(lang));
  document.title = phrase("report_title", lang);
  document.intro.push_back("mineflow " + version);
  document.sections.push_back(heat_section(results, lang));
  document.sections.push_back(radar_section(results, thresholds, lang));
  return document;
}

std::vector<OutputFile> mineral_report_files(const std::vector<MineralReportEntry>& entries,
                                             const RatingThresholds& thresholds,
                                             const ReportProvenance& provenance, Lang lang,
                                             const io::BudgetReport* budget) {
  std::vector<io::MineralIndicators> results = indicator_results(entries);
  std::vector<NamedGraph> graphs;
  std::vector<const MineralData*> minerals;
  for (const MineralReportEntry& entry : entries) {
    graphs.push_back({entry.data->id, entry.graph});
    minerals.push_back(entry.data);
  }
  std::vector<const MineralStockFlow*> models = stock_flows(entries);
  std::vector<OutputFile> files = {
      {"report.html",
       render_html(mineral_report_document(entries, thresholds, provenance, lang, budget))},
      {"indicators.csv", io::indicators_csv(results)},
      {"indicators.json", io::indicators_json(results)},
      {"radar.csv", radar_positions_csv(results, thresholds)},
      {"flows.csv", flows_csv(graphs)},
      {"prices.csv", prices_csv(minerals)},
  };
  if (auto changes = compared_vintages(entries)) {
    files.push_back({"vintage_changes.csv", io::vintage_changes_csv(*changes)});
  }
  if (!models.empty()) files.push_back({"stock_flow.csv", stock_flow_csv(models)});
  std::vector<const MineralScenario*> runs = scenario_runs(entries);
  if (!runs.empty()) {
    files.push_back({"scenario_series.csv", scenario_series_csv(runs)});
    files.push_back({"exceedance.csv", exceedance_csv(runs)});
    files.push_back({"policy_radar.csv", policy_radar_csv(runs, thresholds)});
  }
  std::vector<const MineralSweep*> swept = sweeps(entries);
  if (!swept.empty()) files.push_back({"stockpile_days.csv", stockpile_days_csv(swept)});
  std::vector<const io::OptimiseReport*> frontiers =
      present(entries, &MineralReportEntry::frontier);
  if (!frontiers.empty()) files.push_back({"optimise_frontier.csv", frontier_csv(frontiers)});
  if (budget != nullptr) files.push_back({"optimise_budget.csv", io::budget_csv(*budget)});
  return files;
}

}  // namespace mineflow::report
