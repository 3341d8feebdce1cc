#include "tools/report/report_summary.h"

#include <algorithm>

#include "graph/number_format.h"
#include "tools/io/stockpile_report.h"
#include "tools/io/terminal_number.h"
#include "tools/report/indicator_charts.h"
#include "tools/report/risk_position.h"
#include "tools/report/scenario_charts.h"

namespace mineflow::report {

namespace {

std::string high_count(const io::MineralIndicators& indicators) {
  auto high = std::count_if(indicators.values.begin(), indicators.values.end(),
                            [](const IndicatorValue& v) { return v.rating == Rating::high; });
  return std::to_string(high) + " / " + std::to_string(indicators.values.size());
}

// The indicator furthest into its risk band (largest radar position); "" when all are N/A.
std::string top_indicator(const io::MineralIndicators& indicators,
                          const RatingThresholds& thresholds, Lang lang) {
  const IndicatorValue* top = nullptr;
  double top_position = -1.0;
  for (const IndicatorValue& value : indicators.values) {
    std::optional<double> position = risk_position(rating_band(value.id, thresholds), value.value);
    if (position && *position > top_position) {
      top = &value;
      top_position = *position;
    }
  }
  if (top == nullptr) return "";
  return indicator_label(top->id, lang) + ": " + indicator_display_value(*top) + " " +
         rating_label(top->rating, lang);
}

// The days as `stockpile --all` states them (the same function), with the trial count.
std::string days_needed(const MineralSweep* sweep, Lang lang) {
  if (sweep == nullptr || sweep->result.days_needed.empty()) return "-";
  const io::HeadlineWords ja_words{"～", "", " 日以内では未達"};
  std::string days = lang == Lang::ja
                         ? io::headline_days_text(sweep->header, sweep->result, ja_words)
                         : io::headline_days_text(sweep->header, sweep->result);
  std::string trials = io::format_grouped(static_cast<double>(sweep->result.trials), 0);
  return lang == Lang::ja ? days + "、" + trials + " 試行" : days + ", " + trials + " trials";
}

double p_any_shortage(const PolicyOutcome& policy) {
  if (policy.unmet_t.empty()) return 0.0;
  auto short_trials = std::count_if(policy.unmet_t.begin(), policy.unmet_t.end(),
                                    [](double unmet) { return unmet > 0.0; });
  return static_cast<double>(short_trials) / static_cast<double>(policy.unmet_t.size());
}

std::string scenario_risk(const MineralScenario* run, Lang lang) {
  if (run == nullptr || run->policies.empty()) return "-";
  const PolicyOutcome& first = run->policies.front();
  const PolicyOutcome& last = headline_policy(*run);
  std::string text = run->scenario_id + ": " + format_fixed(p_any_shortage(first), 2);
  if (&first != &last) {
    text += " (" + policy_label(first.name, lang) + ") -> " +
            format_fixed(p_any_shortage(last), 2) + " (" + policy_label(last.name, lang) + ")";
  }
  return text;
}

// One note said briefly for a table cell; the full line is in `mineflow run` and its files.
std::string limit_brief(const io::LimitNote& note, Lang lang) {
  bool ja = lang == Lang::ja;
  if (note.id == "price_at_cap") {
    std::string share = format_fixed(100.0 * note.share, 1);
    return ja ? "価格が上限に到達（試行の " + share + " %）：上限が価格による需要減を決める"
              : "price at its cap in " + share + " % of trials: the cap sets the volume priced out";
  }
  if (note.id == "pro_rata_rationing") {
    return ja ? "配分は価格によらず比例配分（rationing）"
              : "shortage shared pro rata, not through a price (rationing)";
  }
  if (note.id == "stockpile_floor") {
    std::string days = format_number(note.days);
    std::string value = format_fixed(note.share, 4);
    return ja ? "備蓄日数は下限に到達：" + days + " 日でも目標指標 " + value +
                    "（放出速度と判断の遅れで決まる）"
              : "stockpile days on a floor: the target's metric is " + value + " even at " + days +
                    " days (release rate and delay set it)";
  }
  if (note.id == "price_taker") {
    std::string share = format_fixed(100.0 * note.share, 1);
    return ja ? "備蓄が市場在庫の " + share + " %：放出の価格引下げ効果は未反映（価格は上振れ）"
              : "stockpile " + share +
                    " % of its market's stocks: its releases' effect on the price is left out "
                    "(the price is overstated)";
  }
  if (note.id == "resourcing_lead") {
    std::string days = format_number(note.days);
    return ja ? "調達先の切替に " + days + " 日（その間の供給途絶は物理的不足）"
              : "re-sourcing takes " + days + " days (a supplier's cut is physical meanwhile)";
  }
  if (note.id == "data_quality") {
    std::string of = std::to_string(note.count) + " / " + std::to_string(note.total);
    return ja ? "データの " + of + " 件が判断・記憶による値" : of + " figures judged or remembered";
  }
  return note.text;
}

// The limits behind the row's answers: its data's, then its real-event scenario's market's.
std::string limits(const MineralReportEntry& entry, Lang lang) {
  std::vector<io::LimitNote> notes = entry.notes;
  if (entry.sweep != nullptr) {
    std::vector<io::LimitNote> floor = io::sweep_notes(entry.sweep->header, entry.sweep->result);
    notes.insert(notes.end(), floor.begin(), floor.end());
  }
  if (entry.scenario != nullptr && !entry.scenario->policies.empty()) {
    const std::vector<io::LimitNote>& market = headline_policy(*entry.scenario).notes;
    notes.insert(notes.end(), market.begin(), market.end());
  }
  std::string out;
  for (const io::LimitNote& note : notes) {
    out += (out.empty() ? "" : lang == Lang::ja ? "。" : "; ") + limit_brief(note, lang);
  }
  return out.empty() ? "-" : out;
}

}  // namespace

HtmlSection summary_section(const std::vector<MineralReportEntry>& entries,
                            const RatingThresholds& thresholds, Lang lang) {
  bool ja = lang == Lang::ja;
  HtmlSection section;
  section.id = "summary";
  section.heading = phrase("summary_section", lang);
  section.paragraphs.push_back(
      ja ? "各鉱種について：6指標のうち「高」の数、リスク帯に最も深く入った指標（レーダーチャート"
           "の位置が最大）、背景リスクシナリオで期間中に供給不足が起きる確率を 0.05 以下にする"
           "国家備蓄の日数（現在の再生比率、±2 標準誤差の範囲と試行数。mineflow stockpile --all "
           "と同じ計算）、実際の事象に基づくシナリオで供給不足が起きる確率（政策"
           "なし -> 最後の政策）、そしてこれらの答えを左右する前提（判断・記憶によるデータ、"
           "価格上限、比例配分）。詳細は以下の各節。"
         : "Per mineral: how many of the six indicators rate High; the indicator furthest into its "
           "risk band (largest radar position); the national-stockpile days that keep the chance "
           "of any shortage under background risk at or below 0.05 at today's recycling share, "
           "with "
           "their ±2 SE range and the trials (the same computation and numbers as `mineflow "
           "stockpile --all` with the same trials); and the "
           "chance of any shortage in the real-event scenario, without -> with its last policy; "
           "and the limits that drive these answers (figures judged or remembered, a price at its "
           "cap, pro-rata rationing). The sections below give the details.");
  section.table.push_back(
      ja ? std::vector<std::string>{"鉱種", "「高」の指標", "最もリスクの高い指標",
                                    "必要な備蓄日数", "実事象シナリオの供給不足確率", "前提と限界"}
         : std::vector<std::string>{"Mineral", "High", "Top indicator", "Stockpile days needed",
                                    "Real-event P(any shortage)", "Limits"});
  for (const MineralReportEntry& entry : entries) {
    section.table.push_back(
        {mineral_label(entry.data->id, entry.data->name, lang), high_count(entry.indicators),
         top_indicator(entry.indicators, thresholds, lang), days_needed(entry.sweep, lang),
         scenario_risk(entry.scenario, lang), limits(entry, lang)});
  }
  return section;
}

}  // namespace mineflow::report
