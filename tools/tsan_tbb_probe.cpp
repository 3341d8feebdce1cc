// Does ThreadSanitizer with Debian's (uninstrumented) oneTBB see (a) the fork and join of a
// parallel_for, (b) a real race between workers? Not part of the build; docs/limits.md
// "ThreadSanitizer scope" has the results. Run:
//   g++ -std=c++20 -O1 -g -fsanitize=thread tools/tsan_tbb_probe.cpp -o /tmp/probe -ltbb
//   /tmp/probe join; /tmp/probe race     (correct program; a deliberate race)
//   TSAN_OPTIONS=suppressions=$PWD/tests/tsan.supp /tmp/probe race
#include <cstdio>
#include <vector>

#include <oneapi/tbb/blocked_range.h>
#include <oneapi/tbb/parallel_for.h>
#include <oneapi/tbb/task_arena.h>

int main(int argc, char** argv) {
  const bool real_race = argc > 1 && argv[1][0] == 'r';
  long shared = 0;
  for (int round = 0; round < 20; ++round) {
    auto* out = new std::vector<double>(4096);
    tbb::task_arena arena(4);
    arena.execute([&] {
      tbb::parallel_for(tbb::blocked_range<std::size_t>(0, out->size(), 16),
                        [&](const tbb::blocked_range<std::size_t>& r) {
                          for (std::size_t i = r.begin(); i != r.end(); ++i) {
                            (*out)[i] = static_cast<double>(i);
                          }
                          if (real_race) shared += 1;  // unsynchronised between workers
                        });
    });
    double sum = 0.0;
    for (double v : *out) sum += v;  // the main thread reads after the join...
    delete out;                      // ...and frees what the workers wrote
    if (sum < 0.0) std::puts("never");
  }
  std::printf("done %ld\n", shared);
}
