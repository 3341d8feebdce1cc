// The progress line: the step it is on, trials done of the step's total, and the time left at
// the step's rate so far; silent when disabled (no terminal, or --quiet).

#include <gtest/gtest.h>

#include <chrono>
#include <sstream>
#include <thread>

#include "tools/cli/progress_bar.h"

namespace mineflow::cli {
namespace {

TEST(ProgressBar, DurationsReadAtAGlance) {
  EXPECT_EQ(ProgressBar::duration_text(0.2), "0 s");
  EXPECT_EQ(ProgressBar::duration_text(12.4), "12 s");
  EXPECT_EQ(ProgressBar::duration_text(185.0), "3 min 05 s");
  EXPECT_EQ(ProgressBar::duration_text(3720.0), "1 h 02 min");
}

TEST(ProgressBar, SaysTheStepTheTrialsAndTheTimeLeft) {
  std::ostringstream err;
  ProgressBar bar(err, true, std::chrono::milliseconds(0));
  const std::string label = "step 2 of 6, cobalt_background, pass 1";
  bar.update(label, 0, 1000);  // starts the step; the first line waits 200 ms
  std::this_thread::sleep_for(std::chrono::milliseconds(250));
  bar.update(label, 500, 1000);
  const std::string line = err.str();
  EXPECT_EQ(
      line.rfind("\r" + label + " [###############               ] 500/1000 trials, about ", 0), 0u)
      << line;
  EXPECT_NE(line.find(" s left"), std::string::npos) << line;
  bar.finish();
  EXPECT_EQ(err.str().back(), '\r');

  std::ostringstream quiet;
  ProgressBar off(quiet, false, std::chrono::milliseconds(0));
  std::this_thread::sleep_for(std::chrono::milliseconds(250));
  off.update(label, 500, 1000);
  EXPECT_TRUE(quiet.str().empty());
}

}  // namespace
}  // namespace mineflow::cli
