"""Time ``warmreach jobs`` and ``warmreach review`` on generated networks, and print a table.

    python benchmarks/bench_targets.py                # 1k, 10k and 30k contacts
    python benchmarks/bench_targets.py --sizes 1000 --repeat 5

For each size, as whole commands with the cache warm: ``analyze`` of the file's three
openings, ``jobs`` on a list of 200 postings over 60 of the network's companies (read,
matched, each ranked), and their ratio (the goal: at most 3); then the review queue of
the same network with every tie left unwritten, as an import leaves it (in the library,
the index built). Seconds, best of ``--repeat`` (the queue: one run), side by side in one
run.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import tempfile
from functools import partial
from pathlib import Path

from _common import arguments, best_of, table, write_network
from typer.testing import CliRunner

from warmreach import load_network
from warmreach.cli import app
from warmreach.graph import NetworkIndex
from warmreach.review import review_queue

AS_OF = dt.date(2026, 11, 25)
ROLES = ["Product Manager", "Data Scientist", "Software Engineer", "Designer"]


def postings_csv(companies: list[str]) -> bytes:
    """200 postings over the first 60 companies, written as sites write company names."""
    rows = ["company,title,url"]
    for number in range(200):
        name = companies[number % min(60, len(companies))]
        written = (name, f"{name} Inc.", name.upper(), f"{name} AB")[number % 4]
        rows.append(f'"{written}",{ROLES[number % 4]},https://jobs.example/{number}')
    return ("\n".join(rows) + "\n").encode()


def command(*args: str) -> None:
    """Run one warmreach command in this process, as the command line does."""
    result = CliRunner().invoke(app, list(args))
    assert result.exit_code == 0, result.output


def measure(path: Path, repeat: int) -> list[str]:
    """One row of the table, for the network at ``path``."""
    network = load_network(path)
    postings = path.with_suffix(".csv")
    postings.write_bytes(postings_csv(sorted(company.name for company in network.companies)))
    day = ["--as-of", AS_OF.isoformat(), "--format", "json"]
    command("validate", str(path))  # the cache is warm for both commands
    one, _ = best_of(repeat, partial(command, "analyze", str(path), *day))
    listed, _ = best_of(repeat, partial(command, "jobs", str(path), str(postings), *day))
    unwritten = dataclasses.replace(
        network,
        contacts=tuple(
            dataclasses.replace(c, trust_written=False, work_written=False, last_contact=None)
            for c in network.contacts
        ),
    )
    index = NetworkIndex.build(unwritten)
    seconds, queue = best_of(1, partial(review_queue, unwritten, as_of=AS_OF, index=index))
    return [
        f"{len(network.contacts):,}",
        f"{one:.2f}",
        f"{listed:.2f}",
        f"{listed / one:.1f}",
        f"{seconds:.2f}",
        f"{len(queue)}",
    ]


def main() -> None:
    options = arguments(__doc__ or "")
    with tempfile.TemporaryDirectory() as folder:
        rows = [
            measure(write_network(Path(folder), size, options.links), options.repeat)
            for size in options.sizes
        ]
    header = [
        ("contacts", 9),
        ("analyze", 8),
        ("jobs (200)", 11),
        ("ratio", 6),
        ("review queue", 13),
        ("asked", 6),
    ]
    print(table(header, rows))


if __name__ == "__main__":
    main()
