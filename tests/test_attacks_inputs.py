"""The second audit: inputs that hung, grew memory with one line, or raised a traceback,
and promises the docs made that were not kept. Each case is written from its report with
inputs of our own; bounds are checked by counting work or memory, or as a ratio to reading
the same bytes, never as seconds.
"""

from __future__ import annotations

import io
import time
import tracemalloc
from pathlib import Path

from typer.testing import CliRunner

from warmreach.cli import app
from warmreach.importers import read_mbox

HEADER = (
    b"From bo@a.test Mon Nov  2 10:00:00 +0000 2026\n"
    b"From: Bo <bo@a.test>\nTo: Ana <ana@home.test>\nDate: Mon, 2 Nov 2026 10:00:00 +0000\n\n"
)


def _seconds(data: bytes) -> float:
    start = time.perf_counter()
    read_mbox(io.BytesIO(data), "m.mbox", own=["ana@home.test"])
    return time.perf_counter() - start


def test_a_body_line_that_looks_like_a_from_line_reads_in_linear_time() -> None:
    size = 1 << 20
    hostile = HEADER + b"From a 00:00 00:00 " + b"00:00 " * (size // 6) + b"\n"
    plain = HEADER + b"x" * (len(hostile) - len(HEADER) - 1) + b"\n"
    _seconds(plain)  # warm up
    ratio = min(_seconds(hostile) for _ in range(3)) / max(
        min(_seconds(plain) for _ in range(3)), 1e-3
    )
    assert ratio < 20, ratio  # it took minutes: quadratic backtracking


def test_one_line_of_twenty_megabytes_keeps_memory_flat() -> None:
    data = io.BytesIO(HEADER + b"y" * (20 << 20) + b"\n" + HEADER)
    tracemalloc.start()
    try:
        read_mbox(data, "m.mbox", own=["ana@home.test"])
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 2 << 20, peak  # the whole line was held: 2 GB for a 1.2 GB line


def test_a_from_header_of_a_thousand_brackets_is_a_skipped_message(tmp_path: Path) -> None:
    mbox = tmp_path / "m.mbox"
    mbox.write_bytes(
        b"From x@y Mon Nov  2 10:00:00 +0000 2026\nFrom: " + b"(" * 1000 + b"\nTo: a@b.test\n\nb\n"
    )
    result = CliRunner().invoke(
        app, ["import", "mbox", str(mbox), "--output", str(tmp_path / "n.yaml"), "--me", "Ana"]
    )
    assert result.exit_code == 0, result.output
    assert "1 message that could not be read" in result.stdout
    assert "Traceback" not in result.output


def test_a_number_of_five_thousand_digits_is_a_located_error(tmp_path: Path) -> None:
    path = tmp_path / "n.yaml"
    path.write_text("me: {name: Ana}\ncontacts:\n  - {name: Bo, trust: " + "9" * 5000 + "}\n")
    result = CliRunner().invoke(app, ["validate", str(path)])
    assert result.exit_code == 3  # invalid input
    assert result.stderr.startswith(f"{path}:3:23: contacts[0].trust must be a whole number")
    assert "(5000 characters)" in result.stderr and len(result.stderr) < 300
