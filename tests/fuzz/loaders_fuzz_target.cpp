// libFuzzer target over every YAML loader: any input must end in a value or an InputError,
// never a crash, a hang, an uncaught exception or a sanitizer report.

#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <fstream>
#include <string>

#include "graph/source_ref.h"
#include "tools/io/data_loaders.h"
#include "tools/io/loaders_for_fuzzing.h"

namespace {

const mineflow::CountryTable& bundled_countries() {
  static const mineflow::CountryTable table =
      mineflow::io::load_countries(std::string(MINEFLOW_SCENARIOS_DIR) + "/countries.yaml");
  return table;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  // Loaders read files (relative paths resolve beside them), so the input goes to a file.
  static const std::string path = "/tmp/mineflow_fuzz_" + std::to_string(::getpid()) + ".yaml";
  {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  }
  for (const auto& load : mineflow::io::loaders_for_fuzzing()) {
    try {
      load(path, bundled_countries());
    } catch (const mineflow::InputError&) {
      // The expected outcome for bad input.
    }
  }
  return 0;
}
