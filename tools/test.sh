#!/usr/bin/env bash
# The whole test suite, as CI runs it (.ci/run calls this; README command 2):
#   1. set-up (tools/setup.sh --test)
#   2. Release build with warnings as errors, all tests through ctest, including the Python
#      module's pytest suite and examples (ctest test python_tests, run with /usr/bin/python3)
#   3. AddressSanitizer + UndefinedBehaviorSanitizer build with asserts on (-O2 -g, no NDEBUG),
#      all tests through ctest
#   4. ThreadSanitizer build; graph_tests, io_tests and fuzz_replay (ctest label tsan): the test
#      programs whose own code runs no oneTBB. Debian's oneTBB is not TSan-instrumented, so the
#      parallel engine cannot be checked this way (false reports, or with tests/tsan.supp none at
#      all); docs/limits.md "ThreadSanitizer scope" has the measurements.
#   5. MPI build (MINEFLOW_MPI): only the mineflow binary, then the ctest label mpi (mpirun -np
#      1, 2, 3 byte-identical to the binary run alone; a killed rank). Skipped without mpirun.
#   6. libFuzzer over every YAML loader for MINEFLOW_FUZZ_SECONDS (default 60); a crasher is
#      copied to tests/fuzz/regressions/ so it becomes a regression test, and the run fails.
# Options: --quick runs steps 1-2 only.
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=$(nproc)
quick=0
[[ "${1:-}" == "--quick" ]] && quick=1

tools/setup.sh --test

echo "== Release build and tests"
# Tests and benchmarks ON explicitly: README command 1 may have configured build/ without them.
cmake -S . -B build -DMINEFLOW_WERROR=ON -DMINEFLOW_BUILD_TESTS=ON -DMINEFLOW_BUILD_BENCH=ON \
  -DMINEFLOW_PYTHON=ON -DPython_EXECUTABLE=/usr/bin/python3 >/dev/null
cmake --build build -j"$jobs"
ctest --test-dir build --output-on-failure -j"$jobs"
[[ $quick -eq 1 ]] && exit 0

# Asserts on: RelWithDebInfo without its -DNDEBUG, so every assert runs (as in a Debug build)
# while the code stays optimised and the stage keeps its time.
echo "== AddressSanitizer + UndefinedBehaviorSanitizer build (asserts on) and tests"
cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O2 -g" \
  -DMINEFLOW_WERROR=ON -DMINEFLOW_SANITIZE=address,undefined -DMINEFLOW_BUILD_BENCH=OFF >/dev/null
cmake --build build-asan -j"$jobs"
ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
  ctest --test-dir build-asan --output-on-failure -j"$jobs"

echo "== ThreadSanitizer build: graph_tests, io_tests, fuzz_replay (label tsan)"
cmake -S . -B build-tsan -DCMAKE_BUILD_TYPE=RelWithDebInfo -DMINEFLOW_WERROR=ON \
  -DMINEFLOW_SANITIZE=thread -DMINEFLOW_BUILD_BENCH=OFF >/dev/null
cmake --build build-tsan -j"$jobs" --target graph_tests io_tests fuzz_replay mineflow
TSAN_OPTIONS="halt_on_error=1 suppressions=$PWD/tests/tsan.supp" \
  ctest --test-dir build-tsan --output-on-failure -j"$jobs" -L tsan

if command -v mpirun >/dev/null; then
  echo "== MPI build (MINEFLOW_MPI) and its tests (label mpi)"
  cmake -S . -B build-mpi -DMINEFLOW_WERROR=ON -DMINEFLOW_MPI=ON -DMINEFLOW_BUILD_BENCH=OFF >/dev/null
  cmake --build build-mpi -j"$jobs" --target mineflow
  ctest --test-dir build-mpi --output-on-failure -L mpi
else
  echo "== MPI stage skipped: no mpirun (tools/setup.sh --test installs openmpi-bin)"
fi

echo "== libFuzzer over the YAML loaders"
CC=clang CXX=clang++ cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DMINEFLOW_FUZZ=ON \
  -DMINEFLOW_SANITIZE=fuzzer-no-link,address,undefined -DMINEFLOW_BUILD_BENCH=OFF \
  -DMINEFLOW_BUILD_TESTS=ON >/dev/null
cmake --build build-fuzz -j"$jobs" --target loaders_fuzz
corpus=$(mktemp -d)
artifacts=$(mktemp -d)
find scenarios tests/fuzz/regressions -name '*.yaml' -exec cp {} "$corpus"/ \;
cp tests/fuzz/corpus/* "$corpus"/ 2>/dev/null || true  # what the long fuzz kept (tools/fuzz.sh)
status=0
build-fuzz/tests/fuzz/loaders_fuzz "$corpus" -max_total_time="${MINEFLOW_FUZZ_SECONDS:-60}" \
  -rss_limit_mb=2048 -max_len=65536 -timeout=10 -artifact_prefix="$artifacts/" \
  -print_final_stats=1 2>"$artifacts/log" || status=$?
tail -n 12 "$artifacts/log"
if [[ $status -ne 0 ]]; then
  for crash in "$artifacts"/crash-* "$artifacts"/timeout-* "$artifacts"/oom-*; do
    [[ -f "$crash" ]] && cp "$crash" tests/fuzz/regressions/ && echo "saved $(basename "$crash") to tests/fuzz/regressions/"
  done
  echo "fuzzing found a failure (exit $status)"
  exit 1
fi
rm -rf "$corpus" "$artifacts"
echo "all test stages passed"
