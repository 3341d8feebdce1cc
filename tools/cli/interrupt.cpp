#include "tools/cli/interrupt.h"

#include <csignal>

namespace mineflow::cli {
namespace {

std::atomic<bool> interrupted_flag{false};
static_assert(std::atomic<bool>::is_always_lock_free, "the flag is set from a signal handler");

extern "C" void on_interrupt(int signal_number) {
  if (interrupted_flag.exchange(true)) {
    // Second signal: the user insists; restore the default action and re-raise.
    std::signal(signal_number, SIG_DFL);
    std::raise(signal_number);
  }
}

}  // namespace

InterruptScope::InterruptScope() {
  interrupted_flag.store(false);
  std::signal(SIGINT, on_interrupt);
  std::signal(SIGTERM, on_interrupt);
}

InterruptScope::~InterruptScope() {
  std::signal(SIGINT, SIG_DFL);
  std::signal(SIGTERM, SIG_DFL);
}

const std::atomic<bool>* InterruptScope::flag() const {
  return &interrupted_flag;
}

}  // namespace mineflow::cli
