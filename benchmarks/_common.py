"""What the benchmark scripts share: generated network files and best-of timing."""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import yaml

from warmreach.synthetic import generate_network

T = TypeVar("T")

#: the "typical" and "large" network sizes of the README's performance table
SIZES = [1000, 10_000, 30_000]


def write_network(folder: Path, contacts: int, links: int, seed: int = 0) -> Path:
    """Write a generated network of ``contacts`` people to ``folder`` and return its path."""
    path = folder / f"network-{contacts}-{links}.yaml"
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    tree = generate_network(contacts, links, seed=seed)
    path.write_text(yaml.dump(tree, Dumper=dumper, sort_keys=False), encoding="utf-8")
    return path


def best_of(repeat: int, work: Callable[[], T]) -> tuple[float, T]:
    """The fastest of ``repeat`` runs of ``work``, in seconds, and its last result."""
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        result = work()
        best = min(best, time.perf_counter() - started)
    return best, result


def table(header: list[tuple[str, int]], rows: list[list[str]]) -> str:
    """Right-aligned columns of the given widths."""
    lines = [" ".join(f"{title:>{width}}" for title, width in header)]
    lines += [
        " ".join(f"{cell:>{width}}" for cell, (_, width) in zip(row, header, strict=True))
        for row in rows
    ]
    return "\n".join(lines)


def arguments(doc: str) -> argparse.Namespace:
    """The options every benchmark takes: sizes, links per contact, repeats."""
    parser = argparse.ArgumentParser(description=doc.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=SIZES)
    parser.add_argument("--links", type=int, default=10, help="people each contact knows")
    parser.add_argument("--repeat", type=int, default=3)
    return parser.parse_args()
