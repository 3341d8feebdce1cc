#pragma once
// Ctrl-C (SIGINT) and SIGTERM for long runs: while an InterruptScope lives, the first signal sets
// a flag that the Monte Carlo drivers poll between blocks of trials, so a run stops promptly,
// writes nothing and the command exits 130 with one line. A second signal kills at once.
//
// A signal handler can only reach static storage; this flag is the one piece of it, owned here at
// the program's edge and handed to the core as a plain pointer.

#include <atomic>
#include <stdexcept>

namespace mineflow::cli {

class InterruptScope {
 public:
  InterruptScope();
  ~InterruptScope();
  InterruptScope(const InterruptScope&) = delete;
  InterruptScope& operator=(const InterruptScope&) = delete;

  // The flag to poll; true once SIGINT or SIGTERM arrived.
  const std::atomic<bool>* flag() const;
  bool interrupted() const { return flag()->load(std::memory_order_relaxed); }
};

inline constexpr int kInterruptedExitCode = 130;

// Thrown by a command that stopped because of an interrupt, after it discarded its results;
// main() reports it on one line and exits kInterruptedExitCode.
class Interrupted : public std::runtime_error {
 public:
  Interrupted() : std::runtime_error("interrupted; no output was written") {}
};

}  // namespace mineflow::cli
