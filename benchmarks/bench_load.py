"""Time loading and graph building on generated networks, and print a table.

    python benchmarks/bench_load.py                  # 1k, 10k and 30k contacts
    python benchmarks/bench_load.py --sizes 1000 --links 5 --repeat 5

Networks come from ``sample_networks/generate.py`` (seed 0) and are written to a
temporary folder. Each time is the best of ``--repeat`` runs, in seconds.
"""

from __future__ import annotations

import argparse
import importlib.util
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import yaml

from warmreach import build_graph, load_network

ROOT = Path(__file__).resolve().parent.parent
T = TypeVar("T")


def _generator() -> Any:
    spec = importlib.util.spec_from_file_location(
        "generate", ROOT / "sample_networks" / "generate.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def best_of(repeat: int, work: Callable[[], T]) -> tuple[float, T]:
    """The fastest of ``repeat`` runs of ``work``, and its result."""
    best, result = float("inf"), None
    for _ in range(repeat):
        started = time.perf_counter()
        result = work()
        best = min(best, time.perf_counter() - started)
    return best, result  # type: ignore[return-value]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10_000, 30_000])
    parser.add_argument("--links", type=int, default=10, help="people each contact knows")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    generate = _generator()
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    header = ("contacts", 9), ("links", 8), ("MB", 6), ("load s", 7), ("graph s", 8), ("nodes", 7)
    print(" ".join(f"{title:>{width}}" for title, width in header), f"{'edges':>8}")
    with tempfile.TemporaryDirectory() as folder:
        for size in args.sizes:
            path = Path(folder) / f"network-{size}.yaml"
            tree = generate.generate_network(size, args.links, seed=0)
            path.write_text(yaml.dump(tree, Dumper=dumper, sort_keys=False), encoding="utf-8")
            load_seconds, network = best_of(args.repeat, lambda path=path: load_network(path))
            graph_seconds, graph = best_of(
                args.repeat, lambda network=network: build_graph(network)
            )
            links = sum(len(contact.knows) for contact in network.contacts)
            print(
                f"{size:>9,} {links:>8,} {path.stat().st_size / 1e6:>6.1f} {load_seconds:>7.2f} "
                f"{graph_seconds:>8.2f} {graph.number_of_nodes():>7,} {graph.number_of_edges():>8,}"
            )


if __name__ == "__main__":
    main()
