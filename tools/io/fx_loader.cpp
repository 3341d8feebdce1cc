#include "tools/io/fx_loader.h"

#include "tools/io/yaml_reader.h"

namespace mineflow::io {

std::vector<FxRate> load_fx_rates(const std::string& file) {
  YamlValue root = load_yaml_file(file);
  root.allow_only({"source", "rates"});
  root.require("source").as_string();
  std::vector<FxRate> out;
  for (const YamlValue& item : root.require("rates").items()) {
    item.allow_only({"currency", "year", "per_usd", "evidence", "note"});
    FxRate rate;
    rate.currency = item.require("currency").as_string();
    rate.year = item.require("year").as_int_in(1900, 2200);
    rate.per_usd = item.require("per_usd").as_positive();
    out.push_back(rate);
  }
  return out;
}

std::optional<double> per_usd(const std::vector<FxRate>& rates, const std::string& currency,
                              int year) {
  if (currency == "USD") return 1.0;
  for (const FxRate& rate : rates) {
    if (rate.currency == currency && rate.year == year) return rate.per_usd;
  }
  return std::nullopt;
}

}  // namespace mineflow::io
