"""Shared helpers: the repository, the `mineflow` program to compare with, and table access
that works whether tables come back as DataFrames or dicts."""

import os
import pathlib
import subprocess

import numpy as np
import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
SCENARIOS = ROOT / "scenarios"
CLI = pathlib.Path(os.environ.get("MINEFLOW_CLI", ROOT / "build" / "tools" / "mineflow"))


def cli(*args, check=True):
    """stdout of `mineflow ARGS` (the data folder is the bundled one, as for the module)."""
    env = {k: v for k, v in os.environ.items() if k != "MINEFLOW_DATA_DIR"}
    done = subprocess.run([str(CLI), *map(str, args)], capture_output=True, text=True, env=env)
    if check and done.returncode != 0:
        raise AssertionError(f"mineflow {' '.join(map(str, args))}: {done.stderr}")
    return done


def column(table, name):
    """A column as a list or array, from a DataFrame or a dict."""
    values = table[name]
    return values.to_numpy() if hasattr(values, "to_numpy") else values


def same_floats(a, b):
    """Bit for bit (NaN matches NaN whatever its payload)."""
    a = np.asarray(a, dtype=np.float64)
    b = np.asarray(b, dtype=np.float64)
    if a.shape != b.shape:
        return False
    nan = np.isnan(a)
    return bool((nan == np.isnan(b)).all()
                and (a[~nan].view(np.uint64) == b[~nan].view(np.uint64)).all())


@pytest.fixture(autouse=True)
def no_data_dir_override(monkeypatch):
    monkeypatch.delenv("MINEFLOW_DATA_DIR", raising=False)
