#pragma once
// A progress bar on stderr for long runs, shown only when enabled (a terminal, no --quiet) and
// once a run has taken ~2 s (`show_after`). update() is thread-safe and cheap (a try-lock) so
// Monte Carlo workers may call it. Each label is one step (callers say "step k of N"); the time
// left is that step's, from its own rate so far. Shared by the run and stockpile commands.

#include <chrono>
#include <cstdint>
#include <mutex>
#include <ostream>
#include <string>

namespace mineflow::cli {

class ProgressBar {
 public:
  ProgressBar(std::ostream& err, bool enabled,
              std::chrono::milliseconds show_after = std::chrono::seconds(2))
      : err_(err),
        enabled_(enabled),
        show_after_(show_after),
        start_(Clock::now()),
        last_(start_) {}
  void update(const std::string& label, std::uint64_t done, std::uint64_t total) {
    if (!enabled_ || total == 0) return;
    std::unique_lock lock(mutex_, std::try_to_lock);
    if (!lock.owns_lock()) return;
    auto now = Clock::now();
    if (label != label_) {  // a new step: its rate starts afresh
      label_ = label;
      step_start_ = now;
    }
    if (now - start_ < show_after_ || now - last_ < std::chrono::milliseconds(200)) return;
    last_ = now;
    shown_ = true;
    int width = 30;
    auto filled = static_cast<int>(static_cast<double>(width) * static_cast<double>(done) /
                                   static_cast<double>(total));
    err_ << "\r" << label << " [" << std::string(static_cast<std::size_t>(filled), '#')
         << std::string(static_cast<std::size_t>(width - filled), ' ') << "] " << done << "/"
         << total << " trials" << time_left(now, done, total) << "   " << std::flush;
  }
  void finish() {
    if (!shown_) return;
    err_ << "\r" << std::string(width_shown_, ' ') << "\r" << std::flush;
    shown_ = false;
  }

  // "12 s", "3 min 05 s", "1 h 02 min": what people read at a glance.
  static std::string duration_text(double seconds) {
    auto whole = static_cast<long long>(seconds + 0.5);
    auto two = [](long long n) { return (n < 10 ? "0" : "") + std::to_string(n); };
    if (whole < 60) return std::to_string(whole) + " s";
    if (whole < 3600) return std::to_string(whole / 60) + " min " + two(whole % 60) + " s";
    return std::to_string(whole / 3600) + " h " + two(whole % 3600 / 60) + " min";
  }

 private:
  using Clock = std::chrono::steady_clock;

  // ", about 12 s left" from this step's rate so far; nothing before its first trial is done.
  std::string time_left(Clock::time_point now, std::uint64_t done, std::uint64_t total) const {
    if (done == 0 || done >= total) return "";
    double elapsed = std::chrono::duration<double>(now - step_start_).count();
    double left = elapsed * static_cast<double>(total - done) / static_cast<double>(done);
    return ", about " + duration_text(left) + " left";
  }

  std::ostream& err_;
  bool enabled_;
  std::chrono::milliseconds show_after_;
  Clock::time_point start_;
  Clock::time_point step_start_;
  std::string label_;
  std::size_t width_shown_ = 100;  // the widest line finish() clears
  Clock::time_point last_;
  bool shown_ = false;
  std::mutex mutex_;
};

}  // namespace mineflow::cli
