#pragma once
// "Did you mean ...?" for names typed on the command line: Levenshtein edit distance, with names
// that contain what was typed (e.g. `cobalt` in `cobalt_background`) counted as close.

#include <cstddef>
#include <string>
#include <vector>

namespace mineflow::cli {

// Insertions, deletions and substitutions (one each) turning `a` into `b`; ASCII, case-sensitive.
std::size_t edit_distance(const std::string& a, const std::string& b);

// Up to `at_most` of `names` that are close to `wanted`, closest first (ties by name): a name
// containing `wanted` (or contained in it), or one within max(2, length / 3) edits.
std::vector<std::string> closest_names(const std::string& wanted,
                                       const std::vector<std::string>& names,
                                       std::size_t at_most = 3);

}  // namespace mineflow::cli
