"""Stockpile-days study: P(shortage within the horizon) against national stockpile days, one
curve per recycling share, for one disruption scenario; written as a PNG with matplotlib.

    PYTHONPATH=build/python /usr/bin/python3 examples/stockpile_days.py \
        --scenario tungsten_china_quotas --out days.png
"""

import argparse
import pathlib

import matplotlib

matplotlib.use("Agg")  # files only, no display
import matplotlib.pyplot as plt  # noqa: E402

import mineflow  # noqa: E402

SCENARIOS = pathlib.Path(__file__).resolve().parents[1] / "scenarios" / "disruptions"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scenario", default="tungsten_china_quotas",
                        help="a scenario of scenarios/disruptions/ (file name without .yaml)")
    parser.add_argument("--trials", type=int, default=5000)
    parser.add_argument("--out", default="stockpile_days.png")
    args = parser.parse_args()

    scenario = SCENARIOS / f"{args.scenario}.yaml"
    result = mineflow.stockpile(scenario, days=list(range(0, 181, 15)), recycling=[0, 0.1, 0.2],
                                trials=args.trials, target="p_shortage<=0.05")
    mineflow.set_tables("dict")  # plain columns; no pandas needed here
    table = mineflow.tables.from_csv(result.csv)
    cells = [k for k, row in enumerate(table["row"]) if row == "cell"]

    fig, ax = plt.subplots(figsize=(6.4, 4.0))
    for share in sorted({table["recycling_share"][k] for k in cells}):
        points = sorted((table["days"][k], table["p_shortage"][k], table["p_shortage_se"][k])
                        for k in cells if table["recycling_share"][k] == share)
        days, p, se = zip(*points)
        ax.errorbar(days, p, yerr=[2 * s for s in se], marker="o", markersize=3, capsize=2,
                    label=f"recycling {share:.0%} of demand")
    ax.axhline(0.05, color="grey", linestyle="--", linewidth=1, label="target P = 0.05")
    ax.axvline(60, color="grey", linestyle=":", linewidth=1, label="60-day base target")
    ax.set_xlabel("national stockpile, days of demand")
    ax.set_ylabel("P(any shortage within the horizon)")
    ax.set_title(f"{args.scenario}: {args.trials} trials per point (bars: ±2 MC se)",
                 fontsize=10)
    ax.legend(fontsize=8)
    fig.tight_layout()
    fig.savefig(args.out, dpi=120)
    for k, row in enumerate(table["row"]):
        if row == "days_needed":
            needed = table["days"][k]
            print(f"recycling {table['recycling_share'][k]:.0%}: "
                  f"{'not met' if needed != needed else f'{needed:.1f} days'} meet P <= 0.05")
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
