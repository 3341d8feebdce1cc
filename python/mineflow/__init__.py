"""mineflow from Python: the same C++ core as the `mineflow` program, with numpy arrays and
pandas tables.

    import mineflow
    print(mineflow.indicators())                      # the CLI's table
    mineflow.indicators().table                       # mineral, indicator, value, ..., basis
    r = mineflow.run("scenarios/disruptions/cobalt_background.yaml", trials=2000, seed=7)
    r.metrics["stockpile_60"]                         # (7, trials) float64, no copy
    r.summary                                         # policy, section, name, statistic, value
    mineflow.network("cobalt").nodes                  # the graph: nodes and (.edges) flows
    mineflow.criticality("scenarios/disruptions/cobalt_drc_supply_cut.yaml", days=90)

Every result carries the CLI's text for the same inputs (.csv, .json, .text) and its tables
(dicts of equal-length columns, or DataFrames when pandas imports; see mineflow.tables). Bad
input raises mineflow.InputError with the CLI's one-line message and file/line/column/field
attributes. Runs release the GIL and stop on Ctrl-C (KeyboardInterrupt), leaving nothing behind.
Build: docs/python.md.
"""

import json as _json
import os as _os

from . import _core
from ._core import METRICS, InputError, Scenario
from .tables import from_csv as _from_csv, set_tables, table as _table

__all__ = ["METRICS", "InputError", "Scenario", "criticality", "indicators", "load_scenario",
           "mfa", "network", "optimise", "run", "set_tables", "stockpile"]


def _path(value):
    return None if value is None else _os.fspath(value)


class _Result:
    """Text of the CLI for the same inputs: .csv, .json, .text (--format csv | json | table)."""

    def __init__(self, csv, json, text):
        self.csv, self.json, self.text = csv, json, text

    def to_json(self):
        """The JSON output, parsed."""
        return _json.loads(self.json)

    def __str__(self):
        return self.text

    def __repr__(self):
        return self.text


class Indicators(_Result):
    """`mineflow indicators`: .table has the CSV's columns (mineral, indicator, value, rating,
    unit, basis, quality) plus name and lower_bound, with values at full precision (as in the
    JSON); quality is indicator 6's figure flag, "" where none. A mineral with world tiers
    (scenarios/network/) has a seventh row, look_through_refined_import_stability, as in the
    CSV."""

    def __init__(self, texts):
        super().__init__(texts["csv"], texts["json"], texts["text"])
        columns = {k: [] for k in ("mineral", "indicator", "value", "rating", "unit", "basis",
                                   "quality", "name", "lower_bound")}
        for mineral in self.to_json()["minerals"]:
            for v in mineral["indicators"]:
                columns["mineral"].append(mineral["mineral"])
                columns["indicator"].append(v["indicator"])
                columns["value"].append(float("nan") if v["value"] is None else v["value"])
                for key in ("rating", "unit", "basis", "lower_bound"):
                    columns[key].append(v[key])
                columns["quality"].append(v["quality"] or "")
                columns["name"].append(mineral["name"])
            look = mineral.get("look_through_refined_import_stability")
            if look is not None:  # the CSV's extra row for a mineral with world tiers
                columns["mineral"].append(mineral["mineral"])
                columns["indicator"].append("look_through_refined_import_stability")
                columns["value"].append(float("nan") if look["value"] is None else look["value"])
                for key in ("rating", "unit", "basis"):
                    columns[key].append(look[key])
                columns["quality"].append("")
                columns["lower_bound"].append(False)
                columns["name"].append(mineral["name"])
        import numpy
        columns["value"] = numpy.array(columns["value"], dtype=numpy.float64)
        self.table = _table(columns)


class GeoPolRisk(_Result):
    """`mineflow indicators --method geopolrisk`: .table is the CSV's table."""

    def __init__(self, texts):
        super().__init__(texts["csv"], texts["json"], texts["text"])
        self.table = _from_csv(self.csv)


