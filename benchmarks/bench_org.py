"""Time ``analyze`` at organisation scale: a recruiting team's merged networks.

    python benchmarks/bench_org.py                             # 1,000,000 people, 10 links each
    python benchmarks/bench_org.py --people 100000 --links 10

The network is generated as a model with its links as columns
(``warmreach.synthetic.organisation``: no ``Link`` object per pair): a YAML file of this
size would be gigabytes, and reading one is what ``bench_all.py`` measures. Printed:
generating it, building its index from the columns (who knows whom as a sparse matrix,
teams, staff), the set-up of the referral model, ranking its three openings
(best paths to every candidate, closeness to each hiring team), the whole analysis
(index included), and the peak memory of the process. Seconds; one run each.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import resource
import time

from _common import table

from warmreach.graph import KnowsMatrix, NetworkIndex
from warmreach.scoring import ReferralModel, analyze, default_targets
from warmreach.synthetic import organisation

AS_OF = dt.date(2026, 11, 25)


def _peak_gb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e6


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--people", type=int, default=1_000_000)
    parser.add_argument("--links", type=int, default=10, help="people each person knows")
    args = parser.parse_args()
    started = time.perf_counter()
    merged = organisation(args.people, args.links)
    network = merged.network
    generated = time.perf_counter() - started
    gc.freeze()  # as the CLI does once a network is loaded
    links_count = len(merged.sources)

    started = time.perf_counter()
    ids = [contact.id for contact in network.contacts]
    knows = KnowsMatrix.from_pairs(ids, merged.sources, merged.ends, merged.strengths)
    index = NetworkIndex.build(network, knows)
    indexing = time.perf_counter() - started
    started = time.perf_counter()
    model = ReferralModel(network, as_of=AS_OF, index=index)
    setup = time.perf_counter() - started
    started = time.perf_counter()
    candidates = sum(len(model.evaluate(target)) for target in default_targets(network))
    rank = time.perf_counter() - started
    started = time.perf_counter()
    analysis = analyze(network, as_of=AS_OF, top=10, index=index)
    whole = time.perf_counter() - started + indexing
    assert all(report.candidates for report in analysis.targets)

    header = [
        ("people", 10),
        ("links", 11),
        ("generate", 9),
        ("index", 12),
        ("setup", 6),
        ("rank x3", 8),
        ("candidates", 11),
        ("analyze", 8),
        ("peak GB", 8),
    ]
    row = [
        f"{args.people:,}",
        f"{links_count:,}",
        f"{generated:.1f}",
        f"{indexing:.1f}",
        f"{setup:.1f}",
        f"{rank:.1f}",
        f"{candidates:,}",
        f"{whole:.1f}",
        f"{_peak_gb():.2f}",
    ]
    print(table(header, [row]))


if __name__ == "__main__":
    main()
