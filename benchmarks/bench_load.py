"""Time loading and graph building on generated networks, and print a table.

    python benchmarks/bench_load.py                  # 1k, 10k and 30k contacts
    python benchmarks/bench_load.py --sizes 1000 --links 5 --repeat 5

Networks come from ``warmreach.synthetic`` (seed 0) and are written to a temporary
folder. Each time is the best of ``--repeat`` runs, in seconds.
"""

from __future__ import annotations

import tempfile
from functools import partial
from pathlib import Path

from _common import arguments, best_of, table, write_network

from warmreach import build_graph, load_network


def main() -> None:
    args = arguments(__doc__)
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        for size in args.sizes:
            path = write_network(Path(folder), size, args.links)
            load_seconds, network = best_of(args.repeat, partial(load_network, path))
            graph_seconds, graph = best_of(args.repeat, partial(build_graph, network))
            links = sum(len(contact.knows) for contact in network.contacts)
            rows.append(
                [
                    f"{size:,}",
                    f"{links:,}",
                    f"{path.stat().st_size / 1e6:.1f}",
                    f"{load_seconds:.2f}",
                    f"{graph_seconds:.2f}",
                    f"{graph.number_of_nodes():,}",
                    f"{graph.number_of_edges():,}",
                ]
            )
    header = [
        ("contacts", 9),
        ("links", 8),
        ("MB", 6),
        ("load s", 7),
        ("graph s", 8),
        ("nodes", 7),
        ("edges", 8),
    ]
    print(table(header, rows))


if __name__ == "__main__":
    main()
