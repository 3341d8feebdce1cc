#include "tools/io/loaders_for_fuzzing.h"

#include "tools/io/data_loaders.h"
#include "tools/io/mfa_loader.h"
#include "tools/io/network_loader.h"
#include "tools/io/price_events_loader.h"
#include "tools/io/scenario_loader.h"

namespace mineflow::io {

std::vector<FuzzableLoader> loaders_for_fuzzing() {
  return {
      [](const std::string& file, const CountryTable& countries) { load_mineral(file, countries); },
      [](const std::string& file, const CountryTable&) { load_countries(file); },
      [](const std::string& file, const CountryTable&) { load_prices(file); },
      [](const std::string& file, const CountryTable&) { load_thresholds(file); },
      [](const std::string& file, const CountryTable&) { load_settings(file); },
      [](const std::string& file, const CountryTable&) { load_mfa_model(file); },
      [](const std::string& file, const CountryTable&) { load_network(file); },
      [](const std::string& file, const CountryTable&) { load_price_events(file); },
      [](const std::string& file, const CountryTable& countries) {
        load_scenario(file, countries);
      },
  };
}

}  // namespace mineflow::io
