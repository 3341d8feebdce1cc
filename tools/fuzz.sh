#!/usr/bin/env bash
# A long fuzz outside CI: libFuzzer over every YAML loader (tests/fuzz/loaders_fuzz_target.cpp)
# for --minutes N (default 30), starting from the corpus kept in tests/fuzz/corpus/ plus the
# bundled scenarios and the saved crashers. New inputs that reach new coverage are merged back
# into tests/fuzz/corpus/ (minimised with -merge=1, so the folder stays small: commit it); a
# crash, timeout or out-of-memory input is copied to tests/fuzz/regressions/ (where the
# fuzz_replay test runs it in every build) and the script fails. CI runs a 60 s fuzz of the
# same target (tools/test.sh); this is the long run, e.g. on a spare machine.
#   tools/fuzz.sh --minutes 30 [--jobs J]      (J parallel fuzzing processes, default 1)
set -euo pipefail
cd "$(dirname "$0")/.."
minutes=30
jobs=1
while [[ $# -gt 0 ]]; do
  case "$1" in
    --minutes) minutes="$2"; shift 2 ;;
    --jobs) jobs="$2"; shift 2 ;;
    -h|--help) sed -n 2,10p "$0"; exit 0 ;;
    *) echo "tools/fuzz.sh: unknown option '$1' (expected --minutes N, --jobs J)" >&2; exit 2 ;;
  esac
done
[[ "$minutes" =~ ^[0-9]+$ && "$minutes" -gt 0 ]] || {
  echo "tools/fuzz.sh: --minutes: found '$minutes', expected a whole number of minutes > 0" >&2
  exit 2
}

tools/setup.sh --test
CC=clang CXX=clang++ cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DMINEFLOW_FUZZ=ON \
  -DMINEFLOW_SANITIZE=fuzzer-no-link,address,undefined -DMINEFLOW_BUILD_BENCH=OFF \
  -DMINEFLOW_BUILD_TESTS=ON >/dev/null
cmake --build build-fuzz -j"$(nproc)" --target loaders_fuzz

corpus=tests/fuzz/corpus
mkdir -p "$corpus"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/corpus" "$work/artifacts"
cp "$corpus"/* "$work/corpus"/ 2>/dev/null || true
find scenarios tests/fuzz/regressions -name '*.yaml' -exec cp {} "$work/corpus"/ \;

status=0
build-fuzz/tests/fuzz/loaders_fuzz "$work/corpus" -max_total_time=$((minutes * 60)) \
  -jobs="$jobs" -workers="$jobs" -rss_limit_mb=2048 -max_len=65536 -timeout=10 \
  -artifact_prefix="$work/artifacts/" -print_final_stats=1 >"$work/log" 2>&1 || status=$?
# With -jobs, each job logs to fuzz-N.log in the current folder.
cat fuzz-*.log >>"$work/log" 2>/dev/null && rm -f fuzz-*.log
grep -E "^(stat::|#[0-9]+ +DONE)" "$work/log" | tail -n 12 || tail -n 12 "$work/log"

# Keep only inputs that add coverage: merge the run's corpus into a fresh copy of the kept one.
mkdir -p "$work/merged"
build-fuzz/tests/fuzz/loaders_fuzz -merge=1 -timeout=10 -rss_limit_mb=2048 "$work/merged" \
  "$corpus" "$work/corpus" >"$work/merge.log" 2>&1 || true
rm -f "$corpus"/*
cp "$work/merged"/* "$corpus"/ 2>/dev/null || true
echo "corpus: $(ls "$corpus" | wc -l) inputs in $corpus ($(grep -Eo 'cov: [0-9]+' "$work/merge.log" | tail -n 1))"

found=0
for crash in "$work/artifacts"/crash-* "$work/artifacts"/timeout-* "$work/artifacts"/oom-*; do
  [[ -f "$crash" ]] || continue
  cp "$crash" tests/fuzz/regressions/ && echo "saved $(basename "$crash") to tests/fuzz/regressions/"
  found=1
done
if [[ $status -ne 0 || $found -ne 0 ]]; then
  echo "fuzzing found a failure (exit $status)"
  exit 1
fi
echo "no failure in $minutes min"