def _option_args(options):
    """Keyword options as the command's flags: secondary_proxy=True -> --secondary-proxy."""
    args = []
    for key, value in options.items():
        flag = "--" + key.replace("_", "-")
        if value is True:
            args.append(flag)
        elif value is not None and value is not False:
            args += [flag, _os.fspath(value) if isinstance(value, _os.PathLike) else str(value)]
    return args


def indicators(files=None, method="meti", **options):
    """The six supply-risk indicators of each mineral file (default: every bundled mineral), or
    with method="geopolrisk" the GeoPolRisk figures (a GeoPolRisk result).

    Options are the command's, with underscores: stability="wgi_pv", stability_year=2020,
    oth="one_block", production="wmd:2022", volatility="sd_annual_log_returns",
    secondary_definition="recycled_content", secondary_proxy=True, data_dir=PATH.
    """
    if files is not None:
        files = [_path(files)] if isinstance(files, (str, _os.PathLike)) else [
            _path(f) for f in files]
    texts = _core.indicators(files, method, _option_args(options))
    return GeoPolRisk(texts) if method == "geopolrisk" else Indicators(texts)


def load_scenario(path, data_dir=None):
    """A disruption scenario file (or a bundled scenario's name), read and checked as
    `mineflow run` does (countries from data_dir, default the bundled scenarios/)."""
    return _core.load_scenario(_path(path), _path(data_dir))


class RunResult(_Result):
    """`mineflow run`.

    metrics: {policy: ndarray (13, trials) float64, read-only}, rows in METRICS order, one column
        per trial; a view of the engine's buffer (no copy). Deterministic runs have one trial.
    reference_metrics: the same for each policy's no-stockpile, no-recycling reference
        (Monte Carlo runs only).
    summary: the CSV's table (policy, section, name, statistic, value); Monte Carlo runs.
    series: the daily series (policy, day, demand_t, ...); deterministic runs.
    header: scenario, name, mineral, trials, seed, horizon_days, procurement_cost_unit, vintage,
    market.
    """

    def __init__(self, output):
        super().__init__(output.csv(), output.json(), output.table())
        self._output = output
        self.header = output.header
        self.policies = list(output.policies)
        self.monte_carlo = output.monte_carlo
        self.metrics = {name: output.metrics(k) for k, name in enumerate(self.policies)}
        self.reference_metrics = (
            {name: output.metrics(k, True) for k, name in enumerate(self.policies)}
            if self.monte_carlo else {})
        self.summary = _from_csv(self.csv) if self.monte_carlo else None
        self.series = None if self.monte_carlo else _from_csv(self.csv)

    def metric(self, policy, name):
        """One metric's per-trial values for a policy: ndarray (trials,), a view."""
        return self.metrics[policy][METRICS.index(name)]


def run(scenario, trials=None, threads=0, seed=None, policies=None, data_dir=None,
        memory_budget_mb=1024.0, vintage="latest", market=None, resourcing_days=None,
        world_inventory_days=None):
    """The disruption Monte Carlo of a scenario (a path or a Scenario), as `mineflow run`.

    trials, seed: default the scenario's; threads: 0 for all cores (results do not depend on
    it); policies: names (default every policy of the scenario); vintage: "latest" (the default) or
    "seed" (the strategy's figures), as --vintage; market: None (the scenario's), "clearing" or
    "rationing", as --market (docs/market.md); resourcing_days: None (the scenario's) or the days
    to re-source a cut supplier under clearing, as --resourcing-days; world_inventory_days: None
    (the scenario's) or the world's commercial stocks in days of use under clearing, as
    --world-inventory-days. Ctrl-C raises KeyboardInterrupt and discards the run.
    """
    if not isinstance(scenario, Scenario):
        scenario = _path(scenario)
    if isinstance(policies, str):
        policies = [policies]
    return RunResult(_core.run(scenario, trials, threads, seed, list(policies or []),
                               _path(data_dir), memory_budget_mb, vintage, market,
                               resourcing_days, world_inventory_days))


