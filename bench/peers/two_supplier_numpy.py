#!/usr/bin/env python3
"""The peer program of issue 21: the two-supplier case as a skilled analyst would write it in
vectorised NumPy, exact in continuous time (no day steps), to time against `mineflow run` on
bench/peers/two_supplier.yaml (bench/peers/compare.sh runs both).

Model (the same as two_supplier.yaml):
  * demand D = 100 t/day; supplier A and supplier B each supply 50 % of it;
  * supplier A is cut completely at Poisson times, 2 a year, each cut lasting 30 days
    (overlapping cuts merge); B has no spare capacity, so a cut leaves a gap of 0.5 D;
  * a national stockpile of 20 days of demand starts full, releases up to D a day while
    supply falls short (no decision delay; the gap is 0.5 D, so it covers the whole gap until
    it empties) and refills at 0.1 D a day while supply covers demand;
  * horizon 365 days (cuts that run past it are cut off there), 10^6 trials.
Per trial: unmet_t, days_short, longest_spell_days, lowest_stockpile_t. Across trials: mean,
sd, standard error, quantiles 50/90/95/99 (type 7, numpy's default 'linear'), CVaR95 and
P(any shortage).

Whole-array work only: one Python-level loop over the k-th cut of every trial (about 12
rounds at 10^6 trials), never over trials.
"""
import argparse
import json
import sys
import time

import numpy as np

DEMAND = 100.0  # t/day
LOST_SHARE = 0.5  # supplier A's share of demand, all of it lost during a cut
CUTS_PER_YEAR = 2.0
CUT_DAYS = 30.0
STOCKPILE_DAYS = 20.0
RELEASE_RATE = 1.0  # x demand
REFILL_RATE = 0.1  # x demand
HORIZON = 365.0
DAYS_PER_YEAR = 365.0


def simulate(trials, seed):
    rng = np.random.default_rng(seed)
    gap = LOST_SHARE * DEMAND
    cap = STOCKPILE_DAYS * DEMAND
    refill = REFILL_RATE * DEMAND
    release = min(RELEASE_RATE * DEMAND, gap)  # what the stockpile covers of the gap, t/day
    unmet_rate = gap - release

    # Cut starts: a Poisson process of rate 2 a year per trial, as cumulative exponential gaps;
    # enough columns that every trial's process has passed the horizon.
    mean_gap = DAYS_PER_YEAR / CUTS_PER_YEAR
    cols = 16
    starts = np.cumsum(rng.exponential(mean_gap, size=(trials, cols)), axis=1)
    while starts[:, -1].min() < HORIZON:
        more = starts[:, -1:] + np.cumsum(rng.exponential(mean_gap, size=(trials, cols)), axis=1)
        starts = np.concatenate([starts, more], axis=1)
    used = int((starts < HORIZON).sum(axis=1).max())

    stock = np.full(trials, cap)
    lowest = stock.copy()
    unmet = np.zeros(trials)
    short = np.zeros(trials)
    longest = np.zeros(trials)
    last_end = np.zeros(trials)  # end of the last merged cut handled (0: none yet)
    cur_start = np.full(trials, np.inf)  # the merged cut being built (inf: none)
    cur_end = np.full(trials, np.inf)

    def close(mask):
        # Handle the merged cut [cur_start, cur_end) of the trials in `mask`: refill since the
        # last cut, then drain; unmet once the stockpile is empty.
        s = cur_start[mask]
        e = np.minimum(cur_end[mask], HORIZON)
        level = np.minimum(cap, stock[mask] + refill * (s - last_end[mask]))
        length = e - s
        # Released until the stockpile empties, then nothing: `dry` days with it empty.
        empty_after = level / release if release > 0 else np.zeros_like(level)
        dry = np.maximum(0.0, length - empty_after)
        level = np.maximum(0.0, level - release * length)
        stock[mask] = level
        lowest[mask] = np.minimum(lowest[mask], level)
        unmet[mask] += unmet_rate * length + release * dry
        spell = length if unmet_rate > 0 else dry
        short[mask] += spell
        longest[mask] = np.maximum(longest[mask], spell)
        last_end[mask] = e

    for k in range(used + 1):
        s_k = starts[:, k] if k < used else np.full(trials, np.inf)
        valid = s_k < HORIZON
        open_cut = np.isfinite(cur_start)
        # A new start after the current merged cut's end closes it.
        closes = open_cut & (~valid | (s_k >= cur_end))
        if closes.any():
            close(closes)
            cur_start[closes] = np.inf
            cur_end[closes] = np.inf
        extends = open_cut & ~closes & valid
        cur_end[extends] = np.maximum(cur_end[extends], s_k[extends] + CUT_DAYS)
        begins = valid & ~open_cut | (valid & closes)
        cur_start[begins] = s_k[begins]
        cur_end[begins] = s_k[begins] + CUT_DAYS
    return {
        "unmet_t": unmet,
        "days_short": short,
        "longest_spell_days": longest,
        "lowest_stockpile_t": lowest,
    }


def summarize(values, higher_is_worse):
    n = values.size
    mean = float(values.mean())
    sd = float(values.std(ddof=1))
    q50, q90, q95, q99 = (float(q) for q in np.quantile(values, [0.5, 0.9, 0.95, 0.99]))
    tail = int(np.ceil(0.05 * n))
    if higher_is_worse:
        worst = np.partition(values, n - tail)[n - tail:]
    else:
        worst = np.partition(values, tail - 1)[:tail]
    return {"mean": mean, "sd": sd, "se": sd / np.sqrt(n), "q50": q50, "q90": q90, "q95": q95,
            "q99": q99, "cvar95": float(worst.mean())}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--trials", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--format", choices=["text", "json"], default="text")
    args = parser.parse_args()
    began = time.perf_counter()
    series = simulate(args.trials, args.seed)
    out = {name: summarize(v, name != "lowest_stockpile_t") for name, v in series.items()}
    p = float((series["unmet_t"] > 0).mean())
    out["p_any_shortage"] = {"p": p, "se": float(np.sqrt(p * (1 - p) / args.trials))}
    elapsed = time.perf_counter() - began
    if args.format == "json":
        json.dump({"trials": args.trials, "seconds_in_python": elapsed, "metrics": out},
                  sys.stdout, indent=1)
        print()
        return
    print(f"two suppliers, numpy {np.__version__}: {args.trials} trials in {elapsed:.3f} s")
    for name, s in out.items():
        if name == "p_any_shortage":
            print(f"  P(any shortage) {s['p']:.6f} (SE {s['se']:.6f})")
            continue
        print(f"  {name:20s} mean {s['mean']:.6g} (SE {s['se']:.3g}) sd {s['sd']:.6g} "
              f"q50 {s['q50']:.6g} q90 {s['q90']:.6g} q95 {s['q95']:.6g} q99 {s['q99']:.6g} "
              f"CVaR95 {s['cvar95']:.6g}")


if __name__ == "__main__":
    main()
