"""The examples run (so they cannot rot) and write what they say."""

import os
import pathlib
import subprocess
import sys

import pytest

import mineflow

EXAMPLES = pathlib.Path(__file__).resolve().parents[2] / "examples"


def run_example(name, *args, cwd):
    # The examples import the same build of mineflow as the tests, from any folder.
    package_parent = str(pathlib.Path(mineflow.__file__).resolve().parents[1])
    env = dict(os.environ, MPLBACKEND="Agg", PYTHONPATH=package_parent)
    done = subprocess.run([sys.executable, str(EXAMPLES / name), *args], capture_output=True,
                          text=True, cwd=cwd, env=env, timeout=600)
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_stockpile_days_plot(tmp_path):
    pytest.importorskip("matplotlib")
    out = run_example("stockpile_days.py", "--trials", "300", "--out", "days.png", cwd=tmp_path)
    png = (tmp_path / "days.png").read_bytes()
    assert png.startswith(b"\x89PNG") and len(png) > 10_000
    assert "wrote days.png" in out and "recycling 0%" in out


def test_indicators_by_wgi_year(tmp_path):
    pandas = pytest.importorskip("pandas")
    out = run_example("indicators_by_wgi_year.py", "--csv", "by_year.csv", cwd=tmp_path)
    table = pandas.read_csv(tmp_path / "by_year.csv")
    assert list(table.columns) == ["mineral", "indicator"] + [str(y) for y in range(2018, 2023)]
    assert "refined_import_stability" in out
