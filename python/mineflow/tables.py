"""Tables as dicts of equal-length columns, or pandas DataFrames when pandas is importable.

Every table mineflow returns is built from the CSV (or JSON) text the command line writes for the
same inputs, so the column names are the CLI's and every number is the same double: the CLI writes
shortest round-trip decimals, which float() reads back exactly.

Columns: numbers are numpy float64 arrays (N/A is NaN), whole-number columns such as year and day
are int64 arrays, text columns are lists of str.
"""

import csv
import io
import math

import numpy as np

_mode = "auto"
_INTEGER_COLUMNS = {"year", "day", "cohort", "trials", "seed", "passes"}


def set_tables(mode):
    """How tables come back: "auto" (a DataFrame when pandas imports, else a dict), "pandas"
    or "dict". Returns the previous mode."""
    global _mode
    if mode not in ("auto", "pandas", "dict"):
        raise ValueError(f"tables: found {mode!r}, expected 'auto', 'pandas' or 'dict'")
    previous, _mode = _mode, mode
    return previous


def _pandas():
    if _mode == "dict":
        return None
    try:
        import pandas
    except ImportError:
        if _mode == "pandas":
            raise
        return None
    return pandas


def table(columns):
    """A dict of equal-length columns as the current mode's table type."""
    lengths = {len(values) for values in columns.values()}
    if len(lengths) > 1:
        raise ValueError(f"columns of unequal length: {sorted(lengths)}")
    pandas = _pandas()
    return pandas.DataFrame(columns) if pandas is not None else columns


def _column(name, values):
    if name in _INTEGER_COLUMNS and values and all(_is_int(v) for v in values):
        return np.array([int(v) for v in values], dtype=np.int64)
    numbers = []
    for v in values:
        if v == "":
            numbers.append(math.nan)
            continue
        try:
            numbers.append(float(v))
        except ValueError:
            return list(values)
    if values and all(v == "" for v in values):
        return list(values)
    return np.array(numbers, dtype=np.float64)


def _is_int(text):
    return text.lstrip("-").isdigit()


def columns_from_csv(text):
    """The CLI's CSV text as {column: values}; a column is numeric when every non-empty cell is
    a number."""
    rows = list(csv.reader(io.StringIO(text, newline="")))
    if not rows:
        return {}
    header, body = rows[0], rows[1:]
    return {name: _column(name, [row[j] for row in body]) for j, name in enumerate(header)}


def from_csv(text):
    return table(columns_from_csv(text))
