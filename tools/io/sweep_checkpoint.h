#pragma once
// Checkpoints of `mineflow stockpile --all`: the finished minerals' results, written atomically
// after each mineral, so an interrupted sweep resumes where it stopped. Results are identical to
// an uninterrupted run because each mineral's sweep depends only on its inputs and the seed; the
// key guards against resuming with other inputs or options.

#include <optional>
#include <string>
#include <vector>

#include "tools/io/stockpile_report.h"

namespace mineflow::io {

// A fingerprint of every file under `data_dir` (path and bytes, FNV-1a 64) plus `options`.
std::string checkpoint_key(const std::string& data_dir, const std::string& options);

void save_sweep_checkpoint(const std::string& path, const std::string& key,
                           const std::vector<SweepSummaryRow>& rows);

// nullopt when `path` does not exist. A file with another key, or one that does not read back
// whole, is an InputError naming --checkpoint (delete it to start afresh).
std::optional<std::vector<SweepSummaryRow>> load_sweep_checkpoint(const std::string& path,
                                                                  const std::string& key);

}  // namespace mineflow::io
