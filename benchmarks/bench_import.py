"""Time ``warmreach import linkedin`` on generated Connections.csv exports, and print a table.

    python benchmarks/bench_import.py                 # 1k, 10k and 30k rows
    python benchmarks/bench_import.py --sizes 30000 --repeat 1

For each size: reading the export, writing a new network file from it, loading that file,
and merging the same export into it again (every row matches: nothing changes). Seconds,
best of ``--repeat``. The people are synthetic (warmreach.synthetic's name lists).
"""

from __future__ import annotations

import csv
import random
import tempfile
from functools import partial
from pathlib import Path

from _common import arguments, best_of, table
from typer.testing import CliRunner

from warmreach.cli import app
from warmreach.importers import read_linkedin
from warmreach.networkfile import load_network
from warmreach.synthetic import FIRST, LAST, PREFIX, SUFFIX, TITLES

HEADER = ["First Name", "Last Name", "URL", "Email Address", "Company", "Position", "Connected On"]
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def write_export(folder: Path, rows: int, seed: int = 0, start: int = 0) -> Path:
    """A LinkedIn-style Connections.csv of ``rows`` invented people, with its preamble;
    their profile addresses are numbered from ``start`` (another start: other people)."""
    rng = random.Random(seed)
    path = folder / f"Connections-{rows}.csv"
    with path.open("w", encoding="utf-8", newline="") as stream:
        stream.write('Notes:\n"Some e-mail addresses may be missing."\n\n')
        writer = csv.writer(stream)
        writer.writerow(HEADER)
        for number in range(start, start + rows):
            first, last = rng.choice(FIRST), rng.choice(LAST)
            company = rng.choice(PREFIX) + rng.choice(SUFFIX)
            writer.writerow(
                [
                    first,
                    last,
                    f"https://www.linkedin.com/in/{first}-{last}-{number}".lower(),
                    f"{first}.{last}.{number}@example.org".lower() if number % 3 == 0 else "",
                    company,
                    rng.choice(TITLES),
                    f"{rng.randint(1, 28):02d} {rng.choice(MONTHS)} {rng.randint(2008, 2026)}",
                ]
            )
    return path


def main() -> None:
    args = arguments(__doc__)
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        for size in args.sizes:
            export = write_export(Path(folder), size)
            data = export.read_bytes()
            read, _ = best_of(args.repeat, partial(read_linkedin, data, "Connections.csv"))
            output = Path(folder) / f"network-{size}.yaml"
            command = ["import", "linkedin", str(export), "--output", str(output)]
            new, result = best_of(
                args.repeat,
                partial(CliRunner().invoke, app, [*command, "--me", "Ana Lima", "--force"]),
            )
            assert result.exit_code == 0, result.output
            load, _ = best_of(args.repeat, partial(load_network, output))
            merge, result = best_of(1, partial(CliRunner().invoke, app, [*command, "--merge"]))
            assert result.exit_code == 0, result.output
            rows.append([f"{size:,}", *(f"{seconds:.2f}" for seconds in (read, new, load, merge))])
    header = [("rows", 8), ("read", 6), ("import", 7), ("load it", 8), ("merge again", 12)]
    print(table(header, rows))


if __name__ == "__main__":
    main()
