#include "tools/cli/closest_names.h"

#include <algorithm>
#include <numeric>
#include <utility>

namespace mineflow::cli {

std::size_t edit_distance(const std::string& a, const std::string& b) {
  // One row of the dynamic-programming table at a time.
  std::vector<std::size_t> row(b.size() + 1);
  std::iota(row.begin(), row.end(), std::size_t{0});
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

std::vector<std::string> closest_names(const std::string& wanted,
                                       const std::vector<std::string>& names, std::size_t at_most) {
  const std::size_t limit = std::max<std::size_t>(2, wanted.size() / 3);
  std::vector<std::pair<std::size_t, std::string>> ranked;
  for (const std::string& name : names) {
    std::size_t distance = edit_distance(wanted, name);
    bool contains = !wanted.empty() && (name.find(wanted) != std::string::npos ||
                                        wanted.find(name) != std::string::npos);
    // A containing name ranks right after exact-ish typos: what it adds is not a typo.
    if (contains) distance = std::min(distance, limit);
    if (distance <= limit) ranked.emplace_back(distance, name);
  }
  std::sort(ranked.begin(), ranked.end());
  std::vector<std::string> out;
  for (std::size_t i = 0; i < ranked.size() && i < at_most; ++i) out.push_back(ranked[i].second);
  return out;
}

}  // namespace mineflow::cli
