#include "tools/report/mineral_report.h"

#include "graph/number_format.h"
#include "tools/report/flow_sankey.h"
#include "tools/report/heat_table.h"
#include "tools/report/indicator_charts.h"
#include "tools/report/line_chart.h"
#include "tools/report/price_chart.h"
#include "tools/report/radar_chart.h"
#include "tools/report/sankey.h"

namespace mineflow::report {

namespace {

std::vector<io::MineralIndicators> indicator_results(
    const std::vector<MineralReportEntry>& entries) {
  std::vector<io::MineralIndicators> results;
  for (const MineralReportEntry& entry : entries) results.push_back(entry.indicators);
  return results;
}

std::string band_text(const std::string& name, const RatingBand& band) {
  std::string text = name + ": ";
  if (band.risk_rises_with_value) {
    text += "Low < " + format_number(band.low_limit) + ", High > " + format_number(band.high_limit);
  } else {
    text +=
        "Low >= " + format_number(band.low_limit) + ", High < " + format_number(band.high_limit);
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
      lang == Lang::ja ? "各セルは値と評価（High / Mid / Low / N/A）。単位：寡占度は HHI "
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

HtmlSection radar_section(const std::vector<io::MineralIndicators>& results,
                          const RatingThresholds& thresholds, Lang lang) {
  HtmlSection section;
  section.id = "radar";
  section.heading = phrase("radar_section", lang);
  section.paragraphs.push_back(
      lang == Lang::ja
          ? "中心 = リスク小、外周 = リスク大。内側の円は Low|Mid、外側の円は Mid|High "
            "の閾値（scenarios/thresholds.yaml）。N/A の軸は中心に置く。"
          : "Centre = least risk, rim = most risk. The inner ring is the Low|Mid threshold, the "
            "outer ring the Mid|High threshold of scenarios/thresholds.yaml, so a vertex beyond "
            "the outer ring rates High. An N/A indicator sits at the centre.");
  for (const io::MineralIndicators& result : results) {
    section.figures.push_back(
        {render_radar_chart(indicator_radar(result, thresholds, lang)), "", true});
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
          : "Band widths are proportional to the flow in t/yr; a node is as tall as the larger of "
            "its inflow and outflow. World production that does not reach the focal economy is "
            "left out. Recycled material returns to demand along the loop under the diagram.");
  for (const MineralReportEntry& entry : entries) {
    std::string name = mineral_label(entry.data->id, entry.data->name, lang);
    SankeyChart chart = material_flow_sankey(*entry.graph, name, lang);
    std::string caption = name + ": " + entry.data->quantity_basis;
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

HtmlSection provenance_section(const ReportProvenance& provenance,
                               const RatingThresholds& thresholds, bool with_stock_flow,
                               Lang lang) {
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
  section.facts.emplace_back(phrase("thresholds", lang),
                             band_text("HHI", thresholds.concentration_hhi) + "; " +
                                 band_text("import stability", thresholds.import_stability) + "; " +
                                 band_text("price volatility", thresholds.price_volatility) + "; " +
                                 band_text("scrap recycling", thresholds.scrap_recycling));
  section.facts.emplace_back(phrase("outputs", lang),
                             "indicators.csv, indicators.json, radar.csv, flows.csv, prices.csv" +
                                 std::string(with_stock_flow ? ", stock_flow.csv" : ""));
  return section;
}

}  // namespace

HtmlDocument mineral_report_document(const std::vector<MineralReportEntry>& entries,
                                     const RatingThresholds& thresholds,
                                     const ReportProvenance& provenance, Lang lang) {
  HtmlDocument document;
  document.lang = std::string(to_string(lang));
  document.title = phrase("report_title", lang);
  document.intro.push_back("mineflow " + provenance.version);
  std::vector<io::MineralIndicators> results = indicator_results(entries);
  document.sections.push_back(heat_section(results, lang));
  document.sections.push_back(radar_section(results, thresholds, lang));
  document.sections.push_back(sankey_section(entries, lang));
  HtmlSection prices = price_section(entries, lang);
  if (!prices.figures.empty()) document.sections.push_back(std::move(prices));
  HtmlSection stock_flow = stock_flow_section(entries, lang);
  if (!stock_flow.figures.empty()) document.sections.push_back(std::move(stock_flow));
  document.sections.push_back(
      provenance_section(provenance, thresholds, !stock_flows(entries).empty(), lang));
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
                                             const ReportProvenance& provenance, Lang lang) {
  std::vector<io::MineralIndicators> results = indicator_results(entries);
  std::vector<NamedGraph> graphs;
  std::vector<const MineralData*> minerals;
  for (const MineralReportEntry& entry : entries) {
    graphs.push_back({entry.data->id, entry.graph});
    minerals.push_back(entry.data);
  }
  std::vector<const MineralStockFlow*> models = stock_flows(entries);
  std::vector<OutputFile> files = {
      {"report.html", render_html(mineral_report_document(entries, thresholds, provenance, lang))},
      {"indicators.csv", io::indicators_csv(results)},
      {"indicators.json", io::indicators_json(results)},
      {"radar.csv", radar_positions_csv(results, thresholds)},
      {"flows.csv", flows_csv(graphs)},
      {"prices.csv", prices_csv(minerals)},
  };
  if (!models.empty()) files.push_back({"stock_flow.csv", stock_flow_csv(models)});
  return files;
}

}  // namespace mineflow::report
