#!/usr/bin/env bash
# A rank that fails or is killed mid-run (ctest label mpi): the job ends with a non-zero exit
# code, one line on stderr naming the rank, and no output is written (rank 0 writes only after
# every block is in). A failing rank prints the line itself; for a killed rank on rank 0's
# machine rank 0 prints it (tools/mpi/mpi_split.cpp, PeerWatch). mpirun -q: no launcher banners.
#   usage: mpi_rank_failure_test.sh MINEFLOW MPIEXEC SCENARIOS_DIR
set -euo pipefail
source "$(dirname "$0")/mpi_common.sh"
mark="mineflow_mpi_test_$$"

# Long enough (2e6 trials per rank, seconds) to be killed mid-run.
"${mpi[@]}" -q -np 3 -x "MINEFLOW_TEST_MARK=$mark" "$bin" run \
  "$scenarios/disruptions/tungsten_background.yaml" --policy no_policy --trials 6000000 \
  --threads 1 --quiet --format csv --memory-budget-mb 4096 --out "$tmp/out" 2>"$tmp/err" &
launcher=$!

# find_rank MARK RANK: the process id of that rank (its environment holds the mark and
# OMPI_COMM_WORLD_RANK=RANK), waiting up to 30 s for it; empty if it never started.
find_rank() {
  local found=""
  for _ in $(seq 300); do
    for environ in /proc/[0-9]*/environ; do
      if tr '\0' '\n' 2>/dev/null <"$environ" | grep -qx "MINEFLOW_TEST_MARK=$1" &&
        tr '\0' '\n' 2>/dev/null <"$environ" | grep -qx "OMPI_COMM_WORLD_RANK=$2"; then
        found=$(basename "$(dirname "$environ")")
      fi
    done
    [[ -n $found ]] && break
    sleep 0.1
  done
  echo "$found"
}

victim=$(find_rank "$mark" 1)
[[ -n $victim ]] || { echo "FAIL: rank 1 never started"; kill "$launcher"; exit 1; }
sleep 1  # into the trials
kill -KILL "$victim"
status=0
wait "$launcher" || status=$?
cat "$tmp/err"
[[ $status -ne 0 ]] || { echo "FAIL: exit code 0 after a rank was killed"; exit 1; }
[[ $(wc -l <"$tmp/err") -eq 1 ]] || { echo "FAIL: expected one line on stderr"; exit 1; }
grep -q "^mineflow run: rank 1 of 3 was killed or crashed" "$tmp/err" ||
  { echo "FAIL: mineflow's line does not name rank 1"; exit 1; }
if [[ -d $tmp/out ]] && [[ -n $(ls -A "$tmp/out") ]]; then
  echo "FAIL: output written: $(ls -A "$tmp/out")"
  exit 1
fi
echo "ok: rank 1 killed: exit $status, one line naming rank 1, no output"

# A rank that fails on its own: rank 2 (MPMD launch) runs under a 250 MB address-space limit,
# so allocating its block of 2e6 trials throws. Exactly one line, naming the rank (mpirun -q).
args=(run "$scenarios/disruptions/tungsten_background.yaml" --trials 6000000 --threads 1 --quiet
  --format csv --memory-budget-mb 4096 --out "$tmp/out2")
status=0
"${mpi[@]}" -q -np 2 "$bin" "${args[@]}" : -np 1 bash -c 'ulimit -v 250000; exec "$0" "$@"' \
  "$bin" "${args[@]}" 2>"$tmp/err2" || status=$?
cat "$tmp/err2"
[[ $status -ne 0 ]] || { echo "FAIL: exit code 0 after a rank failed"; exit 1; }
[[ $(wc -l <"$tmp/err2") -eq 1 ]] || { echo "FAIL: expected one line on stderr"; exit 1; }
grep -q "^mineflow run: rank 2 of 3: " "$tmp/err2" || { echo "FAIL: the line does not name rank 2"; exit 1; }
if [[ -d $tmp/out2 ]] && [[ -n $(ls -A "$tmp/out2") ]]; then
  echo "FAIL: output written: $(ls -A "$tmp/out2")"
  exit 1
fi
echo "ok: rank 2 failed: exit $status, one line naming rank 2, no output"

# An ordinary SIGCONT to rank 0 (job control) while every rank is alive changes nothing: rank 0
# names no rank, the run completes with the bytes of the run alone. The run must outlast
# find_rank's first scan of /proc (about a second on a busy machine): a scenario of ~60 hazard
# streams with facility-sized operational events at 5e5 trials takes several seconds per rank,
# where a one-event scenario ended before rank 0 was found once the engine got faster.
args=(run "$scenarios/disruptions/tungsten_background.yaml" --policy no_policy --trials 500001
  --threads 1 --quiet --format csv --memory-budget-mb 4096)
"$bin" "${args[@]}" >"$tmp/alone3"
"${mpi[@]}" -q -np 2 -x "MINEFLOW_TEST_MARK=${mark}_cont" "$bin" "${args[@]}" >"$tmp/out3" \
  2>"$tmp/err3" &
launcher=$!
root=$(find_rank "${mark}_cont" 0)
[[ -n $root ]] || { echo "FAIL: rank 0 never started"; kill "$launcher"; exit 1; }
sleep 0.5
kill -CONT "$root" 2>/dev/null || true  # the run may already be over: then nothing to check
wait "$launcher" || { echo "FAIL: the run failed after SIGCONT"; cat "$tmp/err3"; exit 1; }
[[ ! -s $tmp/err3 ]] || { echo "FAIL: stderr after SIGCONT:"; cat "$tmp/err3"; exit 1; }
cmp "$tmp/alone3" "$tmp/out3"
echo "ok: SIGCONT to rank 0 with every rank alive: no line, identical output"
