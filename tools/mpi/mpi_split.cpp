// The MPI build's process_split (tools/cli/process_split.h): the only file that includes MPI.
// Each rank runs a contiguous block of trials; collectives on MPI_COMM_WORLD gather the
// per-trial series to rank 0 and broadcast what rank 0 decides (the sweep's next pass).
#include <mpi.h>
#include <unistd.h>

#include <cstdlib>
#include <iostream>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "tools/cli/process_split.h"

namespace mineflow::cli {
namespace {

// Started by an MPI launcher: Open MPI's mpirun sets OMPI_COMM_WORLD_SIZE; srun and other
// PMI/PMIx launchers set PMIX_RANK or PMI_RANK. Otherwise run alone, without MPI.
bool launched_by_mpi() {
  for (const char* name : {"OMPI_COMM_WORLD_SIZE", "PMIX_RANK", "PMI_RANK"}) {
    if (std::getenv(name) != nullptr) return true;
  }
  return false;
}

void check(int code, const char* what) {
  if (code != MPI_SUCCESS) throw std::runtime_error(std::string("MPI ") + what + " failed");
}

class MpiSplit final : public TrialSplit {
 public:
  MpiSplit() {
    int provided = 0;
    // Only the main thread calls MPI; oneTBB workers never do.
    MPI_Init_thread(nullptr, nullptr, MPI_THREAD_FUNNELED, &provided);
    MPI_Comm_set_errhandler(MPI_COMM_WORLD, MPI_ERRORS_RETURN);
    MPI_Comm_rank(MPI_COMM_WORLD, &rank_);
    MPI_Comm_size(MPI_COMM_WORLD, &ranks_);
  }
  MpiSplit(const MpiSplit&) = delete;
  MpiSplit& operator=(const MpiSplit&) = delete;
  ~MpiSplit() override {
    if (!ended_) MPI_Finalize();
  }

  int rank() const override { return rank_; }
  int ranks() const override { return ranks_; }

  void gather_to_root(std::span<double> series, std::uint64_t trials) const override {
    std::vector<int> counts(static_cast<std::size_t>(ranks_));
    std::vector<int> offsets(static_cast<std::size_t>(ranks_));
    for (int r = 0; r < ranks_; ++r) {
      auto n = static_cast<std::uint64_t>(ranks_);
      auto at = static_cast<std::uint64_t>(r);
      // Trials are capped at 1e8 by the commands, so counts fit an int.
      offsets[static_cast<std::size_t>(r)] = static_cast<int>(trials * at / n);
      counts[static_cast<std::size_t>(r)] =
          static_cast<int>(trials * (at + 1) / n - trials * at / n);
    }
    const int mine = counts[static_cast<std::size_t>(rank_)];
    if (is_root()) {
      check(MPI_Gatherv(MPI_IN_PLACE, mine, MPI_DOUBLE, series.data(), counts.data(),
                        offsets.data(), MPI_DOUBLE, 0, MPI_COMM_WORLD),
            "gather");
    } else {
      check(MPI_Gatherv(series.data(), mine, MPI_DOUBLE, nullptr, nullptr, nullptr, MPI_DOUBLE, 0,
                        MPI_COMM_WORLD),
            "gather");
    }
  }

  void broadcast(std::span<std::byte> bytes) const override {
    check(MPI_Bcast(bytes.data(), static_cast<int>(bytes.size()), MPI_BYTE, 0, MPI_COMM_WORLD),
          "broadcast");
  }

  // A failed rank must not enter MPI_Finalize (the others may wait in a collective for it):
  // it leaves at once, and the launcher then ends every rank with a non-zero exit code.
  [[noreturn]] void leave(int exit_code) {
    ended_ = true;
    std::cout.flush();
    std::cerr.flush();
    _exit(exit_code);
  }

 private:
  int rank_ = 0;
  int ranks_ = 1;
  bool ended_ = false;
};

MpiSplit* the_split() {
  // MPI is process-wide state: one MpiSplit for the process's lifetime, finalized at exit.
  static std::unique_ptr<MpiSplit> split =
      launched_by_mpi() ? std::make_unique<MpiSplit>() : nullptr;
  return split.get();
}

}  // namespace

const TrialSplit* process_split() {
  return the_split();
}

std::string rank_prefix() {
  const MpiSplit* split = the_split();
  if (split == nullptr) return "";
  return "rank " + std::to_string(split->rank()) + " of " + std::to_string(split->ranks()) + ": ";
}

bool reports_input_errors() {
  const MpiSplit* split = the_split();
  return split == nullptr || split->is_root();
}

int end_process(int exit_code) {
  MpiSplit* split = the_split();
  if (split != nullptr && exit_code != 0) split->leave(exit_code);
  return exit_code;
}

}  // namespace mineflow::cli
