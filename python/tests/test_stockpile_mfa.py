"""mineflow.stockpile() and mineflow.mfa(): the CLI's output bit for bit, and the arrays."""

import numpy as np
import pytest

import mineflow
from conftest import SCENARIOS, cli, column, same_floats

TUNGSTEN = SCENARIOS / "disruptions" / "tungsten_background.yaml"


def test_stockpile_equals_the_cli():
    r = mineflow.stockpile(TUNGSTEN, days=[0, 30, 60, 90], recycling=[0, 0.1], trials=400,
                           seed=5, target="p_shortage<=0.1")
    args = ["stockpile", TUNGSTEN, "--days", "0,30,60,90", "--recycling", "0,0.1", "--trials",
            400, "--seed", 5, "--target", "p_shortage<=0.1", "--quiet"]
    assert r.csv == cli(*args, "--format", "csv").stdout
    assert r.json == cli(*args, "--format", "json").stdout
    assert r.text == cli(*args).stdout
    assert set(column(r.table, "row")) >= {"cell", "days_needed"}
    assert column(r.table, "days").dtype == np.float64


def test_stockpile_under_rationing_equals_the_cli():
    r = mineflow.stockpile(TUNGSTEN, days=[0, 60], trials=300, seed=5, market="rationing")
    args = ["stockpile", TUNGSTEN, "--days", "0,60", "--trials", 300, "--seed", 5, "--market",
            "rationing", "--quiet"]
    assert r.text == cli(*args).stdout
    assert "market: rationing" in " ".join(r.text.split())  # the table wraps at 100 columns
    assert r.text != mineflow.stockpile(TUNGSTEN, days=[0, 60], trials=300, seed=5).text


def test_stockpile_with_parameter_uncertainty_equals_the_cli():
    r = mineflow.stockpile(TUNGSTEN, days=[0, 60], trials=200, seed=3, target="none",
                           parameter_uncertainty=True)
    assert r.csv == cli("stockpile", TUNGSTEN, "--days", "0,60", "--trials", 200, "--seed", 3,
                        "--target", "none", "--parameter-uncertainty", "--quiet", "--format",
                        "csv").stdout
    plain = mineflow.stockpile(TUNGSTEN, days=[0, 60], trials=200, seed=3, target="none")
    assert r.csv != plain.csv  # the drawn hazard parameters change the trials


def test_stockpile_of_a_loaded_scenario_without_target():
    r = mineflow.stockpile(mineflow.load_scenario(TUNGSTEN), days=[0, 60], trials=200,
                           target="none")
    assert set(column(r.table, "row")) == {"cell"}


@pytest.fixture(scope="module")
def tungsten():
    return mineflow.mfa("tungsten_policy", year=2035)


def test_mfa_equals_the_cli(tungsten, tmp_path):
    assert tungsten.csv == cli("mfa", "tungsten_policy", "--year", 2035, "--format", "csv").stdout
    assert tungsten.json == cli("mfa", "tungsten_policy", "--year", 2035, "--format",
                                "json").stdout
    assert tungsten.text == cli("mfa", "tungsten_policy", "--year", 2035).stdout
    cli("mfa", "tungsten_policy", "--year", 2035, "--out", tmp_path)
    sankey = (tmp_path / "tungsten_policy_sankey_2035.csv").read_text()
    assert list(tungsten.sankey.keys()) == sankey.splitlines()[0].split(",")
    assert len(column(tungsten.sankey, "value")) == len(sankey.splitlines()) - 1


def test_mfa_arrays_are_views_matching_the_tidy_table(tungsten):
    n_years, n_regions = len(tungsten.years), len(tungsten.regions)
    assert tungsten.years.dtype == np.int64
    demand = tungsten.totals["demand"]
    assert demand.shape == (n_years, n_regions) and demand.dtype == np.float64
    assert not demand.flags.writeable and not demand.flags.owndata
    assert tungsten.totals["secondary_share"].shape == (n_years,)
    t = tungsten.table
    year, region = column(t, "year"), column(t, "region")
    category, quantity, value = column(t, "category"), column(t, "quantity"), column(t, "value")
    rows = {(int(y), r, c, q): v for y, r, c, q, v in zip(year, region, category, quantity, value)}
    first = int(tungsten.years[0])
    for k, r in enumerate(tungsten.regions):
        expected = [rows[(first + i, r, "all", "demand")] for i in range(n_years)]
        assert same_floats(demand[:, k], expected)
        c = tungsten.categories[0]
        stock = tungsten.by_category[c]["in_use_stock"]
        assert same_floats(stock[:, k],
                           [rows[(first + i, r, c, "in_use_stock")] for i in range(n_years)])


def test_mfa_by_file_path():
    r = mineflow.mfa(SCENARIOS / "mfa" / "copper.yaml")
    assert r.csv == cli("mfa", SCENARIOS / "mfa" / "copper.yaml", "--format", "csv").stdout


def test_stockpile_of_every_mineral_equals_the_cli_all():
    r = mineflow.stockpile(trials=200, seed=3)
    args = ["stockpile", "--all", "--trials", 200, "--seed", 3, "--quiet"]
    assert r.csv == cli(*args, "--format", "csv").stdout
    assert r.json == cli(*args, "--format", "json").stdout
    assert list(column(r.table, "mineral"))[0] == "rare_earths"


def test_stockpile_target_on_not_served_equals_the_cli():
    # A target on the clearing market's not-served demand (docs/stockpile.md "Days needed"):
    # the CLI's output bit for bit, its columns in the table.
    r = mineflow.stockpile(TUNGSTEN, days=[0, 60], trials=300, seed=5,
                           target="not_served_pct_annual_demand<=50")
    args = ["stockpile", TUNGSTEN, "--days", "0,60", "--trials", 300, "--seed", 5, "--target",
            "not_served_pct_annual_demand<=50", "--quiet"]
    assert r.csv == cli(*args, "--format", "csv").stdout
    assert r.text == cli(*args).stdout
    assert "not served %" in r.text
    served = column(r.table, "not_served_t")
    unmet = column(r.table, "unmet_t")
    assert np.all(served[~np.isnan(served)] >= unmet[~np.isnan(unmet)] - 1e-12)
    with pytest.raises(mineflow.InputError, match="priced_out_t"):
        mineflow.stockpile(TUNGSTEN, trials=100, target="served<=1")
    # optimise shares the parser and its targets: the CLI's output bit for bit.
    o = mineflow.optimise("cobalt_background", target="not_served_pct_annual_demand<=8",
                          trials=300, threads=1)
    assert o.csv == cli("optimise", "cobalt_background", "--target",
                        "not_served_pct_annual_demand<=8", "--trials", 300, "--threads", 1,
                        "--format", "csv", "--quiet").stdout
    assert "not_served_pct_annual_demand" in o.csv
