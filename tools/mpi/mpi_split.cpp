// The MPI build's process_split (tools/cli/process_split.h): the only file that includes MPI.
// Each rank runs a contiguous block of trials; collectives on MPI_COMM_WORLD gather the
// per-trial series to rank 0 and broadcast what rank 0 decides (the sweep's next pass).
#include <mpi.h>
#include <signal.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>
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

// Naming a rank that was killed (or crashed) without a word. Open MPI 4 has no way to tell the
// surviving ranks which peer died (no ULFM; MPI_ERRORS_RETURN never fires: the launcher ends the
// job before any collective can fail): mpirun names it only in its own banner, then ends every
// other rank by sending SIGCONT, SIGTERM one second later, then SIGKILL (orted's kill sequence,
// Open MPI 4.1). At the SIGCONT every surviving rank is still alive, so rank 0 checks which of
// the peers on its own machine no longer exist and names them in one line, then leaves. A rank
// that fails on its own prints its own line and first tells rank 0 (reported_signal(), a
// real-time signal mpirun does not forward), so that run still ends with one line. Peers on other
// machines cannot be checked: mpirun's banner
// ("process rank N ... exited on signal 9") is then the only line naming them.
// A signal handler reaches only static storage: this is filled once, before the handlers are
// installed, and read-only afterwards (apart from the flags).
struct PeerWatch {
  std::vector<pid_t> pids;  // by rank; 0 where not on rank 0's machine (and for rank 0)
  std::vector<int> lost;    // scratch for the handler, one slot per rank
  int ranks = 1;
  volatile std::sig_atomic_t peer_reported = 0;
};
PeerWatch peer_watch;
std::array<char, 64> command_name{};  // "run": set by name_command before the run

int reported_signal() {
  return SIGRTMIN + 1;
}

// Async-signal-safe text building (no snprintf in a handler).
struct LineBuffer {
  std::array<char, 512> text{};
  std::size_t size = 0;
  void add(const char* s) {
    while (*s != '\0' && size < text.size()) text[size++] = *s++;
  }
  void add(int n) {
    char digits[12];
    int count = 0;
    do {
      digits[count++] = static_cast<char>('0' + n % 10);
      n /= 10;
    } while (n > 0 && count < 12);
    while (count > 0 && size < text.size()) text[size++] = digits[--count];
  }
};

extern "C" void on_peer_reported(int) {
  peer_watch.peer_reported = 1;
}

extern "C" void on_continue(int) {
  if (peer_watch.peer_reported) return;  // that rank printed its own line
  const int saved_errno = errno;
  std::size_t lost = 0;
  for (int r = 1; r < peer_watch.ranks; ++r) {
    const pid_t pid = peer_watch.pids[static_cast<std::size_t>(r)];
    if (pid > 0 && kill(pid, 0) == -1 && errno == ESRCH) peer_watch.lost[lost++] = r;
  }
  if (lost == 0) {  // an ordinary SIGCONT (job control): nothing is wrong
    errno = saved_errno;
    return;
  }
  LineBuffer line;
  line.add("mineflow ");
  line.add(command_name.data());
  line.add(lost == 1 ? ": rank " : ": ranks ");
  for (std::size_t i = 0; i < lost; ++i) {
    if (i > 0) line.add(", ");
    line.add(peer_watch.lost[i]);
  }
  line.add(" of ");
  line.add(peer_watch.ranks);
  line.add(lost == 1 ? " was" : " were");
  line.add(
      " killed or crashed (ended without an error message); the run stopped, no output "
      "was written\n");
  [[maybe_unused]] ssize_t written = write(STDERR_FILENO, line.text.data(), line.size);
  _exit(1);
}

// Every rank learns every rank's machine and process id (one small collective at start);
// rank 0 then watches the peers on its machine.
void start_peer_watch(int rank, int ranks) {
  std::array<char, 256> host{};
  gethostname(host.data(), host.size() - 1);
  std::vector<char> hosts(host.size() * static_cast<std::size_t>(ranks));
  check(MPI_Allgather(host.data(), static_cast<int>(host.size()), MPI_CHAR, hosts.data(),
                      static_cast<int>(host.size()), MPI_CHAR, MPI_COMM_WORLD),
        "allgather");
  int pid = static_cast<int>(getpid());
  std::vector<int> pids(static_cast<std::size_t>(ranks));
  check(MPI_Allgather(&pid, 1, MPI_INT, pids.data(), 1, MPI_INT, MPI_COMM_WORLD), "allgather");
  peer_watch.ranks = ranks;
  peer_watch.pids.assign(static_cast<std::size_t>(ranks), 0);
  peer_watch.lost.assign(static_cast<std::size_t>(ranks), 0);
  for (int r = 0; r < ranks; ++r) {
    const bool beside_root =
        std::memcmp(hosts.data(), hosts.data() + host.size() * static_cast<std::size_t>(r),
                    host.size()) == 0;
    if (beside_root)
      peer_watch.pids[static_cast<std::size_t>(r)] = pids[static_cast<std::size_t>(r)];
  }
  if (rank != 0) return;
  peer_watch.pids[0] = 0;
  // Every peer is alive now (it just took part); one rank 0 cannot see (another process
  // namespace or user on the same host name) is not watched, so it is never named wrongly.
  for (pid_t& peer : peer_watch.pids) {
    if (peer > 0 && kill(peer, 0) != 0) peer = 0;
  }
  struct sigaction action {};
  sigemptyset(&action.sa_mask);
  action.sa_handler = on_peer_reported;
  sigaction(reported_signal(), &action, nullptr);
  action.sa_handler = on_continue;
  sigaction(SIGCONT, &action, nullptr);
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
    start_peer_watch(rank_, ranks_);
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
  // Rank 0 is told first (when on the same machine; see PeerWatch) so that it does not also
  // report this rank as killed.
  [[noreturn]] void leave(int exit_code) {
    ended_ = true;
    std::cout.flush();
    std::cerr.flush();
    const pid_t root = rank_ != 0 ? peer_watch.pids[0] : 0;
    if (root > 0) kill(root, reported_signal());
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

void name_command(const std::string& name) {
  std::strncpy(command_name.data(), name.c_str(), command_name.size() - 1);
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
