#pragma once
// A progress bar on stderr for long runs, shown only when enabled (a terminal, no --quiet) and
// once a run has taken ~2 s. update() is thread-safe and cheap (a try-lock) so Monte Carlo
// workers may call it. Shared by the run and stockpile commands.

#include <chrono>
#include <cstdint>
#include <mutex>
#include <ostream>
#include <string>

namespace mineflow::cli {

class ProgressBar {
 public:
  ProgressBar(std::ostream& err, bool enabled)
      : err_(err), enabled_(enabled), start_(Clock::now()), last_(start_) {}
  void update(const std::string& label, std::uint64_t done, std::uint64_t total) {
    if (!enabled_ || total == 0) return;
    std::unique_lock lock(mutex_, std::try_to_lock);
    if (!lock.owns_lock()) return;
    auto now = Clock::now();
    if (now - start_ < std::chrono::seconds(2) || now - last_ < std::chrono::milliseconds(200)) {
      return;
    }
    last_ = now;
    shown_ = true;
    int width = 30;
    auto filled = static_cast<int>(static_cast<double>(width) * static_cast<double>(done) /
                                   static_cast<double>(total));
    err_ << "\r" << label << " [" << std::string(static_cast<std::size_t>(filled), '#')
         << std::string(static_cast<std::size_t>(width - filled), ' ') << "] " << done << "/"
         << total << " trials   " << std::flush;
  }
  void finish() {
    if (!shown_) return;
    err_ << "\r" << std::string(78, ' ') << "\r" << std::flush;
    shown_ = false;
  }

 private:
  using Clock = std::chrono::steady_clock;
  std::ostream& err_;
  bool enabled_;
  Clock::time_point start_;
  Clock::time_point last_;
  bool shown_ = false;
  std::mutex mutex_;
};

}  // namespace mineflow::cli