class StockpileResult(_Result):
    """`mineflow stockpile`: .table is the CSV's table (one scenario: the grid cells, days needed
    and recycling alternative, column `row` tells which; all: one row per mineral)."""

    def __init__(self, texts):
        super().__init__(texts["csv"], texts["json"], texts["text"])
        self.table = _from_csv(self.csv)


def stockpile(scenario=None, days=None, recycling=None, target="p_shortage<=0.05", policy=None,
              trials=None, seed=None, threads=0, base_days=60.0, carrying_rate=0.10,
              max_recycling=0.5, parameter_uncertainty=False, data_dir=None, vintage="latest",
              market=None, resourcing_days=None, world_inventory_days=None):
    """The stockpile-day sweep of a scenario (a path or a Scenario), or, with scenario None,
    of every bundled mineral's background scenario (the CLI's --all). days, recycling: lists of
    numbers; target: "METRIC<=VALUE" or "none"; parameter_uncertainty: draw the fitted hazard
    parameters per trial (--parameter-uncertainty); vintage: "latest" (default) or "seed"
    (--vintage); market: None (each scenario's), "clearing" or "rationing" (--market);
    resourcing_days: None (each scenario's) or days (--resourcing-days); world_inventory_days:
    None (each scenario's) or days (--world-inventory-days). Costs are in USD, as in the CLI."""
    if isinstance(scenario, Scenario):
        scenario = scenario.file
    as_list = (lambda v: None if v is None else [float(x) for x in v])
    return StockpileResult(_core.stockpile(
        _path(scenario), as_list(days), as_list(recycling), target, policy, trials, seed, threads,
        base_days, carrying_rate, max_recycling, bool(parameter_uncertainty), _path(data_dir),
        vintage, market, resourcing_days, world_inventory_days))


class OptimiseResult(_Result):
    """`mineflow optimise`: .table is the CSV's table (one row per mix and target, column `row`:
    cheapest, stockpile_only or best_reachable; with a budget, one row per mineral)."""

    def __init__(self, texts):
        super().__init__(texts["csv"], texts["json"], texts["text"])
        self.table = _from_csv(self.csv)


def optimise(scenario=None, target="p_shortage<=0.05", frontier=None, budget=None, levers=None,
             policy=None, trials=None, seed=None, threads=0, data_dir=None, vintage="latest",
             market=None, resourcing_days=None, world_inventory_days=None):
    """The least-cost mix of stockpile days, recycling share, substitution cut, diversification
    (t/yr moved off the largest import source) and focal smelter capacity (t/yr added) meeting
    `target` ("METRIC<=VALUE") on a scenario (a path or a Scenario), or, with scenario None, on
    every bundled mineral's background scenario (the CLI's --all). frontier: a list of
    thresholds (the cheapest mix for each); budget: USD per year spread over the minerals
    (scenario None); levers: a lever-costs file (default DATA/levers/<mineral>.yaml). A single
    target the levers cannot reach raises mineflow.InputError naming the best reachable level.
    Costs in USD per year (docs/optimise.md); market, resourcing_days, world_inventory_days: as
    for run()."""
    if isinstance(scenario, Scenario):
        scenario = scenario.file
    thresholds = None if frontier is None else [float(x) for x in frontier]
    return OptimiseResult(_core.optimise(
        _path(scenario), target, thresholds, None if budget is None else float(budget),
        _path(levers), policy, trials, seed, threads, _path(data_dir), vintage, market,
        resourcing_days, world_inventory_days))


