"""How close the plan comes to the best possible week, found by brute force.

    python benchmarks/plan_optimality.py [--networks N] [--contacts C] [--budgets 30 60 120]

For N generated networks of C contacts (small enough that every set of options can be
tried), the plan's gain (what its steps add to the week's value) is compared with the
best gain any set of options that fits the budget gives, respecting one conversation
per person. Printed per budget: the networks tried (those with 2 to MAX_OPTIONS useful
options), the worst and mean ratio, and how often the plan is optimal. The bound the
docs name for the greedy compared with the best single option, with fixed costs, is
(1 - 1/e) / 2 = 0.316.
"""

from __future__ import annotations

import argparse
import datetime as dt
import math
import statistics

import yaml
from _common import table

from warmreach.networkfile import parse_network
from warmreach.plan.choose import brute_force, choose
from warmreach.plan.week import week_options
from warmreach.synthetic import generate_network

AS_OF = dt.date(2026, 11, 25)
#: networks with more useful options than this are skipped (2^n subsets each)
MAX_OPTIONS = 12


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--networks", type=int, default=300)
    parser.add_argument("--contacts", type=int, default=20)
    parser.add_argument("--budgets", type=int, nargs="+", default=[30, 60, 90, 120, 180])
    args = parser.parse_args()
    ratios: dict[int, list[float]] = {budget: [] for budget in args.budgets}
    for seed in range(args.networks):
        network = parse_network(yaml.safe_dump(generate_network(args.contacts, 2, seed=seed)))
        week = week_options(network, as_of=AS_OF)
        useful = [o for o in week.options if week.base.gain(o.chances) > 1e-9]
        if not 2 <= len(useful) <= MAX_OPTIONS:
            continue
        for budget in args.budgets:
            best = brute_force(useful, week.base, budget)
            optimum = best - week.base.total
            if optimum <= 1e-9:
                continue
            got = choose(week.options, week.base, budget).value - week.base.total
            ratios[budget].append(got / optimum)
    rows = []
    for budget, found in ratios.items():
        if not found:
            continue
        rows.append(
            [
                str(budget),
                str(len(found)),
                f"{min(found):.3f}",
                f"{statistics.fmean(found):.3f}",
                f"{sum(r > 1 - 1e-9 for r in found) / len(found):.0%}",
            ]
        )
    header = [("budget", 7), ("networks", 9), ("worst", 7), ("mean", 7), ("optimal", 8)]
    print(table(header, rows))
    print(f"bound for fixed costs: {(1 - 1 / math.e) / 2:.3f}")


if __name__ == "__main__":
    main()
