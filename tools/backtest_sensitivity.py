#!/usr/bin/env python3
"""One replay of the price backtest under other market settings: the sensitivity tables of
docs/market.md ("Calibration and backtest"), reproducible.

For every combination of the refined lead time (days), the world stocks (world_inventory_days)
and the idle capacity (share of world use restarting over --idle-days), runs
`mineflow calibrate --backtest --format csv` on a copy of the data folder in which the
scenario's `lead_times` and `market` lines carry those settings (the bundled files are not
touched), and prints one Markdown row per combination: the modelled peak and its day, the
ratio to the observed peak, and whether the day lies in the observed window.

The scenario's `lead_times:` and `market:` must be one-line flow mappings, as the bundled
replays write them; anything else is refused rather than guessed.

Usage: tools/backtest_sensitivity.py path/to/mineflow SCENARIO
         [--refined-days 60,150] [--world-inventory-days 45,120] [--idle-share 0,0.1,0.2]
         [--idle-days 90] [--price-trials 500] [--data-dir scenarios]
"""
import argparse
import csv
import io
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile


def numbers(text):
    return [float(x) for x in text.split(",")]


def label(x):
    return str(int(x)) if x == int(x) else str(x)


def edited(text, refined_days, idle_share, idle_days):
    lines = text.split("\n")
    found = {"lead_times": False, "market": False}
    for i, line in enumerate(lines):
        if line.startswith("lead_times:"):
            found["lead_times"] = True
            if "{" not in line or "refined_days:" not in line:
                sys.exit("lead_times: a one-line flow mapping with refined_days expected: " + line)
            lines[i] = re.sub(r"refined_days:\s*[0-9.]+", "refined_days: " + label(refined_days),
                              line)
        elif line.startswith("market:"):
            found["market"] = True
            if not line.startswith("market: {") or "idle_capacity" in line:
                sys.exit("market: a one-line flow mapping without idle_capacity expected: " + line)
            if idle_share > 0:
                lines[i] = line.replace(
                    "market: {", "market: {idle_capacity: {share: %s, days: %s}, " %
                    (label(idle_share), label(idle_days)), 1)
    if not all(found.values()):
        sys.exit("the scenario needs lead_times: and market: lines, found " + str(found))
    return "\n".join(lines)


def episode_rows(binary, data_dir, scenario, tau, trials):
    out = subprocess.run(
        [binary, "calibrate", "--backtest", "--format", "csv", "--data-dir", str(data_dir),
         "--price-trials", str(trials), "--world-inventory-days", label(tau)],
        check=True, capture_output=True, text=True).stdout
    rows = {}
    for row in csv.DictReader(io.StringIO(out)):
        if row["section"] == "backtest_price" and row["name"].startswith(scenario + "."):
            rows[row["name"].split(".", 1)[1]] = float(row["value"])
    if "modelled_multiple" not in rows:
        sys.exit(scenario + " is not in the price backtest (history/price_events.yaml)")
    return rows


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("binary")
    parser.add_argument("scenario")
    parser.add_argument("--refined-days", type=numbers, default=[60.0, 150.0])
    parser.add_argument("--world-inventory-days", type=numbers, default=[45.0, 120.0])
    parser.add_argument("--idle-share", type=numbers, default=[0.0, 0.1, 0.2])
    parser.add_argument("--idle-days", type=float, default=90.0)
    parser.add_argument("--price-trials", type=int, default=500)
    parser.add_argument("--data-dir", default=str(pathlib.Path(__file__).parent.parent / "scenarios"))
    args = parser.parse_args()
    source = pathlib.Path(args.data_dir)
    original = (source / "disruptions" / (args.scenario + ".yaml")).read_text()
    print("| refined lead (days) | world stocks (days) | idle capacity (share over %s days) "
          "| modelled peak (day) | modelled / observed | timing inside |" % label(args.idle_days))
    print("|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as work:
        data = pathlib.Path(work) / "data"
        shutil.copytree(source, data)
        scenario_file = data / "disruptions" / (args.scenario + ".yaml")
        for refined in args.refined_days:
            for tau in args.world_inventory_days:
                for share in args.idle_share:
                    scenario_file.write_text(edited(original, refined, share, args.idle_days))
                    r = episode_rows(args.binary, data, args.scenario, tau, args.price_trials)
                    print("| %s | %s | %s | %.2f (%s) | %.2f | %s |" % (
                        label(refined), label(tau), label(share) if share > 0 else "none",
                        r["modelled_multiple"], label(round(r["modelled_days_after"], 1)),
                        r.get("peak_ratio", float("nan")),
                        "yes" if r.get("timing_inside") == 1.0 else "no"))


if __name__ == "__main__":
    main()
