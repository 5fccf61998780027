"""Time ``warmreach import mbox`` on generated mailboxes, and print a table.

    python benchmarks/bench_mbox.py                          # 20,000 and 200,000 messages
    python benchmarks/bench_mbox.py --messages 20000 --body 10000 100000   # 0.2 and 2 GB

Each mailbox is written to a temporary folder first: invented people (warmreach.synthetic's
name lists) at a few hundred companies, one in ten messages bulk, some copied to a few
others, bodies of ``--body`` bytes (10 kB each makes 200,000 messages about 2 GB, what a
Gmail Takeout of a few years holds). Each import runs in a fresh process, as a user runs
it, so its peak memory (the process's maximum resident size) is its own: flat memory shows
as the same peak for a mailbox ten times the size.
"""

from __future__ import annotations

import argparse
import itertools
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _common import table

from warmreach.synthetic import FIRST, LAST, PREFIX, SUFFIX

ME = "mira.okafor@home.example"
DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")

#: what the child process runs: the import a user runs, then its own peak memory
CHILD = """
import resource, sys
from warmreach.cli import app
try:
    app(["import", "mbox", sys.argv[1], "--output", sys.argv[2], "--me", "Mira Okafor",
         "--me-email", sys.argv[3]])
except SystemExit as done:
    if done.code:
        raise
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)
"""


def write_mailbox(path: Path, messages: int, body: int, seed: int = 0) -> int:
    """An mbox of ``messages`` invented messages; returns its size in bytes."""
    rng = random.Random(seed)
    companies = [f"{p}{s}".lower() for p in PREFIX for s in SUFFIX][:300]
    people = [
        (f"{rng.choice(FIRST)} {rng.choice(LAST)}", rng.choice(companies)) for _ in range(3000)
    ]
    people = [
        (name, f"{name.lower().replace(' ', '.')}{index}@{company}.example")
        for index, (name, company) in enumerate(people)
    ]
    line = ("lorem ipsum dolor sit amet " * 3).strip() + "\n"
    text = (line * (body // len(line) + 1))[:body]
    with path.open("w", encoding="utf-8") as stream:
        for number in range(messages):
            name, address = rng.choice(people)
            year, month, day = 2020 + number * 7 // messages, rng.randrange(12), rng.randrange(28)
            stamp = f"{DAYS[day % 7]} {MONTHS[month]} {day + 1:2d} 10:{number % 60:02d}:00 {year}"
            headers = [f"From {number}@xxx {stamp}"]
            kind = rng.random()
            if kind < 0.1:
                headers += [
                    f"From: News <news@{address.split('@')[1]}>",
                    f"To: {ME}",
                    "List-Unsubscribe: <mailto:off@news.example>",
                ]
            elif kind < 0.4:
                headers += [
                    f"From: Mira Okafor <{ME}>",
                    f"To: {name} <{address}>",
                    "X-Gmail-Labels: Sent",
                ]
            else:
                headers += [f"From: {name} <{address}>", f"To: {ME}", "X-Gmail-Labels: Inbox"]
                if kind > 0.9:
                    copied = rng.sample(people, rng.randrange(1, 5))
                    headers.append("Cc: " + ", ".join(f"{n} <{a}>" for n, a in copied))
            headers.append(
                f"Date: {DAYS[day % 7]}, {day + 1} {MONTHS[month]} {year} 10:00:00 +0000"
            )
            headers += [f"Subject: message {number}", f"Message-ID: <{number}@mail.example>"]
            stream.write("\n".join(headers) + "\n\n" + text + "\n")
    return path.stat().st_size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--messages", type=int, nargs="+", default=[20_000, 200_000])
    parser.add_argument("--body", type=int, nargs="+", default=[10_000], help="bytes of a body")
    args = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        for count, body in itertools.product(args.messages, args.body):
            mbox = Path(folder) / f"mail-{count}.mbox"
            size = write_mailbox(mbox, count, body)
            output = Path(folder) / f"network-{count}.yaml"
            started = time.perf_counter()
            done = subprocess.run(
                [sys.executable, "-c", CHILD, str(mbox), str(output), ME],
                capture_output=True,
                text=True,
                check=True,
            )
            seconds = time.perf_counter() - started
            peak_mb = int(done.stderr.strip().splitlines()[-1]) / 1024
            written = output.read_text(encoding="utf-8")
            contacts, links = written.count("\n  - name: "), written.count("strength: ")
            rows.append(
                [
                    f"{count:,}",
                    f"{size / 1e6:,.0f}",
                    f"{contacts:,}",
                    f"{links:,}",
                    f"{seconds:.1f}",
                    f"{size / 1e6 / seconds:.0f}",
                    f"{count / seconds:,.0f}",
                    f"{peak_mb:.0f}",
                ]
            )
            mbox.unlink()
    print(
        table(
            [
                ("messages", 9),
                ("file MB", 8),
                ("contacts", 9),
                ("links", 7),
                ("seconds", 8),
                ("MB/s", 5),
                ("messages/s", 11),
                ("peak MB", 8),
            ],
            rows,
        )
    )


if __name__ == "__main__":
    main()
