#!/usr/bin/env bash
# MPI byte-identity (ctest label mpi): `mpirun -np 1|2|3 mineflow run|stockpile|criticality ...`
# writes the same bytes as the same binary run alone (which never touches MPI, so it is the plain build's
# code path: tools/cli/single_process.cpp and tools/mpi/mpi_split.cpp differ only in the split),
# and stockpile --checkpoint resumes under MPI with identical results.
#   usage: mpi_identity_test.sh MINEFLOW MPIEXEC SCENARIOS_DIR
set -euo pipefail
source "$(dirname "$0")/mpi_common.sh"

# check NAME ARGS...: alone vs 1, 2 and 3 ranks, stdout compared byte for byte.
check() {
  local name=$1
  shift
  "$bin" "$@" --quiet >"$tmp/alone"
  for np in 1 2 3; do
    "${mpi[@]}" -q -np "$np" "$bin" "$@" --quiet >"$tmp/np$np"
    if ! cmp -s "$tmp/alone" "$tmp/np$np"; then
      echo "FAIL: $name differs with $np ranks"
      diff "$tmp/alone" "$tmp/np$np" | head -20
      exit 1
    fi
  done
  echo "ok: $name identical alone and with 1, 2, 3 ranks ($(wc -c <"$tmp/alone") bytes)"
}

d=$scenarios/disruptions
# Trial counts not divisible by 2 or 3, so the blocks differ in size.
check "run csv" run "$d/cobalt_drc_supply_cut.yaml" --trials 20001 --format csv --threads 2
check "run json, 3 policies" run "$d/tungsten_china_quotas.yaml" --trials 7777 --format json
check "run table" run "$d/copper_background.yaml" --trials 5003 --threads 1
check "stockpile search" stockpile "$d/cobalt_background.yaml" --trials 3001 --format json \
  --recycling 0,0.2 --target 'p_shortage<=0.01'
check "stockpile --all" stockpile --all --trials 1001 --format csv --threads 2
check "criticality csv" criticality "$d/cobalt_drc_supply_cut.yaml" --trials 3001 --format csv \
  --threads 2
check "criticality json, 2 trials" criticality "$d/tungsten_china_quotas.yaml" --trials 2 \
  --format json --days 30 --severity 0.5

# --out: rank 0 alone writes one whole file.
"$bin" run "$d/nickel_indonesia_ore_ban.yaml" --trials 4001 --format csv --quiet --out "$tmp/alone_out"
"${mpi[@]}" -q -np 3 "$bin" run "$d/nickel_indonesia_ore_ban.yaml" --trials 4001 --format csv \
  --quiet --out "$tmp/mpi_out"
diff -r "$tmp/alone_out" "$tmp/mpi_out"
[[ $(ls -A "$tmp/mpi_out" | wc -l) -eq 1 ]] || { echo "FAIL: --out holds $(ls -A "$tmp/mpi_out")"; exit 1; }
echo "ok: --out under 3 ranks: one file, identical"
mkdir "$tmp/crit_alone" "$tmp/crit_mpi"
"$bin" criticality "$d/lithium_background.yaml" --trials 1001 --quiet \
  --out "$tmp/crit_alone/report.txt"
"${mpi[@]}" -q -np 3 "$bin" criticality "$d/lithium_background.yaml" --trials 1001 --quiet \
  --out "$tmp/crit_mpi/report.txt"
diff -r "$tmp/crit_alone" "$tmp/crit_mpi"
[[ $(ls -A "$tmp/crit_mpi" | wc -l) -eq 1 ]] || { echo "FAIL: criticality --out holds $(ls -A "$tmp/crit_mpi")"; exit 1; }
echo "ok: criticality --out under 3 ranks: one file, identical"

# --checkpoint: a 2-rank sweep stopped after its first mineral, resumed with 3 ranks, gives the
# uninterrupted bytes (and the checkpoint is gone afterwards).
"$bin" stockpile --all --trials 20001 --format csv --quiet >"$tmp/all_alone"
ckpt=$tmp/sweep.ckpt
"${mpi[@]}" -q -np 2 "$bin" stockpile --all --trials 20001 --format csv --quiet \
  --checkpoint "$ckpt" >"$tmp/all_first" 2>"$tmp/all_first.err" &
launcher=$!
for _ in $(seq 600); do
  [[ -f $ckpt ]] && break
  sleep 0.1
done
[[ -f $ckpt ]] || { echo "FAIL: no checkpoint after 60 s"; exit 1; }
kill -TERM "$launcher"
wait "$launcher" && { echo "FAIL: the stopped sweep exited 0"; exit 1; }
[[ -s "$tmp/all_first" ]] && { echo "FAIL: the stopped sweep wrote output"; exit 1; }
"${mpi[@]}" -q -np 3 "$bin" stockpile --all --trials 20001 --format csv --quiet \
  --checkpoint "$ckpt" >"$tmp/all_resumed" 2>"$tmp/all_resumed.err"
grep -q "resuming from" "$tmp/all_resumed.err" || { echo "FAIL: did not resume"; cat "$tmp/all_resumed.err"; exit 1; }
cmp "$tmp/all_alone" "$tmp/all_resumed"
[[ -f $ckpt ]] && { echo "FAIL: checkpoint left behind"; exit 1; }
echo "ok: --checkpoint stopped at 2 ranks, resumed at 3: identical"
