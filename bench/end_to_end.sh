#!/usr/bin/env bash
# Whole-process timings of `mineflow run` as a user runs it: every bundled one-year scenario at
# TRIALS trials (default 100000) and THREADS threads (default 2), best of REPEATS runs (default 3)
# by wall time, and `stockpile --all` once. With two binaries (BEFORE and AFTER), they run
# alternately in the same sitting so the machine's load falls on both alike.
#
#   bench/end_to_end.sh build/tools/mineflow                 # one binary
#   bench/end_to_end.sh /tmp/before/mineflow build/tools/mineflow
#
# Prints a Markdown table: wall (CPU = user + system) in seconds, and the load average at the
# start, which belongs beside every figure (bench/README.md).
set -euo pipefail
trials=${TRIALS:-100000}
threads=${THREADS:-2}
repeats=${REPEATS:-3}
binaries=("$@")
if [ ${#binaries[@]} -eq 0 ]; then
  echo "usage: bench/end_to_end.sh MINEFLOW [MINEFLOW_AFTER]" >&2
  exit 2
fi
cd "$(dirname "$0")/.."

# One run: prints "wall cpu" in seconds.
time_one() {
  local record
  record=$(mktemp)
  /usr/bin/time -o "$record" -f "%e %U %S" "$@" >/dev/null 2>&1
  awk '{printf "%.2f %.2f\n", $1, $2 + $3}' "$record"
  rm -f "$record"
}

# Best of `repeats` by wall time: "wall (cpu)".
best_of() {
  local best_wall="" best_cpu=""
  for _ in $(seq "$repeats"); do
    read -r wall cpu < <(time_one "$@")
    if [ -z "$best_wall" ] || awk -v a="$wall" -v b="$best_wall" 'BEGIN{exit !(a < b)}'; then
      best_wall=$wall
      best_cpu=$cpu
    fi
  done
  echo "$best_wall ($best_cpu)"
}

one_year_scenarios() {
  for file in scenarios/disruptions/*.yaml; do
    if grep -qE '^horizon_days: *365' "$file"; then basename "$file" .yaml; fi
  done
}

echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores; $(date -u +%FT%TZ)"
echo
header="| scenario ($trials trials, --threads $threads), wall (CPU) s |"
rule="|---|"
for b in "${binaries[@]}"; do
  header+=" $b |"
  rule+="---:|"
done
echo "$header"
echo "$rule"
for scenario in $(one_year_scenarios); do
  row="| $scenario |"
  for b in "${binaries[@]}"; do
    row+=" $(best_of "$b" run "$scenario" --trials "$trials" --threads "$threads" --quiet) |"
  done
  echo "$row"
done
row="| \`stockpile --all\` (one run) |"
for b in "${binaries[@]}"; do
  read -r wall cpu < <(time_one "$b" stockpile --all --trials "$trials" --threads "$threads" \
    --quiet)
  row+=" $wall ($cpu) |"
done
echo "$row"
