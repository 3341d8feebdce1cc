#!/usr/bin/env python3
"""Grid fit of the clearing market's world stocks, world_inventory_days (tau), on the price
backtest's `fit` episodes only (docs/market.md, "Calibration and backtest").

For each tau on the grid, runs `mineflow calibrate --backtest --market clearing
--world-inventory-days tau --format csv` and scores each fit episode by
  (ln(modelled multiple / observed multiple))^2 + (ln((modelled months + 1) / (observed months + 1)))^2
with the modelled months = modelled days / (365.25 / 12) and the observed months the middle of
the observed window. An episode whose modelled world shortfall is below 0.01 at every tau carries no information
on tau (its modelled price does not rise) and is left out, as the backtest's reading says.
Per mineral: the tau of least score over its fit episodes; shared: the tau of least summed
score over every informative fit episode.
Out-of-sample episodes are printed, never scored.

Usage: tools/fit_world_inventory_days.py path/to/mineflow [--price-trials N]
"""
import csv
import io
import math
import subprocess
import sys

GRID = [5, 10, 15, 20, 30, 45, 60, 90, 120, 150, 180, 240, 300, 365]
MONTH = 365.25 / 12.0


def backtest(binary, tau, trials):
    out = subprocess.run(
        [binary, "calibrate", "--backtest", "--market", "clearing", "--world-inventory-days",
         str(tau), "--price-trials", str(trials), "--format", "csv"],
        check=True, capture_output=True, text=True).stdout
    rows = {}
    for row in csv.DictReader(io.StringIO(out)):
        if row["section"] != "backtest_price":
            continue
        scenario, name = row["name"].split(".", 1)
        rows.setdefault(scenario, {"sample": row["sample"]})[name] = float(row["value"])
    return rows


def score(r):
    if "observed_multiple" not in r:
        return None
    observed_months = 0.5 * (r["observed_months_from"] + r["observed_months_to"])
    modelled_months = r["modelled_days_after"] / MONTH
    return (math.log(r["modelled_multiple"] / r["observed_multiple"]) ** 2 +
            math.log((modelled_months + 1.0) / (observed_months + 1.0)) ** 2)


def informative(table, s):
    return max(table[tau][s]["world_shortfall"] for tau in GRID) >= 0.01


def main():
    binary = sys.argv[1]
    trials = sys.argv[sys.argv.index("--price-trials") + 1] if "--price-trials" in sys.argv else "2000"
    table = {tau: backtest(binary, tau, trials) for tau in GRID}
    scenarios = list(table[GRID[0]])
    print("tau," + ",".join(scenarios) + ",shared_fit_score")
    for tau in GRID:
        cells, total = [], 0.0
        for s in scenarios:
            r = table[tau][s]
            v = score(r)
            cells.append("%.4f (%.2f, %dd)%s" % (v if v is not None else float("nan"),
                                               r["modelled_multiple"], r["modelled_days_after"],
                                               "" if r["sample"] == "fit" else " oos"))
            if r["sample"] == "fit" and v is not None and informative(table, s):
                total += v
        print("%g,%s,%.4f" % (tau, ",".join(cells), total))
    for s in scenarios:
        if table[GRID[0]][s]["sample"] != "fit":
            continue
        scores = [score(table[tau][s]) for tau in GRID]
        if not informative(table, s):
            print("%s: modelled world shortfall below 0.01 at every tau: no information" % s)
        else:
            print("%s: best tau %g" % (s, GRID[scores.index(min(scores))]))
    totals = [sum(score(table[tau][s]) for s in scenarios
                  if table[tau][s]["sample"] == "fit" and informative(table, s)) for tau in GRID]
    print("shared: best tau %g" % GRID[totals.index(min(totals))])


if __name__ == "__main__":
    main()
