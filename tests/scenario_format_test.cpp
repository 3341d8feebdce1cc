// docs/scenario-format.md against the scenario loader's own lists: every `allow_only({...})` list
// of tools/io/scenario_loader.cpp is one of the page's tables (or within one), every field a
// table lists is one the loader allows, and every `as_choice({...})` value is named on the page.
// A field added to the loader without its row here fails this test.

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "tests/cli_runner.h"

namespace mineflow {
namespace {

namespace fs = std::filesystem;
using Keys = std::set<std::string>;

fs::path source_root() {
  return fs::path(testing::scenarios_dir()).parent_path();
}

// The quoted words of each `call({...})` in `code`, one set per call.
std::vector<Keys> quoted_lists(const std::string& code, const std::string& call) {
  std::vector<Keys> lists;
  std::regex list(call + R"(\(\s*\{([^}]*)\})");
  std::regex word(R"x("([a-z0-9_]+)")x");
  for (auto m = std::sregex_iterator(code.begin(), code.end(), list); m != std::sregex_iterator();
       ++m) {
    std::string body = (*m)[1];
    Keys keys;
    for (auto w = std::sregex_iterator(body.begin(), body.end(), word); w != std::sregex_iterator();
         ++w) {
      keys.insert((*w)[1]);
    }
    lists.push_back(keys);
  }
  return lists;
}

// The first-column field names (`name`) of every Markdown table, one set per table.
std::vector<Keys> doc_tables(const std::string& doc) {
  std::vector<Keys> tables;
  std::istringstream lines(doc);
  std::string line;
  bool inside = false;
  std::regex field(R"(^\| `([a-z0-9_]+)` \|)");
  while (std::getline(lines, line)) {
    if (line.rfind("|", 0) != 0) {
      inside = false;
      continue;
    }
    if (!inside) tables.emplace_back();
    inside = true;
    std::smatch m;
    if (std::regex_search(line, m, field)) tables.back().insert(m[1]);
  }
  return tables;
}

std::string joined(const Keys& keys) {
  std::string text;
  for (const std::string& key : keys) text += (text.empty() ? "" : ", ") + key;
  return text;
}

TEST(ScenarioFormat, DocListsEveryFieldTheLoaderAllowsAndNoOther) {
  const std::string code = testing::read_text(source_root() / "tools/io/scenario_loader.cpp");
  const std::string doc = testing::read_text(source_root() / "docs/scenario-format.md");
  const std::vector<Keys> allowed = quoted_lists(code, "allow_only");
  ASSERT_GE(allowed.size(), 20u) << "the loader's allow_only lists were not found";
  const std::vector<Keys> tables = doc_tables(doc);
  ASSERT_GE(tables.size(), 15u);

  Keys every_allowed;
  for (const Keys& keys : allowed) {
    every_allowed.insert(keys.begin(), keys.end());
    bool documented = false;
    for (const Keys& table : tables) {
      documented =
          documented || std::includes(table.begin(), table.end(), keys.begin(), keys.end());
    }
    EXPECT_TRUE(documented) << "no table of docs/scenario-format.md lists all of: " << joined(keys);
  }
  for (const Keys& table : tables) {
    for (const std::string& key : table) {
      EXPECT_TRUE(every_allowed.count(key)) << "docs/scenario-format.md lists '" << key
                                            << "', which the scenario loader does not accept";
    }
  }
  for (const Keys& choices : quoted_lists(code, "as_choice")) {
    for (const std::string& value : choices) {
      EXPECT_NE(doc.find("`" + value + "`"), std::string::npos)
          << "docs/scenario-format.md does not name the choice '" << value << "'";
    }
  }
}

}  // namespace
}  // namespace mineflow
