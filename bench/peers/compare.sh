#!/usr/bin/env bash
# The two-supplier peer case (bench/README.md "Against a NumPy program") run two ways as whole
# processes: mineflow on two_supplier.yaml and the NumPy program two_supplier_numpy.py, 10^6
# trials each. Checks that every mean (unmet_t, days_short, longest_spell_days,
# lowest_stockpile_t, P(any shortage)) agrees within 4 combined standard errors, and prints the
# best-of-N wall time of each.
#
# Environment: MINEFLOW (default build/tools/mineflow), PYTHON (default /usr/bin/python3, which
# needs numpy: apt-get install python3-numpy), TRIALS (1000000), THREADS (mineflow thread
# counts to time, default "1 2"), REPEATS (3). Exit status 1 when a mean disagrees.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
mineflow=${MINEFLOW:-$root/build/tools/mineflow}
python=${PYTHON:-/usr/bin/python3}
trials=${TRIALS:-1000000}
threads_list=${THREADS:-"1 2"}
repeats=${REPEATS:-3}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# best_wall OUT CMD...: runs CMD `repeats` times with stdout to OUT; prints the least wall time.
best_wall() {
  local out=$1 best="" start end t
  shift
  for _ in $(seq "$repeats"); do
    start=$(date +%s.%N)
    "$@" >"$out"
    end=$(date +%s.%N)
    t=$(echo "$end - $start" | bc -l)
    if [[ -z $best ]] || (($(echo "$t < $best" | bc -l))); then best=$t; fi
  done
  printf '%.3f' "$best"
}

echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
numpy_s=$(best_wall "$work/numpy.json" "$python" "$here/two_supplier_numpy.py" --trials "$trials" \
  --format json)
echo "numpy ($trials trials, 1 thread): $numpy_s s wall (best of $repeats)"
status=0
for threads in $threads_list; do
  mineflow_s=$(best_wall "$work/mineflow.json" "$mineflow" run "$here/two_supplier.yaml" \
    --trials "$trials" --threads "$threads" --format json --quiet)
  ratio=$(echo "$numpy_s / $mineflow_s" | bc -l)
  printf 'mineflow (%s trials, %s threads): %s s wall (best of %s): %.2fx numpy\n' "$trials" \
    "$threads" "$mineflow_s" "$repeats" "$ratio"
  "$python" - "$work/mineflow.json" "$work/numpy.json" <<'EOF' || status=1
import json, math, sys
mf = json.load(open(sys.argv[1]))["policies"][0]
np_ = json.load(open(sys.argv[2]))["metrics"]
rows = [(m, mf["metrics"][m]["mean"], mf["metrics"][m]["se"], np_[m]["mean"], np_[m]["se"])
        for m in ("unmet_t", "days_short", "longest_spell_days", "lowest_stockpile_t")]
rows.append(("p_any_shortage", mf["p_any_shortage"], mf["p_any_shortage_se"],
             np_["p_any_shortage"]["p"], np_["p_any_shortage"]["se"]))
bad = 0
for name, a, sa, b, sb in rows:
    z = abs(a - b) / math.hypot(sa, sb) if sa or sb else (0.0 if a == b else math.inf)
    ok = z <= 4.0
    bad += not ok
    print(f"  {name:20s} mineflow {a:.6g} (SE {sa:.3g})  numpy {b:.6g} (SE {sb:.3g})  "
          f"{z:.2f} SE {'ok' if ok else 'DISAGREE'}")
sys.exit(1 if bad else 0)
EOF
done
exit $status
