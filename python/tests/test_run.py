"""mineflow.run() and load_scenario(): the CLI's output bit for bit, and the per-trial arrays."""

import csv
import gc
import io

import numpy as np
import pytest

import mineflow
from conftest import SCENARIOS, cli, column, same_floats

COBALT = SCENARIOS / "disruptions" / "cobalt_background.yaml"
CHINA_2010 = SCENARIOS / "disruptions" / "rare_earths_china_2010.yaml"
TRIALS = 1500


@pytest.fixture(scope="module")
def cobalt():
    return mineflow.run(COBALT, trials=TRIALS, seed=7, threads=2)


def test_summary_equals_the_cli(cobalt):
    args = ["run", COBALT, "--trials", TRIALS, "--seed", 7, "--threads", 2]
    assert cobalt.csv == cli(*args, "--format", "csv").stdout
    assert cobalt.json == cli(*args, "--format", "json").stdout
    assert cobalt.text == cli(*args, "--quiet").stdout


def test_summary_table_holds_the_csv_doubles(cobalt):
    rows = list(csv.DictReader(io.StringIO(cobalt.csv)))
    assert list(cobalt.summary.keys()) == ["policy", "section", "name", "statistic", "value",
                                           "vintage"]
    assert list(column(cobalt.summary, "statistic")) == [r["statistic"] for r in rows]
    assert same_floats(column(cobalt.summary, "value"),
                       [float(r["value"]) if r["value"] else np.nan for r in rows])


def test_metrics_are_read_only_views_of_shape_metrics_by_trials(cobalt):
    assert mineflow.METRICS[0] == "unmet_t" and len(mineflow.METRICS) == 13
    assert cobalt.policies == list(cobalt.metrics)
    for policy, values in cobalt.metrics.items():
        assert values.shape == (13, TRIALS) and values.dtype == np.float64
        assert values.flags.c_contiguous and not values.flags.writeable
        assert not values.flags.owndata  # a view of the engine's buffer
        assert cobalt.reference_metrics[policy].shape == (13, TRIALS)
    with pytest.raises(ValueError):
        cobalt.metrics[cobalt.policies[0]][0, 0] = 1.0


def test_market_clearing_prices_out_what_rationing_leaves_short(cobalt):
    rationed_run = mineflow.run(COBALT, trials=TRIALS, seed=7, threads=1, market="rationing")
    unmet = mineflow.METRICS.index("unmet_t")
    priced = mineflow.METRICS.index("priced_out_t")
    served = mineflow.METRICS.index("not_served_t")
    assert rationed_run.header["market"] == "rationing" and cobalt.header["market"] == "clearing"
    for policy in cobalt.policies:
        clear, rationed = cobalt.metrics[policy], rationed_run.metrics[policy]
        assert (rationed[priced] == 0).all() and (rationed[served] == rationed[unmet]).all()
        assert (clear[served] == clear[unmet] + clear[priced]).all()
        assert clear[unmet].sum() < rationed[unmet].sum() and clear[priced].sum() > 0
    with pytest.raises(ValueError, match="clearing or rationing"):
        mineflow.run(COBALT, trials=10, market="auction")


def test_a_resourcing_lead_time_moves_priced_out_demand_to_unmet(cobalt):
    # docs/market.md, "Re-sourcing lead time": the price path is the same (to the rounding of
    # the segments' day sums, which the lead's own boundaries split), and over the lead
    # the focal economy's cut streams are physical, so unmet demand grows and priced-out falls.
    led = mineflow.run(COBALT, trials=TRIALS, seed=7, threads=2, resourcing_days=60)
    unmet = mineflow.METRICS.index("unmet_t")
    priced = mineflow.METRICS.index("priced_out_t")
    peak = mineflow.METRICS.index("peak_price_multiple")
    plain, slow = cobalt.metrics["no_policy"], led.metrics["no_policy"]
    assert np.allclose(slow[peak], plain[peak], rtol=1e-12, atol=0)
    assert (slow[unmet] >= plain[unmet] - 1e-9).all() and slow[unmet].sum() > plain[unmet].sum()
    assert slow[priced].sum() < plain[priced].sum()
    with pytest.raises(ValueError, match="--resourcing-days"):
        mineflow.run(COBALT, trials=10, resourcing_days=-1)
    for call in (mineflow.criticality, mineflow.stockpile, mineflow.optimise):
        with pytest.raises(ValueError, match="--resourcing-days"):
            call(COBALT, trials=10, resourcing_days=400)


