#!/usr/bin/env python3
"""What a first run can reach: simulated makespan / lower bound for schedulers that know no durations.

Usage: bench/first_run_limit.py DURATIONS_JSON [--workers 4 8] [--trials 2000] [--seed 1]

DURATIONS_JSON is the suite's {test id: seconds} (gen_pysuite.py writes durations.json). Each test
goes, one at a time and with no start-up or hand-off cost, to the worker that frees first:

- random order: a scheduler that knows nothing about any test (what a first run is);
- heavy first: an oracle told which tests are the suite's designated heavy ones (ids containing
  "heavy"), which it runs first, the rest in random order;
- longest first (LPT): knows every duration (what a second run, with history, can do).

The bound is max(longest test, total / workers), as analyze_sched.py computes it. The deciles of
the random orders say what makespan / bound any non-clairvoyant scheduler should expect.
"""
import argparse
import heapq
import json
import random
import statistics


def makespan(order, workers):
    free = [0.0] * workers
    for d in order:
        heapq.heappush(free, heapq.heappop(free) + d)
    return max(free)


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("durations")
    p.add_argument("--workers", type=int, nargs="+", default=[4, 8])
    p.add_argument("--trials", type=int, default=2000)
    p.add_argument("--seed", type=int, default=1)
    a = p.parse_args()
    with open(a.durations) as f:
        durations = json.load(f)
    tests = list(durations.values())
    heavy = sorted((d for t, d in durations.items() if "heavy" in t), reverse=True)
    light = [d for t, d in durations.items() if "heavy" not in t]
    rng = random.Random(a.seed)
    print("| workers | scheduler | median | 10th–90th percentile |")
    print("|---:|---|---:|---|")
    for w in a.workers:
        bound = max(max(tests), sum(tests) / w)
        blind, told = [], []
        for _ in range(a.trials):
            order = tests[:]
            rng.shuffle(order)
            blind.append(makespan(order, w) / bound)
            rest = light[:]
            rng.shuffle(rest)
            told.append(makespan(heavy + rest, w) / bound)
        for name, ratios in (("random order (knows nothing)", blind), ("heavy tests first, rest random", told)):
            deciles = statistics.quantiles(ratios, n=10)
            print("| %d | %s | %.3f | %.3f–%.3f |" % (w, name, statistics.median(ratios), deciles[0], deciles[-1]))
        print("| %d | longest first (knows every duration) | %.3f | |"
              % (w, makespan(sorted(tests, reverse=True), w) / bound))


if __name__ == "__main__":
    main()
