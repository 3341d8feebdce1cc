#pragma once
// How one run's trials are shared among cooperating processes (MPI ranks, tools/mpi/). Each
// process runs one contiguous block of trial indices (trials draw from (seed, trial), so a
// trial gives the same bits on any process); the root (rank 0) gathers every block in trial
// order and alone summarises and writes. With no split (nullptr in the options) the process
// runs every trial. The core never includes MPI: tools/mpi/mpi_split.cpp implements this.

#include <cstddef>
#include <cstdint>
#include <span>

namespace mineflow {

struct TrialRange {
  std::uint64_t begin = 0;
  std::uint64_t end = 0;
  std::uint64_t size() const { return end - begin; }
};

class TrialSplit {
 public:
  virtual ~TrialSplit() = default;
  virtual int rank() const = 0;
  virtual int ranks() const = 0;
  bool is_root() const { return rank() == 0; }

  // Rank r of R runs [floor(r T / R), floor((r + 1) T / R)): contiguous, in rank order, sizes
  // within one of each other; rank 0 always starts at trial 0.
  TrialRange block(std::uint64_t trials) const {
    auto r = static_cast<std::uint64_t>(rank());
    auto n = static_cast<std::uint64_t>(ranks());
    return {trials * r / n, trials * (r + 1) / n};
  }

  // Collective. On the root `series` is all `trials` values with the root's own block already
  // in place; the other blocks are written into it. Elsewhere `series` is this rank's block.
  virtual void gather_to_root(std::span<double> series, std::uint64_t trials) const = 0;

  // Collective: the root's bytes copied into every rank's `bytes` (same size everywhere).
  virtual void broadcast(std::span<std::byte> bytes) const = 0;
};

}  // namespace mineflow