class MfaResult(_Result):
    """`mineflow mfa`.

    table: the tidy CSV (year, region, category, quantity, value, unit);
    sankey, cohorts: the flow and cohort tables of `year` (the CLI's --out files);
    years: int64 (years,); regions, categories: lists of ids;
    totals: {demand, secondary_supply, primary_demand, secondary_surplus: (years, regions);
        secondary_share: (years,) over all regions}, float64 views (no copy);
    by_category: {category: {inflow, in_use_stock, eol_outflow, collected, ...: (years,
        regions)}}, float64 views (no copy).
    """

    def __init__(self, output):
        super().__init__(output.csv(), output.json(), output.table())
        import numpy
        self._output = output
        self.model, self.name, self.unit, self.year = (output.model, output.name, output.unit,
                                                       output.year)
        self.years = numpy.arange(output.first_year, output.first_year + output.years,
                                  dtype=numpy.int64)
        self.regions = list(output.regions)
        self.categories = list(output.categories)
        self.totals = output.totals()
        self.by_category = {c: output.category(k) for k, c in enumerate(self.categories)}
        self.table = _from_csv(self.csv)
        self.sankey = _from_csv(output.sankey_csv())
        self.cohorts = _from_csv(output.cohorts_csv())


def mfa(model, year=None, data_dir=None):
    """The dynamic material-flow model (a file or a bundled name such as "tungsten_policy");
    year: of the Sankey and cohort tables (default the last model year)."""
    return MfaResult(_core.mfa(_path(model), year, _path(data_dir)))


class Network:
    """One mineral's supply graph: the focal economy's flows and, when the mineral has a network
    file (scenarios/network/), the world tiers behind them (docs/network.md).

    nodes: node (label, e.g. "CHN/refine"), country, stage, output_t_per_yr, capacity_t_per_yr,
        stock_t; one row per node in node-id order (0 where a figure is not stated).
    edges: the report's flows.csv for this mineral (mineral, edge, from, from_stage, to,
        to_stage, kind, flow_t_per_yr); from/to are node labels.
    edges_csv: that CSV's text. network_basis: what the world tiers rest on (one line).
    """

    def __init__(self, output):
        import numpy
        self.mineral = output["mineral"]
        self.focal_economy = output["focal_economy"]
        self.network_basis = output["network_basis"]
        nodes = dict(output["nodes"])
        for key in ("output_t_per_yr", "capacity_t_per_yr", "stock_t"):
            nodes[key] = numpy.asarray(nodes[key], dtype=numpy.float64)
        self.nodes = _table(nodes)
        self.edges_csv = output["edges_csv"]
        self.edges = _from_csv(self.edges_csv)

    def __repr__(self):
        return f"<mineflow.Network {self.mineral}: {self.network_basis}>"


def network(mineral, data_dir=None, **options):
    """The graph of a mineral (a bundled id such as "cobalt", or a mineral file), built as the
    CLI builds it (the report's flows: vintage "latest" by default, as `mineflow report`); options
    as for indicators() (production="wmd:2022", vintage="latest", ...)."""
    return Network(_core.network(_path(mineral), _option_args(dict(options, data_dir=data_dir))))


class CriticalityResult(_Result):
    """`mineflow criticality`: .table is the CSV's table (one row per mine or refining node,
    worst first)."""

    def __init__(self, texts):
        super().__init__(texts["csv"], texts["json"], texts["text"])
        self.table = _from_csv(self.csv)


def criticality(scenario, days=90, severity=1, start_day=0, policy="none", trials=None,
                seed=None, threads=0, data_dir=None, vintage="latest", market=None,
                resourcing_days=None, world_inventory_days=None):
    """Every mine and refining node of the scenario's mineral failing alone for `days` at
    `severity` (share of its output lost) from `start_day`, on top of the scenario's own
    events and on the same trials, ranked by the focal economy's expected unmet demand; as
    `mineflow criticality` (vintage: "latest", the default, or "seed", as --vintage; market:
    None, "clearing" or "rationing", as --market, under which the ranking is by demand not
    served; resourcing_days, world_inventory_days: as --resourcing-days and
    --world-inventory-days). Ctrl-C raises KeyboardInterrupt and discards the run."""
    if isinstance(scenario, Scenario):
        scenario = scenario.file
    return CriticalityResult(_core.criticality(
        _path(scenario), float(days), float(severity), float(start_day), policy, trials, seed,
        threads, _path(data_dir), vintage, market, resourcing_days, world_inventory_days))
