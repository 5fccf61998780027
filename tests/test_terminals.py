"""Output that survives every terminal and stream: a report is never lost to an encoding."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import ROOT

SAMPLE = ROOT / "sample_networks" / "career-switcher.yaml"
DAY = ["--as-of", "2026-11-25"]
COMMANDS = [
    ["analyze", str(SAMPLE), *DAY],
    ["analyze", str(SAMPLE), *DAY, "--format", "markdown"],
    ["gaps", str(SAMPLE), *DAY],
    ["plan", str(SAMPLE), *DAY, "--messages"],
    ["validate", str(SAMPLE)],
    ["review", str(SAMPLE), *DAY],
    ["schema"],
]


def warmreach(args: list[str], encoding: str) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "PYTHONIOENCODING": encoding, "COLUMNS": "120"}
    return subprocess.run(
        [sys.executable, "-m", "warmreach", *args],
        capture_output=True, env=env, stdin=subprocess.DEVNULL, check=False, timeout=120,
    )  # fmt: skip


@pytest.mark.parametrize("encoding", ["cp1252", "ascii"])
@pytest.mark.parametrize("args", COMMANDS, ids=lambda args: "-".join(args[:1] + args[3:5]))
def test_every_report_is_whole_in_a_narrow_encoding(args: list[str], encoding: str) -> None:
    whole = warmreach(args, "utf-8")
    narrow = warmreach(args, encoding)
    assert narrow.returncode == whole.returncode == 0, narrow.stderr.decode(encoding, "replace")
    assert b"Traceback" not in narrow.stderr
    # (for ASCII, the command line library writes UTF-8 itself: an ASCII setting is
    # taken for a misconfigured one)
    text = narrow.stdout.decode(encoding if encoding != "ascii" else "utf-8")
    assert text.count("\n") == whole.stdout.decode("utf-8").count("\n")  # nothing cut short
    for table in _tables(text):
        assert len({len(line) for line in table}) == 1, table  # its lines stay aligned
    if encoding == "cp1252" and "→" in whole.stdout.decode("utf-8"):
        assert b"written plainly" in narrow.stderr
        assert "→" not in text and " > " in text


def _tables(text: str) -> list[list[str]]:
    """The runs of lines that draw a table (with ``+`` corners)."""
    tables: list[list[str]] = []
    current: list[str] = []
    for line in [*text.splitlines(), ""]:
        if line.startswith(("+", "|")) and (current or line.startswith("+")):
            current.append(line)
        elif current:
            tables.append(current)
            current = []
    return tables


def test_a_report_written_to_a_file_is_utf8_whatever_the_terminal(tmp_path: Path) -> None:
    output = tmp_path / "report.txt"
    done = warmreach(["analyze", str(SAMPLE), *DAY, "--output", str(output)], "ascii")
    assert done.returncode == 0
    assert "→" in output.read_text(encoding="utf-8")
    assert b"written plainly" not in done.stderr


def in_a_terminal(args: list[str], columns: int, term: str = "dumb") -> str:
    """What a command prints in a real pseudo-terminal of ``columns`` columns."""
    import pty
    import select
    import struct
    import termios
    from fcntl import ioctl

    leader, follower = pty.openpty()
    ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 50, columns, 0, 0))
    env = {**os.environ, "COLUMNS": str(columns), "LINES": "50", "TERM": term}
    process = subprocess.Popen(
        [sys.executable, "-m", "warmreach", *args],
        stdin=follower, stdout=follower, stderr=follower, env=env, close_fds=True,
    )  # fmt: skip
    os.close(follower)
    chunks = []
    while True:
        ready, _, _ = select.select([leader], [], [], 60)
        if not ready:
            break
        try:
            chunk = os.read(leader, 65536)
        except OSError:
            break
        if not chunk:
            break
        chunks.append(chunk)
    process.wait(timeout=60)
    os.close(leader)
    return b"".join(chunks).decode("utf-8").replace("\r\n", "\n")


@pytest.mark.parametrize("columns", [60, 80, 120])
@pytest.mark.parametrize("sample", ["career-switcher", "senior-engineer", "new-graduate"])
def test_every_name_is_printed_whole_in_a_terminal(columns: int, sample: str) -> None:
    import json

    network = str(ROOT / "sample_networks" / f"{sample}.yaml")
    report = json.loads(warmreach(["analyze", network, *DAY, "--format", "json"], "utf-8").stdout)
    names = {c["name"] for target in report["targets"] for c in target["candidates"]}
    text = in_a_terminal(["analyze", network, *DAY], columns)
    assert names and all(name in text for name in names), sorted(n for n in names if n not in text)
    assert "…" not in text
    plan = json.loads(warmreach(["plan", network, *DAY, "--format", "json"], "utf-8").stdout)
    people = {step["name"] for step in plan["actions"]}
    text = in_a_terminal(["plan", network, *DAY], columns)
    assert all(name in text for name in people), sorted(n for n in people if n not in text)
    assert "…" not in text


def test_long_work_shows_a_spinner_in_a_terminal_and_short_work_none(tmp_path: Path) -> None:
    import yaml

    from warmreach.synthetic import generate_network

    big = tmp_path / "big.yaml"
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    big.write_text(yaml.dump(generate_network(15000, 5, seed=1), Dumper=dumper), encoding="utf-8")
    text = in_a_terminal(["--no-cache", "analyze", str(big), *DAY, "--top", "2"], 120, "xterm")
    assert "working on" in text  # parsing 15,000 people takes more than a second
    assert text.count("Referral report for") == 1  # and the report is whole after it
    quick = in_a_terminal(["analyze", str(SAMPLE), *DAY], 120, "xterm")
    assert "working on" not in quick
    os.environ["NO_COLOR"] = "1"
    try:
        plain = in_a_terminal(["--no-cache", "analyze", str(big), *DAY, "--top", "2"], 120, "xterm")
    finally:
        del os.environ["NO_COLOR"]
    assert "working on" in plain and "\x1b[32m" not in plain and "\x1b[32m" in text  # NO_COLOR
    piped = warmreach(["--no-cache", "analyze", str(big), *DAY, "--top", "2"], "utf-8")
    assert b"working on" not in piped.stderr  # never outside a terminal


def test_a_large_merge_shows_each_stage_in_a_terminal_and_nothing_outside(
    tmp_path: Path,
) -> None:
    """The bar goes through the people merged, the file checked as it will be written,
    then kept; a file's name is shown as written, never read as markup."""
    header = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
    rows = [
        f"Person{number},Example,https://www.linkedin.com/in/p-{number},,Firm{number % 97},"
        "Engineer,01 Jan 2020\n"
        for number in range(2500)
    ]
    export = tmp_path / "Connections.csv"
    export.write_text(header + "".join(rows[:1000]), encoding="utf-8")
    output = tmp_path / "[bold]net.yaml"
    command = ["import", "linkedin", str(export), "--output", str(output)]
    assert warmreach([*command, "--me", "Ana"], "utf-8").returncode == 0
    export.write_text(header + "".join(rows), encoding="utf-8")
    text = in_a_terminal([*command, "--merge"], 120, "xterm")
    for stage in (
        "merging 2,500 people into [bold]net.yaml",
        "writing [bold]net.yaml",
        "checking [bold]net.yaml",
        "keeping [bold]net.yaml for the next command",
    ):
        assert stage in text, stage
    assert "1500 new" in text  # and the summary after it
    export.write_text(export.read_text().replace("Engineer", "Manager"))
    piped = warmreach([*command, "--merge"], "utf-8")
    assert piped.returncode == 0 and b"merging" not in piped.stderr
