#include "tools/report/labels.h"

#include <algorithm>
#include <array>
#include <utility>
#include <vector>

namespace mineflow::report {

std::optional<Lang> parse_lang(std::string_view text) {
  if (text == "en") return Lang::en;
  if (text == "ja") return Lang::ja;
  return std::nullopt;
}

std::string_view to_string(Lang lang) {
  return lang == Lang::ja ? "ja" : "en";
}

std::string indicator_label(IndicatorId id, Lang lang) {
  if (lang == Lang::en) return std::string(display_name(id));
  switch (id) {
    case IndicatorId::reserve_concentration:
      return "国別埋蔵寡占度";
    case IndicatorId::production_concentration:
      return "国別生産寡占度";
    case IndicatorId::concentrate_import_stability:
      return "輸入安定性（精鉱）";
    case IndicatorId::refined_import_stability:
      return "輸入安定性（製錬品）";
    case IndicatorId::price_volatility:
      return "価格変動幅";
    case IndicatorId::scrap_recycling:
      return "スクラップ等再生";
  }
  return std::string(display_name(id));
}

std::string rating_label(Rating rating, Lang lang) {
  if (lang == Lang::ja) {
    switch (rating) {
      case Rating::high:
        return "高";
      case Rating::mid:
        return "中";
      case Rating::low:
        return "低";
      case Rating::not_applicable:
        break;
    }
  }
  return std::string(to_string(rating));
}

std::string mineral_label(std::string_view id, std::string_view fallback, Lang lang) {
  if (lang == Lang::en) return std::string(fallback);
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 10> kJapanese = {{
      {"rare_earths", "レアアース"},
      {"lithium", "リチウム"},
      {"cobalt", "コバルト"},
      {"nickel", "ニッケル"},
      {"copper", "銅"},
      {"tungsten", "タングステン"},
      {"graphite", "黒鉛"},
      {"gallium", "ガリウム"},
      {"germanium", "ゲルマニウム"},
      {"antimony", "アンチモン"},
  }};
  for (const auto& [key, name] : kJapanese) {
    if (key == id) return std::string(name);
  }
  return std::string(fallback);
}

std::string stage_label(FlowStage stage, Lang lang) {
  bool ja = lang == Lang::ja;
  switch (stage) {
    case FlowStage::mine:
      return ja ? "生産・採掘（精鉱）" : "Mine (concentrate)";
    case FlowStage::refine:
      return ja ? "製錬品" : "Refining";
    case FlowStage::focal_imports:
      return ja ? "輸入" : "Imports";
    case FlowStage::demand:
      return ja ? "国内需要" : "Demand";
    case FlowStage::in_use:
      return ja ? "使用中" : "In use";
    case FlowStage::end_of_life:
      return ja ? "使用済み" : "End of life";
    case FlowStage::recycling:
      return ja ? "スクラップ等再生" : "Recycling";
  }
  return "";
}

std::string phrase(std::string_view key, Lang lang) {
  // (key, English, Japanese)
  struct Entry {
    std::string_view key, en, ja;
  };
  static constexpr Entry kPhrases[] = {
      {"report_title", "Critical-mineral supply risk report", "重要鉱種 供給リスク報告"},
      {"heat_title", "Six indicators of six minerals", "6鉱種 × 6指標"},
      {"heat_corner", "Indicator", "指標"},
      {"heat_section", "Risk indicators", "リスク指標"},
      {"summary_section", "Summary", "要約"},
      {"contents", "Contents", "目次"},
      {"radar_section", "Radar charts (policy evaluation view)",
       "レーダーチャート（政策評価ツール）"},
      {"sankey_section", "Material flow", "マテリアルフロー"},
      {"price_section", "Price history", "価格推移"},
      {"provenance", "How this report was made", "本報告の作成条件"},
      {"before", "Current (before policy)", "政策実施前"},
      {"after", "After policy", "政策実施後"},
      {"residual", "Residual risk", "残存リスク"},
      {"year", "Year", "年"},
      {"price_index", "Price index", "価格指数"},
      {"price_index_unit", "first year = 100", "初年 = 100"},
      {"flow_unit", "t/yr", "t/年"},
      {"refined_imports_node", "Refined imports", "製錬品輸入"},
      {"concentrate_market_node", "world ore market", "世界鉱石市場"},
      {"look_through_row", "+ Look-through to mines (beyond the six)",
       "+ 鉱山までの透視（6指標外）"},
      {"smelting_node", "smelting", "国内製錬"},
      {"demand_node", "Demand", "国内需要"},
      {"in_use_node", "In use", "使用中"},
      {"end_of_life_node", "End of life", "使用済み"},
      {"recycled_node", "Recycled", "再生"},
      {"not_recovered_node", "Not recovered / unknown", "未回収・不明"},
      {"lower_bound_note", "* lower bound: the \"other\" bucket was split into equal pieces.",
       "* 下限値：「その他」を均等に分割して計算。"},
      {"data_files", "Data files", "データファイル"},
      {"settings", "Settings", "設定"},
      {"version", "mineflow version", "mineflow バージョン"},
      {"seed_trials", "Seed / trials", "乱数シード / 試行回数"},
      {"mc_intro_before", "Monte Carlo per scenario (daily charts: the first ",
       "シナリオごとのモンテカルロ（日次グラフ：最初の "},
      {"mc_intro_after", " trials, or the one path of a deterministic scenario); ",
       " 試行、確定的シナリオはその一つの経路）; "},
      {"seed_word", "seed ", "乱数シード "},
      {"trials_word", ", trials ", "、試行回数 "},
      {"stockpile_sweeps", "stockpile sweeps: ", "備蓄スイープ: "},
      {"seed_trials_none", "none: static indicators and flows, no Monte Carlo in this report",
       "なし：静的な指標とフローのみ（モンテカルロなし）"},
      {"thresholds", "Rating thresholds", "評価の閾値"},
      {"outputs", "Data behind the charts", "図のデータ"},
      // Stock-flow section (issue 5's model).
      {"stock_flow_section", "Stocks and flows in use (stock-flow model)",
       "使用中ストックとフロー（ストック・フローモデル）"},
      {"in_use_stock_title", "in-use stock by product", "製品別の使用中ストック"},
      {"in_use_stock", "In-use stock", "使用中ストック"},
      {"stock_flows_title", "demand, end of life and secondary supply", "需要・使用済み・二次供給"},
      {"flow", "Flow", "フロー"},
      {"end_of_life_flow", "End-of-life outflow", "使用済み排出量"},
      {"secondary_supply_base", "Secondary supply (base)", "二次供給（現状）"},
      {"secondary_supply_policy", "Secondary supply (recycling policy)",
       "二次供給（リサイクル政策）"},
      {"secondary_share_title", "Secondary supply as a share of demand",
       "需要に占める二次供給の割合"},
      {"secondary_share", "Secondary share of demand", "二次供給比率"},
      {"policy_suffix", "(recycling policy)", "（リサイクル政策）"},
      // Disruption-scenario section (the Monte Carlo engine's results).
      {"scenario_section", "Disruption scenarios (Monte Carlo)",
       "供給途絶シナリオ（モンテカルロ）"},
      {"day", "Day", "日"},
      {"day_unit", "days from the start", "開始からの日数"},
      {"t_per_day", "t/day", "t/日"},
      {"daily_supply_title", "daily supply by source", "供給源別の日次供給"},
      {"domestic_supply", "Domestic", "国内"},
      {"imports_supply", "Imports", "輸入"},
      {"recycling_supply", "Recycling", "再生"},
      {"inventory_draw", "Commercial inventory draw", "民間在庫の取り崩し"},
      {"stockpile_release", "Stockpile release", "国家備蓄の放出"},
      {"unmet_demand", "Unmet demand", "供給不足"},
      {"stock_levels_title", "stockpile and inventory levels", "備蓄と在庫の水準"},
      {"stock_level", "Stock level", "在庫水準"},
      {"stockpile", "stockpile", "国家備蓄"},
      {"inventory", "commercial inventory", "民間在庫"},
      {"daily_price_title", "daily price", "日次価格"},
      {"domestic_price_of", "domestic price in", "国内価格:"},
      {"price_multiple", "Price", "価格"},
      {"price_multiple_unit", "x baseline", "基準価格の倍数"},
      {"exceedance_title", "P(unmet demand > x) over the horizon",
       "期間中の供給不足量が x を超える確率"},
      {"probability_exceeded", "P(unmet demand > x)", "P（供給不足 > x）"},
      // Stockpile-days section (the stockpile sweep's results).
      {"stockpile_section", "Stockpile days (stockpile sweep)", "備蓄日数（備蓄スイープ）"},
      {"stockpile_days_title", "shortage risk against stockpile days", "備蓄日数と供給不足リスク"},
      {"stockpile_days", "National stockpile", "国家備蓄"},
      {"days_of_demand", "days of demand", "需要の日数"},
      {"recycling_share", "recycling", "再生比率"},
      {"base_days", "60-day base", "60日基準"},
      {"target", "target", "目標"},
      // Vintage comparison section (indicators --compare-vintages).
      {"vintage_section", "Seed and latest figures", "戦略の数値と最新の数値"},
      {"vintage_intro",
       "Each rating that differs between the strategy's figures (vintage seed, 2018-19) and the "
       "newest public ones (vintage latest), with the figures and bases behind both (mineflow "
       "indicators --compare-vintages).",
       "戦略の数値（seed、2018～19年）と最新の公開数値（latest）で評価が異なる指標と、"
       "その根拠となる数値・出典（mineflow indicators --compare-vintages）。"},
      {"vintage_none", "Every rating is the same on both vintages.",
       "両方の数値で評価はすべて同じ。"},
      {"vintage_seed", "Seed", "戦略の数値"},
      {"vintage_latest", "Latest", "最新"},
      {"mineral", "Mineral", "鉱種"},
      {"target_met", "target met at", "目標達成"},
      {"p_shortage", "P(any shortage over the horizon)", "期間中に供給不足が起きる確率"},
  };
  for (const Entry& entry : kPhrases) {
    if (entry.key == key) return std::string(lang == Lang::ja ? entry.ja : entry.en);
  }
  return std::string(key);
}

namespace {

bool all_digits(std::string_view text) {
  return !text.empty() && text.find_first_not_of("0123456789") == std::string_view::npos;
}

}  // namespace

std::string policy_label(std::string_view id, Lang lang) {
  const bool ja = lang == Lang::ja;
  std::vector<std::string_view> tokens;
  for (std::size_t start = 0; start <= id.size();) {
    std::size_t end = std::min(id.find('_', start), id.size());
    tokens.push_back(id.substr(start, end - start));
    start = end + 1;
  }
  std::vector<std::string> parts;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    std::string_view t = tokens[i];
    bool next_is = i + 1 < tokens.size();
    if (t == "no" && next_is && tokens[i + 1] == "policy") {
      parts.push_back(ja ? "政策なし" : "no policy");
      ++i;
    } else if (t == "no" && next_is && tokens[i + 1] == "response") {
      parts.push_back(ja ? "需要反応なし" : "no demand response");
      ++i;
    } else if (t == "stockpile" && next_is && all_digits(tokens[i + 1])) {
      std::string days(tokens[i + 1]);
      parts.push_back(ja ? "備蓄 " + days + " 日" : days + "-day stockpile");
      ++i;
    } else if (t == "diversify") {
      parts.push_back(ja ? "調達先の分散" : "diversified sourcing");
    } else if (t == "recycling" && i + 2 < tokens.size() && tokens[i + 1] == "mfa" &&
               all_digits(tokens[i + 2])) {
      std::string year(tokens[i + 2]);
      parts.push_back(ja ? "リサイクル（ストック・フローモデル、" + year + " 年）"
                         : "recycling (stock-flow model, " + year + ")");
      i += 2;
    } else if (t == "recycling") {
      parts.push_back(ja ? "リサイクル" : "recycling");
    } else if (!parts.empty() && !t.empty()) {
      parts.back() += " " + std::string(t);  // an unknown word joins the part before it
    } else {
      parts.emplace_back(t);
    }
  }
  std::string out;
  for (const std::string& part : parts) out += (out.empty() ? "" : ja ? "＋" : " + ") + part;
  return out;
}

}  // namespace mineflow::report
