"""``warmreach analyze`` against a plain-Python path finder answering the same question.

    python benchmarks/bench_reference.py                    # 100, 1k, 10k, 30k contacts
    python benchmarks/bench_reference.py --sizes 1000 --repeat 7

For each size, a generated network (5 links per contact) is written as JSON, which is
also YAML, so both read the very same file. The question: the best routes from you to
the 20 best-placed people at the first opening's company. ``warmreach analyze FILE
--target COMPANY --top 20 --format json`` (cold: ``--no-cache``, so the file is parsed;
and warm: the validated network from the cache) runs against ``reference_paths.py`` (the
standard library only: ``json`` and one Dijkstra), each in a fresh process, in pairs, one
right after the other. The table gives each one's median seconds and the median of the
paired ratios (warmreach ÷ reference): below 1 warmreach is faster.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _common import table

from warmreach.synthetic import generate_network

AS_OF = "2026-11-25"
HERE = Path(__file__).resolve().parent


def _seconds(command: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 10_000, 30_000])
    parser.add_argument("--links", type=int, default=5)
    parser.add_argument("--repeat", type=int, default=5)
    options = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        for size in options.sizes:
            tree = generate_network(size, options.links, seed=0)
            path = Path(folder) / f"network-{size}.json"
            path.write_text(json.dumps(tree), encoding="utf-8")
            company = tree["openings"][0]["company"]
            reference = [sys.executable, str(HERE / "reference_paths.py"), str(path), company]
            warmreach = [sys.executable, "-m", "warmreach"]
            question = ["analyze", str(path), "--target", company, "--top", "20"]
            question += ["--format", "json", "--as-of", AS_OF]
            cold = [*warmreach, "--no-cache", *question]
            warm = [*warmreach, *question]
            _seconds(warm)  # fills the cache (and the disk's)
            pairs: list[tuple[float, float, float]] = []
            for _ in range(options.repeat):
                pairs.append((_seconds(reference), _seconds(cold), _seconds(warm)))
            refs, colds, warms = zip(*pairs, strict=True)
            rows.append(
                [
                    f"{size:,}",
                    f"{statistics.median(refs):.3f}",
                    f"{statistics.median(colds):.3f}",
                    f"{statistics.median(warms):.3f}",
                    f"{statistics.median(c / r for r, c, _ in pairs):.2f}",
                    f"{statistics.median(w / r for r, _, w in pairs):.2f}",
                ]
            )
    print(
        table(
            [
                ("contacts", 9),
                ("reference", 10),
                ("cold", 8),
                ("warm", 8),
                ("cold ÷ ref", 11),
                ("warm ÷ ref", 11),
            ],
            rows,
        )
    )


if __name__ == "__main__":
    main()
