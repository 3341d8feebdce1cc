#pragma once
// Golden-file comparison with an update mode: MINEFLOW_UPDATE_GOLDEN=1 rewrites the files under
// tests/golden/ from the current output (review the diff before committing it).

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include <gtest/gtest.h>

#include "cli_runner.h"

namespace mineflow::testing {

inline void expect_golden(const std::string& name, const std::string& actual) {
  const std::filesystem::path path = std::filesystem::path(MINEFLOW_GOLDEN_DIR) / name;
  const char* update = std::getenv("MINEFLOW_UPDATE_GOLDEN");
  if (update != nullptr && std::string(update) == "1") {
    std::ofstream(path, std::ios::binary) << actual;
    return;
  }
  ASSERT_TRUE(std::filesystem::exists(path))
      << path << " is missing; run with MINEFLOW_UPDATE_GOLDEN=1 to create it";
  EXPECT_EQ(read_text(path), actual)
      << "output differs from " << path << " (MINEFLOW_UPDATE_GOLDEN=1 updates it)";
}

}  // namespace mineflow::testing
