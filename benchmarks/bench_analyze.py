"""Time ``warmreach analyze`` on generated networks, and print a table.

    python benchmarks/bench_analyze.py               # 1k, 10k and 30k contacts
    python benchmarks/bench_analyze.py --sizes 1000 --repeat 5

For each size: loading the file, building the NetworkX graph, the network's index
(who knows whom as a sparse matrix, near teams, members, staff), the shared part of
scoring, ranking
the three openings of the file (best paths to their candidates and closeness to the
hiring teams), ranking them again with three alternative paths per
person, and the whole ``analyze`` command end to end, cold (first run: the file is
parsed) and warm (the validated network comes from the cache), and ``render`` and
``plan`` warm.
Seconds, best of ``--repeat`` (cold and the first ranking: one run).
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from functools import partial
from pathlib import Path

from _common import arguments, best_of, table, write_network
from typer.testing import CliRunner

from warmreach import Opening, build_graph, load_network
from warmreach.cli import app
from warmreach.graph import NetworkIndex
from warmreach.scoring import ReferralModel, TargetReport, default_targets, rank

AS_OF = dt.date(2026, 11, 25)


def rank_all(model: ReferralModel, targets: list[Opening], paths: int) -> list[TargetReport]:
    """Rank the top ten for every target, with ``paths`` alternatives each."""
    return [rank(model, target, top=10, paths=paths) for target in targets]


def main() -> None:
    args = arguments(__doc__)
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        for size in args.sizes:
            path = write_network(Path(folder), size, args.links)
            load, network = best_of(args.repeat, partial(load_network, path))
            graph_time, _ = best_of(args.repeat, partial(build_graph, network))
            links, index = best_of(args.repeat, partial(NetworkIndex.build, network))
            setup, model = best_of(
                args.repeat, partial(ReferralModel, network, as_of=AS_OF, index=index)
            )
            targets = default_targets(network)
            # one run: the model keeps each target's ranking, so a second would be free
            rank, _ = best_of(1, partial(rank_all, model, targets, 0))
            alternatives, _ = best_of(args.repeat, partial(rank_all, model, targets, 3))
            command = ["analyze", str(path), "--as-of", str(AS_OF), "--format", "json"]
            cache = Path(folder) / f"cache-{size}"
            os.environ["WARMREACH_CACHE_DIR"] = str(cache)  # empty: the first run is cold
            cold, result = best_of(1, partial(CliRunner().invoke, app, command))
            assert result.exit_code == 0, result.stderr
            warm, _ = best_of(args.repeat, partial(CliRunner().invoke, app, command))
            picture = str(Path(folder) / f"network-{size}.png")
            draw = ["render", str(path), "--as-of", str(AS_OF), "--output", picture, "--force"]
            render_time, result = best_of(args.repeat, partial(CliRunner().invoke, app, draw))
            assert result.exit_code == 0, result.stderr
            week = ["plan", str(path), "--as-of", str(AS_OF), "--format", "json"]
            plan_time, result = best_of(args.repeat, partial(CliRunner().invoke, app, week))
            assert result.exit_code == 0, result.stderr
            times = (
                load,
                graph_time,
                links,
                setup,
                rank,
                alternatives,
                cold,
                warm,
                render_time,
                plan_time,
            )
            rows.append([f"{size:,}", *(f"{seconds:.2f}" for seconds in times)])
    header = [
        ("contacts", 9),
        ("load", 6),
        ("graph", 6),
        ("index", 6),
        ("setup", 6),
        ("rank x3", 8),
        ("+paths 3", 9),
        ("analyze", 8),
        ("warm", 6),
        ("render", 7),
        ("plan", 6),
    ]
    print(table(header, rows))


if __name__ == "__main__":
    main()