def test_world_stocks_from_the_call_as_from_the_file(cobalt):
    # cobalt_background holds 45 days of world use (its market.world_inventory_days): the same
    # figure from the call is the same run; four times the stocks buffer the same losses, so
    # the price peaks lower on average (docs/market.md, "The clearing model").
    same = mineflow.run(COBALT, trials=TRIALS, seed=7, threads=2, world_inventory_days=45)
    deep = mineflow.run(COBALT, trials=TRIALS, seed=7, threads=2, world_inventory_days=180)
    peak = mineflow.METRICS.index("peak_price_multiple")
    for policy in cobalt.policies:
        assert (same.metrics[policy] == cobalt.metrics[policy]).all()
    assert deep.metrics["no_policy"][peak].mean() < cobalt.metrics["no_policy"][peak].mean()
    for call in (mineflow.run, mineflow.criticality, mineflow.stockpile, mineflow.optimise):
        with pytest.raises(ValueError, match="--world-inventory-days"):
            call(COBALT, trials=10, world_inventory_days=0.5)


def test_metrics_agree_with_the_summary(cobalt):
    rows = {(r["policy"], r["name"], r["statistic"]): float(r["value"])
            for r in csv.DictReader(io.StringIO(cobalt.csv)) if r["value"]}
    for policy in cobalt.policies:
        unmet = cobalt.metric(policy, "unmet_t")
        # P(any shortage) is a count over trials divided by the trials: exact in any order.
        assert np.count_nonzero(unmet > 0) / TRIALS == rows[(policy, "any_shortage", "p")]
        stock = cobalt.metric(policy, "lowest_stockpile_t")
        assert stock.min() >= 0.0


def test_same_bits_at_any_thread_count(cobalt):
    one = mineflow.run(COBALT, trials=TRIALS, seed=7, threads=1)
    for policy in cobalt.policies:
        assert same_floats(one.metrics[policy], cobalt.metrics[policy])
    assert one.csv == cobalt.csv


def test_arrays_outlive_the_result():
    policy = mineflow.load_scenario(COBALT).policies[0]
    values = mineflow.run(COBALT, trials=300, seed=3).metric(policy, "unmet_t")
    gc.collect()  # the result object is gone; the view keeps the engine's buffer alive
    assert values.shape == (300,) and np.isfinite(values).all()
    assert values.base is not None


def test_a_loaded_scenario_runs_like_its_file():
    scenario = mineflow.load_scenario(COBALT)
    assert scenario.id == "cobalt_background" and scenario.has_background_risk
    assert scenario.policies and isinstance(scenario.trials, int)
    a = mineflow.run(scenario, trials=400, seed=11, policies=scenario.policies[:1])
    b = mineflow.run(COBALT, trials=400, seed=11, policies=scenario.policies[:1])
    assert a.csv == b.csv and a.policies == scenario.policies[:1]


def test_deterministic_scenario_gives_the_cli_series():
    r = mineflow.run(CHINA_2010)
    assert not r.monte_carlo and r.summary is None
    # A deterministic run's files are its daily series: the CLI's --series.
    assert r.csv == cli("run", CHINA_2010, "--series", "--format", "csv").stdout
    assert r.json == cli("run", CHINA_2010, "--series", "--format", "json").stdout
    assert list(r.series.keys())[:3] == ["policy", "day", "demand_t"]
    assert column(r.series, "day").dtype == np.int64
    for values in r.metrics.values():
        assert values.shape == (13, 1)
    assert r.header["trials"] == 1


def test_vintage_is_read_and_named():
    latest = mineflow.run(CHINA_2010)  # the simulations' default
    seed = mineflow.run(CHINA_2010, vintage="seed")
    assert seed.header["vintage"] == "seed" and latest.header["vintage"] == "latest"
    assert latest.header["seed_blocks"] == "" and seed.header["seed_blocks"] == ""
    # Cobalt's latest refined imports are one product (scope: partial): the seed's block stands.
    cobalt = mineflow.run(COBALT, trials=20)
    assert cobalt.header["vintage"] == "latest"
    assert cobalt.header["seed_blocks"] == "imports.refined"
    assert set(seed.series["vintage"]) == {"seed"}
    assert latest.csv == cli("run", CHINA_2010, "--series", "--format", "csv", "--vintage", "latest").stdout
    with pytest.raises(mineflow.InputError, match="--vintage: found 'old'"):
        mineflow.run(CHINA_2010, vintage="old")
