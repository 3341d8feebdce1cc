#include "tools/cli/option_values.h"

#include "graph/country_table.h"
#include "graph/mineral_data.h"
#include "graph/price_volatility.h"
#include "graph/secondary_share.h"
#include "sim/sweep/sweep_target.h"
#include "tools/report/labels.h"

namespace mineflow::cli {
namespace {

template <class... Enum>
std::vector<std::string> names(Enum... values) {
  return {std::string(to_string(values))...};
}

// METRIC<= for every sweep metric, after the default target.
std::vector<std::string> target_forms() {
  std::vector<std::string> forms{"p_shortage<=0.05"};
  for (SweepMetric metric : kSweepMetrics) {
    forms.push_back(std::string(to_string(metric)) + "<=");
  }
  forms.push_back("none");
  return forms;
}

}  // namespace

const std::vector<OptionChoices>& option_choices() {
  static const std::vector<OptionChoices> table{
      {"--format", {"table", "csv", "json"}},
      {"--method", {"meti", "geopolrisk"}},
      {"--stability", names(StabilityMeasure::wgi_mean6, StabilityMeasure::wgi_pv)},
      {"--oth", {"split_equal", "one_block"}},
      {"--production", {"seed", "wmd:"}},
      {"--volatility",
       names(VolatilityMeasure::cv_annual, VolatilityMeasure::sd_annual_log_returns)},
      {"--secondary-definition",
       names(SecondaryDefinition::end_of_life, SecondaryDefinition::recycled_content)},
      {"--vintage", names(DataVintage::seed, DataVintage::latest)},
      {"--lang", names(report::Lang::en, report::Lang::ja)},
      {"--target", target_forms()},
  };
  return table;
}

std::vector<std::string> choices_of(std::string_view option) {
  for (const OptionChoices& choices : option_choices()) {
    if (choices.option == option) return choices.values;
  }
  return {};
}

std::string one_of(std::string_view option) {
  std::string text = "one of: ";
  std::vector<std::string> values = choices_of(option);
  for (std::size_t i = 0; i < values.size(); ++i) text += (i ? ", " : "") + values[i];
  return text;
}

}  // namespace mineflow::cli
