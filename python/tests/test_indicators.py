"""mineflow.indicators(): the CLI's output for the same inputs, bit for bit."""

import csv
import io
import json
import math

import numpy as np
import pytest

import mineflow
from conftest import SCENARIOS, cli, column


def test_print_shows_the_cli_table():
    assert str(mineflow.indicators()) == cli("indicators").stdout


@pytest.mark.parametrize("options, flags", [
    ({}, []),
    ({"stability": "wgi_pv", "oth": "one_block"}, ["--stability", "wgi_pv", "--oth", "one_block"]),
    ({"production": "wmd:2022", "stability_year": 2019, "secondary_proxy": True},
     ["--production", "wmd:2022", "--stability-year", "2019", "--secondary-proxy"]),
    ({"secondary_definition": "recycled_content"}, ["--secondary-definition", "recycled_content"]),
])
def test_csv_and_json_equal_the_cli(options, flags):
    result = mineflow.indicators(**options)
    assert result.csv == cli("indicators", "--format", "csv", *flags).stdout
    assert result.json == cli("indicators", "--format", "json", *flags).stdout


def test_table_values_are_the_json_doubles_and_bases_the_csv_strings():
    result = mineflow.indicators()
    expected = json.loads(cli("indicators", "--format", "json").stdout)
    values = []
    for m in expected["minerals"]:
        values += [v["value"] for v in m["indicators"]]
        if "look_through_refined_import_stability" in m:
            values.append(m["look_through_refined_import_stability"]["value"])
    got = column(result.table, "value")
    assert len(got) == len(values)
    for g, v in zip(got, values):
        assert (v is None and math.isnan(g)) or g == v
    rows = list(csv.DictReader(io.StringIO(cli("indicators", "--format", "csv").stdout)))
    assert list(column(result.table, "basis")) == [r["basis"] for r in rows]
    assert list(column(result.table, "rating")) == [r["rating"] for r in rows]
    assert list(column(result.table, "quality")) == [r["quality"] for r in rows]
    assert list(result.table.keys())[:7] == ["mineral", "indicator", "value", "rating", "unit",
                                             "basis", "quality"]


def test_bundled_names_as_the_cli_takes_them():
    assert mineflow.indicators(["cobalt", "copper"]).csv == cli(
        "indicators", "cobalt", "copper", "--format", "csv").stdout


def test_one_file_as_a_path():
    cobalt = SCENARIOS / "minerals" / "cobalt.yaml"
    result = mineflow.indicators(cobalt)
    assert result.csv == cli("indicators", cobalt, "--format", "csv").stdout
    assert set(column(result.table, "mineral")) == {"cobalt"}


def test_tables_as_dicts_of_equal_length_columns():
    previous = mineflow.set_tables("dict")
    try:
        t = mineflow.indicators().table
    finally:
        mineflow.set_tables(previous)
    assert isinstance(t, dict)
    assert len({len(v) for v in t.values()}) == 1
    assert t["value"].dtype == np.float64 and isinstance(t["basis"], list)


def test_tables_as_dataframes_when_pandas_imports():
    pandas = pytest.importorskip("pandas")
    assert isinstance(mineflow.indicators().table, pandas.DataFrame)


def test_unknown_option_is_a_type_error():
    with pytest.raises(TypeError):
        mineflow.indicators(stabilty="wgi_pv")


@pytest.mark.parametrize("options, flags", [
    ({}, []),
    ({"production": "wmd:2022"}, ["--production", "wmd:2022"]),
])
def test_geopolrisk_equals_the_cli(options, flags):
    result = mineflow.indicators(method="geopolrisk", **options)
    args = ["indicators", "--method", "geopolrisk", *flags]
    assert result.csv == cli(*args, "--format", "csv").stdout
    assert result.json == cli(*args, "--format", "json").stdout
    assert result.text == cli(*args).stdout
    assert "score" in result.table.keys()


def test_unknown_method_names_the_cli_option():
    with pytest.raises(mineflow.InputError) as caught:
        mineflow.indicators(method="hhi")
    assert caught.value.field == "--method"


# The minerals under export control (issue 26): the module reads their latest figures on every
# vintage, as the CLI does, and names them so.
@pytest.mark.parametrize("vintage", ["seed", "latest"])
def test_export_controlled_minerals_equal_the_cli(vintage):
    names = ["graphite", "gallium", "germanium", "antimony"]
    result = mineflow.indicators(names, vintage=vintage)
    assert result.csv == cli("indicators", *names, "--format", "csv", "--vintage", vintage).stdout
    rows = list(csv.DictReader(io.StringIO(result.csv)))
    assert len(rows) == 4 * 7 and {r["vintage"] for r in rows} == {"latest"}
