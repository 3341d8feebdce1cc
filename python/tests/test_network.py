"""mineflow.network() and mineflow.criticality(): the graph as tables (the report's flows.csv
for the edges) and the CLI's criticality output bit for bit."""

import csv
import io

import numpy as np
import pytest

import mineflow
from conftest import SCENARIOS, cli, column

COBALT_CUT = SCENARIOS / "disruptions" / "cobalt_drc_supply_cut.yaml"


@pytest.fixture(scope="module")
def cobalt_flows_csv(tmp_path_factory):
    """flows.csv of `mineflow report` for the bundled cobalt file."""
    out = tmp_path_factory.mktemp("report")
    cli("report", SCENARIOS / "minerals" / "cobalt.yaml", "--out", out)
    return (out / "flows.csv").read_text()


def test_edges_are_the_reports_flows_csv(cobalt_flows_csv):
    net = mineflow.network("cobalt")
    assert net.edges_csv == cobalt_flows_csv
    assert mineflow.network(SCENARIOS / "minerals" / "cobalt.yaml").edges_csv == cobalt_flows_csv
    rows = list(csv.DictReader(io.StringIO(cobalt_flows_csv)))
    assert list(column(net.edges, "flow_t_per_yr")) == [float(r["flow_t_per_yr"]) for r in rows]
    assert list(net.edges.keys()) == ["mineral", "edge", "from", "from_stage", "to", "to_stage",
                                      "kind", "flow_t_per_yr"]


def test_nodes_cover_every_edge_end_and_hold_the_world_tiers():
    net = mineflow.network("cobalt")
    labels = list(column(net.nodes, "node"))
    assert len(labels) == len(set(labels))
    ends = set(column(net.edges, "from")) | set(column(net.edges, "to"))
    assert ends <= set(labels)
    stages = list(column(net.nodes, "stage"))
    assert "mine" in stages and "refine" in stages
    assert "COD/mine" in labels  # the largest cobalt mine country (scenarios/minerals/cobalt.yaml)
    output = column(net.nodes, "output_t_per_yr")
    assert output.dtype == np.float64 and (output >= 0).all()
    assert column(net.nodes, "capacity_t_per_yr").dtype == np.float64
    assert net.mineral == "cobalt" and net.network_basis


def test_network_options_are_the_indicator_options():
    with pytest.raises(mineflow.InputError) as caught:
        mineflow.network("cobalt", production="wmd:1800")
    assert caught.value.field == "--production"


def test_unknown_mineral_is_an_input_error():
    with pytest.raises(mineflow.InputError):
        mineflow.network("unobtainium")


def test_criticality_equals_the_cli():
    r = mineflow.criticality(COBALT_CUT, days=60, severity=0.5, trials=60, seed=11)
    args = ["criticality", COBALT_CUT, "--days", 60, "--severity", 0.5, "--trials", 60, "--seed",
            11, "--quiet"]
    assert r.csv == cli(*args, "--format", "csv").stdout
    assert r.json == cli(*args, "--format", "json").stdout
    assert r.text == cli(*args).stdout
    assert len(column(r.table, list(r.table.keys())[0])) > 0


def test_criticality_takes_a_bundled_name_as_the_cli_does():
    r = mineflow.criticality("cobalt_drc_supply_cut", trials=30, seed=4)
    assert r.csv == cli("criticality", "cobalt_drc_supply_cut", "--trials", 30, "--seed", 4,
                        "--quiet", "--format", "csv").stdout


def test_criticality_of_a_loaded_scenario_with_defaults_equals_the_cli():
    scenario = mineflow.load_scenario(COBALT_CUT)
    r = mineflow.criticality(scenario, trials=40, seed=2)
    assert r.csv == cli("criticality", COBALT_CUT, "--trials", 40, "--seed", 2, "--quiet",
                        "--format", "csv").stdout


@pytest.mark.parametrize("kwargs, field", [
    ({"days": 0}, "--days"),
    ({"severity": 1.5}, "--severity"),
    ({"start_day": -1}, "--start-day"),
    ({"threads": -1}, "--threads"),
    ({"trials": 0}, "--trials"),
])
def test_criticality_bad_options_name_the_cli_option(kwargs, field):
    with pytest.raises(mineflow.InputError) as caught:
        mineflow.criticality(COBALT_CUT, **kwargs)
    assert caught.value.field == field
