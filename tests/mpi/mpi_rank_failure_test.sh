#!/usr/bin/env bash
# A rank killed mid-run (ctest label mpi): the launcher ends the job with a non-zero exit code,
# stderr names the rank, and no output is written (rank 0 writes only after every block is in).
#   usage: mpi_rank_failure_test.sh MINEFLOW MPIEXEC SCENARIOS_DIR
set -euo pipefail
bin=$1
mpiexec=$2
scenarios=$3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mpi=("$mpiexec" --oversubscribe)
[[ $(id -u) -eq 0 ]] && mpi+=(--allow-run-as-root)
mark="mineflow_mpi_test_$$"

# Long enough (2e6 trials per rank, seconds) to be killed mid-run.
"${mpi[@]}" -np 3 -x "MINEFLOW_TEST_MARK=$mark" "$bin" run \
  "$scenarios/disruptions/tungsten_background.yaml" --policy no_policy --trials 6000000 \
  --threads 1 --quiet --format csv --memory-budget-mb 4096 --out "$tmp/out" 2>"$tmp/err" &
launcher=$!

# Rank 1's process: the one whose environment holds our mark and OMPI_COMM_WORLD_RANK=1.
victim=""
for _ in $(seq 300); do
  for environ in /proc/[0-9]*/environ; do
    if tr '\0' '\n' <"$environ" 2>/dev/null | grep -qx "MINEFLOW_TEST_MARK=$mark" &&
      tr '\0' '\n' <"$environ" 2>/dev/null | grep -qx "OMPI_COMM_WORLD_RANK=1"; then
      victim=$(basename "$(dirname "$environ")")
    fi
  done
  [[ -n $victim ]] && break
  sleep 0.1
done
[[ -n $victim ]] || { echo "FAIL: rank 1 never started"; kill "$launcher"; exit 1; }
sleep 1  # into the trials
kill -KILL "$victim"
status=0
wait "$launcher" || status=$?
cat "$tmp/err"
[[ $status -ne 0 ]] || { echo "FAIL: exit code 0 after a rank was killed"; exit 1; }
grep -q "rank 1" "$tmp/err" || { echo "FAIL: stderr does not name rank 1"; exit 1; }
if [[ -d $tmp/out ]] && [[ -n $(ls -A "$tmp/out") ]]; then
  echo "FAIL: output written: $(ls -A "$tmp/out")"
  exit 1
fi
echo "ok: rank 1 killed: exit $status, stderr names rank 1, no output"
