"""Import-stability indicators (3: concentrate, 4: refined) of every bundled mineral under each
World Bank WGI year, side by side, with pandas.

    PYTHONPATH=build/python /usr/bin/python3 examples/indicators_by_wgi_year.py --csv by_year.csv
"""

import argparse

import pandas as pd

import mineflow

YEARS = range(2018, 2023)  # the WGI years scenarios/countries.yaml holds
INDICATORS = ["concentrate_import_stability", "refined_import_stability"]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--csv", help="also write the table to this CSV file")
    args = parser.parse_args()

    mineflow.set_tables("pandas")
    frames = []
    for year in YEARS:
        frame = mineflow.indicators(stability_year=year).table
        frames.append(frame.assign(wgi_year=year))
    long = pd.concat(frames, ignore_index=True)
    wide = (long[long["indicator"].isin(INDICATORS)]
            .pivot_table(index=["mineral", "indicator"], columns="wgi_year", values="value")
            .round(3))
    with pd.option_context("display.width", 120):
        print(wide)
    if args.csv:
        wide.to_csv(args.csv)


if __name__ == "__main__":
    main()
