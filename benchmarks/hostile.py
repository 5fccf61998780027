"""The time-and-memory audit: a corpus of generated hostile inputs, each command on each,
with its wall time and peak memory, in a table.

    python benchmarks/hostile.py                 # every input at 20 MB (a few minutes)
    python benchmarks/hostile.py --size 1        # 1 MB each, as the test suite runs it

Each input is built to hit one of the ways a reader or an analysis could go wrong: a
line that backtracks a pattern, a line with no end, nested brackets in a header, names a
letter or a digit apart, many openings against many people, numbers and names at their
limits. A command passes when it ends within 30 s and 2 GB, with a result or one of
warmreach's own messages (never a traceback). docs/security.md gives the table.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

#: the bounds every command must keep on every input (docs/security.md)
MAX_SECONDS = 30.0
MAX_BYTES = 2 << 30

_MEASURE = """
import resource, sys
from warmreach.cli import main
sys.argv = ["warmreach", *sys.argv[1:]]
try:
    main()
except SystemExit as end:
    code = end.code
else:
    code = 0
sys.stderr.write(f"\\nPEAK {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}\\n")
sys.exit(code if isinstance(code, int) else 1)
"""


@dataclass(frozen=True)
class Case:
    """One hostile input and the command run on it."""

    name: str
    command: list[str]
    #: writes the input into a folder, at about ``size`` bytes; returns its path
    make: Callable[[Path, int], Path]


@dataclass(frozen=True)
class Outcome:
    case: str
    size: int
    seconds: float
    peak_bytes: int
    code: int
    traceback: bool

    @property
    def kept(self) -> bool:
        return (
            self.seconds <= MAX_SECONDS
            and self.peak_bytes <= MAX_BYTES
            and not self.traceback
            and self.code in (0, 1, 2, 3)
        )


_MAIL_HEADER = (
    "From bo@a.test Mon Nov  2 10:00:00 +0000 2026\nFrom: Bo <bo@a.test>\n"
    "To: Ana <ana@home.test>, Cy <cy@a.test>\nDate: Mon, 2 Nov 2026 10:00:00 +0000\n\n"
)


def _write(folder: Path, name: str, data: str | bytes) -> Path:
    path = folder / name
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def _from_lines(folder: Path, size: int) -> Path:
    return _write(folder, "from.mbox", _MAIL_HEADER + "From a 00:00 " + "00:00 " * (size // 6))


def _one_line(folder: Path, size: int) -> Path:
    return _write(folder, "line.mbox", _MAIL_HEADER + "y" * size)


def _brackets(folder: Path, size: int) -> Path:
    message = (
        "From x@y Mon Nov  2 10:00:00 +0000 2026\nFrom: " + "(" * 2000 + "\nTo: a@b.test\n\nb\n"
    )
    return _write(folder, "brackets.mbox", message * max(1, size // len(message)))


def _threads(folder: Path, size: int) -> Path:
    one = (
        "From x@y Mon Nov  2 10:00:00 +0000 2026\nFrom: Bo <bo@a.test>\n"
        "To: Ana <ana@home.test>\nCc: Cy <cy@a.test>, Di <di@a.test>\n"
        "Message-ID: <m{i}@a.test>\nIn-Reply-To: <m0@a.test>\nReferences: <m0@a.test>\n\nb\n"
    )
    count = max(1, size // len(one))
    return _write(folder, "threads.mbox", "".join(one.format(i=i) for i in range(count)))


def _calendar(folder: Path, size: int) -> Path:
    event = (
        "BEGIN:VEVENT\nDTSTART:20261102T090000Z\nORGANIZER;CN=Bo:mailto:bo@a.test\n"
        "ATTENDEE;CN=Ana:mailto:ana@home.test\nATTENDEE;CN=Cy {i}:mailto:cy{i}@a.test\n"
        "END:VEVENT\n"
    )
    count = max(1, size // len(event))
    body = "".join(event.format(i=i) for i in range(count))
    return _write(folder, "calendar.ics", f"BEGIN:VCALENDAR\n{body}END:VCALENDAR\n")


def _connections(folder: Path, size: int) -> Path:
    row = "Person,{i:07d},,,Acme Corp {i:07d},Engineer,12 Mar 2020\n"
    count = max(1, size // len(row))
    header = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
    return _write(
        folder, "Connections.csv", header + "".join(row.format(i=i) for i in range(count))
    )


def _near_companies(folder: Path, size: int) -> Path:
    row = "  - {{name: P{i}, company: Acme Corp {i:07d}, trust: 2}}\n"
    count = max(1, size // len(row))
    text = "me: {name: Ana, seeking: {companies: [Acme Corp 0000001]}}\ncontacts:\n"
    return _write(folder, "near.yaml", text + "".join(row.format(i=i) for i in range(count)))


def _openings(folder: Path, size: int) -> Path:
    roles = ["Product Manager", "Data Scientist", "Software Engineer", "Designer", "Analyst"]
    opening = "  - {{company: Co {c}, team: Team {i}, role: {role}}}\n"
    person = (
        "  - {{name: P {i}, company: Co {c}, team: Team {t}, title: Senior {role} {k}, "
        "trust: {trust}, knows_my_work: 2}}\n"
    )
    count = max(1, size // (len(opening) + 2 * len(person)))
    openings = "".join(
        opening.format(c=i % 50, i=i, role=roles[i % 5]) for i in range(count // 2 or 1)
    )
    people = "".join(
        person.format(
            i=i, c=i % 50, t=i % (count // 2 or 1), role=roles[i % 5], k=i % 13, trust=i % 6
        )
        for i in range(count)
    )
    me = "me: {name: Ana, seeking: {roles: [Product Manager], industries: [Climate Tech]}}\n"
    return _write(folder, "openings.yaml", f"{me}openings:\n{openings}contacts:\n{people}")


def _limits(folder: Path, size: int) -> Path:
    long_name = "N" * min(size // 4, 100_000)
    text = (
        "me: {name: Ana}\ncontacts:\n"
        f"  - {{name: {long_name}, trust: {'9' * 5000}, knows_my_work: -1}}\n"
        f"  - {{name: B, company: {'C' * min(size // 4, 100_000)}, met: 99999-99-99}}\n"
    )
    return _write(folder, "limits.yaml", text)


def cases() -> list[Case]:
    """Every input of the audit, with the command it is given to (``{input}`` and
    ``{output}`` stand for the files)."""
    limit = ["--max-size", "100"]
    mail = ["--output", "{output}", "--force", "--me", "Ana", "--me-email", "ana@home.test"]
    report = ["{input}", *limit, "--as-of", "2026-11-25"]
    return [
        Case(
            "mbox: a body line of 'From a 00:00 ...'",
            ["import", "mbox", "{input}", *mail, *limit],
            _from_lines,
        ),
        Case("mbox: one line with no end", ["import", "mbox", "{input}", *mail, *limit], _one_line),
        Case(
            "mbox: From headers of 2,000 '('",
            ["import", "mbox", "{input}", *mail, *limit],
            _brackets,
        ),
        Case(
            "mbox: one long thread of three", ["import", "mbox", "{input}", *mail, *limit], _threads
        ),
        Case("ics: many small meetings", ["import", "ics", "{input}", *mail, *limit], _calendar),
        Case(
            "linkedin: companies a digit apart",
            [
                "import",
                "linkedin",
                "{input}",
                "--output",
                "{output}",
                "--force",
                "--me",
                "Ana",
                *limit,
            ],
            _connections,
        ),
        Case("validate: companies a digit apart", ["validate", "{input}", *limit], _near_companies),
        Case("analyze: companies a digit apart", ["analyze", *report], _near_companies),
        Case("plan: many openings and people", ["plan", *report], _openings),
        Case("gaps: many openings and people", ["gaps", *report], _openings),
        Case(
            "validate: numbers and names at their limits", ["validate", "{input}", *limit], _limits
        ),
    ]


def run(size: int) -> Iterator[Outcome]:
    """Each case at about ``size`` bytes, measured."""
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        for case in cases():
            path = case.make(folder, size)
            started = time.perf_counter()
            done = subprocess.run(
                [
                    sys.executable,
                    "-c",
                    _MEASURE,
                    *(
                        part.format(input=path, output=folder / f"{path.stem}.out.yaml")
                        for part in case.command
                    ),
                ],
                capture_output=True,
                text=True,
                timeout=MAX_SECONDS * 4,
                check=False,
            )
            seconds = time.perf_counter() - started
            peak = next(
                (
                    int(line.split()[1]) * 1024
                    for line in done.stderr.splitlines()[::-1]
                    if line.startswith("PEAK ")
                ),
                0,
            )
            yield Outcome(
                case=case.name,
                size=path.stat().st_size,
                seconds=seconds,
                peak_bytes=peak,
                code=done.returncode,
                traceback="Traceback" in done.stderr,
            )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=float, default=20.0, help="MB per input")
    args = parser.parse_args()
    print(f"| input | size | seconds | peak memory | exit | within {MAX_SECONDS:g} s and 2 GB |")
    print("|---|---:|---:|---:|---:|---|")
    for outcome in run(int(args.size * 1_000_000)):
        print(
            f"| {outcome.case} | {outcome.size / 1e6:.1f} MB | {outcome.seconds:.1f} | "
            f"{outcome.peak_bytes / 1e6:.0f} MB | {outcome.code} | "
            f"{'yes' if outcome.kept else 'NO'} |"
        )


if __name__ == "__main__":
    main()
