"""mineflow.optimise(): the same text as the CLI, the cheapest mix never dearer than stockpile
alone, the budget's split, and an unreachable target raising InputError."""

import os
import subprocess

import pytest

import mineflow


def cli(*args):
    return subprocess.run([os.environ["MINEFLOW_CLI"], *args], capture_output=True, text=True,
                          check=True).stdout


def test_optimise_matches_the_cli():
    r = mineflow.optimise("cobalt_background", trials=2000, threads=1)
    assert r.csv == cli("optimise", "cobalt_background", "--trials", "2000", "--threads", "1",
                        "--format", "csv", "--quiet")
    header = r.csv.splitlines()[0].split(",")
    cost = header.index("cost_per_year")
    rows = r.csv.splitlines()[1:]
    costs = {line.split(",")[3]: float(line.split(",")[cost]) for line in rows}
    assert costs["cheapest"] <= costs["stockpile_only"]
    # Every lever's level and cost is a column, the structural ones included.
    for column in ("diversified_t_per_yr", "smelter_added_t_per_yr",
                   "diversification_usd_per_year", "smelter_usd_per_year"):
        assert column in header
    assert '"max_smelter_added_t_per_yr"' in r.json


def test_frontier_and_budget():
    r = mineflow.optimise("cobalt_background", frontier=[0.1, 0.05, 0.02], trials=2000, threads=1)
    cost = r.csv.splitlines()[0].split(",").index("cost_per_year")
    cheapest = [float(line.split(",")[cost]) for line in r.csv.splitlines()[1:]
                if line.split(",")[3] == "cheapest"]
    assert cheapest == sorted(cheapest)
    b = mineflow.optimise(budget=1e7, trials=1000, threads=1)
    assert b.csv.startswith("mineral,scenario,stockpile_days")
    assert len(b.csv.splitlines()) == 11


def test_unreachable_target_raises():
    with pytest.raises(mineflow.InputError, match="best reachable"):
        mineflow.optimise("cobalt_background", target="p_shortage<=0.0001", trials=1000,
                          threads=1)
